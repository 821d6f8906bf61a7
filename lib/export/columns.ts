import { z } from "zod";
import type { Locale } from "@/lib/i18n/locale";

/**
 * An export's columns, declared once per record type: the CSV, the XLSX and the JSON export all read this list,
 * so the files always hold the same fields. A header in each language, a value getter that may read the
 * reader's language (names, statuses), and the cell's type, which the XLSX writer keeps (numbers as numbers,
 * dates as dates) and the CSV writer formats.
 */

export type CellType = "text" | "number" | "integer" | "date" | "datetime" | "year" | "boolean";
/** A cell's value; a date may also come as its `YYYY-MM-DD` text (read so from the database: no time zone to shift it). */
export type CellValue = string | number | boolean | Date | null;

/**
 * What a column promises beyond its type, for the full download's Table Schema (lib/dump): Frictionless field
 * constraints, checked by the tests against the data.
 */
export type FieldConstraints = {
  required?: boolean;
  unique?: boolean;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
};

export type ExportColumn<Row> = {
  /** The JSON export's key, and the full download's field name. */
  key: string;
  header: Record<Locale, string>;
  type: CellType;
  constraints?: FieldConstraints;
  /** The XLSX column's width in characters; a default by type when left out. */
  width?: number;
  value: (row: Row, locale: Locale) => CellValue;
};

/** One kind of export: its columns, its file name's stem and the name of its sheet. */
export type ExportTable<Row> = {
  /** `joint-ventures` makes `joint-ventures-2026-12-07.xlsx`. */
  fileStem: string;
  sheetName: Record<Locale, string>;
  columns: readonly ExportColumn<Row>[];
  /** The full download's keys (lib/dump): the fields that identify a row, and those that name a row of another table. */
  primaryKey?: readonly string[];
  foreignKeys?: readonly { fields: readonly string[]; reference: { resource: string; fields: readonly string[] } }[];
};

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Words of the files' cells in the reader's language (the pages' catalogues are not loaded for a download). */
const words = {
  en: {
    planned: "planned",
    active: "active",
    closed: "closed",
    enterprise: "enterprise",
    university: "university",
    joint_venture: "joint venture",
    section: "section",
    division: "division",
    yes: "yes",
    no: "no",
    recorded: "recorded",
    previousMissing: "no figure for the year before",
    previousZero: "year before was zero",
    head_of_state: "head of state",
    government: "government",
    regional: "regional",
    agency: "agency",
    business_forum: "business forum",
    country: "country",
    region: "region",
    city: "city",
    proposed: "proposed",
    agreed: "agreed",
    in_progress: "in progress",
    fulfilled: "fulfilled",
    lapsed: "lapsed",
  },
  ru: {
    planned: "планируется",
    active: "действует",
    closed: "закрыто",
    enterprise: "предприятие",
    university: "вуз",
    joint_venture: "совместное предприятие",
    section: "секция",
    division: "раздел",
    yes: "да",
    no: "нет",
    recorded: "рассчитан",
    previousMissing: "нет данных за предыдущий год",
    previousZero: "в предыдущем году ноль",
    head_of_state: "глава государства",
    government: "правительство",
    regional: "региональный",
    agency: "ведомство",
    business_forum: "деловой форум",
    country: "страна",
    region: "регион",
    city: "город",
    proposed: "предложено",
    agreed: "согласовано",
    in_progress: "выполняется",
    fulfilled: "выполнено",
    lapsed: "не выполнено",
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ExportWord = keyof (typeof words)["en"];

export function word(locale: Locale, key: ExportWord): string {
  return words[locale][key];
}

/** A name in the reader's language, falling back to the other one. */
export function nameIn(locale: Locale, names: { nameEn: string | null; nameRu: string | null }): string {
  return (locale === "ru" ? names.nameRu || names.nameEn : names.nameEn || names.nameRu) ?? "";
}

/** How many live organizations a row holds, as its list counts them: the regions' and the sectors' exports. */
export function organizationCountColumn<Row extends { organizations: number }>(): ExportColumn<Row> {
  return {
    key: "organizations",
    header: { en: "organizations", ru: "организаций" },
    type: "number",
    width: 12,
    value: (row) => row.organizations,
  };
}

/** `joint-ventures-2026-12-07.xlsx` */
export function exportFileName(stem: string, format: ExportFormat | "json" | "zip", now: Date = new Date()): string {
  return `${stem}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** A date cell as text (CSV, JSON): the calendar day in UTC, as every date of the registry is written. */
export function dateText(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A cell as text or a number (CSV, JSON): dates as days, moments as ISO 8601 in UTC, yes/no as true/false. */
export function plainValue(value: CellValue, type: CellType): string | number | null {
  if (value instanceof Date) return type === "datetime" ? value.toISOString() : dateText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

/** One record as the JSON export writes it: the columns' keys with their English values, dates as days. */
export function jsonRecord<Row>(
  row: Row,
  columns: readonly ExportColumn<Row>[],
  locale: Locale = "en",
): Record<string, string | number | null> {
  return Object.fromEntries(columns.map((column) => [column.key, plainValue(column.value(row, locale), column.type)]));
}

/** The parameters every download takes besides its filters: `lang`, and `sep` for CSV. */
export const LangParamSchema = z
  .enum(["en", "ru"], { error: "lang must be en or ru." })
  .default("en")
  .describe("The language of the headers, kinds, statuses and names: en (the default) or ru.");
export const SepParamSchema = z
  .enum([",", ";"], { error: "sep must be , or ; (a semicolon suits spreadsheet programs set up for Russian)." })
  .default(",")
  .describe("The CSV's separator: , (the default) or ; (what spreadsheet programs expect where the decimal mark is a comma).");

/** The parameters of a download in `format`: `lang`, and `sep` for CSV only. */
export function exportOptionFields(format: ExportFormat) {
  return format === "csv" ? { lang: LangParamSchema, sep: SepParamSchema } : { lang: LangParamSchema };
}

/**
 * The file parameters of a download link for the reader's language: Russian headers and names, and for CSV the
 * semicolon that spreadsheet programs set up for Russian expect (their decimal mark is a comma). English files
 * take the defaults, so their links carry nothing.
 */
export function fileParams(locale: Locale, format: ExportFormat): { lang?: "ru"; sep?: ";" } {
  if (locale !== "ru") return {};
  return format === "csv" ? { lang: "ru", sep: ";" } : { lang: "ru" };
}
