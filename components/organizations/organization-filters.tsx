import { getLocale, getTranslations } from "next-intl/server";
import { RegionSelectFilter } from "@/components/regions/region-select-filter";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { InputFilter } from "@/components/ui/input-filter";
import { OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import {
  FOUNDED_YEAR_MAX,
  FOUNDED_YEAR_MIN,
  type OrganizationListParams,
  hasOrganizationFilter,
  organizationListQuery,
  organizationSorts,
} from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { listCountryOptions } from "@/lib/regions/queries";
import { listSectorOptions } from "@/lib/sectors/queries";

/** Kind, status, country, region, sector, founded year and order of the organizations list. */
export async function OrganizationFilters({ params }: { params: OrganizationListParams }) {
  const locale = toLocale(await getLocale());
  const [t, tb, countries, sections] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("browse"),
    listCountryOptions(locale),
    listSectorOptions(),
  ]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const clear = paths.organizations(organizationListQuery({ sort: params.sort, perPage: params.perPage }));
  return (
    <FilterForm
      action={paths.organizations()}
      label={tb("filtersLabel")}
      applyLabel={tb("apply")}
      clearLabel={tb("clear")}
      clearHref={hasOrganizationFilter(params) ? clear : undefined}
      hidden={{ perPage: organizationListQuery(params).perPage }}
    >
      <SelectFilter
        name="kind"
        label={t("kind")}
        value={params.kind}
        anyLabel={tb("any")}
        options={Object.values(OrganizationKind).map((kind) => ({ value: kind, label: t(`kindsPlural.${kind}`) }))}
      />
      <SelectFilter
        name="status"
        label={t("status")}
        value={params.status}
        anyLabel={tb("any")}
        options={Object.values(OrganizationStatus).map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <SelectFilter
        name="country"
        label={t("country")}
        value={params.country}
        anyLabel={tb("any")}
        options={countries.map((c) => ({ value: c.code, label: name(c) }))}
      />
      <RegionSelectFilter label={t("region")} value={params.region} anyLabel={tb("any")} />
      <SelectFilter
        name="sector"
        label={t("sector")}
        value={params.sector}
        anyLabel={tb("any")}
        groups={sections.map((section) => ({
          label: `${section.code} ${name(section)}`,
          options: [
            { value: section.code, label: t("wholeSection", { code: section.code }) },
            ...section.divisions.map((d) => ({ value: d.code, label: `${d.code} ${name(d)}` })),
          ],
        }))}
      />
      <InputFilter
        name="founded"
        label={t("foundedYear")}
        value={params.founded}
        type="number"
        inputMode="numeric"
        min={FOUNDED_YEAR_MIN}
        max={FOUNDED_YEAR_MAX}
        className="w-32"
      />
      <SelectFilter
        name="sort"
        label={tb("sortBy")}
        value={params.sort}
        options={organizationSorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
      />
    </FilterForm>
  );
}
