import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { staffLogin } from "./staff-login";

// The commitments tracker: an editor moves a demo commitment on (a status with its reason, a follow-up at a
// later meeting); the public, signed out, sees both on the tracker, the commitment's page and the pair page, but
// not who made the change.

const COMMITMENT = "Joint projects should be discussed in detail.";
const DEMO_MEETING = "2015-03-10-lukashenko-mikhailov";
const WORKING_GROUP = "Working group on agricultural machinery";
const run = `${Date.now()}`.slice(-6);
const statusNote = `Both sides named project leads (${run}).`;
const followUpNote = `The harvester project was reviewed in detail (${run}).`;

test.describe.configure({ mode: "serial" });

test.describe("the commitments tracker", () => {
  test("an editor changes a commitment's status with a note and records a follow-up", async ({ browser }) => {
    const context = await browser.newContext({ storageState: staffLogin.editor });
    const page = await context.newPage();
    await page.goto(`/commitments?meeting=${DEMO_MEETING}`);
    await page.getByRole("link", { name: COMMITMENT }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMITMENT);
    await page.getByRole("link", { name: "Edit this commitment" }).click();

    const statusForm = page.getByRole("region", { name: "Change the status" });
    await expect(statusForm.getByText("The status now: Proposed.")).toBeVisible();
    await statusForm.getByLabel("New status").selectOption({ label: "In progress" });
    await statusForm.getByLabel("Why the status changes").fill(statusNote);
    await statusForm.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByText("Your changes are saved.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Change the status" }).getByText("The status now: In progress.")).toBeVisible();

    const followUpForm = page.getByRole("region", { name: "Record a follow-up" });
    const picker = followUpForm.getByRole("combobox", { name: "Later meeting" });
    await picker.fill("Working group");
    await page.getByRole("option").filter({ hasText: WORKING_GROUP }).first().click();
    await expect(picker).toHaveValue(new RegExp(`^${WORKING_GROUP}`));
    await followUpForm.getByLabel("What was said about it there").fill(followUpNote);
    await followUpForm.getByRole("button", { name: "Record follow-up" }).click();
    await expect(page.getByText("Your changes are saved.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Record a follow-up" }).getByLabel("What was said about it there")).toHaveValue("");
    await expectNoSeriousA11yViolations(page);

    // Signed-in staff see who changed the status on the commitment's page; the public does not (below).
    await page.goto(`/commitments?meeting=${DEMO_MEETING}`);
    await page.getByRole("link", { name: COMMITMENT }).click();
    const change = page.getByRole("region", { name: "Status history" }).getByRole("row").filter({ hasText: statusNote });
    await expect(change).toContainText("E2E Editor");
    await context.close();
  });

  test("the public sees the follow-up and the status history on the tracker, the commitment's page and the pair page", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/commitments");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commitments");
    await expectNoSeriousA11yViolations(page);

    // Counts by status link to the list of that status.
    await page.getByRole("link", { name: /^In progress: \d+, open the list$/ }).click();
    await expect(page).toHaveURL(/\/commitments\?status=in_progress$/);
    const entry = page.getByRole("article", { name: COMMITMENT });
    await expect(entry.getByText("In progress", { exact: true })).toBeVisible();
    await expect(entry.getByRole("link", { name: WORKING_GROUP })).toBeVisible();
    await expect(entry.getByText(followUpNote)).toBeVisible();

    await entry.getByRole("link", { name: COMMITMENT }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMITMENT);
    const followUps = page.getByRole("region", { name: "Followed up" });
    await expect(followUps.getByRole("link", { name: WORKING_GROUP })).toBeVisible();
    await expect(followUps.getByText(followUpNote)).toBeVisible();
    const change = page.getByRole("region", { name: "Status history" }).getByRole("row").filter({ hasText: statusNote });
    await expect(change).toContainText("Proposed → In progress");
    // Staff names are not public: not in the history, nor anywhere in the page and its payload.
    await expect(change).not.toContainText("E2E Editor");
    expect(await page.content()).not.toContain("E2E Editor");
    await expect(page.getByRole("link", { name: "Edit this commitment" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "With Kursk Oblast as a party" }).click();
    await expect(page).toHaveURL(/\/commitments\?party=kursk-oblast$/);
    await expect(page.getByText("With party Kursk Oblast")).toBeVisible();
    await expect(page.getByRole("article", { name: COMMITMENT })).toBeVisible();

    // The region pair lists it among its open commitments, with the follow-up.
    await page.goto("/regions/kursk-oblast/with/belarus");
    const pair = page.getByRole("region", { name: "Open commitments" }).getByRole("article", { name: COMMITMENT });
    await expect(pair.getByText("In progress", { exact: true })).toBeVisible();
    await expect(pair.getByRole("link", { name: WORKING_GROUP })).toBeVisible();
    await expect(pair.getByText(followUpNote)).toBeVisible();

    // Filters that do not parse are named, not a failure; an unknown id is a 404.
    await page.goto("/commitments?dueFrom=2015-02-30&status=forgotten&region=kursk-oblast&region=belarus");
    await expect(page.getByText("Some filters in the address were not understood and are not applied: status, due from")).toBeVisible();
    await expect(page.getByRole("article", { name: COMMITMENT })).toBeVisible();
    for (const id of ["999999", "abc", "1e3"]) expect((await page.goto(`/commitments/${id}`))?.status()).toBe(404);
    await context.close();
  });

  test("the tracker and a commitment's page in Russian pass axe", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto("/commitments?region=kursk-oblast&region=belarus&overdue=1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Обязательства");
    await expectNoSeriousA11yViolations(page);
    await page.goto(`/commitments?meeting=${DEMO_MEETING}`);
    await page.getByRole("link", { name: "Совместные проекты следует детально обсуждать." }).click();
    await expect(page.getByRole("heading", { name: "История статуса" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
