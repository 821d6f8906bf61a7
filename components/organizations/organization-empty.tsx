import { getLocale, getTranslations } from "next-intl/server";
import { EmptyResults } from "@/components/ui/empty-results";
import { NoMatch } from "@/components/ui/no-match";
import { PastLastPage } from "@/components/ui/past-last-page";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { type OrganizationListParams, hasOrganizationFilter, organizationListQuery } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { getRegionName, listCountryOptions } from "@/lib/regions/queries";
import { getSector } from "@/lib/sectors/queries";

/**
 * The organizations list when a page has no rows: past the last page, or filters that match nothing. Then
 * each filter is offered for removal by name ("Without “Sector: B Mining and quarrying”"), and all at once.
 */
export async function OrganizationEmptyResults({ params, total }: { params: OrganizationListParams; total: number }) {
  const locale = toLocale(await getLocale());
  const t = await getTranslations("organizations");
  const query = organizationListQuery(params);
  const without = (key?: keyof typeof query) => paths.organizations({ ...query, ...(key && { [key]: undefined }), page: undefined });
  if (total > 0) return <PastLastPage firstPageHref={without()} />;
  if (!hasOrganizationFilter(params)) return <EmptyResults title={t("noMatch")} hint={t("empty")} />;

  const [region, sector, countries] = await Promise.all([
    params.region ? getRegionName(params.region) : null,
    params.sector ? getSector(params.sector) : null,
    params.country ? listCountryOptions(locale) : [],
  ]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const country = countries.find((c) => c.code === params.country);
  const active: [keyof typeof query, string][] = [];
  if (params.kind) active.push(["kind", `${t("kind")}: ${t(`kindsPlural.${params.kind}`)}`]);
  if (params.status) active.push(["status", `${t("status")}: ${t(`statuses.${params.status}`)}`]);
  if (params.country) active.push(["country", `${t("country")}: ${country ? name(country) : params.country}`]);
  if (params.region) active.push(["region", `${t("region")}: ${region ? name(region) : params.region}`]);
  if (params.founded) active.push(["founded", `${t("foundedYear")}: ${params.founded}`]);
  if (params.sector) active.push(["sector", `${t("sector")}: ${params.sector}${sector ? ` ${name(sector)}` : ""}`]);
  const clearHref = paths.organizations(organizationListQuery({ sort: params.sort, perPage: params.perPage }));
  return <NoMatch title={t("noMatch")} filters={active.map(([key, label]) => ({ label, href: without(key) }))} clearHref={clearHref} />;
}
