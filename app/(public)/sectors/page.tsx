import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { SectorTable } from "@/components/sectors/sector-table";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeading } from "@/components/ui/page-heading";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { listSectorsWithCounts } from "@/lib/sectors/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("sectors"))("title") };
}

/** The 21 NACE sections and their 88 divisions, each with its number of organizations. */
export default async function SectorsPage() {
  const [t, locale, sections] = await Promise.all([getTranslations("sectors"), getLocale(), listSectorsWithCounts()]);
  const rows = sections.flatMap((section) => [section, ...section.divisions.map((division) => ({ ...division, isDivision: true }))]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <SectorTable
        rows={rows}
        caption={t("caption")}
        labels={{ code: t("code"), sector: t("sector"), organizations: t("organizationsCount") }}
      />
      <ExportLinks
        links={(["xlsx", "csv"] as const).map((file) => ({
          href: paths.api.sectorsExport(file, fileParams(toLocale(locale), file)),
          label: t(file === "xlsx" ? "downloadXlsx" : "downloadCsv"),
        }))}
      />
      <DataSource origin="sectors" />
    </>
  );
}
