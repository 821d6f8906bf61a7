import { BOM, csvLine, type ExportValue } from "@/lib/joint-ventures/csv";
import type { TradePairRowDto, TradeYearDto } from "@/lib/trade/dto";

/**
 * The trade CSV files, columns declared once each: a pair's years, and the ranked overview. Cells go through
 * the joint-venture export's `csvCell` (formula-injection safe, RFC 4180 quoting); the file starts with a BOM
 * so that spreadsheet programs read Cyrillic names as such. Amounts are plain numbers in US dollars; growth is
 * rounded to two decimals and left empty where it is not recorded, with the reason in its own column.
 */

type Column<T> = { key: string; header: string; value: (row: T) => ExportValue };

const growth = (value: number | null) => (value === null ? null : Number(value.toFixed(2)));

/** One year of a pair, with the names of both regions so that files of several pairs can be put together. */
export type TradeYearCsvRow = TradeYearDto & { regionName: string; partnerName: string };

export const tradeYearColumns: readonly Column<TradeYearCsvRow>[] = [
  { key: "region", header: "region", value: (r) => r.regionName },
  { key: "partner", header: "partner", value: (r) => r.partnerName },
  { key: "year", header: "year", value: (r) => r.year },
  { key: "turnoverUsd", header: "turnover (USD)", value: (r) => r.turnoverUsd },
  { key: "exportsUsd", header: "exports of region (USD)", value: (r) => r.exportsUsd },
  { key: "importsUsd", header: "imports of region (USD)", value: (r) => r.importsUsd },
  { key: "growthPercent", header: "growth on year before (%)", value: (r) => growth(r.growthPercent) },
  { key: "growthBasis", header: "growth basis", value: (r) => r.growthBasis },
  { key: "sourceTitle", header: "source", value: (r) => r.source.title },
  { key: "sourceUrl", header: "source url", value: (r) => r.source.url },
];

export const tradePairColumns: readonly Column<TradePairRowDto>[] = [
  { key: "rank", header: "rank", value: (r) => r.rank },
  { key: "region", header: "region", value: (r) => r.region.nameEn },
  { key: "regionCountry", header: "region country", value: (r) => r.region.countryCode },
  { key: "partner", header: "partner", value: (r) => r.partner.nameEn },
  { key: "partnerCountry", header: "partner country", value: (r) => r.partner.countryCode },
  { key: "year", header: "year", value: (r) => r.year },
  { key: "turnoverUsd", header: "turnover (USD)", value: (r) => r.turnoverUsd },
  { key: "exportsUsd", header: "exports of region (USD)", value: (r) => r.exportsUsd },
  { key: "importsUsd", header: "imports of region (USD)", value: (r) => r.importsUsd },
  { key: "previousTurnoverUsd", header: "turnover of year before (USD)", value: (r) => r.previousTurnoverUsd },
  { key: "growthPercent", header: "growth on year before (%)", value: (r) => growth(r.growthPercent) },
  { key: "growthBasis", header: "growth basis", value: (r) => r.growthBasis },
  { key: "sourceTitle", header: "source", value: (r) => r.source.title },
  { key: "sourceUrl", header: "source url", value: (r) => r.source.url },
  { key: "url", header: "url", value: (r) => r.url },
];

/** The header line (with the BOM) of a file of these columns. */
export function tradeCsvHead<T>(columns: readonly Column<T>[]): string {
  return BOM + csvLine(columns.map((column) => column.header));
}

export function tradeCsvRow<T>(row: T, columns: readonly Column<T>[]): string {
  return csvLine(columns.map((column) => column.value(row)));
}

/** A pair's whole series as one CSV file: at most one line a year, so it is made in memory. */
export function tradeYearsCsv(rows: readonly TradeYearCsvRow[]): string {
  return tradeCsvHead(tradeYearColumns) + rows.map((row) => tradeCsvRow(row, tradeYearColumns)).join("");
}

/** `trade-kursk-oblast-belarus-2026-11-30.csv`, `trade-pairs-2026-11-30.csv` */
export function tradeFileName(name: string, now: Date = new Date()): string {
  return `trade-${name}-${now.toISOString().slice(0, 10)}.csv`;
}
