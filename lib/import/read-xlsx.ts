import { posix } from "node:path";
import { pipeline, Transform, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import { Open, type CentralDirectoryFile } from "unzipper";
import { importMessage } from "./messages";
import {
  ReadStop,
  SheetCollector,
  sheetName,
  type FoundCell,
  type MergedRange,
  type ReadLimits,
  type Sheet,
  type SkippedSheet,
} from "./sheet";
import { excelSerialToIsoDate, plainNumber, shiftDecimal } from "./values";

/**
 * XLSX with exceljs's streaming reader, under bounds. The zip is opened by its central directory (unzipper,
 * which exceljs reads with), so that the declared sizes are checked before anything is inflated and the parts
 * are read in the order the reader needs: relationships, workbook, styles, shared strings, then each sheet as
 * it streams. Every inflated byte is counted against the limit (a zip can lie about its sizes), and a sheet
 * is left or the file refused without reading the rest. Nothing is written to disk.
 *
 * The workbook reader's steps are its own methods (`_parseWorkbook` and the rest), pinned with exceljs 4.4.0:
 * its public iterator unzips in the file's order and spools every sheet that comes before the shared strings
 * (in Excel's files, all of them) to a temporary file, uncounted.
 */

type Relationship = { Id: string; Type: string; Target: string };
type SheetEntry = { name: string; id: number; state?: string; rId: string };
type StreamRow = { number: number; eachCell(options: { includeEmpty: boolean }, visit: (cell: StreamCell, column: number) => void): void };
type StreamCell = { value: unknown; numFmt?: string };
type WorkbookSteps = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: Readable, sheetNo: number): Generator<{ value: AsyncIterable<StreamRow> }>;
  workbookRels?: Relationship[];
  model?: { sheets?: SheetEntry[] };
  properties?: { model?: { date1904?: boolean } };
};

/** What the parts read so far have inflated, against the limit. */
type Inflated = { bytes: number };

/** The limit in megabytes, as the message shows it (a tenth of one for the tests' small limits). */
const tooLarge = (limit: number) =>
  new ReadStop("file", importMessage("uncompressedTooLarge", { limit: Math.round((limit / 1024 / 1024) * 10) / 10 }));

/** A part of the zip, inflated as it is read, each byte counted; `watch` sees the bytes too (merged cells). */
function readPart(
  file: CentralDirectoryFile,
  inflated: Inflated,
  limits: ReadLimits,
  partLimit = Infinity,
  watch?: (chunk: Buffer) => void,
) {
  let partBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated.bytes += chunk.length;
      partBytes += chunk.length;
      if (inflated.bytes > limits.maxUncompressedBytes) return done(tooLarge(limits.maxUncompressedBytes));
      if (partBytes > partLimit) return done(tooLarge(partLimit));
      watch?.(chunk);
      done(null, chunk);
    },
  });
  const source = file.stream();
  // The inflater may still report after the part was abandoned; that is no one's error any more.
  source.on("error", () => {});
  pipeline(source, counter, () => {});
  return counter;
}

const MERGE_LIST = Buffer.from("<mergeCells");
const MAX_MERGED_RANGES = 10_000;

/** 1-based column number of Excel's letters: "A" → 1, "AA" → 27. */
const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * The merged ranges of a sheet, which exceljs's streaming reader passes over. They are listed after the rows, in
 * `<mergeCells>`: the bytes are searched for that tag (a "<" in a cell's text is always escaped, so it is
 * markup) and the list from there on is read by a SAX parser, so the rows are not parsed twice.
 */
class MergedCellScanner {
  readonly ranges: MergedRange[] = [];
  private tail = Buffer.alloc(0);
  private parser: SaxesParser | null = null;
  private readonly decoder = new StringDecoder("utf8");
  private done = false;

