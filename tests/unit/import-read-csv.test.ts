import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readSpreadsheet, type ReadLimits, type ReadResult, type Sheet } from "@/lib/import/read";

const read = (bytes: Buffer, name = "реестр.csv", limits?: Partial<ReadLimits>) => readSpreadsheet({ bytes, name }, limits);

function onlySheet(result: ReadResult): Sheet {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  expect(result.sheets).toHaveLength(1);
  return result.sheets[0]!;
}

describe("reading a CSV as Excel saves it", () => {
  it("reads Windows-1251 with ';' below title rows, quotes respected", async () => {
    // What Russian Excel writes for "CSV (разделители - запятая)".
    const text = [
      "Перечень предприятий Курской области;;;",
      ";;;",
      "Наименование;Регион;ИНН;Оборот, тыс. долл. США",
      'ООО "Курскагромаш";Курская обл.;4632012345;1 250,50',
      '"ООО ""Тускарь""; филиал";Курская область;;',
      ";;;",
      "ОАО «Гомсельмаш»;Гомельская обл.;400051903;250 000 000",
      ";;;",
      "",
    ].join("\r\n");
    const result = await read(iconv.encode(text, "windows-1251"), "Курская область.csv");
    expect(result).toMatchObject({ ok: true, format: "csv", encoding: "windows-1251", delimiter: ";" });
    const sheet = onlySheet(result);
    expect(sheet.name).toBe("Курская область");
    expect(sheet.headerRow).toBe(3);
    expect(sheet.headers).toEqual(["Наименование", "Регион", "ИНН", "Оборот, тыс. долл. США"]);
    expect(sheet.rows).toEqual([
      // Quotes inside an unquoted cell are kept as typed; a quoted cell may hold the separator.
      { row: 4, cells: ['ООО "Курскагромаш"', "Курская обл.", "4632012345", "1 250,50"] },
      { row: 5, cells: ['ООО "Тускарь"; филиал', "Курская область", "", ""] },
      { row: 7, cells: ["ОАО «Гомсельмаш»", "Гомельская обл.", "400051903", "250 000 000"] },
    ]);
  });

  it("reads UTF-8 with a BOM and tabs, a quoted line break staying in its row", async () => {
    const text =
      '\ufeffName\tRegion\tFounded\tDescription\nKursk Agromash\tKursk Oblast\t1994\t"Tractors\nand seeders"\nGomselmash\tGomel Region\t1930\t\n';
    const result = await read(Buffer.from(text, "utf8"), "organizations.txt");
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", delimiter: "\t" });
    const sheet = onlySheet(result);
    expect(sheet.headers).toEqual(["Name", "Region", "Founded", "Description"]);
    // Excel opens the quoted line break inside row 2: Gomselmash is row 3, not line 4.
    expect(sheet.rows.map((row) => [row.row, row.cells[0], row.cells[3]])).toEqual([
      [2, "Kursk Agromash", "Tractors\nand seeders"],
      [3, "Gomselmash", ""],
    ]);
  });

  it("reads UTF-8 without a BOM, separated by commas, with quoted commas and decimal points", async () => {
    const text =
      'Region,Partner region,Year,Turnover\n"Kursk Oblast","Belarus",2014,"250,000,000.00"\nKursk Oblast,Belarus,2013,227000000\n';
    const result = await read(Buffer.from(text, "utf8"), "trade.csv");
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", delimiter: "," });
    expect(onlySheet(result).rows.map((row) => row.cells)).toEqual([
      ["Kursk Oblast", "Belarus", "2014", "250,000,000.00"],
      ["Kursk Oblast", "Belarus", "2013", "227000000"],
    ]);
  });

  it("reads Excel's Unicode text (UTF-16 with a BOM, tabs)", async () => {
    const text = "Наименование\tРегион\r\nЗавод «Ромашка»\tМинская область\r\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    const result = await read(bytes, "реестр.txt");
    expect(result).toMatchObject({ ok: true, encoding: "utf-16le", delimiter: "\t" });
    expect(onlySheet(result).rows).toEqual([{ row: 2, cells: ["Завод «Ромашка»", "Минская область"] }]);
  });

  it("does not take the decimal commas of a ';' file for separators", async () => {
    const text =
      "Регион;Год;Оборот;Экспорт\nКурская область;2014;250000000,00;120000000,50\nКурская область;2013;227000000,00;110000000,25\n";
    const result = await read(iconv.encode(text, "windows-1251"));
    expect(result).toMatchObject({ ok: true, delimiter: ";" });
    expect(onlySheet(result).rows[0]!.cells).toEqual(["Курская область", "2014", "250000000,00", "120000000,50"]);
  });

  it("removes NUL and other control characters with a warning, keeping tabs and line breaks", async () => {
    const text = 'Наименование;Описание\nООО\u0000 «Ромашка»\u0001;"строка 1\r\nстрока\t2"\n';
    const sheet = onlySheet(await read(Buffer.from(text, "utf8")));
    expect(sheet.rows).toEqual([
      {
        row: 2,
        cells: ["ООО «Ромашка»", "строка 1\nстрока\t2"],
        warnings: [{ column: 0, message: { key: "controlCharactersRemoved" } }],
      },
    ]);
  });

  it("refuses a cell longer than the limit with its row and column, and keeps the row", async () => {
    const text = `Наименование;Описание\nЗавод;${"д".repeat(10_000)}\nФабрика;${"д".repeat(12_345)}\n`;
    const sheet = onlySheet(await read(Buffer.from(text, "utf8")));
    expect(sheet.rows[0]!.cells[1]).toHaveLength(10_000);
    expect(sheet.rows[1]).toEqual({
      row: 3,
      cells: ["Фабрика", ""],
      problems: [{ column: 1, message: { key: "cellTooLong", values: { limit: 10_000, length: 12_345 } } }],
    });
  });
});

