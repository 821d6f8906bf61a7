import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OrganizationFilters } from "@/components/organizations/organization-filters";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { PageHeading } from "@/components/ui";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { toLocale } from "@/lib/i18n/locale";
import { listOrganizations } from "@/lib/organizations/queries";
import { OrganizationListSchema, hasOrganizationFilter, organizationListQuery } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("organizations"))("title") };
}

export default async function OrganizationsPage({ searchParams }: Props) {
  const params = OrganizationListSchema.parse(await searchParams);
  const locale = toLocale(await getLocale());
  const [t, tb, format, result] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("browse"),
    getFormatter(),
    listOrganizations(params, locale),
  ]);
  const query = organizationListQuery(params);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <OrganizationFilters params={params} />
      <p className="text-xl font-bold mb-4 tabular" aria-live="polite">
        {t("count", { count: result.total, formatted: format.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <EmptyResults
          title={result.total > 0 ? tb("pastLastPage") : t("noMatch")}
          hint={result.total > 0 ? tb("pastLastPageHint") : hasOrganizationFilter(params) ? tb("relaxHint") : t("empty")}
          clearHref={result.total > 0 ? paths.organizations({ ...query, page: undefined }) : hasOrganizationFilter(params) ? paths.organizations() : undefined}
          clearLabel={result.total > 0 ? tb("firstPage") : tb("clear")}
        />
      ) : (
        <>
          <OrganizationTable rows={result.items} caption={params.kind ? t(`kindsPlural.${params.kind}`) : t("title")} hideCaption={!params.kind} />
          <Pagination page={result} href={(page) => paths.organizations({ ...query, page })} />
        </>
      )}
    </>
  );
}