  push(chunk: Buffer) {
    if (this.done) return;
    if (!this.parser) {
      const bytes = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
      const at = bytes.indexOf(MERGE_LIST);
      if (at === -1) {
        this.tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - MERGE_LIST.length + 1)));
        return;
      }
      this.parser = this.start();
      chunk = bytes.subarray(at);
    }
    this.parser.write(this.decoder.write(chunk));
  }

  private start() {
    const parser = new SaxesParser({ fragment: true });
    parser.on("opentag", (node) => {
      const ref = node.name === "mergeCell" ? node.attributes.ref : undefined;
      const found = typeof ref === "string" ? /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref) : null;
      if (!found || this.ranges.length >= MAX_MERGED_RANGES) return;
      const [top, bottom] = [Number(found[2]), Number(found[4])];
      const [left, right] = [columnNumber(found[1]!) - 1, columnNumber(found[3]!) - 1];
      if (top <= bottom && left <= right) this.ranges.push({ top, left, bottom, right });
    });
    parser.on("closetag", (node) => {
      if (node.name === "mergeCells") this.done = true;
    });
    parser.on("error", () => {
      this.done = true;
    });
    return parser;
  }
}

/** Whether a number format shows a date: exceljs's own test, for formula results, which it leaves as numbers. */
const isDateFormat = (format: string) => /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
const isPercentFormat = (format: string) => format.replace(/"[^"]*"|\[[^\]]*]|\\./g, "").includes("%");

/** Excel's escapes of characters XML cannot hold: `_x000D_` is a carriage return; `_x005F_` escapes a literal "_x". */
const decodeEscapes = (text: string) =>
  text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

/** A number as the official sees it in Excel: 49% is "49", not "0.49"; a date-formatted formula result is a date. */
function numberText(value: number, format: string | undefined, date1904: boolean): string {
  if (!Number.isFinite(value)) return "";
  if (format && isDateFormat(format)) return excelSerialToIsoDate(value + (date1904 ? 1462 : 0)) ?? "";
  const plain = plainNumber(value);
  return format && isPercentFormat(format) ? shiftDecimal(plain, 2) : plain;
}

/** A cell's value as text: never a formula, only its result saved in the file; an error value is a problem. */
function readCell(column: number, cell: StreamCell, date1904: boolean): FoundCell {
  const value = cell.value;
  if (value === null || value === undefined) return { column, text: "" };
  if (typeof value === "string") return { column, text: decodeEscapes(value) };
  if (typeof value === "number") return { column, text: numberText(value, cell.numFmt, false) };
  if (typeof value === "boolean") return { column, text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { column, text: Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10) };
  if (typeof value !== "object") return { column, text: "" };
  if ("error" in value) return { column, problem: importMessage("cellError") };
  if ("richText" in value && Array.isArray(value.richText)) {
    return {
      column,
      text: decodeEscapes(value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("")),
    };
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { column, problem: importMessage("formulaNotCalculated") };
    if (typeof result === "number") {
      // exceljs reads an error result (#N/A) as a number that is not one.
      return Number.isNaN(result)
        ? { column, problem: importMessage("cellError") }
        : { column, text: numberText(result, cell.numFmt, date1904) };
    }
    return typeof result === "string" ? { column, text: decodeEscapes(result) } : readCell(column, { value: result }, date1904);
  }
  return { column, text: "" };
}

/** Where a relationship's target sits in the zip: relative to `xl/`, or absolute from the root. */
const partPath = (target: string) => (target.startsWith("/") ? target.slice(1) : posix.join("xl", target));

/** The sheets read and the sheets left out, each with its reason. */
export type XlsxResult = { sheets: Sheet[]; skipped: SkippedSheet[] };

