import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readSpreadsheet, type ReadLimits, type ReadResult, type Sheet } from "@/lib/import/read";
import { declareSize, sheetXml, workbook, workbookWithSheetXml } from "@/tests/support/spreadsheets";

const read = (bytes: Buffer, limits?: Partial<ReadLimits>, name = "реестр.xlsx") => readSpreadsheet({ bytes, name }, limits);

/** The sheets of a file that was read, or the test fails with what refused it. */
function sheetsOf(result: ReadResult): Sheet[] {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.sheets;
}

/** A row's cells by header, as an official reads a row of the preview. */
const byHeader = (sheet: Sheet, index: number) =>
  Object.fromEntries(sheet.headers.map((header, column) => [header, sheet.rows[index]!.cells[column]]));

describe("reading an XLSX as the official sees it", () => {
  it("skips the title rows, reads a header of two merged rows, and keeps Excel's row numbers", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Предприятия");
      sheet.addRow(["Перечень предприятий Курской области, сотрудничающих с Республикой Беларусь"]);
      sheet.mergeCells("A1:F1");
      sheet.addRow(["по состоянию на 01.01.2015"]);
      sheet.addRow([]);
      sheet.addRow(["Наименование", "Регион", "Год основания", "Показатели за 2014 год", "", "Сайт"]);
      sheet.addRow(["", "", "", "Экспорт", "Доля экспорта", ""]);
      for (const range of ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5"]) sheet.mergeCells(range);
      sheet.addRow(["ООО «Курскагромаш»", "Курская область", 1994, 1250000.5, 0.49, "kurskagromash.ru"]);
      sheet.getCell("E6").numFmt = "0%";
      sheet.addRow([]);
      sheet.addRow(["ОАО «Гомсельмаш»", "Гомельская обл.", 1930, 250000000, 0.125, ""]);
      sheet.getCell("E8").numFmt = "0.0%";
      sheet.addRow([]);
      sheet.addRow([]);
    });
    const [sheet] = sheetsOf(await read(bytes));
    expect(sheet!.name).toBe("Предприятия");
    expect(sheet!.headerRow).toBe(5);
    expect(sheet!.headers).toEqual(["Наименование", "Регион", "Год основания", "Экспорт", "Доля экспорта", "Сайт"]);
    // Row 7 is blank and the blank rows after row 8 are dropped: the rows keep the numbers Excel shows.
    expect(sheet!.rows.map((row) => row.row)).toEqual([6, 8]);
    expect(byHeader(sheet!, 0)).toEqual({
      Наименование: "ООО «Курскагромаш»",
      Регион: "Курская область",
      "Год основания": "1994",
      Экспорт: "1250000.5",
      "Доля экспорта": "49",
      Сайт: "kurskagromash.ru",
    });
    expect(sheet!.rows[1]!.cells).toEqual(["ОАО «Гомсельмаш»", "Гомельская обл.", "1930", "250000000", "12.5", ""]);
  });

  it("fills a value merged down several rows into each of them", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["Наименование", "Регион"]);
      sheet.addRow(["Завод 1", "Курская область"]);
      sheet.addRow(["Завод 2", ""]);
      sheet.addRow(["Завод 3", ""]);
      sheet.mergeCells("B2:B4");
      sheet.addRow(["Завод 4", "", "", "Гомельская область"]);
      sheet.addRow(["Завод 5"]);
      sheet.mergeCells("D5:D6");
    });
    const [sheet] = sheetsOf(await read(bytes));
    expect(sheet!.rows.map((row) => row.cells)).toEqual([
      ["Завод 1", "Курская область", "", ""],
      ["Завод 2", "Курская область", "", ""],
      ["Завод 3", "Курская область", "", ""],
      ["Завод 4", "", "", "Гомельская область"],
      ["Завод 5", "", "", "Гомельская область"],
    ]);
  });

  it("reads dates as yyyy-mm-dd and numbers as plain decimals, never a formula", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Встречи");
      sheet.addRow(["Дата", "Название", "Оборот", "Срок", "Формула", "Ошибка"]);
      const row = sheet.addRow([new Date(Date.UTC(2015, 2, 10)), "Встреча в Минске", 0.1 + 0.2]);
      row.getCell(1).numFmt = "dd.mm.yyyy";
      row.getCell(4).value = { formula: "A2+30", result: 42103 } as ExcelJS.CellFormulaValue;
      row.getCell(4).numFmt = "dd.mm.yyyy";
      row.getCell(5).value = { formula: "C2*1000", result: 300 } as ExcelJS.CellFormulaValue;
      row.getCell(6).value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      const uncalculated = sheet.addRow(["2015-04-01", "Без расчёта"]);
      uncalculated.getCell(5).value = { formula: "C3*1000" } as ExcelJS.CellFormulaValue;
    });
    const [sheet] = sheetsOf(await read(bytes));
    expect(sheet!.rows[0]).toEqual({
      row: 2,
      cells: ["2015-03-10", "Встреча в Минске", "0.3", "2015-04-09", "300", ""],
      problems: [{ column: 5, message: { key: "cellError" } }],
    });
    // The formula is never evaluated: without a saved result the cell is empty and the row is refused.
    expect(sheet!.rows[1]).toEqual({
      row: 3,
      cells: ["2015-04-01", "Без расчёта", "", "", "", ""],
      problems: [{ column: 4, message: { key: "formulaNotCalculated" } }],
    });
  });

  it("reads each visible sheet on its own and reports the hidden ones", async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet("Организации").addRows([
        ["Наименование", "Регион"],
        ["Завод", "Курская область"],
      ]);
      book.addWorksheet("Справочник", { state: "hidden" }).addRows([
        ["Регион", "Код"],
        ["Курская область", "RU-KRS"],
      ]);
      book.addWorksheet("Пустой");
      book.addWorksheet("Торговля").addRows([
        ["Регион", "Год", "Оборот"],
        ["Курская область", 2014, 250000000],
        ["Курская область", 2015, 260000000],
      ]);
      book.addWorksheet("Только заголовок").addRow(["Регион", "Год", "Оборот"]);
    });
    const result = await read(bytes);
    expect(sheetsOf(result).map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ["Организации", 1],
      ["Торговля", 2],
    ]);
    expect(result.skipped).toEqual([
      { name: "Справочник", reason: { key: "sheetHidden" } },
      { name: "Пустой", reason: { key: "sheetEmpty" } },
      { name: "Только заголовок", reason: { key: "sheetHeaderOnly", values: { row: 1 } } },
    ]);
  });

  it("removes control characters with a warning on the cell, and NUL never passes", async () => {
    // Excel writes control characters as _xHHHH_ escapes; exceljs writes the text as given.
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["Наименование", "Описание"]);
      sheet.addRow(["ООО _x0000_«Ромашка»_x0007_", "Первая строка_x000D_\nвторая"]);
    });
    const [sheet] = sheetsOf(await read(bytes));
    expect(sheet!.rows[0]).toEqual({
      row: 2,
      cells: ["ООО «Ромашка»", "Первая строка\nвторая"],
      warnings: [{ column: 0, message: { key: "controlCharactersRemoved" } }],
    });
  });

  it("takes a 10,000-character cell and refuses a longer one, naming its row and column", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["Наименование", "Описание"]);
      sheet.addRow(["Завод 1", "а".repeat(10_000)]);
      sheet.addRow(["Завод 2", "б".repeat(10_001)]);
    });
    const [sheet] = sheetsOf(await read(bytes));
    expect(sheet!.rows[0]!.cells[1]).toHaveLength(10_000);
    expect(sheet!.rows[1]).toEqual({
      row: 3,
      cells: ["Завод 2", ""],
      problems: [{ column: 1, message: { key: "cellTooLong", values: { limit: 10_000, length: 10_001 } } }],
    });
  });

  it("leaves out a sheet with a value beyond the hundredth column and reads the others", async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet("Данные").addRows([
        ["Наименование", "Регион"],
        ["Завод", "Курская область"],
      ]);
      const wide = book.addWorksheet("Широкий");
      wide.addRows([
        ["Наименование", "Регион"],
        ["Завод", "Курская область"],
      ]);
      wide.getCell("CW2").value = "заметка на полях";
    });
    const result = await read(bytes);
    expect(sheetsOf(result).map((sheet) => sheet.name)).toEqual(["Данные"]);
    expect(result.skipped).toEqual([
      { name: "Широкий", reason: { key: "sheetTooManyColumns", values: { limit: 100, row: 2, column: "CW", last: "CV" } } },
    ]);
  });
});

