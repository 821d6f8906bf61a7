import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";

/**
 * The map of partner regions on the home page and on a region page: its links, titles and table agree with each
 * other and with the pages they open; it works with the keyboard and without JavaScript; axe finds no serious
 * problem on either page in either language.
 */

const homeMap = (page: Page) => page.getByRole("group", { name: /^Map of the regions of Belarus and Russia/ });
const homeTable = (page: Page) => page.getByRole("table", { name: "Regions and their figures" });

/** Each region the map draws: where its link leads and its title ("Kursk Oblast: 10 joint ventures"). */
async function mapLinks(map: Locator) {
  return map
    .locator("a")
    .evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute("href") ?? "", title: link.querySelector("title")?.textContent ?? "" })),
    );
}

/** The table's rows: the region's link and the figures in its cells. */
async function tableRows(table: Locator) {
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const link = row.querySelector("a");
      return {
        href: link?.getAttribute("href") ?? "",
        name: link?.textContent ?? "",
        cells: [...row.querySelectorAll("td")].map((cell) => cell.textContent),
      };
    }),
  );
}

test.describe("the map of partner regions", () => {
  test("each region on the home map opens its page, named and counted as the table beside it says", async ({ page }) => {
    await page.goto("/");
    const links = await mapLinks(homeMap(page));
    const rows = await tableRows(homeTable(page));
    // The demo registry's ten oblasts and Minsk are drawn; Belarus and Russia as a whole are listed under the map.
    expect(links).toHaveLength(10);
    expect(rows).toHaveLength(12);
    const unlisted = page
      .locator("section", { has: page.getByRole("heading", { name: "Partner regions on the map" }) })
      .getByRole("listitem");
    await expect(unlisted.filter({ hasText: "Belarus" }).getByRole("link", { name: "Belarus" })).toBeVisible();
    await expect(unlisted.filter({ hasText: "Russia" }).getByRole("link", { name: "Russia" })).toBeVisible();

    for (const link of links) {
      const row = rows.find((r) => r.href === link.href);
      expect(row, link.href).toBeDefined();
      const [ventures] = row!.cells;
      const figure = ventures === "0" ? "no joint ventures" : `${ventures} joint venture${ventures === "1" ? "" : "s"}`;
      expect(link.title).toBe(`${row!.name}: ${figure}`);
    }
    // Follow each region's link: its page is the region the title names.
    for (const link of links) {
      await page.goto(link.href);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(link.title.split(":")[0]!);
    }
  });

  test("the reader shades the map by meetings or trade with plain links, and the figures follow", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Shade the map by" }).getByRole("link", { name: "Meetings" }).click();
    await expect(page).toHaveURL(/\?measure=meetings/);
    await expect(page.getByRole("navigation", { name: "Shade the map by" }).getByRole("link", { name: "Meetings" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    const kursk = homeMap(page).locator('a[href="/regions/kursk-oblast"] title');
    const meetings = await homeTable(page)
      .getByRole("row", { name: /Kursk Oblast/ })
      .getByRole("cell")
      .nth(1)
      .textContent();
    await expect(kursk).toHaveText(`Kursk Oblast: ${meetings} meetings`);

    await page.getByRole("navigation", { name: "Shade the map by" }).getByRole("link", { name: "Trade" }).click();
    await expect(page).toHaveURL(/\?measure=trade/);
    await expect(kursk).toHaveText("Kursk Oblast: $250,000,000 trade turnover in 2014");
    await expect(homeTable(page).getByRole("row", { name: /Kursk Oblast/ })).toContainText("$250,000,000 (2014)");
    // One region traded in the demo: the legend has one class, besides "None recorded" and the land around.
    await expect(page.getByText("None recorded")).toBeVisible();
    await expect(page.getByText("$250,000,000", { exact: true })).toBeVisible();
  });

  test("a keyboard reaches a region of the map, and the focused region is shown", async ({ page }) => {
    await page.goto("/");
    let focused = "";
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() =>
        document.activeElement?.closest("svg") ? (document.activeElement.getAttribute("href") ?? "") : "",
      );
    }
    expect(focused).toMatch(/^\/regions\//);
    const fill = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector("path")!).fill);
    expect(fill).toBe("rgb(255, 221, 0)");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${focused}$`));
  });

  test("a region page's map joins it to its partners, each opening the pair page", async ({ page }) => {
    await page.goto("/regions/kursk-oblast");
    const map = page.getByRole("group", { name: /^Map of Kursk Oblast and its partner regions/ });
    await expect(map.getByRole("img", { name: "Kursk Oblast (this region)" })).toBeAttached();
    const links = await mapLinks(map);
    const pairs = links.filter((link) => link.href.startsWith("/regions/kursk-oblast/with/"));
    expect(pairs.length).toBeGreaterThan(0);
    // The partners' table lists the same pairs, and every pair it lists is on the map: Belarus (a country) too.
    const partnersTable = page.getByRole("table", { name: /Partner regions of Kursk Oblast|partners/i });
    const partnerLinks = await partnersTable.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const pair of pairs) expect(partnerLinks).toContain(pair.href);
    // A partner the map cannot show is listed under it, with the same pair link: none is left out.
    const mapSection = page.locator("section", { has: page.getByRole("heading", { name: "Kursk Oblast and its partners on the map" }) });
    const listed = await mapSection.locator("ul a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const href of partnerLinks) expect([...pairs.map((pair) => pair.href), ...listed]).toContain(href);
    // Belarus as a whole is marked amid its regions, named beside the mark; the mark opens the pair, and its
    // figure is the table's.
    const belarus = pairs.find((link) => link.href === "/regions/kursk-oblast/with/belarus")!;
    expect(belarus.title).toMatch(/^Kursk Oblast and Belarus: \d+ joint ventures?$/);
    const ventures = belarus.title.match(/: (\d+) joint/)![1]!;
    await expect(
      partnersTable
        .getByRole("row", { name: /Belarus/ })
        .getByRole("cell")
        .nth(1),
    ).toHaveText(ventures);
    await expect(map.locator("text", { hasText: "Belarus" })).toBeVisible();
    expect(listed).not.toContain(belarus.href);
    await expect(mapSection.getByText("A circle marks a whole country as a partner")).toBeVisible();
    await map.locator(`a[href="${belarus.href}"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kursk Oblast and Belarus");
    await page.goBack();

    const gomel = pairs.find((link) => link.href.endsWith("/gomel-region"))!;
    expect(gomel.title).toMatch(/^Kursk Oblast and Gomel Region: \d+ joint ventures?$/);
    await page.goto(gomel.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kursk Oblast and Gomel Region");
  });

  for (const path of ["/", "/regions/kursk-oblast"]) {
    test(`axe finds no serious problems on ${path} with its map, in English and Russian`, async ({ page }) => {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: "Переключить на русский язык" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "ru");
      await expect(page.getByRole("group", { name: /^Карта/ })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: "Switch to English" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  }
});

test.describe("the map without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("is drawn by the server and its measure links work", async ({ page }) => {
    await page.goto("/?measure=meetings");
    await expect(homeMap(page).locator("a")).toHaveCount(10);
    await expect(homeMap(page).locator('a[href="/regions/kursk-oblast"] title')).toHaveText(/^Kursk Oblast: \d+ meetings?$/);
    await page.getByRole("navigation", { name: "Shade the map by" }).getByRole("link", { name: "Joint ventures" }).click();
    await expect(page).toHaveURL(/\/#map$/);
    await expect(homeMap(page).locator('a[href="/regions/kursk-oblast"] title')).toHaveText(/joint ventures?$/);
  });
});
