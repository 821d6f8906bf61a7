import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { previewImport } = await import("@/lib/import/preview");
const { buildErrorReport } = await import("@/lib/import/report");
const { prisma, seedOnce } = await import("./setup");
const { workbook } = await import("../support/spreadsheets");
const { freshNumber, madeUpWord, readUpload } = await import("../support/import-sheets");

/**
 * The error report an official downloads: the refused rows as uploaded, with what to correct beside them in the
 * reader's language; corrected, it uploads again.
 */

beforeAll(() => seedOnce());
afterAll(() => prisma.$disconnect());

describe("the error report", () => {
  const HEADER = ["№", "Наименование", "Вид", "Регион", "ИНН", "ОКВЭД", "Год основания"];
  const name = () => `ООО «${madeUpWord()} ${madeUpWord(7)}»`;

  it("holds the refused rows as uploaded, with what to correct beside them, and uploads again once corrected", async () => {
    const good = [name(), name()];
    const bad = [name(), name(), name()];
    const inn = freshNumber("RU");
    const wrongInn = `${inn.slice(0, 9)}${(Number(inn[9]) + 1) % 10}`;
    const file = await workbook((book) => {
      const sheet = book.addWorksheet("Предприятия");
      sheet.addRow(["Предприятия Курской области на 1 января"]);
      sheet.addRow(HEADER);
      sheet.addRow([1, good[0], "завод", "Курская обл.", "", "28", 1998]);
      sheet.addRow([2, bad[0], "завод", "Нигде", "", "28", 1998]);
      sheet.addRow([3, bad[1], "завод", "Курская область", wrongInn, "28", ""]);
      sheet.addRow([4, good[1], "вуз", "RU-KRS", "", "85", ""]);
      sheet.addRow([5, bad[2], "пекарня", "Курская область", "", "10", 1650]);
    });
    const uploaded = await readUpload(file, "organizations");
    const preview = await previewImport({ type: "organizations", sheet: uploaded.sheet, columns: uploaded.columns, locale: "ru" });
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [3, "create"],
      [4, "refused"],
      [5, "refused"],
      [6, "create"],
      [7, "refused"],
    ]);

    const report = await buildErrorReport({ sheet: uploaded.sheet, rows: preview.rows, locale: "ru" });
    const back = await readUpload(report, "organizations");
    expect(back.sheet.headers).toEqual([...HEADER, "Строка в загруженном файле", "Что исправить"]);
    // The report's own columns map to nothing; the file's map as they did.
    expect(back.columns.mapping).toEqual(uploaded.columns.mapping);
    expect(back.columns.unmapped).toEqual(expect.arrayContaining([7, 8]));
    expect(back.sheet.rows.map((r) => r.cells.slice(0, 8))).toEqual([
      ["2", bad[0], "завод", "Нигде", "", "28", "1998", "4"],
      ["3", bad[1], "завод", "Курская область", wrongInn, "28", "", "5"],
      ["5", bad[2], "пекарня", "Курская область", "", "10", "1650", "7"],
    ]);
    const corrections = back.sheet.rows.map((r) => r.cells[8]!.split("\n"));
    expect(corrections[0]).toEqual([
      "Регион: В реестре нет региона «Нигде». Напишите название так, как оно записано в реестре (Курская область, Gomel Region), или код ISO (RU-KRS).",
    ]);
    expect(corrections[1]).toEqual(["ИНН: Неверная контрольная цифра ИНН: сверьте каждую цифру с реестром."]);
    expect(corrections[2]).toEqual([expect.stringMatching(/^Вид: «пекарня» — /), "Год основания: Введите число не меньше 1700."]);

    // The cells to correct are marked, each with its message as a note.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("D2").note).toMatch(/^В реестре нет региона «Нигде»/);
    expect(sheet.getCell("D2").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFDE2E1" } });
    expect(sheet.getCell("B2").note).toBeUndefined();

    // The official corrects the three rows in the report and uploads it again.
    sheet.getCell("D2").value = "Курская область";
    sheet.getCell("E3").value = inn;
    sheet.getCell("C4").value = "предприятие";
    sheet.getCell("G4").value = 1965;
    const corrected = await readUpload(Buffer.from(await book.xlsx.writeBuffer()), "organizations");
    const again = await previewImport({ type: "organizations", sheet: corrected.sheet, columns: corrected.columns, locale: "ru" });
    expect(again.counts).toMatchObject({ create: 3, refused: 0 });
  });

  it("speaks the reader's language", async () => {
    const file = await workbook((book) => {
      book.addWorksheet("Data").addRows([HEADER, [1, name(), "завод", "Nowhere", "", "28", ""]]);
    });
    const uploaded = await readUpload(file, "organizations");
    const preview = await previewImport({ type: "organizations", sheet: uploaded.sheet, columns: uploaded.columns, locale: "en" });
    const back = await readUpload(await buildErrorReport({ sheet: uploaded.sheet, rows: preview.rows, locale: "en" }), "organizations");
    expect(back.sheet.headers.slice(-2)).toEqual(["Row in the uploaded file", "What to correct"]);
    expect(back.sheet.rows[0]!.cells[8]).toBe(
      "Регион: No region in the registry is called “Nowhere”. Write the region’s name as the registry has it (Kursk Oblast, Гомельская область) or its ISO code (RU-KRS).",
    );
  });
});
