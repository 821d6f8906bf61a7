import { getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { SectorTable } from "@/components/sectors/sector-table";
import { PageHeading } from "@/components/ui/page-heading";
import { listSectorsWithCounts } from "@/lib/sectors/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("sectors"))("title") };
}

/** The 21 NACE sections and their 88 divisions, each with its number of organizations. */
export default async function SectorsPage() {
  const [t, sections] = await Promise.all([getTranslations("sectors"), listSectorsWithCounts()]);
  const rows = sections.flatMap((section) => [section, ...section.divisions.map((division) => ({ ...division, isDivision: true }))]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <SectorTable
        rows={rows}
        caption={t("caption")}
        labels={{ code: t("code"), sector: t("sector"), organizations: t("organizationsCount") }}
      />
      <DataSource origin="sectors" />
    </>
  );
}