/** The visible sheets of an XLSX as text rows. Throws `ReadStop` for a file refused whole; other errors mean a damaged file. */
export async function readXlsx(bytes: Buffer, limits: ReadLimits): Promise<XlsxResult> {
  const directory = await Open.buffer(bytes).catch(() => {
    throw new ReadStop("file", importMessage("fileDamaged"));
  });
  const parts = new Map(directory.files.filter((file) => file.type === "File").map((file) => [file.path, file]));
  // A zip that is not a workbook: a Word document, an OpenDocument sheet, an Excel binary workbook (.xlsb).
  if (!parts.has("xl/workbook.xml")) throw new ReadStop("file", importMessage("notSpreadsheet"));
  const declared = [...parts.values()].reduce((sum, file) => sum + file.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) throw tooLarge(limits.maxUncompressedBytes);
  if ((parts.get("xl/sharedStrings.xml")?.uncompressedSize ?? 0) > limits.maxSharedStringsBytes)
    throw tooLarge(limits.maxSharedStringsBytes);

  // A part whose reading failed may still be inflating into a reader that gave up on it: stop every part on the way out.
  const opened: Readable[] = [];
  try {
    return await readWorkbook(parts, limits, opened);
  } finally {
    for (const stream of opened) stream.destroy();
  }
}

/** The workbook's parts in the order the reader needs them, then its sheets one by one. */
async function readWorkbook(parts: Map<string, CentralDirectoryFile>, limits: ReadLimits, opened: Readable[]): Promise<XlsxResult> {
  const inflated: Inflated = { bytes: 0 };
  const open = (file: CentralDirectoryFile, partLimit?: number, watch?: (chunk: Buffer) => void) => {
    const stream = readPart(file, inflated, limits, partLimit, watch);
    opened.push(stream);
    return stream;
  };
  const part = (path: string, partLimit?: number) => {
    const file = parts.get(path);
    return file ? open(file, partLimit) : null;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as WorkbookSteps;
  const rels = part("xl/_rels/workbook.xml.rels");
  if (!rels) throw new ReadStop("file", importMessage("fileDamaged"));
  await reader._parseRels(rels);
  await reader._parseWorkbook(part("xl/workbook.xml")!);
  const styles = part("xl/styles.xml");
  if (styles) await reader._parseStyles(styles);
  const sharedStrings = part("xl/sharedStrings.xml", limits.maxSharedStringsBytes);
  // Cached by the reader for the sheets: the steps yield nothing of their own.
  if (sharedStrings) for await (const step of reader._parseSharedStrings(sharedStrings)) void step;

  const entries = reader.model?.sheets ?? [];
  if (entries.length > limits.maxSheets) throw new ReadStop("file", importMessage("tooManySheets", { limit: limits.maxSheets }));
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const budget = { dataRows: 0, chars: 0 };
  const result: XlsxResult = { sheets: [], skipped: [] };
  for (const entry of entries) {
    const name = sheetName(String(entry.name ?? ""));
    const skip = (reason: SkippedSheet["reason"]) => result.skipped.push({ name, reason });
    if (entry.state === "hidden" || entry.state === "veryHidden") {
      skip(importMessage("sheetHidden"));
      continue;
    }
    const relationship = reader.workbookRels?.find((rel) => rel.Id === entry.rId);
    const file = relationship && /\/worksheet$/.test(relationship.Type) ? parts.get(partPath(relationship.Target)) : undefined;
    if (!file) {
      skip(importMessage(relationship && /\/worksheet$/.test(relationship.Type) ? "sheetEmpty" : "sheetNotTable"));
      continue;
    }
    const collector = new SheetCollector(name, limits, budget);
    const merged = new MergedCellScanner();
    const rows: AsyncIterable<StreamRow> = reader
      ._parseWorksheet(
        open(file, Infinity, (chunk) => merged.push(chunk)),
        entry.id,
      )
      .next().value!.value;
    try {
      for await (const row of rows) {
        const cells: FoundCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => cells.push(readCell(column - 1, cell, date1904)));
        collector.add(row.number, cells);
      }
    } catch (error) {
      // Leaving the loop destroyed the sheet's stream: the rest of it is never inflated.
      if (error instanceof ReadStop && error.scope === "sheet") {
        skip(error.reason as SkippedSheet["reason"]);
        continue;
      }
      throw error;
    }
    const shaped = collector.finish(merged.ranges);
    if ("sheet" in shaped) result.sheets.push(shaped.sheet);
    else result.skipped.push(shaped.skipped);
  }
  return result;
}
