import { isUtf8 } from "node:buffer";
import { pipeline, Readable } from "node:stream";
import { parse, type CsvError, type Info } from "csv-parse";
import { parse as parseSample } from "csv-parse/sync";
import iconv from "iconv-lite";
import { importMessage } from "./messages";
import { ReadStop, SheetCollector, type ReadLimits, type Sheet, type SkippedSheet } from "./sheet";

/**
 * CSV as officials save it: from Excel in Windows-1251 with ";" (Russian Excel's "CSV (разделители - запятая)"),
 * as UTF-8 with or without a BOM, with "," or tabs, or as Excel's "Unicode text" (UTF-16 with a BOM). The
 * encoding is found from the bytes and the separator from the first lines, quotes respected (csv-parse reads
 * both); records are read as they stream, so a file of a million rows is left at the limit.
 */

/** The encoding the file was in, for the preview to say how it was read. */
export type CsvEncoding = "utf-8" | "windows-1251" | "utf-16le" | "utf-16be";
/** The separators a CSV may use, in the order a tie is decided. */
export const csvDelimiters = [";", "\t", ","] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/**
 * The text as UTF-8 bytes and the encoding it was in. A BOM says which Unicode encoding; without one, bytes that
 * are valid UTF-8 are UTF-8 (Windows-1251 Cyrillic never is), and anything else is read as Windows-1251.
 */
function decode(bytes: Buffer): { utf8: Buffer; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { utf8: bytes.subarray(3), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { utf8: Buffer.from(iconv.decode(bytes.subarray(2), "utf-16le")), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { utf8: Buffer.from(iconv.decode(bytes.subarray(2), "utf-16be")), encoding: "utf-16be" };
  if (isUtf8(bytes)) return { utf8: bytes, encoding: "utf-8" };
  return { utf8: Buffer.from(iconv.decode(bytes, "windows-1251")), encoding: "windows-1251" };
}

/** Control characters other than tab and line ends: a text file has next to none, a binary file many. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Whether the start of the text looks like a binary file renamed to .csv rather than text with a stray NUL. */
function looksBinary(utf8: Buffer) {
  const sample = utf8.subarray(0, 4096).toString("utf8");
  return (sample.match(BINARY)?.length ?? 0) > sample.length * 0.05;
}

const SAMPLE_BYTES = 1024 * 1024;
const SAMPLE_LINES = 30;

/**
 * The separator that splits the first lines most evenly into two or more fields: each candidate reads them
 * (with quotes, so a ";" inside "ООО ""Ромашка; филиал""" does not count), and the one under which the most
 * records have the same number of fields wins, then the one giving more fields. ";" wins a tie, being Russian
 * Excel's. A number such as 1250,50 in a ";" file splits its rows on "," too, but into fewer fields.
 */
function detectDelimiter(utf8: Buffer): CsvDelimiter {
  const sample = utf8.subarray(0, SAMPLE_BYTES);
  let best: { delimiter: CsvDelimiter; agreeing: number; fields: number } = { delimiter: ";", agreeing: 0, fields: 0 };
  for (const delimiter of csvDelimiters) {
    let records: string[][] = [];
    try {
      records = parseSample(sample, {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        to_line: SAMPLE_LINES,
      });
    } catch {
      continue;
    }
    const counts = new Map<number, number>();
    for (const record of records) if (record.length > 1) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    for (const [fields, agreeing] of counts) {
      if (agreeing > best.agreeing || (agreeing === best.agreeing && fields > best.fields)) best = { delimiter, agreeing, fields };
    }
  }
  return best.delimiter;
}

/** Where csv-parse stopped, as a message naming the row (the record that could not be finished). */
function csvProblem(error: CsvError) {
  const row = (typeof error.records === "number" ? error.records : 0) + 1;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return importMessage("csvQuoteNotClosed", { row });
  if (error.code === "CSV_MAX_RECORD_SIZE") return importMessage("csvRowTooLong", { row });
  const quotes = ["CSV_INVALID_CLOSING_QUOTE", "INVALID_OPENING_QUOTE", "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"];
  if (quotes.includes(error.code)) return importMessage("csvQuotes", { row });
  return importMessage("fileDamaged");
}

const CHUNK_BYTES = 64 * 1024;

/** The one sheet of a CSV, or why it was left out, with how the file was read. */
export type CsvResult =
  | { encoding: CsvEncoding; delimiter: CsvDelimiter; sheet: Sheet }
  | { encoding: CsvEncoding; delimiter: CsvDelimiter; skipped: SkippedSheet };

/** A CSV file as one sheet named after the file. Throws `ReadStop` for a file refused whole. */
export async function readCsv(bytes: Buffer, sheetName: string, limits: ReadLimits): Promise<CsvResult> {
  const { utf8, encoding } = decode(bytes);
  if (looksBinary(utf8)) throw new ReadStop("file", importMessage("notSpreadsheet"));
  const delimiter = detectDelimiter(utf8);
  const collector = new SheetCollector(sheetName, limits, { dataRows: 0, chars: 0 });
  // Fed in small pieces, so that csv-parse holds a few records at a time, not the whole file's.
  const chunks = Readable.from(
    (function* () {
      for (let at = 0; at < utf8.length; at += CHUNK_BYTES) yield utf8.subarray(at, at + CHUNK_BYTES);
    })(),
  );
  const parser = parse({
    delimiter,
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // A record this long is a quote that never closed, swallowing the rows after it.
    max_record_size: limits.maxColumns * (limits.maxCellChars + 1),
  });
  const records = pipeline(chunks, parser, () => {}) as AsyncIterable<{ record: string[]; info: Info }>;
  try {
    for await (const { record, info } of records) {
      // Excel opens each record as one row, a quoted line break included: `records` is the row's number.
      collector.add(
        info.records,
        record.map((text, column) => ({ column, text })),
      );
    }
  } catch (error) {
    if (error instanceof ReadStop && error.scope === "sheet")
      return { encoding, delimiter, skipped: { name: sheetName, reason: error.reason as SkippedSheet["reason"] } };
    if (error instanceof ReadStop) throw error;
    throw new ReadStop("file", csvProblem(error as CsvError));
  }
  const shaped = collector.finish();
  return { encoding, delimiter, ...shaped };
}
