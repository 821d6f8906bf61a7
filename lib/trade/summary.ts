import { growthBasis, type TradeYear } from "@/lib/trade/series";

/**
 * The trade summary in words ("Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013
 * not recorded."), the text a chart is described by and the sentence a briefing quotes. Pure: it takes the
 * `trade` namespace's translator, so that a page (getTranslations), a route handler and a test (next-intl's
 * createTranslator) can all make it.
 */

/** A translator of the `trade` namespace, as getTranslations("trade") and createTranslator return it. */
export type TradeTranslator = (key: string, values?: Record<string, string | number>) => string;

/** "$250 million" / "250 млн долл. США": amounts rounded to three significant figures, for sentences. */
export function formatUsdCompact(value: number, locale: string, t: TradeTranslator): string {
  const amount = new Intl.NumberFormat(locale, {
    notation: "compact",
    compactDisplay: locale === "ru" ? "short" : "long",
    maximumSignificantDigits: 3,
  }).format(value);
  return t("moneyCompact", { amount });
}

/** "10%", "10,5 %": a growth figure's size, without its sign (the words say up or down). */
export function formatGrowthSize(growth: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(Math.abs(growth) / 100);
}

/** The growth clause of a year: up, down, unchanged, or why it is not recorded. */
export function describeGrowth(years: readonly TradeYear[], entry: TradeYear, locale: string, t: TradeTranslator): string {
  const previous = entry.year - 1;
  if (entry.growthPercent === null) {
    return growthBasis(years, entry.year) === "previousZero" ? t("growthFromZero", { previous }) : t("growthNotRecorded", { previous });
  }
  const percent = formatGrowthSize(entry.growthPercent, locale);
  // Rounded to the shown precision: +0.04% reads "unchanged", not "up 0%".
  if (percent === formatGrowthSize(0, locale)) return t("growthFlat", { previous });
  return t(entry.growthPercent > 0 ? "growthUp" : "growthDown", { percent, previous });
}

/** The sentence about the latest recorded year of the series (oldest first), or that nothing is recorded. */
export function summarizeTrade({
  years,
  regionName,
  partnerName,
  locale,
  t,
}: {
  years: readonly TradeYear[];
  regionName: string;
  partnerName: string;
  locale: string;
  t: TradeTranslator;
}): string {
  const latest = years[years.length - 1];
  if (!latest) return t("summaryNone", { region: regionName, partner: partnerName });
  return t("summary", {
    region: regionName,
    partner: partnerName,
    amount: formatUsdCompact(latest.turnoverUsd, locale, t),
    year: latest.year,
    growth: describeGrowth(years, latest, locale, t),
  });
}
