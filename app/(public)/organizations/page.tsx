import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { OrganizationEmptyResults } from "@/components/organizations/organization-empty";
import { OrganizationFilters } from "@/components/organizations/organization-filters";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { ExportLinks } from "@/components/ui/export-links";
import { FeedLink } from "@/components/ui/feed-link";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { listOrganizations } from "@/lib/organizations/queries";
import { OrganizationListSchema, organizationListQuery, type OrganizationListParams } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const [t, locale, params] = await Promise.all([getTranslations("organizations"), getLocale(), searchParams]);
  const feed = feedPath(OrganizationListSchema.parse(params), locale);
  return { title: t("title"), alternates: { types: { "application/atom+xml": feed } } };
}

/** The list's feed with its filters (not its order or page: a feed shows the newest records). */
function feedPath(params: OrganizationListParams, locale: string) {
  return paths.feeds.organizations({
    ...organizationListQuery(params),
    sort: undefined,
    page: undefined,
    perPage: undefined,
    lang: locale,
  });
}

export default async function OrganizationsPage({ searchParams }: Props) {
  const params = OrganizationListSchema.parse(await searchParams);
  const locale = toLocale(await getLocale());
  const [t, tFeeds, format, result] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("feeds"),
    getFormatter(),
    listOrganizations(params, locale),
  ]);
  const query = organizationListQuery(params);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <OrganizationFilters params={params} />
      <FeedLink href={feedPath(params, locale)} label={tFeeds("subscribe")} />
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
