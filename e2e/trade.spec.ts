import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";

/** Errors the browser reports while the page loads and hydrates: script errors, CSP refusals, React's complaints. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    const text = message.text();
    // The site has no favicon: that 404 is not the page's.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(text);
    else if (/Content Security Policy|hydrat/i.test(text)) errors.push(text);
  });
  return errors;
}

test.describe("trade between regions", () => {
  test("the overview links to the demo pair, whose page shows $250 million in 2014 and no growth on 2013", async ({ page }) => {
    await page.goto("/trade");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trade between regions");
    // Filed by Kursk Oblast, so named from its side; filtered to Belarus, from Belarus's.
    await expect(page.getByRole("row", { name: /Kursk Oblast and Belarus/ })).toContainText("$250,000,000");
    await page.getByLabel("Country (either side)").selectOption("BY");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/trade\?country=BY$/);
    const row = page.getByRole("row", { name: /Belarus and Kursk Oblast/ });
    await expect(row).toContainText("2014");
    await expect(row).toContainText("$250,000,000");
    await expect(row).toContainText("not recorded");
    await expectNoSeriousA11yViolations(page);

    const errors = collectErrors(page);
    await row.getByRole("link", { name: "Belarus and Kursk Oblast" }).click();
    await expect(page).toHaveURL(/\/trade\/belarus\/kursk-oblast$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trade between Belarus and Kursk Oblast");
    const summary = "Trade between Belarus and Kursk Oblast: $250 million in 2014; growth on 2013 not recorded.";
    await expect(page.getByRole("paragraph").filter({ hasText: summary })).toBeVisible();
    // The chart is drawn once the page has hydrated; it is an image described by the summary.
    const chart = page.getByRole("img", { name: "Trade between Belarus and Kursk Oblast, US dollars" });
    await expect(chart).toBeVisible();
    await expect(chart.locator("desc")).toHaveText(summary);
    const year = page.getByRole("table", { name: /by year/ }).getByRole("row", { name: /2014/ });
    await expect(year).toContainText("$250,000,000");
    await expect(year).toContainText("not recorded");
    await expect(year).toContainText("Report of the meeting of the President of Belarus");
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
  });

  test("the pair page in Russian from Kursk Oblast's side, and 404 for a region with itself", async ({ page }) => {
    await page.goto("/trade/kursk-oblast/belarus");
    await page.getByRole("button", { name: "Переключить на русский язык" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Торговля: Курская область и Беларусь");
    await expect(
      page.getByRole("paragraph").filter({
        hasText: /^Торговля между «Курская область» и «Беларусь»: 250\sмлн долл\. США в 2014 году; рост к 2013 году не записан\.$/,
      }),
    ).toBeVisible();
    await expect(page.getByRole("table").getByRole("row", { name: /2014/ })).toContainText("не записан");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trade between Kursk Oblast and Belarus");
    await expect(
      page
        .getByRole("paragraph")
        .filter({ hasText: "Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded." }),
    ).toBeVisible();

    const response = await page.goto("/trade/belarus/belarus");
    expect(response?.status()).toBe(404);
  });
});
