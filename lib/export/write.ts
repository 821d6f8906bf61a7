import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { PassThrough, Writable, type Readable } from "node:stream";
import type { Locale } from "@/lib/i18n/locale";
import { plainValue, type CellType, type CellValue, type ExportColumn, type ExportTable } from "./columns";

/**
 * The two file writers of the exports, CSV (csv-stringify) and XLSX (exceljs's streaming writer). Both pull rows
 * batch by batch from a source (a database cursor) and write them into a Node stream, waiting whenever the
 * reader of that stream is behind: at most about one batch is held in memory, whatever the row count.
 */

/** Where the rows come from: a database cursor (`openQueryCursor`), or rows already in memory. */
export type RowSource<Row> = {
  /** The next batch; empty at the end. */
  read: () => Promise<Row[]>;
  /** Stops early; `broken` when the file was not finished. */
  close: (broken: boolean) => Promise<void>;
};

/** A source over rows already read (a pair's years: one a year, never many). */
export function arraySource<Row>(rows: readonly Row[]): RowSource<Row> {
  let done = false;
  return {
    read: async () => {
      if (done) return [];
      done = true;
      return [...rows];
    },
    close: async () => {},
  };
}

/** What the XLSX file's second sheet says about the data. */
export type ExportAbout = {
  licence: string;
  /** When the registry's records last changed. */
  registryUpdatedAt: Date | null;
  /** The address the file was downloaded from, filters included. */
  sourceUrl: string;
  /** The filters in words (`region: kursk-oblast`), or none. */
  filters: string[];
};

export type WriteOptions = {
  locale: Locale;
  /** The CSV's separator: `;` is what spreadsheet programs expect where the decimal mark is a comma. */
  separator?: "," | ";";
  /**
   * For programs rather than spreadsheets (the full download, lib/dump): no byte order mark, the columns' keys as
   * the header, and text exactly as stored (no formula guard, which would change values that start with `-`).
   */
  forPrograms?: boolean;
  /** Rows already read (the first batch, read before the response began so that a failure could still be a 503). */
  first?: readonly unknown[];
  about: ExportAbout;
};

/**
 * Resolves when the stream wants more, rejects when it was destroyed (the client went away). `output`, when given,
 * is the file's own stream: its closing stops the wait too, since an inner stream then never drains.
 */
function drained(stream: Writable, output: Writable = stream): Promise<void> {
  if (output.destroyed || stream.destroyed) return Promise.reject(new Error("The export was stopped."));
  // Node's streams say `writableNeedDrain`; archiver's own (readable-stream 2) keep it in their state only.
  const state = (stream as { _writableState?: { needDrain?: boolean } })._writableState;
  if (!(stream.writableNeedDrain ?? state?.needDrain)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      output.off("close", onClose);
      resolve();
    };
    const onClose = () => {
      stream.off("drain", onDrain);
      reject(new Error("The export was stopped."));
    };
    stream.once("drain", onDrain);
    output.once("close", onClose);
  });
}

/**
 * Reads the source to its end, handing each batch to `write`; closes the source however it ends. A reader that
 * goes away (the output destroyed) closes the source at once, not only when the next batch comes back.
 */
async function pump<Row>(
  source: RowSource<Row>,
  first: readonly Row[] | undefined,
  out: Writable,
  write: (rows: readonly Row[]) => Promise<void>,
) {
  out.once("close", () => void source.close(true));
  try {
    let rows = first ?? (await source.read());
    while (rows.length > 0) {
      await write(rows);
      rows = await source.read();
    }
    await source.close(false);
  } catch (error) {
    await source.close(true);
    throw error;
  }
}

/**
 * The CSV file: UTF-8 with a byte order mark (spreadsheet programs then read Cyrillic as Cyrillic), CRLF line ends,
 * RFC 4180 quoting, and text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
 * prefixed with a single quote (csv-stringify's `escape_formulas`; negative numbers stay numbers).
 */
