import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { listCountryOptions } from "@/lib/regions/queries";
import { listTradeYears } from "@/lib/trade/analysis";
import { tradeListQuery, tradeSorts, type TradeListParams } from "@/lib/trade/schema";

/** Country, year and order of the trade overview, as a plain GET form: the choices live in the URL. */
export async function TradeFilters({ params }: { params: TradeListParams }) {
  const locale = toLocale(await getLocale());
  const [t, tb, years, countries] = await Promise.all([
    getTranslations("trade"),
    getTranslations("browse"),
    listTradeYears(),
    listCountryOptions(locale),
  ]);
  const filtered = Boolean(params.country || params.year);
  return (
    <>
      <FilterForm
        action={paths.trade()}
        label={tb("filtersLabel")}
        applyLabel={tb("apply")}
        clearLabel={tb("clear")}
        clearHref={filtered ? paths.trade(tradeListQuery({ sort: params.sort, perPage: params.perPage })) : undefined}
        hidden={{ perPage: tradeListQuery(params).perPage }}
      >
        <SelectFilter
          name="country"
          label={t("country")}
          value={params.country}
          anyLabel={t("countryAny")}
          options={countries.map((country) => ({ value: country.code, label: localized(locale, country.nameEn, country.nameRu) }))}
        />
        <SelectFilter
          name="year"
          label={t("year")}
          value={params.year}
          anyLabel={t("yearLatest")}
          options={years.map((year) => ({ value: String(year), label: String(year) }))}
        />
        <SelectFilter
          name="sort"
          label={tb("sortBy")}
          value={params.sort}
          options={tradeSorts.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
        />
      </FilterForm>
      <p className="-mt-3 mb-6 max-w-3xl text-muted">{t("yearNote")}</p>
    </>
  );
}