describe("bounds of an XLSX", () => {
  const header = ["Наименование", "Регион", "Описание"];
  const manyRows = (count: number) => (row: number) =>
    row > count ? null : row === 1 ? header : [`Завод ${row}`, "Курская область", "x".repeat(40)];

  it("refuses a workbook that unzips past the limit, from the sizes its zip declares", async () => {
    // 4 MB of sheet compressed to a few hundred kilobytes; the limit is lowered to 1 MB to keep the test fast.
    const xml = sheetXml((row) => (row > 40_000 ? null : ["Завод", "Курская область", "x".repeat(40)]));
    const bomb = await workbookWithSheetXml(xml);
    expect(xml.length).toBeGreaterThan(4_000_000);
    expect(bomb.length * 8).toBeLessThan(xml.length);
    expect(await read(bomb, { maxUncompressedBytes: 1024 * 1024 })).toEqual({
      ok: false,
      error: { key: "uncompressedTooLarge", values: { limit: 1 } },
      skipped: [],
    });
  });

  it("refuses with the real limits a workbook declaring more than 200 MB", async () => {
    const small = await workbook((book) => book.addWorksheet("Data").addRows([header, ["Завод", "Курская", ""]]));
    const bomb = declareSize(small, "xl/worksheets/sheet1.xml", 250 * 1024 * 1024);
    expect(await read(bomb)).toEqual({ ok: false, error: { key: "uncompressedTooLarge", values: { limit: 200 } }, skipped: [] });
  });

  it("counts the bytes as they inflate when the zip lies about its sizes", async () => {
    const bomb = declareSize(await workbookWithSheetXml(sheetXml(manyRows(30_000))), "xl/worksheets/sheet1.xml", 1000);
    const result = await read(bomb, { maxUncompressedBytes: 1024 * 1024, maxDataRows: 100_000 });
    expect(result).toEqual({ ok: false, error: { key: "uncompressedTooLarge", values: { limit: 1 } }, skipped: [] });
  });

  it("bounds the shared strings, which are held in memory while the sheets stream", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(header);
      for (let i = 0; i < 2000; i++) sheet.addRow([`Завод ${i} ${"ж".repeat(200)}`, "Курская", ""]);
    });
    expect(await read(bytes, { maxSharedStringsBytes: 256 * 1024 })).toEqual({
      ok: false,
      error: { key: "uncompressedTooLarge", values: { limit: 0.3 } },
      skipped: [],
    });
    expect(sheetsOf(await read(bytes))[0]!.rows).toHaveLength(2000);
  });

  it("stops reading at the row limit and refuses the file whole", async () => {
    const big = await workbookWithSheetXml(sheetXml(manyRows(200_001)));
    const started = performance.now();
    const result = await read(big, { maxDataRows: 1000 });
    expect(result).toEqual({ ok: false, error: { key: "tooManyRows", values: { limit: 1000 } }, skipped: [] });
    // Reading all 200,000 rows takes several seconds; stopping at the limit, a fraction of one.
    expect(performance.now() - started).toBeLessThan(2000);
  }, 60_000);

  it("takes exactly the limit of data rows", async () => {
    const result = await read(await workbookWithSheetXml(sheetXml(manyRows(1001))), { maxDataRows: 1000 });
    expect(sheetsOf(result)[0]!.rows).toHaveLength(1000);
    expect(sheetsOf(result)[0]!.rows.at(-1)!.row).toBe(1001);
  });

  it("counts the rows of all sheets together", async () => {
    const bytes = await workbook((book) => {
      for (const name of ["Первый", "Второй"])
        book.addWorksheet(name).addRows([header, ...Array.from({ length: 6 }, (_, i) => [`Завод ${i}`, "Курская", ""])]);
    });
    expect(sheetsOf(await read(bytes, { maxDataRows: 12 }))).toHaveLength(2);
    expect(await read(bytes, { maxDataRows: 11 })).toMatchObject({ ok: false, error: { key: "tooManyRows" } });
  });

  it("refuses too many sheets", async () => {
    const bytes = await workbook((book) => {
      for (let i = 1; i <= 4; i++) book.addWorksheet(`Лист ${i}`).addRows([header, ["Завод", "Курская", ""]]);
    });
    expect(await read(bytes, { maxSheets: 3 })).toEqual({ ok: false, error: { key: "tooManySheets", values: { limit: 3 } }, skipped: [] });
  });

  it("refuses a file over the size limit without opening it", async () => {
    expect(await read(Buffer.alloc(2 * 1024 * 1024, 1), { maxFileBytes: 1024 * 1024 })).toEqual({
      ok: false,
      error: { key: "fileTooLarge", values: { limit: 1 } },
      skipped: [],
    });
  });
});