export function writeCsv<Row>(table: ExportTable<Row>, source: RowSource<Row>, options: WriteOptions): Readable {
  const { locale } = options;
  const forPrograms = options.forPrograms ?? false;
  const out = stringify({
    bom: !forPrograms,
    delimiter: options.separator ?? ",",
    record_delimiter: "\r\n",
    escape_formulas: !forPrograms,
  });
  out.write(table.columns.map((column) => (forPrograms ? column.key : column.header[locale])));
  pump(source, options.first as Row[] | undefined, out, async (rows) => {
    for (const row of rows) out.write(table.columns.map((column) => plainValue(column.value(row, locale), column.type)));
    await drained(out);
  }).then(
    () => out.end(),
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return out;
}

const widths: Record<CellType, number> = { text: 28, number: 16, integer: 10, date: 12, datetime: 20, year: 8, boolean: 8 };
// Years and ids without a thousands separator; dates as days, whatever the reader's regional settings.
const formats: Partial<Record<CellType, string>> = { year: "0", integer: "0", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm:ss" };

/** An XLSX cell: numbers and dates keep their type; a string is always a string, never a formula. */
function xlsxValue(value: CellValue): ExcelJS.CellValue {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

const aboutLabels = {
  en: {
    sheet: "About",
    licence: "Licence",
    updated: "Registry last updated",
    source: "Source",
    filters: "Filters",
    none: "none",
    exported: "Exported",
    rows: "Rows",
  },
  ru: {
    sheet: "О данных",
    licence: "Лицензия",
    updated: "Реестр обновлён",
    source: "Источник",
    filters: "Фильтры",
    none: "нет",
    exported: "Выгружено",
    rows: "Строк",
  },
} as const;

/**
 * Where exceljs's streaming writer hands the sheet's XML to the ZIP (archiver's stream of the sheet's entry), when
 * it can be found. exceljs writes a sheet into its own buffer, which passes every row on without asking whether
 * the ZIP keeps up; waiting only for the file's reader therefore let a whole sheet's XML pile up in memory ahead of
 * the compressor. Waiting for this entry stream as well holds it to a few batches: for 100,000 rows of twelve
 * columns read at 20 MB/s, the process grew by 49 MB instead of 114.
 */
function sheetEntry(sheet: ExcelJS.Worksheet): Writable | undefined {
  const buffer = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const entry = buffer?.pipes?.[0] as (Writable & { _writableState?: { needDrain?: boolean } }) | undefined;
  if (typeof entry?.once !== "function" || typeof entry._writableState?.needDrain !== "boolean") return undefined;
  return entry;
}

/**
 * The XLSX workbook, written by exceljs's streaming writer: rows are committed as they come and not kept (no
 * shared strings table, which would hold every text in memory). The first sheet holds the records (typed cells,
 * a frozen header row, column widths); the second says what the data is: licence, the registry's last change,
 * where it came from, with which filters.
 */
export function writeXlsx<Row>(table: ExportTable<Row>, source: RowSource<Row>, options: WriteOptions): Readable {
  const { locale, about } = options;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Interregio";
  const sheet = workbook.addWorksheet(table.sheetName[locale], { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column: ExportColumn<Row>) => ({
    key: column.key,
    width: column.width ?? widths[column.type],
    ...(formats[column.type] ? { style: { numFmt: formats[column.type] } } : {}),
  }));
  const header = sheet.addRow(table.columns.map((column) => column.header[locale]));
  header.font = { bold: true };
  header.commit();
  let count = 0;

  pump(source, options.first as Row[] | undefined, out, async (rows) => {
    for (const row of rows) sheet.addRow(table.columns.map((column) => xlsxValue(column.value(row, locale)))).commit();
    count += rows.length;
    // Let the zip stream take the committed rows before reading more; then wait for the reader if it is behind.
    await new Promise((resolve) => setImmediate(resolve));
    const entry = sheetEntry(sheet);
    if (entry) await drained(entry, out);
    await drained(out);
  })
    .then(async () => {
      sheet.commit();
      const labels = aboutLabels[locale];
      const aboutSheet = workbook.addWorksheet(labels.sheet);
      aboutSheet.columns = [{ width: 24 }, { width: 80 }];
      const line = (label: string, value: ExcelJS.CellValue, numFmt?: string) => {
        const row = aboutSheet.addRow([label, value]);
        row.getCell(1).font = { bold: true };
        if (numFmt) row.getCell(2).numFmt = numFmt;
        row.commit();
      };
      line(labels.licence, about.licence);
      line(labels.updated, about.registryUpdatedAt, "yyyy-mm-dd hh:mm");
      line(labels.exported, new Date(), "yyyy-mm-dd hh:mm");
      line(labels.source, about.sourceUrl);
      line(labels.filters, about.filters.length > 0 ? about.filters.join("; ") : labels.none);
      line(labels.rows, count);
      aboutSheet.commit();
      await workbook.commit();
    })
    .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

export const exportContentTypes = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
