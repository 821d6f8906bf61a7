import { nameIn, word, type ExportColumn, type ExportTable } from "@/lib/export/columns";
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

/**
 * The columns a year of a pair and a ranked pair share, declared once: each takes any row with these fields.
 * Both tables list them in this order, the overview adding countries and the year before's turnover.
 */
type FigureRow = Pick<
  TradeYearExportRow,
  "region" | "partner" | "year" | "turnoverUsd" | "exportsUsd" | "importsUsd" | "growthPercent" | "growthBasis" | "source"
>;

/** A column of the figure's source: its title as filed, its Russian title, its address. */
const sourceColumn = (key: string, en: string, ru: string, value: (r: FigureRow) => string | null): ExportColumn<FigureRow> => ({
  key,
  header: { en, ru },
  type: "text",
  width: 40,
  value,
});

const figure = {
  region: { key: "region", header: { en: "region", ru: "регион" }, type: "text", value: (r, locale) => nameIn(locale, r.region) },
  partner: { key: "partner", header: { en: "partner", ru: "партнёр" }, type: "text", value: (r, locale) => nameIn(locale, r.partner) },
  year: { key: "year", header: { en: "year", ru: "год" }, type: "year", value: (r) => r.year },
  turnoverUsd: {
    key: "turnoverUsd",
    header: { en: "turnover (USD)", ru: "товарооборот (долл. США)" },
    type: "number",
    value: (r) => r.turnoverUsd,
  },
  exportsUsd: {
    key: "exportsUsd",
    header: { en: "exports of region (USD)", ru: "экспорт региона (долл. США)" },
    type: "number",
    value: (r) => r.exportsUsd,
  },
  importsUsd: {
    key: "importsUsd",
    header: { en: "imports of region (USD)", ru: "импорт региона (долл. США)" },
    type: "number",
    value: (r) => r.importsUsd,
  },
  growthPercent: {
    key: "growthPercent",
    header: { en: "growth on year before (%)", ru: "рост к предыдущему году (%)" },
    type: "number",
    value: (r) => growth(r.growthPercent),
  },
  growthBasis: {
    key: "growthBasis",
    header: { en: "growth basis", ru: "основа расчёта роста" },
    type: "text",
    value: (r, locale) => word(locale, r.growthBasis),
  },
  sourceTitle: sourceColumn("sourceTitle", "source", "источник", (r) => r.source.title),
  sourceTitleRu: sourceColumn("sourceTitleRu", "source in Russian", "источник на русском", (r) => r.source.titleRu),
  sourceUrl: sourceColumn("sourceUrl", "source url", "ссылка на источник", (r) => r.source.url),
} satisfies Record<string, ExportColumn<FigureRow>>;

export const tradeYearTable: ExportTable<TradeYearExportRow> = {
  fileStem: "trade",
  sheetName: { en: "Trade by year", ru: "Торговля по годам" },
  columns: [
    figure.region,
    figure.partner,
    figure.year,
    figure.turnoverUsd,
    figure.exportsUsd,
    figure.importsUsd,
    figure.growthPercent,
    figure.growthBasis,
    figure.sourceTitle,
    figure.sourceTitleRu,
    figure.sourceUrl,
  ],
};

export const tradePairTable: ExportTable<TradePairRowDto> = {
  fileStem: "trade-pairs",
  sheetName: { en: "Trade between regions", ru: "Торговля регионов" },
  columns: [
    { key: "rank", header: { en: "rank", ru: "место" }, type: "number", width: 8, value: (r) => r.rank },
    figure.region,
    {
      key: "regionCountry",
      header: { en: "region country", ru: "страна региона" },
      type: "text",
      width: 10,
      value: (r) => r.region.countryCode,
    },
    figure.partner,
    {
      key: "partnerCountry",
      header: { en: "partner country", ru: "страна партнёра" },
      type: "text",
      width: 10,
      value: (r) => r.partner.countryCode,
    },
    figure.year,
    figure.turnoverUsd,
    figure.exportsUsd,
    figure.importsUsd,
    {
      key: "previousTurnoverUsd",
      header: { en: "turnover of year before (USD)", ru: "товарооборот предыдущего года (долл. США)" },
      type: "number",
      value: (r) => r.previousTurnoverUsd,
    },
    figure.growthPercent,
    figure.growthBasis,
    figure.sourceTitle,
    figure.sourceTitleRu,
    figure.sourceUrl,
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 40, value: (r) => r.url },
  ],
};