describe("CSV files refused whole", () => {
  it("stops at the row limit of a million-row file without reading the rest", async () => {
    // 13 MB: within the size limit, fifty times the row limit.
    const bytes = Buffer.from("Наименование;Регион\n" + "Завод;1\n".repeat(1_000_000), "utf8");
    const started = performance.now();
    expect(await read(bytes)).toEqual({ ok: false, error: { key: "tooManyRows", values: { limit: 20_000 } }, skipped: [] });
    expect(performance.now() - started).toBeLessThan(5000);
  }, 30_000);

  it("takes exactly the limit, blank lines not counted", async () => {
    const bytes = Buffer.from("Наименование;Регион\n" + "Завод;Курская\n\n".repeat(50), "utf8");
    const sheet = onlySheet(await read(bytes, "x.csv", { maxDataRows: 50 }));
    expect(sheet.rows).toHaveLength(50);
    expect(sheet.rows.at(-1)!.row).toBe(100);
  });

  it.each([
    ["an empty file", "", "fileEmpty"],
    ["only separators and blank lines", ";;;\r\n\r\n;;\r\n", "sheetEmpty"],
    ["only a header", "Наименование;Регион;ИНН\r\n", "sheetHeaderOnly"],
    ["no header in the first rows", Array.from({ length: 30 }, (_, i) => `${i};${i * 2}`).join("\n"), "sheetNoHeader"],
  ])("refuses %s", async (_, text, key) => {
    expect(await read(Buffer.from(text, "utf8"))).toMatchObject({ ok: false, error: { key } });
  });

  it("names the row of a quotation mark that never closes", async () => {
    const text = 'Наименование;Регион\nЗавод;Курская\n"ООО Ромашка;Курская\nФабрика;Курская\n';
    expect(await read(Buffer.from(text, "utf8"))).toEqual({
      ok: false,
      error: { key: "csvQuoteNotClosed", values: { row: 3 } },
      skipped: [],
    });
  });

  it("keeps a cell with its quotation marks out of place as typed, for the official to see", async () => {
    const text = 'Наименование;Регион\n"ООО "Ромашка"";Курская\n';
    expect(onlySheet(await read(Buffer.from(text, "utf8"))).rows).toEqual([{ row: 2, cells: ['"ООО "Ромашка""', "Курская"] }]);
  });

  it("refuses a row with a value beyond the column limit, naming the column", async () => {
    const text = `Наименование;Регион\nЗавод;Курская${";".repeat(99)}заметка\n`;
    expect(await read(Buffer.from(text, "utf8"))).toMatchObject({
      ok: false,
      error: { key: "sheetTooManyColumns", values: { limit: 100, row: 2, column: "CW" } },
    });
  });

  it.each([
    ["a PDF renamed .csv", Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj"), "notSpreadsheet"],
    ["binary bytes", Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7) % 32)), "notSpreadsheet"],
    ["a zip renamed .csv", Buffer.from("PK\u0003\u0004 not a real zip", "latin1"), "fileDamaged"],
  ])("refuses %s", async (_, bytes, key) => {
    expect(await read(bytes)).toEqual({ ok: false, error: { key }, skipped: [] });
  });
});
