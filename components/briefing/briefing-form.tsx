import { getTranslations } from "next-intl/server";
import { FilterForm, SelectFilter, type SelectGroup } from "@/components/ui/filter-form";
import { localized } from "@/lib/i18n/localize";
import type { Locale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { listCountryOptions, listRegionOptions } from "@/lib/regions/queries";

/**
 * The choice of the briefing's regions: a plain GET form, so the choice lands in the URL and a briefing can be
 * bookmarked or sent to a colleague. Regions are grouped by country; the registry has a few hundred at most
 * (listRegionOptions is bounded).
 */
export async function BriefingForm({ locale, region, partner }: { locale: Locale; region?: string; partner?: string }) {
  const [t, regions, countries] = await Promise.all([getTranslations("briefing"), listRegionOptions(locale), listCountryOptions(locale)]);
  const groups: SelectGroup[] = countries
    .map((country) => ({
      label: localized(locale, country.nameEn, country.nameRu),
      options: regions
        .filter((option) => option.countryCode === country.code)
        .map((option) => ({ value: option.slug, label: localized(locale, option.nameEn, option.nameRu) })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <FilterForm
      action={paths.staff.briefing()}
      label={t("formLabel")}
      applyLabel={t("show")}
      clearLabel={t("clear")}
      clearHref={region ? paths.staff.briefing() : undefined}
    >
      <SelectFilter name="region" label={t("region")} value={region} groups={groups} anyLabel={t("choose")} />
      <SelectFilter name="partner" label={t("partner")} value={partner} groups={groups} anyLabel={t("noPartner")} />
    </FilterForm>
  );
}
