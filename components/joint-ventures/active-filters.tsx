import { getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localize";
import type { JointVentureFilterView } from "@/components/joint-ventures/filter-form";

/**
 * The filters in force, in words: a long list box hides what is chosen in it, so the reader sees here what the
 * table is narrowed to.
 */
export async function ActiveFilters({ filter, options, locale }: JointVentureFilterView) {
  const [t, tOrg] = await Promise.all([getTranslations("jointVentures"), getTranslations("organizations")]);
  const name = (record: { nameEn: string; nameRu: string }) => localized(locale, record.nameEn, record.nameRu);
  const items: [string, string][] = [];
  if (filter.sector?.length) {
    const sectors = filter.sector.map((code) => {
      const sector = options.sectors.find((s) => s.code === code);
      return sector ? `${code} ${name(sector)}` : code;
    });
    items.push([t("sector"), sectors.join(filter.match === "all" ? t("andJoin") : t("orJoin"))]);
  }
  if (filter.region?.length) {
    const regions = filter.region.map((slug) => {
      const region = options.regions.find((r) => r.slug === slug);
      return region ? name(region) : slug;
    });
    items.push([t("partnerRegion"), regions.join(filter.regionMatch === "all" ? t("andJoin") : t("orJoin"))]);
  }
  if (filter.country) {
    const country = options.countries.find((c) => c.code === filter.country);
    items.push([t("partnerCountry"), country ? name(country) : filter.country]);
  }
  if (filter.status?.length) items.push([t("status"), filter.status.map((s) => tOrg(`statuses.${s}`)).join(t("orJoin"))]);
  if (filter.foundedFrom !== undefined || filter.foundedTo !== undefined)
    items.push([t("founded"), `${filter.foundedFrom ?? "…"}–${filter.foundedTo ?? "…"}`]);
  if (filter.capitalMin !== undefined || filter.capitalMax !== undefined)
    items.push([t("capital"), `${filter.capitalMin ?? "…"}–${filter.capitalMax ?? "…"}`]);
  if (filter.currency) items.push([t("currency"), filter.currency]);
  if (items.length === 0) return null;
  return (
    <dl className="mb-4 text-base">
      {items.map(([term, value]) => (
        <div key={term} className="flex flex-wrap gap-x-2">
          <dt className="font-bold">{term}:</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
