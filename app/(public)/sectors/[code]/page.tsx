import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { SectorTable } from "@/components/sectors/sector-table";
import { Muted } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { listOrganizations } from "@/lib/organizations/queries";
import { paths } from "@/lib/paths";
import { listSectorsWithCounts, getSector } from "@/lib/sectors/queries";
import { SectorCodeParamSchema, SectorPageParamsSchema } from "@/lib/sectors/schema";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The sector a URL names, or null: `/sectors/c` is section C, `/sectors/xyz` is no sector. */
async function sectorOf(params: Props["params"]) {
  const code = SectorCodeParamSchema.safeParse((await params).code);
  return code.success ? getSector(code.data) : null;
}

export async function generateMetadata({ params }: Props) {
  const [sector, locale] = await Promise.all([sectorOf(params), getLocale()]);
  return { title: sector ? `${sector.code} ${localized(locale, sector.nameEn, sector.nameRu)}` : undefined };
}

export default async function SectorPage({ params, searchParams }: Props) {
  const [sector, { page }] = await Promise.all([sectorOf(params), searchParams.then((raw) => SectorPageParamsSchema.parse(raw))]);
  if (!sector) notFound();
  const locale = toLocale(await getLocale());
  const [t, tb, format, organizations, counts] = await Promise.all([
    getTranslations("sectors"),
    getTranslations("browse"),
    getFormatter(),
    listOrganizations({ sector: sector.code, sort: "name-asc", page, perPage: 25 }, locale),
    sector.level === "section" ? listSectorsWithCounts() : null,
  ]);
  const name = (s: { nameEn: string; nameRu: string }) => localized(locale, s.nameEn, s.nameRu);
  const divisions = counts?.find((s) => s.code === sector.code)?.divisions ?? [];
  return (
    <>
      <PageHeading caption={sector.level === "section" ? t("section", { code: sector.code }) : t("division", { code: sector.code })}>
        {name(sector)}
      </PageHeading>
      <p className="mb-2">
        {sector.section ? (
          <Link href={paths.sector(sector.section.code)}>{t("inSection", { code: sector.section.code, name: name(sector.section) })}</Link>
        ) : (
          <Link href={paths.sectors()}>{t("allSectors")}</Link>
        )}
      </p>

      {divisions.length > 0 && (
        <Section title={t("divisions")} id="divisions">
          <SectorTable
            rows={divisions}
            caption={t("divisionsCaption")}
            labels={{ code: t("code"), sector: t("sector"), organizations: t("organizationsCount") }}
          />
        </Section>
      )}

      <Section title={t("organizations")} id="organizations">
        {organizations.total === 0 ? (
          <Muted>{t("noOrganizations")}</Muted>
        ) : organizations.items.length === 0 ? (
          <EmptyResults
            title={tb("pastLastPage")}
            hint={tb("pastLastPageHint")}
            clearHref={`${paths.sector(sector.code)}#organizations`}
            clearLabel={tb("firstPage")}
          />
        ) : (
          <>
            <p className="mb-4">
              <Link href={paths.organizations({ sector: sector.code })}>{t("seeInList")}</Link>{" "}
              <span className="tabular text-muted">({format.number(organizations.total)})</span>
            </p>
            <OrganizationTable rows={organizations.items} caption={t("organizations")} />
            <Pagination page={organizations} href={(n) => `${paths.sector(sector.code, { page: n })}#organizations`} />
          </>
        )}
      </Section>
      <DataSource origin="sectors" />
    </>
  );
}
