import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locale";
import type { RowIssue, RowMessage } from "./check";
import type { PreviewRow } from "./preview";
import type { Sheet } from "./sheet";

/**
 * The error report of an import: the refused rows as they were uploaded, under the file's own headers, with two
 * columns added: the row's number in the uploaded file, and every reason it was refused, in the reader's
 * language, each naming its column. The official corrects those rows in the report itself and uploads it again:
 * its headers map as the file's did, and the added columns map to nothing.
 */

/** The headers of the added columns; no import field is titled like them, so they stay unmapped. */
const ADDED_HEADERS: Record<Locale, { row: string; errors: string }> = {
  en: { row: "Row in the uploaded file", errors: "What to correct" },
  ru: { row: "Строка в загруженном файле", errors: "Что исправить" },
};

/** Light red: a cell the report names. */
const FLAGGED = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E1" } } as const;

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator of row messages in one language: the import's and the forms' keys, with their values. */
export function messageTranslator(locale: Locale): (message: RowMessage) => string {
  const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as Translate & { has: (key: string) => boolean };
  return (message) => (t.has(message.key) ? t(message.key, message.values) : t("errors.invalid"));
}

/** An issue as one line: its column, then what to do ("Регион: В реестре нет региона «Нигде»…"). */
export function issueLine(issue: RowIssue, translate: (message: RowMessage) => string): string {
  const text = translate(issue.message);
  return issue.column ? `${issue.column}: ${text}` : text;
}

/**
 * The error report as an XLSX: the rows of `rows` that were refused (or, with `statuses`, of other statuses,
 * such as the rows the command line refuses for want of a decision), as uploaded in `sheet`.
 */
export async function buildErrorReport(input: {
  sheet: Sheet;
  rows: readonly PreviewRow[];
  locale: Locale;
  statuses?: readonly PreviewRow["status"][];
}): Promise<Buffer> {
  const { sheet, locale } = input;
  const statuses = new Set(input.statuses ?? ["refused"]);
  const reported = input.rows.filter((row) => statuses.has(row.status));
  const uploaded = new Map(sheet.rows.map((row) => [row.row, row]));
  const translate = messageTranslator(locale);

  const book = new ExcelJS.Workbook();
  const worksheet = book.addWorksheet(sheet.name.slice(0, 31) || "Sheet1", { views: [{ state: "frozen", ySplit: 1 }] });
  const width = sheet.headers.length;
  const header = worksheet.addRow([...sheet.headers, ADDED_HEADERS[locale].row, ADDED_HEADERS[locale].errors]);
  header.font = { bold: true };

  for (const row of reported) {
    const cells = uploaded.get(row.row)?.cells ?? [];
    const issues = row.issues ?? [];
    const line = worksheet.addRow([
      ...Array.from({ length: width }, (_, i) => cells[i] ?? ""),
      row.row,
      issues.map((issue) => issueLine(issue, translate)).join("\n"),
    ]);
    line.getCell(width + 2).alignment = { wrapText: true, vertical: "top" };
    for (const issue of issues) {
      if (issue.columnIndex === null || issue.columnIndex >= width) continue;
      const cell = line.getCell(issue.columnIndex + 1);
      cell.fill = FLAGGED;
      const note = translate(issue.message);
      cell.note = typeof cell.note === "string" && cell.note ? `${cell.note}\n${note}` : note;
    }
  }
  sheet.headers.forEach((text, i) => {
    worksheet.getColumn(i + 1).width = Math.min(40, Math.max(12, text.length + 2));
  });
  worksheet.getColumn(width + 1).width = 14;
  worksheet.getColumn(width + 2).width = 80;
  return Buffer.from(await book.xlsx.writeBuffer());
}
