import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";

const DEMO_MEETING = "President of Belarus meets the Governor of Kursk Oblast";

/** The pair page of the demo scenario, seen from either side: the 2014 trade and the three proposals of 10 March 2015. */
async function expectDemoPair(page: Page, first: string, second: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${first} and ${second}`);
  await expect(page.getByRole("region", { name: "Meetings" }).getByRole("link", { name: DEMO_MEETING })).toBeVisible();
  const trade = page.getByRole("region", { name: "Trade", exact: true });
  const row2014 = trade.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2014" }) });
  await expect(row2014.getByRole("cell").first()).toHaveText("$250,000,000");
  await expect(trade.getByRole("rowheader", { name: "2013" })).toHaveCount(0); // no 2013 figure is invented
  const commitments = page.getByRole("region", { name: "Open commitments" });
  for (const text of [
    "Belarusian and Kursk enterprises should be more tightly intertwined, as parts of a single manufacturing chain.",
    "Joint projects should be discussed in detail.",
    "Agreements, once made, are to be honored.",
  ])
    await expect(commitments.getByRole("link", { name: text })).toBeVisible();
}

test.describe("region pairs and the dashboard", () => {
  test("from Kursk Oblast's page and from Belarus's to the same pair, seen from each side", async ({ page }) => {
    await page.goto("/regions/kursk-oblast");
    await page
      .getByRole("table", { name: "Partner regions of Kursk Oblast" })
      .getByRole("link", { name: "Kursk Oblast and Belarus" })
      .click();
    await expect(page).toHaveURL(/\/regions\/kursk-oblast\/with\/belarus$/);
    await expectDemoPair(page, "Kursk Oblast", "Belarus");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/regions\/belarus\/with\/kursk-oblast$/);
    await expectNoSeriousA11yViolations(page);

    await page.goto("/regions/belarus");
    // The trade row's partner opens the pair too.
    await expect(page.getByRole("region", { name: "Trade" }).getByRole("link", { name: "Kursk Oblast" })).toHaveAttribute(
      "href",
      "/regions/belarus/with/kursk-oblast",
    );
    await page.getByRole("table", { name: "Partner regions of Belarus" }).getByRole("link", { name: "Belarus and Kursk Oblast" }).click();
    await expect(page).toHaveURL(/\/regions\/belarus\/with\/kursk-oblast$/);
    await expectDemoPair(page, "Belarus", "Kursk Oblast");

    expect((await page.goto("/regions/belarus/with/belarus"))?.status()).toBe(404);
    expect((await page.goto("/regions/belarus/with/no-such-region"))?.status()).toBe(404);
  });

  test("the dashboard's figures open lists with the same totals", async ({ page }) => {
    await page.goto("/dashboard");
    await expectNoSeriousA11yViolations(page);

    const byKind = page.getByRole("table", { name: "Organizations by kind" });
    const universities = byKind.getByRole("link", { name: /^Universities: [\d,]+, open the list$/ });
    const count = (await universities.textContent())?.trim() ?? "";
    await universities.click();
    await expect(page).toHaveURL(/\/organizations\?kind=university$/);
    await expect(page.getByText(`${count} organizations`, { exact: true })).toBeVisible();

    await page.goBack();
    const meetings = page.getByRole("table", { name: "Meetings per year and level" });
    const headOfState = meetings.getByRole("link", { name: /^2015, Head of state: 1, open the list$/ });
    await headOfState.click();
    await expect(page).toHaveURL(/\/meetings\?level=head_of_state&year=2015$/);
    await expect(page.getByText("1 meeting", { exact: true })).toBeVisible();

    await page.goBack();
    const proposed = page
      .getByRole("table", { name: "Commitments by status" })
      .getByRole("link", { name: /^Proposed: \d+, open the list$/ });
    const proposedCount = (await proposed.textContent())?.trim() ?? "";
    await proposed.click();
    await expect(page).toHaveURL(/\/commitments\?status=proposed$/);
    await expect(page.getByText(`${proposedCount} commitments`, { exact: true })).toBeVisible();
  });

  test("the pair page and the dashboard in Russian pass axe", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto("/regions/belarus/with/kursk-oblast");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Беларусь и Курская область");
    await expectNoSeriousA11yViolations(page);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Сводка");
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
