import { nameIn, word, type ExportTable } from "@/lib/export/columns";
import type { TradePairRowDto, TradeYearDto } from "@/lib/trade/dto";

/**
 * The trade exports' columns, declared once each (lib/export writes them as CSV and XLSX): a pair's years, and
 * the ranked overview. Amounts are plain numbers in US dollars; growth is rounded to two decimals and left empty
 * where it is not recorded, with the reason in its own column.
 */

const growth = (value: number | null) => (value === null ? null : Number(value.toFixed(2)));

type Names = { nameEn: string; nameRu: string };

/** One year of a pair, with both regions so that files of several pairs can be put together. */
export type TradeYearExportRow = TradeYearDto & { region: Names; partner: Names };

export const tradeYearTable: ExportTable<TradeYearExportRow> = {
  fileStem: "trade",
  sheetName: { en: "Trade by year", ru: "Торговля по годам" },
  columns: [
    { key: "region", header: { en: "region", ru: "регион" }, type: "text", value: (r, locale) => nameIn(locale, r.region) },
    { key: "partner", header: { en: "partner", ru: "партнёр" }, type: "text", value: (r, locale) => nameIn(locale, r.partner) },
    { key: "year", header: { en: "year", ru: "год" }, type: "year", value: (r) => r.year },
    { key: "turnoverUsd", header: { en: "turnover (USD)", ru: "товарооборот (долл. США)" }, type: "number", value: (r) => r.turnoverUsd },
    {
      key: "exportsUsd",
      header: { en: "exports of region (USD)", ru: "экспорт региона (долл. США)" },
      type: "number",
      value: (r) => r.exportsUsd,
    },
    {
      key: "importsUsd",
      header: { en: "imports of region (USD)", ru: "импорт региона (долл. США)" },
      type: "number",
      value: (r) => r.importsUsd,
    },
    {
      key: "growthPercent",
      header: { en: "growth on year before (%)", ru: "рост к предыдущему году (%)" },
      type: "number",
      value: (r) => growth(r.growthPercent),
    },
    {
      key: "growthBasis",
      header: { en: "growth basis", ru: "основа расчёта роста" },
      type: "text",
      value: (r, locale) => word(locale, r.growthBasis),
    },
    { key: "sourceTitle", header: { en: "source", ru: "источник" }, type: "text", width: 40, value: (r) => r.source.title },
    { key: "sourceUrl", header: { en: "source url", ru: "ссылка на источник" }, type: "text", width: 40, value: (r) => r.source.url },
  ],
};

export const tradePairTable: ExportTable<TradePairRowDto> = {
  fileStem: "trade-pairs",
  sheetName: { en: "Trade between regions", ru: "Торговля регионов" },
  columns: [
    { key: "rank", header: { en: "rank", ru: "место" }, type: "number", width: 8, value: (r) => r.rank },
    { key: "region", header: { en: "region", ru: "регион" }, type: "text", value: (r, locale) => nameIn(locale, r.region) },
    {
      key: "regionCountry",
      header: { en: "region country", ru: "страна региона" },
      type: "text",
      width: 10,
      value: (r) => r.region.countryCode,
    },
    { key: "partner", header: { en: "partner", ru: "партнёр" }, type: "text", value: (r, locale) => nameIn(locale, r.partner) },
    {
      key: "partnerCountry",
      header: { en: "partner country", ru: "страна партнёра" },
      type: "text",
      width: 10,
      value: (r) => r.partner.countryCode,
    },
    { key: "year", header: { en: "year", ru: "год" }, type: "year", value: (r) => r.year },
    { key: "turnoverUsd", header: { en: "turnover (USD)", ru: "товарооборот (долл. США)" }, type: "number", value: (r) => r.turnoverUsd },
    {
      key: "exportsUsd",
      header: { en: "exports of region (USD)", ru: "экспорт региона (долл. США)" },
      type: "number",
      value: (r) => r.exportsUsd,
    },
    {
      key: "importsUsd",
      header: { en: "imports of region (USD)", ru: "импорт региона (долл. США)" },
      type: "number",
      value: (r) => r.importsUsd,
    },
    {
      key: "previousTurnoverUsd",
      header: { en: "turnover of year before (USD)", ru: "товарооборот предыдущего года (долл. США)" },
      type: "number",
      value: (r) => r.previousTurnoverUsd,
    },
    {
      key: "growthPercent",
      header: { en: "growth on year before (%)", ru: "рост к предыдущему году (%)" },
      type: "number",
      value: (r) => growth(r.growthPercent),
    },
    {
      key: "growthBasis",
      header: { en: "growth basis", ru: "основа расчёта роста" },
      type: "text",
      value: (r, locale) => word(locale, r.growthBasis),
    },
    { key: "sourceTitle", header: { en: "source", ru: "источник" }, type: "text", width: 40, value: (r) => r.source.title },
    { key: "sourceUrl", header: { en: "source url", ru: "ссылка на источник" }, type: "text", width: 40, value: (r) => r.source.url },
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 40, value: (r) => r.url },
  ],
};
