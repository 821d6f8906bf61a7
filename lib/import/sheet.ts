import { guessRecordType } from "./headers";
import { importMessage, type CellMessageKey, type ImportMessage, type SheetMessageKey } from "./messages";
import { importFileBytes } from "@/lib/http/body-size";

/**
 * From the cells a reader found (XLSX or CSV, row by row) to a sheet of text rows: the bounds on columns, cell
 * length, rows and text; merged cells; the header row below any title rows; blank rows dropped. Every row keeps
 * its number as Excel shows it, so that the official finds row 57 of the report in row 57 of the file.
 */

/** The bounds of one import; each can be lowered (tests) or raised (the command line) through `readSpreadsheet`. */
export type ReadLimits = {
  /** The upload itself. */
  maxFileBytes: number;
  /** An XLSX's parts unzipped, declared and counted as they stream: a zip bomb stops here. */
  maxUncompressedBytes: number;
  /** The shared strings part, which is held in memory while the sheets are read (the sheets stream). */
  maxSharedStringsBytes: number;
  maxSheets: number;
  /** Data rows of all sheets together: a larger file is refused whole, to be split, not read in part. */
  maxDataRows: number;
  maxColumns: number;
  /** Longer than any form field (the longest, a meeting's summary, takes 4,000): see `cellTooLong`. */
  maxCellChars: number;
  /** All cell text kept, for the memory a file may take whatever its rows repeat. */
  maxTotalChars: number;
  /** Title rows above the header: the header is looked for among this many non-blank rows. */
  headerSearchRows: number;
};

const MB = 1024 * 1024;

/** The bounds an upload is read with, unless told otherwise. */
export const READ_LIMITS: ReadLimits = {
  maxFileBytes: importFileBytes,
  maxUncompressedBytes: 200 * MB,
  maxSharedStringsBytes: 64 * MB,
  maxSheets: 50,
  maxDataRows: 20_000,
  maxColumns: 100,
  maxCellChars: 10_000,
  maxTotalChars: 50_000_000,
  headerSearchRows: 20,
};

/** A cell's problem (its row is refused) or warning (its value was cleaned), by column index in `cells`. */
export type CellNote = { column: number; message: ImportMessage<CellMessageKey> };

/** One row of data with something in it; a row with problems is refused whole by the checks that follow. */
export type SheetRow = {
  /** The row's number as Excel shows it (1-based, counting title and header rows). */
  row: number;
  /** One text per column of `headers`; blank is "". */
  cells: string[];
  problems?: CellNote[];
  warnings?: CellNote[];
};

/** One sheet (or a CSV file) of text rows, as it is mapped and checked. */
export type Sheet = {
  name: string;
  /** The header row's number in the file (1-based). */
  headerRow: number;
  /** The header texts with their spaces and line breaks collapsed; "" for a column without one. */
  headers: string[];
  /** The data rows below the header that have anything in them. */
  rows: SheetRow[];
};

/** A sheet left out, and why: the official sees it beside the sheets that were read. */
export type SkippedSheet = { name: string; reason: ImportMessage<SheetMessageKey> };

/** One cell as a reader found it: its text, or why it has none (a formula never calculated, #N/A). */
export type FoundCell = { column: number; text: string } | { column: number; problem: ImportMessage<CellMessageKey> };

/** A merged range: rows as numbered in the file, columns 0-based, both ends included. */
export type MergedRange = { top: number; left: number; bottom: number; right: number };

/** Why reading stops: the whole file is refused, or only the sheet is left out. */
export class ReadStop extends Error {
  constructor(
    readonly scope: "file" | "sheet",
    readonly reason: ImportMessage,
  ) {
    super(reason.key);
  }
}

/** What the sheets of one file have used of the limits together. */
export type ReadBudget = { dataRows: number; chars: number };

/** Column "A" for index 0, "AA" for 26, as Excel names columns in the messages that point at a cell. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Control characters other than tab and line feed are removed, with a warning on the cell: they are invisible
 * in Excel (so a message asking to remove them could not be acted on), and NUL cannot be stored at all. A
 * carriage return (Windows line ends, Excel's `_x000D_`) becomes a line feed.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

function cleanText(text: string): { text: string; changed: boolean } {
  const lines = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const cleaned = lines.replace(CONTROL, "");
  return { text: cleaned, changed: cleaned.length !== lines.length };
}

const isBlank = (text: string) => text.trim() === "";

/** A sheet's name as shown beside its rows and in messages: no control characters, at most 100 characters. */
export const sheetName = (name: string) => cleanText(name).text.replace(/\s+/g, " ").trim().slice(0, 100);

/** Collects one sheet's rows as a reader finds them, within the limits; `finish` shapes the sheet. */
export class SheetCollector {
  private readonly rows: SheetRow[] = [];
  /** The number of the last row added, blank or not. */
  private lastRow = 0;

  constructor(
    private readonly name: string,
    private readonly limits: ReadLimits,
    private readonly budget: ReadBudget,
  ) {}

