import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { OrganizationEmptyResults } from "@/components/organizations/organization-empty";
import { OrganizationFilters } from "@/components/organizations/organization-filters";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { listOrganizations } from "@/lib/organizations/queries";
import { OrganizationListSchema, organizationListQuery } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("organizations"))("title") };
}

export default async function OrganizationsPage({ searchParams }: Props) {
  const params = OrganizationListSchema.parse(await searchParams);
  const locale = toLocale(await getLocale());
  const [t, format, result] = await Promise.all([getTranslations("organizations"), getFormatter(), listOrganizations(params, locale)]);
  const query = organizationListQuery(params);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <OrganizationFilters params={params} />
      <p className="tabular mb-4 text-xl font-bold" aria-live="polite">
        {t("count", { count: result.total, formatted: format.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <OrganizationEmptyResults params={params} total={result.total} />
      ) : (
        <>
          <OrganizationTable
            rows={result.items}
            caption={params.kind ? t(`kindsPlural.${params.kind}`) : t("title")}
            hideCaption={!params.kind}
          />
          <Pagination page={result} href={(page) => paths.organizations({ ...query, page })} />
          <ExportLinks
            links={[
              {
                href: paths.api.organizationsExport("xlsx", {
                  ...query,
                  page: undefined,
                  perPage: undefined,
                  ...fileParams(locale, "xlsx"),
                }),
                label: t("downloadXlsx"),
              },
              {
                href: paths.api.organizationsExport("csv", { ...query, page: undefined, perPage: undefined, ...fileParams(locale, "csv") }),
                label: t("downloadCsv"),
              },
            ]}
          />
        </>
      )}
      <DataSource />
    </>
  );
}
