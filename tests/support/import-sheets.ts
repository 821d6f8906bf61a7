import { checkInn, checkUnp } from "@/lib/organizations/registration-number";
import type { RowIssue } from "@/lib/import/check";
import type { RecordType } from "@/lib/import/fields";
import { matchHeaders } from "@/lib/import/headers";
import { readSpreadsheet, type Sheet } from "@/lib/import/read";

/**
 * Sheets for the import's checks as the reader gives them: a header row (row 1) and rows of text below it, each
 * numbered as Excel shows it (the first data row is 2). Headers are matched as the upload screen matches them.
 */

/** A sheet of text rows under `headers`; a row may be shorter than the header. */
export function sheetOf(headers: readonly string[], rows: readonly (readonly string[])[], name = "Sheet1"): Sheet {
  return {
    name,
    headerRow: 1,
    headers: [...headers],
    rows: rows.map((cells, i) => ({ row: i + 2, cells: headers.map((_, column) => cells[column] ?? "") })),
  };
}

/** A sheet of one row per record, each given by header: `{ "Регион": "Курская область" }`; missing cells are blank. */
export function sheetOfRecords(records: readonly Record<string, string>[]): Sheet {
  const headers = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return sheetOf(
    headers,
    records.map((record) => headers.map((header) => record[header] ?? "")),
  );
}

/** The columns of `sheet` as matched automatically to `type`, as the official confirms them unchanged. */
export function columnsOf(type: RecordType, sheet: Sheet) {
  const { mapping, multipliers } = matchHeaders(type, sheet.headers);
  return { mapping, multipliers };
}

/** Reads an XLSX as an upload: the read file, its first sheet, and that sheet's columns matched to `type`. */
export async function readUpload(bytes: Buffer, type: RecordType) {
  const read = await readSpreadsheet({ bytes, name: "upload.xlsx" });
  if (!read.ok) throw new Error(`Not read: ${JSON.stringify(read.error)}`);
  const sheet = read.sheets[0]!;
  return { read, sheet, columns: matchHeaders(type, sheet.headers) };
}

/** An issue's message as the form's action gives it ("tooLong|300"), or the import's own key ("import.regionNotFound"). */
export function asActionError(issue: RowIssue): string {
  const { key, values } = issue.message;
  if (!key.startsWith("errors.")) return key;
  return values?.value === undefined ? key.slice("errors.".length) : `${key.slice("errors.".length)}|${values.value}`;
}

const LETTERS = "бвгдклмнпрстфхцжзш";
const VOWELS = "аеиоуя";
/** A made-up word, different on every call: no two test organizations look like duplicates of each other. */
export function madeUpWord(length = 9) {
  let text = "";
  for (let i = 0; i < length; i += 1) {
    const pool = i % 2 ? VOWELS : LETTERS;
    text += pool[Math.floor(Math.random() * pool.length)];
  }
  return text[0]!.toUpperCase() + text.slice(1);
}

/** A valid INN (Russia) or UNP (Belarus) never used before: random digits, then the check digit that fits. */
export function freshNumber(country: "RU" | "BY") {
  for (;;) {
    const digits = Array.from({ length: country === "RU" ? 9 : 8 }, (_, i) =>
      i === 0 ? 1 + Math.floor(Math.random() * 7) : Math.floor(Math.random() * 10),
    ).join("");
    for (let last = 0; last <= 9; last += 1) {
      const number = `${digits}${last}`;
      if ((country === "RU" ? checkInn(number) : checkUnp(number)) === null) return number;
    }
  }
}
