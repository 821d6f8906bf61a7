import { getLocale } from "next-intl/server";
import { SelectFilter } from "@/components/ui/filter-form";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { listCountryOptions, listRegionOptions } from "@/lib/regions/queries";

/** A filter by region: every live region, grouped by its country, in the reader's language. */
export async function RegionSelectFilter({
  id,
  label,
  value,
  anyLabel,
}: {
  /** Needed only where two selects post `region` (the tracker's pair). */
  id?: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
}) {
  const locale = toLocale(await getLocale());
  const [regions, countries] = await Promise.all([listRegionOptions(locale), listCountryOptions(locale)]);
  const name = (record: { nameEn: string; nameRu: string }) => localized(locale, record.nameEn, record.nameRu);
  const groups = countries.map((country) => ({
    label: name(country),
    options: regions.filter((region) => region.countryCode === country.code).map((region) => ({ value: region.slug, label: name(region) })),
  }));
  return <SelectFilter id={id} name="region" label={label} value={value} anyLabel={anyLabel} groups={groups} />;
}
