import { importMessage, type FileMessageKey, type ImportMessage, type SheetMessageKey } from "./messages";
import { readCsv, type CsvDelimiter, type CsvEncoding } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { READ_LIMITS, ReadStop, sheetName, type ReadLimits, type Sheet, type SkippedSheet } from "./sheet";

// The shapes of a read file and the bounds, from one module for the pages, the checks and the command line.
export { columnLetter, READ_LIMITS, type CellNote, type ReadLimits, type Sheet, type SheetRow, type SkippedSheet } from "./sheet";

/**
 * The reading core of the spreadsheet import (issue 15): an uploaded file, XLSX or CSV, into sheets of text
 * rows with their row numbers as Excel shows them. Values are read, never evaluated; what they mean (a region,
 * a date, an amount) is for values.ts and the forms' schemas. Every bound is a message, never a throw that
 * escapes: a file the reader cannot take is refused whole with the reason, and nothing of it is imported.
 *
 * Not marked "server-only": the command line (`npm run import`) reads files with it outside Next, as the scripts
 * use lib/db/prisma-client.ts. It needs Node's streams and zlib, so no client bundle can take it in anyway.
 */

/** An upload: its bytes and the name it was uploaded under (a CSV's sheet is named after it). */
export type ReadSource = { bytes: Uint8Array; name: string };

/** Sheets to map and check, with how the file was read; or the one reason the whole file is refused. */
export type ReadResult =
  | { ok: true; format: "xlsx"; sheets: Sheet[]; skipped: SkippedSheet[] }
  | { ok: true; format: "csv"; encoding: CsvEncoding; delimiter: CsvDelimiter; sheets: Sheet[]; skipped: SkippedSheet[] }
  | { ok: false; error: ImportMessage<FileMessageKey | SheetMessageKey>; skipped: SkippedSheet[] };

const MB = 1024 * 1024;

/** Starts of files that are something else: the official gets "not a spreadsheet" rather than a page of garbage. */
const OTHER_FORMATS = [
  "%PDF", // PDF
  "\x89PNG",
  "\xff\xd8\xff", // JPEG
  "GIF8",
  "{\\rtf", // RTF, from Word
  "MZ", // a program
  "7z\xbc\xaf",
  "Rar!",
  "\x1f\x8b", // gzip
].map((magic) => Buffer.from(magic, "latin1"));
const ZIP = Buffer.from("PK\x03\x04", "latin1");
const EMPTY_ZIP = Buffer.from("PK\x05\x06", "latin1");
/** The compound file of Excel 97-2003 (.xls), and of a workbook saved with a password. */
const COMPOUND_FILE = Buffer.from("d0cf11e0a1b11ae1", "hex");

const startsWith = (bytes: Buffer, magic: Buffer) => bytes.subarray(0, magic.length).equals(magic);

/** What the bytes are, whatever the file's name says: a CSV renamed .xlsx, or .csv that is a zip, is read as what it is. */
function sniff(bytes: Buffer, name: string): "xlsx" | "csv" | ImportMessage<FileMessageKey> {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return "xlsx";
  if (startsWith(bytes, COMPOUND_FILE)) return importMessage("oldExcelFormat");
  if (OTHER_FORMATS.some((magic) => startsWith(bytes, magic))) return importMessage("notSpreadsheet");
  // A workbook's name on something that is not a zip: often a web page that a register exported as ".xls".
  if (/\.(xlsx|xlsm|xlsb|xls|ods)$/i.test(name.trim())) return importMessage("notSpreadsheet");
  return "csv";
}

/** The file's name without its folder and extension, for the one sheet of a CSV. */
const baseName = (name: string) =>
  sheetName(
    name
      .split(/[\\/]/)
      .pop()!
      .replace(/\.[^.]*$/, ""),
  ) || "CSV";

/** A file with no sheet to import: the reason of its one sheet if it has one, else "no usable sheet". */
function nothingToRead(skipped: SkippedSheet[]): ReadResult {
  const shown = skipped.filter((sheet) => sheet.reason.key !== "sheetHidden");
  return { ok: false, error: shown.length === 1 ? shown[0]!.reason : importMessage("noUsableSheet"), skipped };
}

/**
 * Reads an uploaded file into sheets. XLSX: every visible sheet, each on its own (hidden sheets are listed in
 * `skipped`, as are sheets without a table). CSV: one sheet named after the file. `limits` lowers or raises
 * READ_LIMITS (the tests, the command line). Resolves with `ok: false` and a message for any file it refuses.
 */
export async function readSpreadsheet(file: ReadSource, limits: Partial<ReadLimits> = {}): Promise<ReadResult> {
  const bounds: ReadLimits = { ...READ_LIMITS, ...limits };
  const bytes = Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  if (bytes.length === 0) return { ok: false, error: importMessage("fileEmpty"), skipped: [] };
  if (bytes.length > bounds.maxFileBytes) {
    return { ok: false, error: importMessage("fileTooLarge", { limit: Math.round(bounds.maxFileBytes / MB) }), skipped: [] };
  }
  const format = sniff(bytes, file.name);
  if (typeof format !== "string") return { ok: false, error: format, skipped: [] };
  try {
    if (format === "xlsx") {
      const { sheets, skipped } = await readXlsx(bytes, bounds);
      return sheets.length > 0 ? { ok: true, format, sheets, skipped } : nothingToRead(skipped);
    }
    const csv = await readCsv(bytes, baseName(file.name), bounds);
    if ("skipped" in csv) return nothingToRead([csv.skipped]);
    return { ok: true, format, encoding: csv.encoding, delimiter: csv.delimiter, sheets: [csv.sheet], skipped: [] };
  } catch (error) {
    if (error instanceof ReadStop) return { ok: false, error: error.reason as ImportMessage<FileMessageKey>, skipped: [] };
    // A part that does not inflate or parse (zlib's, saxes' or exceljs's error): the file was cut short or is
    // not what its start says. Not logged: a damaged upload is the official's to fix, not a fault of the server.
    return { ok: false, error: importMessage("fileDamaged"), skipped: [] };
  }
}
