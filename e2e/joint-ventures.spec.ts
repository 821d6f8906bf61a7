import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { parseAtom } from "../tests/support/atom";
import { expectNoSeriousA11yViolations } from "./a11y";

test.describe("joint ventures for analysts", () => {
  test("filter by a sector, keep it in the URL, and download the result as CSV", async ({ page }) => {
    await page.goto("/joint-ventures");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Joint ventures");
    await expect(page.getByRole("heading", { name: "10 joint ventures" })).toBeVisible();

    // Division 28, machinery: the two demo ventures that assemble farm machinery.
    // Several sectors are chosen with checkboxes in a disclosure: no Ctrl key, so a phone can choose them too.
    await page.locator("summary", { hasText: "Sector (NACE Rev. 2)" }).click();
    await page.getByRole("checkbox", { name: "28 Manufacture of machinery and equipment n.e.c." }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    // The form's empty fields and defaults are left out of the address: a short link to share.
    await expect(page).toHaveURL(/\/joint-ventures\?sector=28$/);
    await expect(page.getByRole("heading", { name: "2 joint ventures" })).toBeVisible();
    await expect(page.getByText("28 Manufacture of machinery and equipment n.e.c.").first()).toBeVisible();

    const table = page.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(3);
    const seymPtich = table.getByRole("row", { name: /Seym-Ptich Agrotech LLC/ });
    await expect(seymPtich).toContainText("28 Manufacture of machinery and equipment n.e.c.");
    await expect(seymPtich).toContainText("Tuskar Agromash LLC 51%, Ptich Agromash OJSC 49%");
    const sozhTuskar = table.getByRole("row", { name: /SozhTuskar Harvesters JLLC/ });
    await expect(sozhTuskar).toContainText("Kursk Oblast (regional government) 40%");
    await expect(sozhTuskar).toContainText("$4,500,000");

    // A shared link or a reload shows the same view, with the choice still made in the form.
    await page.reload();
    await expect(page.getByRole("heading", { name: "2 joint ventures" })).toBeVisible();
    await expect(page.locator("summary", { hasText: "Sector (NACE Rev. 2)" })).toContainText("1 chosen");
    await expect(page.getByRole("checkbox", { name: "28 Manufacture of machinery and equipment n.e.c." })).toBeChecked();

    // Sorting by a column keeps the filter.
    await table.getByRole("link", { name: "Sort by Capital, ascending" }).click();
    await expect(page).toHaveURL(/sector=28/);
    await expect(page).toHaveURL(/sort=capital/);
    // Capital is never ranked across currencies: roubles first (RUB before USD), and the page says so.
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Seym-Ptich Agrotech LLC");
    await expect(page.getByText("Capital is compared within one currency only")).toBeVisible();

    // Back: the unsorted filtered view again.
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=/);
    await expect(page.getByRole("heading", { name: "2 joint ventures" })).toBeVisible();

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^joint-ventures-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("Seym-Ptich Agrotech LLC");
    expect(text).toContain("ООО «Агротехника Сейм-Птичь»");
    expect(text.split("\r\n").filter((line) => line !== "")).toHaveLength(3);
  });

  test("offers Excel first, then CSV", async ({ page }) => {
    await page.goto("/joint-ventures?sector=28");
    const downloads = page.getByRole("link", { name: /^Download/ });
    await expect(downloads.first()).toHaveText("Download as Excel (XLSX)");
    await expect(downloads.first()).toHaveAttribute("href", "/api/v1/joint-ventures/export.xlsx?sector=28");
    await expect(downloads.nth(1)).toHaveText("Download CSV");
  });

  test("a keyboard alone chooses two partner regions and applies the filter", async ({ page }) => {
    await page.goto("/joint-ventures");
    const regions = page.locator("summary", { hasText: "Partner region" });
    await expect(regions).toContainText("none chosen");
    await regions.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: "Belarus" })).toBeFocused();
    await page.keyboard.press("Space");
    // On to Gomel Region (Belarus, Brest Region, Gomel Region in alphabetical order).
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: "Gomel Region" })).toBeFocused();
    await page.keyboard.press("Space");
    for (let i = 0; i < 60; i += 1) {
      if (await page.getByRole("button", { name: "Apply filters" }).evaluate((button) => button === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/region=belarus&region=gomel-region/);
    await expect(page.locator("summary", { hasText: "Partner region" })).toContainText("2 chosen");
    await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  });

  test("an analyst asks for C28 ventures with partners in Gomel and Kursk both, and follows the feed of that list", async ({ page }) => {
    await page.goto("/joint-ventures?sector=C28&region=gomel-region&region=kursk-oblast&regionMatch=all");
    // C28 is read as division 28, and the address says so.
    await expect(page).toHaveURL(/sector=28/);
    await expect(page.getByRole("heading", { name: "1 joint venture" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("SozhTuskar Harvesters JLLC");
    const feedLink = page.getByRole("link", { name: "Follow this list (Atom)" });
    const href = await feedLink.getAttribute("href");
    expect(href).toMatch(/^\/feeds\/joint-ventures\.atom\?/);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", href!);
    const feed = await page.request.get(href!);
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const entries = parseAtom(await feed.text()).entries;
    expect(entries.map((entry) => entry.title)).toEqual(["SozhTuskar Harvesters JLLC"]);
  });

  test("an impossible filter says so and offers to clear the filters", async ({ page }) => {
    await page.goto("/joint-ventures?sector=28&status=planned");
    await expect(page.getByText("No joint ventures match these filters.")).toBeVisible();
    await page.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page.getByRole("heading", { name: "10 joint ventures" })).toBeVisible();
  });

  test("nonsense in the URL still shows a table, and the page passes an accessibility check with filters", async ({ page }) => {
    const response = await page.goto("/joint-ventures?sector=ZZ&sector=C&status=asleep&foundedFrom=abc&sort=colour&page=-3");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("table")).toBeVisible();
    await page.goto("/joint-ventures?sector=C&match=any&region=kursk-oblast&status=active&sort=capital&dir=desc");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("joint ventures for a Russian reader", () => {
  test.use({ locale: "ru-RU" });

  test("an analyst asks for C28 ventures with partners in Gomel and Kursk both, downloads them in Russian and follows that list's feed", async ({
    page,
  }) => {
    await page.goto("/joint-ventures?sector=C28&region=gomel-region&region=kursk-oblast&regionMatch=all");
    await expect(page).toHaveURL(/sector=28/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2);
    const venturePath = await rows.nth(1).getByRole("link").first().getAttribute("href");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Скачать в Excel (XLSX)" }).click();
    const download = await downloading;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(["код", "название"]);
    expect(sheet.rowCount).toBe(2);
    expect(`/organizations/${String(sheet.getRow(2).getCell(1).value)}`).toBe(venturePath);

    const feedLink = page.getByRole("link", { name: "Следить за этим списком (Atom)" });
    const href = (await feedLink.getAttribute("href"))!;
    expect(href).toMatch(/regionMatch=all/);
    expect(href).toMatch(/lang=ru/);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", href);
    const feed = parseAtom(await (await page.request.get(href)).text());
    expect(feed.title).toBe("Интеррегио: новые совместные предприятия");
    expect(feed.entries.map((entry) => new URL(entry.link).pathname)).toEqual([venturePath]);
  });

  test("downloads the filtered table as an Excel workbook that opens with Russian headers", async ({ page }) => {
    await page.goto("/joint-ventures?sector=28");
    const excel = page.getByRole("link", { name: "Скачать в Excel (XLSX)" });
    await expect(excel).toHaveAttribute("href", /[?&]lang=ru(&|$)/);
    // The CSV for Russian spreadsheet programs: semicolons, since their decimal mark is a comma.
    await expect(page.getByRole("link", { name: "Скачать CSV" })).toHaveAttribute("href", /[?&]sep=(%3B|;)(&|$)/);

    const downloading = page.waitForEvent("download");
    await excel.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^joint-ventures-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Совместные предприятия");
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(["код", "название", "название на английском", "вид", "статус"]);
    expect(sheet.rowCount).toBe(3);
    const names = [2, 3].map((row) => sheet.getRow(row).getCell(2).value);
    expect(names).toContain("ООО «Агротехника Сейм-Птичь»");
    expect(workbook.getWorksheet("О данных")).toBeDefined();
  });
});
