import { expect, test, type Page } from "@playwright/test";

// The editor's own account, throttled for its first wait of 30 seconds and then signed in with the right
// password once the wait is over. A success starts the account's count again, so the specs after this one
// (staff.spec.ts signs in through the form as the editor) find it as before. The five failures also count
// towards this machine's address limit (20 in a run): the other specs' few wrong passwords stay far below it.
const email = process.env.E2E_STAFF_EMAIL ?? "";
const password = process.env.E2E_STAFF_PASSWORD ?? "";
const wrongMessage = "The email address or password is not right.";

/** The form's error summary, told apart from Next's route announcer (also an alert). */
const problem = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

async function submit(page: Page, withPassword: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(withPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("after five wrong passwords the form says when to try again, and refuses even the right one until then", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin?callbackUrl=%2Fworkspace");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submit(page, `not the password ${attempt}`);
    // Each answer replaces the last: wait for the button to come back before the next attempt.
    await expect(problem(page)).toContainText(wrongMessage);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  const lockedAt = Date.now();

  await submit(page, password);
  const alert = problem(page);
  await expect(alert).toContainText(/Too many failed attempts\. Try again at \d{1,2}:\d{2}/);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);

  // The time shown is the reader's clock, rounded up to the minute after the 30-second wait.
  const shown = /Try again at (\d{1,2}):(\d{2})\s*([AP]M)?/i.exec((await alert.textContent()) ?? "");
  expect(shown).not.toBeNull();
  const [, hours = "0", minutes = "0", half] = shown!;
  const retry = new Date(lockedAt);
  retry.setHours((Number(hours) % (half ? 12 : 24)) + (half?.toUpperCase() === "PM" ? 12 : 0), Number(minutes), 0, 0);
  const minutesAhead = (retry.getTime() - lockedAt) / 60_000;
  expect(minutesAhead).toBeGreaterThan(0);
  expect(minutesAhead).toBeLessThanOrEqual(1.6);

  // Refused again while the wait lasts, however right the password.
  await submit(page, password);
  await expect(problem(page)).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/signin/);

  // Once the wait is over, the right password signs in (and the editor's count starts again).
  await page.waitForTimeout(Math.max(0, lockedAt + 32_000 - Date.now()));
  await submit(page, password);
  await expect(page.getByRole("heading", { name: "Staff workspace", level: 1 })).toBeVisible();
});
