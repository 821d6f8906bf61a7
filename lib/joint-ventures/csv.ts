import type { JointVentureDto } from "./schema";

/**
 * The export columns of the joint-venture table, declared once: the CSV's header and cells and the JSON export's
 * keys and values both come from this list, so the two files always hold the same fields.
 */

export type ExportValue = string | number | null;
export type ExportColumn = { key: string; header: string; value: (venture: JointVentureDto) => ExportValue };

const percent = (value: number) => `${Number(value.toFixed(2))}%`;

/** "Tuskar Agromash LLC 51%; Kursk Oblast 40%": the English name where there is one. */
export function formatPartners(venture: JointVentureDto): string {
  return venture.partners.map((partner) => `${partner.nameEn ?? partner.name} ${percent(partner.sharePercent)}`).join("; ");
}

export const jointVentureColumns: readonly ExportColumn[] = [
  { key: "slug", header: "slug", value: (v) => v.slug },
  { key: "name", header: "name", value: (v) => v.name },
  { key: "nameEn", header: "English name", value: (v) => v.nameEn },
  { key: "kind", header: "kind", value: () => "joint_venture" },
  { key: "status", header: "status", value: (v) => v.status },
  { key: "region", header: "region", value: (v) => v.region.nameEn },
  { key: "country", header: "country", value: (v) => v.country },
  {
    key: "primarySector",
    header: "primary sector",
    value: (v) => {
      const primary = v.sectors.find((sector) => sector.primary);
      return primary ? `${primary.code} ${primary.nameEn}` : null;
    },
  },
  { key: "sectors", header: "sectors", value: (v) => v.sectors.map((sector) => sector.code).join("; ") },
  { key: "foundedYear", header: "founded year", value: (v) => v.foundedYear },
  { key: "capitalAmount", header: "capital amount", value: (v) => v.capital?.amount ?? null },
  { key: "currency", header: "currency", value: (v) => v.capital?.currency ?? null },
  { key: "partners", header: "partners", value: formatPartners },
  { key: "url", header: "url", value: (v) => v.url },
  // Synthetic records say so in the file too, so that no one takes one for a real partner.
  { key: "isDemo", header: "demo data", value: (v) => (v.isDemo ? "yes" : "no") },
];

/** Byte order mark: spreadsheet programs then read the file as UTF-8 and show Cyrillic as Cyrillic. */
export const BOM = "\uFEFF";
export const CSV_LINE_END = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading single quote; then RFC 4180 quoting where the text holds a comma, a quote or a line break.
 * Numbers are written as they are: they cannot be formulas.
 */
export function csvCell(value: ExportValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly ExportValue[]): string {
  return cells.map(csvCell).join(",") + CSV_LINE_END;
}

/** The first line of the file: the BOM and the header row. */
export function csvHead(columns: readonly ExportColumn[] = jointVentureColumns): string {
  return BOM + csvLine(columns.map((column) => column.header));
}

export function csvRow(venture: JointVentureDto, columns: readonly ExportColumn[] = jointVentureColumns): string {
  return csvLine(columns.map((column) => column.value(venture)));
}

/** One venture as a JSON export record: the column keys with their values. */
export function jsonRecord(venture: JointVentureDto, columns: readonly ExportColumn[] = jointVentureColumns): Record<string, ExportValue> {
  return Object.fromEntries(columns.map((column) => [column.key, column.value(venture)]));
}

/** A whole CSV file in memory, for small sets (tests); the route streams instead. */
export function toCsv(ventures: readonly JointVentureDto[]): string {
  return csvHead() + ventures.map((venture) => csvRow(venture)).join("");
}

/** `joint-ventures-2026-11-30.csv` */
export function exportFileName(format: "csv" | "json", now: Date = new Date()): string {
  return `joint-ventures-${now.toISOString().slice(0, 10)}.${format}`;
}

/** A streamed encoding of the export: what comes before the records, each record, and what comes after. */
export type ExportEncoder = { head: string; record: (venture: JointVentureDto, index: number) => string; tail: (count: number) => string };

export const csvEncoder: ExportEncoder = {
  head: csvHead(),
  record: (venture) => csvRow(venture),
  tail: () => "",
};

/** A JSON array, one record a line: valid JSON for any count, 0 included. */
export const jsonEncoder: ExportEncoder = {
  head: "[",
  record: (venture, index) => `${index === 0 ? "\n" : ",\n"}${JSON.stringify(jsonRecord(venture))}`,
  tail: (count) => (count === 0 ? "]\n" : "\n]\n"),
};

export const exportContentTypes = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;
