import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Spreadsheet files for the import's tests, made as officials' files are: exceljs's normal workbook API for
 * ordinary workbooks, and JSZip (exceljs's own zip library) where a test needs a part no spreadsheet program
 * would write: a sheet of 200,000 rows in a second, or a zip that lies about its sizes.
 */

/** An XLSX built with exceljs's workbook API. */
export async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Excel's letters of a 0-based column. */
const letters = (index: number): string => (index < 26 ? "" : letters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** A worksheet part with inline strings, row after row: `rows(n)` gives row n's cells, or null for no more rows. */
export function sheetXml(rows: (row: number) => string[] | null, extra = ""): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let row = 1; ; row++) {
    const cells = rows(row);
    if (!cells) break;
    const xml = cells.map((text, column) => `<c r="${letters(column)}${row}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`);
    parts.push(`<row r="${row}">${xml.join("")}</row>`);
  }
  parts.push(`</sheetData>${extra}</worksheet>`);
  return parts.join("");
}

/** A one-sheet XLSX whose sheet part is `xml` (written as is, compressed). */
export async function workbookWithSheetXml(xml: string): Promise<Buffer> {
  const base = await workbook((book) => book.addWorksheet("Data").addRow(["placeholder"]));
  const zip = await JSZip.loadAsync(base);
  zip.file("xl/worksheets/sheet1.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/**
 * The same zip with one part's uncompressed size rewritten in its local header and the central directory: a
 * zip bomb that declares a small part and inflates to a large one.
 */
export function declareSize(zip: Buffer, path: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  const name = Buffer.from(path);
  for (let at = patched.indexOf(name); at !== -1; at = patched.indexOf(name, at + 1)) {
    // Local file header: signature 0x04034b50, the name at offset 30, the uncompressed size at 22.
    if (patched.readUInt32LE(at - 30) === 0x04034b50) patched.writeUInt32LE(size, at - 30 + 22);
    // Central directory header: signature 0x02014b50, the name at offset 46, the uncompressed size at 24.
    if (patched.readUInt32LE(at - 46) === 0x02014b50) patched.writeUInt32LE(size, at - 46 + 24);
  }
  return patched;
}
