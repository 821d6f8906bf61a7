import { getLocale, getTranslations } from "next-intl/server";
import { EmptyResults } from "@/components/ui/empty-results";
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
  const [t, tb] = await Promise.all([getTranslations("organizations"), getTranslations("browse")]);
  const query = organizationListQuery(params);
  if (total > 0)
    return (
      <EmptyResults
        title={tb("pastLastPage")}
        hint={tb("pastLastPageHint")}
        clearHref={paths.organizations({ ...query, page: undefined })}
        clearLabel={tb("firstPage")}
      />
    );
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
  return (
    <EmptyResults
      title={t("noMatch")}
      hint={tb("relaxHint")}
      relax={active.map(([key, label]) => ({
        label: tb("relaxOne", { filter: label }),
        href: paths.organizations({ ...query, [key]: undefined, page: undefined }),
      }))}
      clearHref={paths.organizations(organizationListQuery({ sort: params.sort, perPage: params.perPage }))}
      clearLabel={tb("clear")}
    />
  );
}
