import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectNoSeriousA11yViolations } from "./a11y";

const filters = (page: Page) => page.getByRole("form", { name: "Filter the list" });

test.describe("browsing the registry", () => {
  test("organizations filtered by kind and sector, paged: reload and back restore the view from the URL", async ({ page }) => {
    // Five a page, so that the demo data has pages to turn; the form keeps the page size.
    await page.goto("/organizations?perPage=5");
    await filters(page).getByLabel("Kind").selectOption({ label: "Enterprises" });
    await filters(page).getByLabel("Sector").selectOption({ label: "Whole section C" });
    await filters(page).getByRole("button", { name: "Apply filters" }).click();

    await expect(page).toHaveURL(/[?&]kind=enterprise(&|$)/);
    await expect(page).toHaveURL(/[?&]sector=C(&|$)/);
    await expect(page.getByText("12 organizations")).toBeVisible();
    const table = page.getByRole("table", { name: "Enterprises" });
    await expect(table.getByRole("row")).toHaveCount(6); // header + 5
    await expect(page.getByText("Showing 1 to 5 of 12 results")).toBeVisible();

    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(page.getByText("Showing 6 to 10 of 12 results")).toBeVisible();
    await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
    const secondPage = await table.getByRole("rowheader").allTextContents();

    await page.reload();
    await expect(page.getByText("Showing 6 to 10 of 12 results")).toBeVisible();
    await expect(filters(page).getByLabel("Kind")).toHaveValue("enterprise");
    await expect(filters(page).getByLabel("Sector")).toHaveValue("C");
    expect(await table.getByRole("rowheader").allTextContents()).toEqual(secondPage);
    for (const kind of await table
      .getByRole("cell")
      .filter({ hasText: /^(Enterprise|University|Joint venture)$/ })
      .allTextContents()) {
      expect(kind).toBe("Enterprise");
    }

    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page.getByText("Showing 1 to 5 of 12 results")).toBeVisible();
    await expect(filters(page).getByLabel("Kind")).toHaveValue("enterprise");
  });

  test("a filter that matches nothing says so and offers to relax or clear the filters", async ({ page }) => {
    await page.goto("/organizations?kind=university&sector=B");
    const empty = page.getByRole("status").filter({ hasText: "No organizations match these filters." });
    await expect(empty).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await empty.getByRole("link", { name: "Without “Kind: Universities”" }).click();
    await expect(page).toHaveURL(/\/organizations\?sector=B$/);
    await expect(page.getByText(/^\d+ organizations?$/)).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();

    await page.goBack();
    await expect(empty.getByRole("link", { name: "Without “Sector: B Mining and quarrying”" })).toBeVisible();
    await empty.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/organizations$/);
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(26);
  });

  test("a browser asking for German, then Russian, gets the lists in Russian", async ({ request }) => {
    // Chromium sends its own Accept-Language on navigation, so the header is sent by a plain request.
    const response = await request.get("/organizations?kind=enterprise", { headers: { "accept-language": "de,ru;q=0.8" } });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain("Организации</h1>");
    expect(html).toContain('<html lang="ru"');
  });

  test("nonsense in the URL falls back to the plain list, not an error", async ({ page }) => {
    const response = await page.goto("/organizations?page=abc&kind=castle&perPage=100000&sort=random&sector=%27;drop");
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Showing 1 to 25 of")).toBeVisible();
    const meetings = await page.goto("/meetings?year=never&level=summit&page=-3");
    expect(meetings?.status()).toBe(200);
    await expect(page.getByRole("table")).toBeVisible();
    expect((await page.goto("/sectors/%25"))?.status()).toBe(404);

    // Past the last page: say so and lead back to the first, keeping the filters.
    await page.goto("/organizations?kind=enterprise&page=50");
    await expect(page.getByText("There is no such page.")).toBeVisible();
    await page.getByRole("link", { name: "Go to the first page" }).click();
    await expect(page).toHaveURL(/\/organizations\?kind=enterprise$/);
    await page.goto("/meetings/2015-03-10-lukashenko-mikhailov?page=99");
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "What was discussed" }) })).toContainText(
      "There is no such page.",
    );
  });

  test("sectors list sections and divisions with counts; a sector page lists its organizations", async ({ page }) => {
    await page.goto("/sectors");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sectors");
    const manufacturing = page.getByRole("row", { name: /^C Manufacturing/ });
    await expect(manufacturing).toContainText("18");
    await expectNoSeriousA11yViolations(page);

    await manufacturing.getByRole("link", { name: "Manufacturing" }).click();
    await expect(page).toHaveURL(/\/sectors\/C$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manufacturing");
    await expect(page.getByText("Section C", { exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Divisions of this section with the number of organizations" })).toBeVisible();
    const organizations = page.getByRole("table", { name: "Organizations in this sector" });
    await expect(organizations.getByRole("row")).toHaveCount(19);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Filter all organizations by this sector" }).click();
    await expect(page).toHaveURL(/\/organizations\?sector=C$/);
    await expect(page.getByText("18 organizations")).toBeVisible();

    expect((await page.goto("/sectors/zz"))?.status()).toBe(404);
  });

  test("the organizations list with filters and the first page of meetings pass the axe check", async ({ page }) => {
    await page.goto("/organizations?kind=enterprise&sector=C&sort=founded-desc");
    await expect(page.getByRole("table", { name: "Enterprises" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/meetings");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meetings");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(4);
    // Newest first.
    await expect(rows.nth(1)).toContainText("2016");
    await expectNoSeriousA11yViolations(page);

    await filters(page).getByLabel("Year").selectOption("2015");
    await filters(page).getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]year=2015(&|$)/);
    await expect(rows).toHaveCount(3);
  });

  test("an editor finds an organization by part of its name to link it; the form offers no list of every organization", async ({
    page,
  }) => {
    const meeting = "/meetings/2015-03-10-lukashenko-mikhailov";
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(meeting)}`);
    await page.getByLabel("Email address").fill(process.env.E2E_STAFF_EMAIL ?? "");
    await page.getByLabel("Password").fill(process.env.E2E_STAFF_PASSWORD ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${meeting}$`));

    const picker = page.getByRole("combobox", { name: "Organization", exact: true });
    await expect(page.getByRole("option")).toHaveCount(0);
    await picker.fill("nightingale");
    const offered = page.getByRole("option");
    await expect(offered.filter({ hasText: "Nightingale Agrosoft LLC" })).toHaveCount(1);
    await offered.filter({ hasText: "Nightingale Code LLC" }).click();
    await expect(picker).toHaveValue("Nightingale Code LLC");
    const note = `Found by name (${Date.now()}).`;
    await page.getByLabel("Note").fill(note);
    await page.getByRole("button", { name: "Link to meeting" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The link is saved." })).toBeVisible();
    const item = page.locator("#discussed").locator("..").getByRole("listitem").filter({ hasText: note });
    await item.getByRole("button", { name: "Remove the link to Nightingale Code LLC" }).click();
    await expect(page.getByText(note)).toHaveCount(0);
  });
});

test.describe("the sectors list for a Russian reader", () => {
  test.use({ locale: "ru-RU" });

  test("offers the list as Excel first, then CSV with semicolons, and the workbook holds every sector in Russian", async ({ page }) => {
    await page.goto("/sectors");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Отрасли");
    const links = page.getByRole("link", { name: /^Скачать/ });
    await expect(links).toHaveText(["Скачать в Excel (XLSX)", "Скачать CSV"]);
    await expect(links.nth(0)).toHaveAttribute("href", "/api/v1/sectors/export.xlsx?lang=ru");
    await expect(links.nth(1)).toHaveAttribute("href", /^\/api\/v1\/sectors\/export\.csv\?lang=ru&sep=(%3B|;)$/);

    const downloading = page.waitForEvent("download");
    await links.nth(0).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^sectors-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Отрасли");
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(["код NACE", "уровень", "секция", "название", "организаций"]);
    expect(sheet.rowCount).toBe(1 + 21 + 88);
    // Manufacturing, with the count the page shows.
    const shown = await page
      .getByRole("row", { name: /^C Обрабатывающие производства/ })
      .locator("td, th")
      .nth(2)
      .textContent();
    const manufacturing = sheet.getRow(sheet.getColumn(1).values.indexOf("C"));
    expect([1, 2, 3, 4, 5].map((cell) => manufacturing.getCell(cell).value ?? null)).toEqual([
      "C",
      "секция",
      null,
      "Обрабатывающие производства",
      Number(shown!.replace(/\s/g, "")),
    ]);
  });
});