  /** Adds a row of the file; throws `ReadStop` when a bound is passed. */
  add(row: number, found: readonly FoundCell[]) {
    // Excel writes rows in order, each once: a file that repeats or reorders them would give two rows one number.
    if (!Number.isInteger(row) || row <= this.lastRow) throw new ReadStop("file", importMessage("fileDamaged"));
    this.lastRow = row;
    const cells: string[] = [];
    const problems: CellNote[] = [];
    const warnings: CellNote[] = [];
    let chars = 0;
    for (const cell of found) {
      const { column } = cell;
      const blank = "text" in cell ? isBlank(cell.text) : false;
      if (column >= this.limits.maxColumns) {
        if (blank) continue;
        const values = { limit: this.limits.maxColumns, row, column: columnLetter(column), last: columnLetter(this.limits.maxColumns - 1) };
        throw new ReadStop("sheet", importMessage("sheetTooManyColumns", values));
      }
      if (!("text" in cell)) {
        problems.push({ column, message: cell.problem });
        continue;
      }
      if (blank) continue;
      const { text, changed } = cleanText(cell.text);
      if (isBlank(text)) continue;
      if (changed) warnings.push({ column, message: importMessage("controlCharactersRemoved") });
      // Refused, not cut: a cut text would be imported as if whole. Up to the bound, the form says "too long".
      if (text.length > this.limits.maxCellChars) {
        problems.push({ column, message: importMessage("cellTooLong", { limit: this.limits.maxCellChars, length: text.length }) });
        continue;
      }
      cells[column] = text;
      chars += text.length;
    }
    if (problems.length === 0 && cells.every((text) => text === undefined || isBlank(text))) return;
    this.budget.chars += chars;
    if (this.budget.chars > this.limits.maxTotalChars) {
      throw new ReadStop("file", importMessage("tooMuchText", { limit: this.limits.maxTotalChars }));
    }
    // The header is among the first rows: past them, every row is certainly data, and the count can stop early.
    const certainData = this.rows.length + 1 - this.limits.headerSearchRows;
    if (certainData > 0 && this.budget.dataRows + certainData > this.limits.maxDataRows) {
      throw new ReadStop("file", importMessage("tooManyRows", { limit: this.limits.maxDataRows }));
    }
    this.rows.push({
      row,
      cells: Array.from(cells, (text) => text ?? ""),
      ...(problems.length > 0 ? { problems } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  }

  /**
   * The sheet: merged cells filled from their first cell, the header row found, the rows below it padded to
   * one width. A sheet with nothing to import is skipped with its reason.
   */
  finish(merged: readonly MergedRange[] = []): { sheet: Sheet } | { skipped: SkippedSheet } {
    const skip = (reason: ImportMessage<SheetMessageKey>) => ({ skipped: { name: this.name, reason } });
    if (this.rows.length === 0) return skip(importMessage("sheetEmpty"));
    this.fillMerged(merged);
    const headerIndex = this.findHeader();
    if (headerIndex === null) return skip(importMessage("sheetNoHeader", { rows: this.limits.headerSearchRows }));
    const header = this.rows[headerIndex]!;
    const data = this.rows.slice(headerIndex + 1);
    if (data.length === 0) return skip(importMessage("sheetHeaderOnly", { row: header.row }));
    this.budget.dataRows += data.length;
    if (this.budget.dataRows > this.limits.maxDataRows) {
      throw new ReadStop("file", importMessage("tooManyRows", { limit: this.limits.maxDataRows }));
    }
    const lastUsed = (row: SheetRow) =>
      (row.problems ?? []).reduce(
        (last, problem) => Math.max(last, problem.column),
        row.cells.findLastIndex((text) => !isBlank(text)),
      );
    const width = data.reduce((widest, row) => Math.max(widest, lastUsed(row)), lastUsed(header)) + 1;
    const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? "");
    return {
      sheet: {
        name: this.name,
        headerRow: header.row,
        headers: pad(header.cells).map((text) => text.replace(/\s+/g, " ").trim()),
        rows: data.map((row) => ({ ...row, cells: pad(row.cells) })),
      },
    };
  }

  /**
   * A merged range shows its first cell's value across the range: "Регион" merged over two header rows heads
   * the column in both, and a region merged down five rows is the region of each. Excel's merged ranges do not
   * overlap, so the cells visited stay within the cells kept; a file claiming otherwise stops being filled.
   */
  private fillMerged(merged: readonly MergedRange[]) {
    let visits = this.limits.maxDataRows * this.limits.maxColumns;
    for (const range of merged) {
      const first = this.firstRowFrom(range.top);
      const master = this.rows[first]?.row === range.top ? this.rows[first]!.cells[range.left] : undefined;
      if (master === undefined || isBlank(master)) continue;
      const right = Math.min(range.right, this.limits.maxColumns - 1);
      for (let index = first; index < this.rows.length && this.rows[index]!.row <= range.bottom; index++) {
        const cells = this.rows[index]!.cells;
        for (let column = range.left; column <= right; column++) {
          if (--visits < 0) return;
          if (!isBlank(cells[column] ?? "")) continue;
          while (cells.length < column) cells.push("");
          cells[column] = master;
        }
      }
    }
  }

  /** The index of the first kept row numbered `row` or after (rows are kept in order). */
  private firstRowFrom(row: number) {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.rows[middle]!.row < row) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * The header row among the first rows: the one whose cells name the most fields of a record type (two at
   * least), else the first with two different texts in it (a title merged across the table repeats one text).
   */
  private findHeader(): number | null {
    const candidates = this.rows.slice(0, this.limits.headerSearchRows);
    const matched = candidates.map((row) => guessRecordType(row.cells)?.matched ?? 0);
    const most = Math.max(...matched);
    if (most >= 2) {
      const index = matched.indexOf(most);
      // A header of two rows ("Показатели" over "Экспорт", "Импорт", the rest merged down): the lower row, filled
      // from the merged cells, names at least as much and sits right above the data.
      return (matched[index + 1] ?? 0) >= most ? index + 1 : index;
    }
    const titled = candidates.findIndex((row) => new Set(row.cells.filter((text) => /\p{L}/u.test(text)).map((t) => t.trim())).size >= 2);
    return titled === -1 ? null : titled;
  }
}
