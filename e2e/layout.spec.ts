import { expect, test, type Page } from "@playwright/test";
import { staffLogin } from "./staff-login";

/**
 * The layout at a phone's width (390 px) and a desktop's (1280 px): no page is wider than the screen (a wide
 * table scrolls inside its own region instead), and a number in a table never breaks across lines.
 */
const publicPages = [
  "/",
  "/regions",
  "/regions/kursk-oblast",
  "/regions/kursk-oblast/with/belarus",
  "/organizations",
  "/joint-ventures",
  "/meetings",
  "/meetings/2015-03-10-lukashenko-mikhailov",
  "/sectors",
  "/sectors/C",
  "/trade",
  "/trade/kursk-oblast/belarus",
  "/commitments",
  "/dashboard",
  "/search?q=Kursk",
  "/open-data",
  "/signin",
];

const staffPages = [
  "/workspace",
  "/workspace/organizations/new",
  "/workspace/meetings/new",
  "/workspace/regions/new",
  "/workspace/trade/new",
  "/workspace/commitments/new",
  "/workspace/import",
  "/workspace/briefing",
  "/workspace/activity",
  "/workspace/users",
  "/workspace/users/new",
  "/workspace/account",
];

/**
 * How far the page reaches past the screen's right edge, and what sticks out first (to name it on failure; a table
 * in its own scrolling region sticks out of the screen without widening the page).
 */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll("body *")].find((element) => {
      const parent = element.parentElement;
      return element.getBoundingClientRect().right > width + 1 && parent && parent.getBoundingClientRect().right <= width + 1;
    });
    return {
      extra: document.documentElement.scrollWidth - width,
      first: outside ? `${outside.tagName.toLowerCase()}.${outside.className}` : null,
    };
  });
}

async function expectFits(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const { extra, first } = await overflow(page);
  expect(extra, `${path} is wider than the screen by ${extra} px (first sticking out: ${first})`).toBe(0);
}

/**
 * The cells of every table whose text is a number, an amount, a year or a percentage, with the number of lines
 * each takes on the screen (the distinct tops of its text's line boxes).
 */
async function numberCells(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("table td, table th[scope=row]")]
      .filter((cell) => /^([A-Z]{3}\s)?[^\p{L}\d]*\d[\d\s.,\u00a0\u202f%]*(\s?\p{L}{0,3}\.?)?$/u.test(cell.textContent?.trim() ?? ""))
      .map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        return { text: cell.textContent?.trim() ?? "", lines: tops.size };
      }),
  );
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("no public page is wider than the screen, in English and Russian", async ({ page }) => {
      // Some forty page loads in one test: a loaded machine needs more than the usual minute for them.
      test.setTimeout(240_000);
      for (const path of publicPages) await expectFits(page, path);
      await page.getByRole("button", { name: "Переключить на русский язык" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "ru");
      for (const path of publicPages) await expectFits(page, path);
    });

    test("numbers in the trade and venture tables stay on one line", async ({ page }) => {
      for (const path of ["/trade", "/trade/kursk-oblast/belarus", "/joint-ventures", "/dashboard", "/regions/kursk-oblast/with/belarus"]) {
        await page.goto(path);
        const cells = await numberCells(page);
        expect(cells.length, `${path} has number cells`).toBeGreaterThan(0);
        expect(
          cells.filter((cell) => cell.lines !== 1),
          path,
        ).toEqual([]);
      }
      // The table is wider than a phone: it scrolls inside its own named region, which a keyboard can reach.
      await page.goto("/joint-ventures");
      const region = page.getByRole("region", { name: /joint ventures/i });
      await expect(region).toBeVisible();
      await expect(region).toHaveAttribute("tabindex", "0");
    });
  });

  test.describe(`staff pages at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 }, storageState: staffLogin.admin });

    test("no staff page is wider than the screen", async ({ page }) => {
      test.setTimeout(240_000);
      for (const path of staffPages) await expectFits(page, path);
      // Editing pages of existing records, reached as an official would: from the record's public page.
      await page.goto("/organizations?kind=joint_venture");
      await page.getByRole("table").getByRole("link").first().click();
      await page.getByRole("link", { name: /^Edit/ }).first().click();
      await expect(page).toHaveURL(/\/workspace\/organizations\/\d+/);
      expect((await overflow(page)).extra).toBe(0);
      await page.goto("/meetings/2015-03-10-lukashenko-mikhailov");
      await page.getByRole("link", { name: /^Edit/ }).first().click();
      await expect(page).toHaveURL(/\/workspace\/meetings\/\d+/);
      expect((await overflow(page)).extra).toBe(0);
    });
  });
}
