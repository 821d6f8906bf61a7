import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
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
import { listCountryOptions, listRegionOptions } from "@/lib/regions/queries";
import { listSectorOptions } from "@/lib/sectors/queries";

/** Kind, status, country, region, sector, founded year and order of the organizations list. */
export async function OrganizationFilters({ params }: { params: OrganizationListParams }) {
  const locale = await getLocale();
  const [t, tb, regions, countries, sections] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("browse"),
    listRegionOptions(toLocale(locale)),
    listCountryOptions(toLocale(locale)),
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
      <SelectFilter
        name="region"
        label={t("region")}
        value={params.region}
        anyLabel={tb("any")}
        groups={countries.map((c) => ({
          label: name(c),
          options: regions.filter((r) => r.countryCode === c.code).map((r) => ({ value: r.slug, label: name(r) })),
        }))}
      />
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
      <div className="flex flex-col">
        <label htmlFor="filter-founded" className="font-bold">
          {t("foundedYear")}
        </label>
        <input
          id="filter-founded"
          name="founded"
          type="number"
          inputMode="numeric"
          min={FOUNDED_YEAR_MIN}
          max={FOUNDED_YEAR_MAX}
          defaultValue={params.founded ?? ""}
          className="input w-32"
        />
      </div>
      <SelectFilter
        name="sort"
        label={tb("sortBy")}
        value={params.sort}
        options={organizationSorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
      />
    </FilterForm>
  );
}
