import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";

const meeting = "/meetings/2015-03-10-lukashenko-mikhailov";

test.describe("public pages", () => {
  test("the meeting page lists what was said, what was discussed and the commitments", async ({ page }) => {
    await page.goto(meeting);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("President of Belarus meets the Governor of Kursk Oblast");
    await expect(page.getByText("10 March 2015", { exact: true })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Aleksandr Lukashenko" })).toBeVisible();
    await expect(page.getByText("Relations between Belarus and Kursk Oblast show positive dynamics.")).toBeVisible();
    const discussed = page.locator("section", { has: page.getByRole("heading", { name: "What was discussed" }) });
    await expect(discussed.getByRole("link", { name: "Kursk Oblast" })).toBeVisible();
    await expect(discussed.getByText(/trade grew by more than 10% in 2014 to \$250 million/)).toBeVisible();
    await expect(page.getByText("Agreements, once made, are to be honored.")).toBeVisible();
    // Anonymous readers get no editing form.
    await expect(page.getByRole("button", { name: "Link to meeting" })).toHaveCount(0);
  });

  test("the region page shows its meetings as a timeline and the 2014 trade figure", async ({ page }) => {
    await page.goto("/regions/kursk-oblast");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kursk Oblast");
    const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Meetings" }) });
    await expect(timeline.getByRole("link", { name: "President of Belarus meets the Governor of Kursk Oblast" })).toBeVisible();
    const trade = page.getByRole("table", { name: /Trade turnover/ });
    const row = trade.getByRole("row", { name: /2014/ });
    await expect(row).toContainText("Belarus");
    await expect(row).toContainText("$250,000,000");
    await expect(row).toContainText("not recorded");
  });

  test("organizations are labelled as demo data, and a joint venture lists its partners", async ({ page }) => {
    await page.goto("/organizations?kind=joint_venture");
    await expect(page.getByRole("table", { name: "Joint ventures" })).toBeVisible();
    const first = page.getByRole("table").getByRole("link").first();
    await expect(page.getByRole("table").getByText("Demo data").first()).toBeVisible();
    await first.click();
    await expect(page.getByText("Joint venture").first()).toBeVisible();
    const partners = page.getByRole("table", { name: "Partners and their shares" });
    await expect(partners.getByRole("row", { name: /Total of shares/ })).toContainText("%");
  });

  test("every page's footer states the data's licence and when the registry last changed, and leads to the open-data page", async ({
    page,
  }) => {
    for (const path of ["/", "/joint-ventures", meeting]) {
      await page.goto(path);
      const footer = page.getByRole("contentinfo");
      await expect(footer).toContainText("may be reused under CC BY 4.0");
      await expect(footer).toContainText(/Last updated \d{1,2} [A-Z][a-z]+ \d{4}\./);
    }
    await page.getByRole("contentinfo").getByRole("link", { name: "Open data" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
    await expect(page.getByRole("main")).toContainText("/api/v1/changes");
  });

  test("the open-data page offers the full download with its date and size, in both languages, and the file is the ZIP it names", async ({
    page,
    request,
  }) => {
    // The server's job worker builds the first file at start; the page says so until it is done.
    await expect(async () => {
      await page.goto("/open-data");
      await expect(page.getByRole("link", { name: /^Download the whole registry \(ZIP, [\d.,]+ (kB|MB)\)$/ })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 90_000, intervals: [2_000] });
    const dump = page.getByRole("region", { name: "Full download" });
    await expect(dump).toContainText(/This file was built on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC\./);
    const link = dump.getByRole("link");
    const kilobytes = Number(/ZIP, ([\d.,]+) kB/.exec((await link.textContent()) ?? "")?.[1]?.replace(",", "") ?? Number.NaN);
    const response = await request.get((await link.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/zip");
    const body = await response.body();
    expect(body.subarray(0, 2).toString()).toBe("PK");
    // Staff tests running beside this one may have had it rebuilt since the page was read: a few bytes apart at most.
    expect(Math.abs(body.length / 1024 - kilobytes)).toBeLessThanOrEqual(2);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Переключить на русский язык" }).click();
    const russian = page.getByRole("region", { name: "Полная выгрузка" });
    await expect(russian.getByRole("link", { name: /^Скачать весь реестр \(ZIP, [\d\s,]+ кБ\)$/ })).toBeVisible();
    await expect(russian).toContainText(/Файл собран \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC\./);
    await expectNoSeriousA11yViolations(page);
  });

  test("each list and record page says where its data comes from and when the registry was last updated, in both languages", async ({
    page,
  }) => {
    const pages: [string, string][] = [
      ["/joint-ventures", "Source: the Interregio registry, kept by the ministry's staff"],
      ["/organizations/sozh-tuskar-harvesters", "Source: the Interregio registry, kept by the ministry's staff"],
      ["/sectors", "Source: NACE Rev. 2, the statistical classification of economic activities (Eurostat)"],
      ["/trade", "Source: official trade statistics"],
      [meeting, "Source: Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015."],
      [
        "/trade/kursk-oblast/belarus",
        "Source: Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015.",
      ],
    ];
    for (const [path, source] of pages) {
      await page.goto(path);
      const main = page.getByRole("main");
      await expect(main.getByText(source), path).toBeVisible();
      await expect(main.getByText(/^Registry last updated on \d{1,2} [A-Z][a-z]+ \d{4}\.$/), path).toBeVisible();
    }
    await page.context().addCookies([{ name: "interregio-locale", value: "ru", url: new URL(page.url()).origin }]);
    const russian: [string, string][] = [
      ["/meetings", "Источник: реестр «Интеррегио»"],
      [meeting, "Источник: Сообщение о встрече Президента Беларуси с губернатором Курской области, 10 марта 2015 года."],
    ];
    for (const [path, source] of russian) {
      await page.goto(path);
      const main = page.getByRole("main");
      await expect(main.getByText(source), path).toBeVisible();
      await expect(main.getByText(/^Реестр последний раз обновлён \d{2}\.\d{2}\.\d{4}\.$/), path).toBeVisible();
    }
  });

  test("pages forbid framing and content sniffing", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.headers()["x-frame-options"]).toBe("DENY");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response?.headers()["x-powered-by"]).toBeUndefined();
  });

  test("a missing record is a 404 page", async ({ page }) => {
    const response = await page.goto("/organizations/no-such-organization");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });

  test("the language switch shows the same page in Russian and back", async ({ page }) => {
    await page.goto("/regions/kursk-oblast");
    await page.getByRole("button", { name: "Переключить на русский язык" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Курская область");
    await expect(page).toHaveURL(/\/regions\/kursk-oblast$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("link", { name: "Организации" }).first()).toBeVisible();
    await expect(page.getByText("Встреча Президента Беларуси с губернатором Курской области")).toBeVisible();

    // The choice stays for the next page.
    await page.goto(meeting);
    await expect(page.getByRole("heading", { name: "Что обсуждалось" })).toBeVisible();

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { name: "What was discussed" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${meeting}$`));
  });

  for (const path of [
    "/",
    "/regions",
    "/regions/kursk-oblast",
    "/organizations",
    "/meetings",
    meeting,
    "/signin",
    "/open-data",
    "/no-such-page",
  ]) {
    test(`axe finds no serious problems on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    });
  }

  test("each record's page links its public history, which names no one and passes axe", async ({ page }) => {
    await page.goto("/commitments");
    const commitment = await page.getByRole("list", { name: "Commitments" }).getByRole("link").first().getAttribute("href");
    for (const path of [meeting, "/regions/kursk-oblast", commitment!]) {
      await page.goto(path);
      const title = await page.getByRole("heading", { level: 1 }).textContent();
      await page.getByRole("link", { name: "History of this record" }).click();
      await expect(page).toHaveURL(new RegExp(`${path}/history$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("History of this record");
      await expect(page.getByRole("main").getByRole("link", { name: title!.trim(), exact: true }).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  });

  test("axe finds no serious problems on an organization page, in Russian too", async ({ page }) => {
    await page.goto("/organizations?kind=joint_venture");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Переключить на русский язык" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expectNoSeriousA11yViolations(page);
  });
});
