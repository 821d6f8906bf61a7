import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { staffLogin } from "./staff-login";

// The spreadsheet import as an official goes through it, signed in through the saved login (e2e/auth.setup.ts).
test.use({ storageState: staffLogin.editor });

const run = Date.now().toString(36);
const goodRows = 150;
/** A header as officials write it, in Russian, with a title row above; the last column's name matches no field. */
const header = ["Наименование", "Вид", "Регион", "ИНН", "Основной ОКВЭД", "Год основания", "Страница в сети"];

const good = (i: number) => [
  `Предприятие Импорт ${run} ${i}`,
  "предприятие",
  "Курская область",
  "",
  "28.30",
  "1995",
  `https://example.org/${run}/${i}`,
];
/** Three rows the forms would refuse: an unknown region, an INN whose check digit is wrong, a year to come. */
const bad = [
  [`Завод Нигде ${run}`, "предприятие", "Нигде", "", "C28", "2001", ""],
  [`Завод Контрольный ${run}`, "предприятие", "Курская область", "7707083895", "28", "2001", ""],
  [`Завод Будущий ${run}`, "предприятие", "Курская область", "", "28", "2999", ""],
];

async function workbook(rows: string[][], columns = header): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Предприятия");
  sheet.addRow([`Предприятия Курской области, ${run}`]);
  sheet.addRow(columns);
  for (const row of rows) sheet.addRow(row.slice(0, columns.length));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, body: Buffer) {
  await page.goto("/workspace/import");
  await page.getByLabel("Spreadsheet file").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: body,
  });
  await page.getByRole("button", { name: "Upload and match the columns" }).click();
  await expect(page.getByRole("heading", { name: `Import of ${name}`, level: 1 })).toBeVisible();
}

/** The preview's count of one kind of row, as its table shows it. */
const count = (page: Page, kind: string) => page.getByRole("table", { name: "What the import would do" }).getByRole("row", { name: kind });

test.describe.configure({ mode: "serial" });

test.describe("spreadsheet import", () => {
  test("an editor maps a Russian sheet, fixes its refused rows from the report, imports them, and the public finds them", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto("/workspace");
    await page.getByRole("link", { name: "Import records from a spreadsheet" }).click();
    await expect(page.getByRole("heading", { name: "Import from a spreadsheet", level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The columns are matched from the Russian header below the title row; one is left for the editor.
    await upload(page, `kursk-${run}.xlsx`, await workbook([...Array.from({ length: goodRows }, (_, i) => good(i + 1)), ...bad]));
    await expect(page.getByRole("heading", { name: "Confirm the columns" })).toBeVisible();
    await expect(page.getByText("The column names were read from row 2.")).toBeVisible();
    await expect(page.getByLabel("Field for Column A (Наименование)")).toHaveValue("name");
    await expect(page.getByLabel("Field for Column C (Регион)")).toHaveValue("region");
    const website = page.getByLabel("Field for Column G (Страница в сети)");
    await expect(website).toHaveValue("");
    await expect(page.getByText("Left out: G (Страница в сети).")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await website.selectOption({ label: "Website" });
    await expect(page.getByText("Every column is used.")).toBeVisible();
    await page.getByRole("button", { name: "Check the rows" }).click();

    // The preview: the good rows new, the three bad ones refused, each with what to fix.
    await expect(page.getByRole("heading", { name: "Before anything is written" })).toBeVisible();
    await expect(count(page, "New records")).toContainText(String(goodRows));
    await expect(count(page, "Refused: to fix")).toContainText("3");
    const refused = page.getByRole("table", { name: "Rows to fix (3)" });
    await expect(refused).toContainText("Нигде");
    await expect(refused).toContainText(String(goodRows + 3 + 2));
    await expectNoSeriousA11yViolations(page);

    // The error report: the three rows as uploaded, with their row numbers and what to fix.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download the rows to fix/ }).click(),
    ]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const reportRows = report.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(reportRows).toHaveLength(4);
    expect(reportRows.slice(1).map((row) => row[1])).toEqual(bad.map((row) => row[0]));
    expect(reportRows.slice(1).every((row) => String(row.at(-1) ?? "").length > 10)).toBe(true);

    // Commit the good rows: the page follows the background job until it is done.
    await page.getByRole("button", { name: `Import ${goodRows} new and 0 updated` }).click();
    await expect(page.getByRole("heading", { name: "Importing", level: 2 })).toBeVisible();
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expect(page.getByText(`Imported: ${goodRows} records written.`)).toBeVisible({ timeout: 120_000 });
    await expectNoSeriousA11yViolations(page);

    // The fixed rows, uploaded again without the website column: every column matched, three new records.
    const fixed = bad.map((row) => [row[0]!, row[1]!, "Курская область", "", "28", "2001"]);
    await upload(page, `kursk-fixed-${run}.xlsx`, await workbook(fixed, header.slice(0, 6)));
    await expect(page.getByText("Every column is used.")).toBeVisible();
    await page.getByRole("button", { name: "Check the rows" }).click();
    await expect(count(page, "New records")).toContainText("3");
    await expect(count(page, "Refused: to fix")).toContainText("0");
    await page.getByRole("button", { name: "Import 3 new and 0 updated" }).click();
    await expect(page.getByText("Imported: 3 records written.")).toBeVisible({ timeout: 60_000 });

    // The public, without a session, finds them on the site and by search.
    const reader = await page.context().browser()!.newPage();
    await reader.goto(`/search?q=${encodeURIComponent(`Завод Нигде ${run}`)}`);
    await reader
      .getByRole("link", { name: `Завод Нигде ${run}` })
      .first()
      .click();
    await expect(reader.getByRole("heading", { name: `Завод Нигде ${run}`, level: 1 })).toBeVisible();
    await expect(reader.getByText("Kursk Oblast").first()).toBeVisible();
    await reader.goto(`/search?q=${encodeURIComponent(`Предприятие Импорт ${run} 7`)}`);
    await expect(reader.getByRole("link", { name: `Предприятие Импорт ${run} 7` }).first()).toBeVisible();
    await reader.close();

    // The same file again changes nothing.
    await upload(page, `kursk-fixed-${run}.xlsx`, await workbook(fixed, header.slice(0, 6)));
    await page.getByRole("button", { name: "Check the rows" }).click();
    await expect(count(page, "Unchanged: already in the registry")).toContainText("3");
    await expect(page.getByText("There is nothing to write")).toBeVisible();
  });
});