describe("files that are not a workbook to read", () => {
  it.each([
    ["an empty file", Buffer.alloc(0), "пусто.xlsx", "fileEmpty"],
    ["a PDF renamed .xlsx", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "отчёт.xlsx", "notSpreadsheet"],
    ["a PNG", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), "таблица.xlsx", "notSpreadsheet"],
    ["an Excel 97-2003 file", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]), "реестр.xls", "oldExcelFormat"],
    [
      "a web page saved as .xls",
      Buffer.from("<html><body><table><tr><td>Наименование</td></tr></table></body></html>"),
      "реестр.xls",
      "notSpreadsheet",
    ],
    ["a zip that is not a workbook", null, "архив.xlsx", "notSpreadsheet"],
    ["a workbook cut short", undefined, "реестр.xlsx", "fileDamaged"],
  ] as const)("refuses %s", async (_, given, name, key) => {
    let bytes: Buffer;
    if (given === null) {
      const zip = new JSZip();
      zip.file("word/document.xml", "<document/>");
      bytes = await zip.generateAsync({ type: "nodebuffer" });
    } else if (given === undefined) {
      const whole = await workbook((book) =>
        book.addWorksheet("Data").addRows([
          ["Наименование", "Регион"],
          ["Завод", "Курская"],
        ]),
      );
      bytes = whole.subarray(0, Math.floor(whole.length / 2));
    } else bytes = given;
    const result = await read(bytes, undefined, name);
    expect(result).toEqual({ ok: false, error: { key }, skipped: [] });
  });

  it("refuses a workbook whose only sheet is empty, with that reason", async () => {
    const bytes = await workbook((book) => book.addWorksheet("Лист1"));
    expect(await read(bytes)).toEqual({
      ok: false,
      error: { key: "sheetEmpty" },
      skipped: [{ name: "Лист1", reason: { key: "sheetEmpty" } }],
    });
  });

  it("refuses a workbook with only hidden sheets and says so", async () => {
    const bytes = await workbook((book) =>
      book.addWorksheet("Скрытый", { state: "hidden" }).addRows([
        ["Наименование", "Регион"],
        ["Завод", "Курская"],
      ]),
    );
    expect(await read(bytes)).toEqual({
      ok: false,
      error: { key: "noUsableSheet" },
      skipped: [{ name: "Скрытый", reason: { key: "sheetHidden" } }],
    });
  });

  it("refuses a sheet that gives two rows one number, or none", async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet = (rows: string) =>
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const header = `<row r="1">${cell("A1", "Наименование")}${cell("B1", "Регион")}</row>`;
    const repeated = await workbookWithSheetXml(
      sheet(`${header}<row r="2">${cell("A2", "Завод")}</row><row r="2">${cell("A2", "Фабрика")}</row>`),
    );
    expect(await read(repeated)).toEqual({ ok: false, error: { key: "fileDamaged" }, skipped: [] });
    // Excel always numbers its rows; exceljs cannot place a row without one, and saving the file in Excel fixes it.
    const unnumbered = await workbookWithSheetXml(sheet(`${header}<row>${cell("A2", "Завод")}</row>`));
    expect(await read(unnumbered)).toEqual({ ok: false, error: { key: "fileDamaged" }, skipped: [] });
  });

  it("refuses a sheet without a header row among its first rows", async () => {
    const bytes = await workbook((book) => book.addWorksheet("Числа").addRows(Array.from({ length: 30 }, (_, i) => [i, i * 2])));
    expect(await read(bytes)).toMatchObject({ ok: false, error: { key: "sheetNoHeader", values: { rows: 20 } } });
  });
});
