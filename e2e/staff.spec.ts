import { expect, test, type Page } from "@playwright/test";

const meeting = "/meetings/2015-03-10-lukashenko-mikhailov";
const email = process.env.E2E_STAFF_EMAIL ?? "";
const password = process.env.E2E_STAFF_PASSWORD ?? "";

async function signIn(page: Page, withPassword = password) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(meeting)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(withPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Chooses a record in a search-as-you-type picker: types part of its name and clicks the match. */
async function pick(page: Page, label: string, typed: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).fill(typed);
  await page.getByRole("option").filter({ hasText: option }).first().click();
  await expect(page.getByRole("combobox", { name: label, exact: true })).toHaveValue(option);
}

test.describe("staff", () => {
  test("signing in from the sign-in page lands on the workspace: the editor's own work and the commitments to chase", async ({ page }) => {
    // A failed attempt first: an account's events belong in the admins' activity log, not on the front page.
    await signIn(page, "not the password");
    await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/workspace$/);
    const recent = page.getByRole("region", { name: "Your recent work" });
    await expect(recent).toBeVisible();
    await expect(recent).not.toContainText("Failed to sign in");
    await expect(recent).not.toContainText("Signed in");
    // The demo's commitments of 2015 that are still open are long overdue: the front page lists them, soonest first.
    const due = page.getByRole("region", { name: "Commitments due within a month or overdue" });
    await expect(due.getByText("Overdue").first()).toBeVisible();
    await due.getByRole("link", { name: /in the commitments tracker/ }).click();
    await expect(page).toHaveURL(/\/commitments\?.*open=1/);
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await signIn(page, "not the password");
    await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
    await page.getByLabel("Email address").fill("nobody@interregio.example");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
    await expect(page.getByText(/Signed in as/)).toHaveCount(0);
  });

  test("an editor links an organization to a meeting; the public sees it at once; the editor removes it", async ({ page, browser }) => {
    await signIn(page);
    await expect(page).toHaveURL(new RegExp(`${meeting}$`));
    await expect(page.getByText("Signed in as E2E Editor")).toBeVisible();

    // At 100,000 organizations the form offers only what the editor types, as they type.
    const optionText = "Tuskar Agromash LLC";
    await pick(page, "Organization", "Tuskar Agro", optionText);
    const note = `Agreed to study a shared assembly line (${Date.now()}).`;
    await page.getByLabel("Note").fill(note);
    await page.getByRole("button", { name: "Link to meeting" }).click();
    await expect(page.getByRole("status")).toContainText("The link is saved.");

    const discussed = page.locator("section", { has: page.getByRole("heading", { name: "What was discussed" }) });
    const item = discussed.getByRole("listitem").filter({ hasText: note });
    await expect(item.getByRole("link", { name: optionText })).toBeVisible();
    await expect(item).toContainText("Linked by E2E Editor");

    // The public, in a browser with no session, sees the link on the organization's page.
    const publicContext = await browser.newContext();
    const reader = await publicContext.newPage();
    await reader.goto(meeting);
    await reader.getByRole("link", { name: optionText }).click();
    const timeline = reader.locator("section", { has: reader.getByRole("heading", { name: "Meetings" }) });
    await expect(timeline.getByText(note)).toBeVisible();
    await expect(timeline.getByRole("link", { name: "President of Belarus meets the Governor of Kursk Oblast" })).toBeVisible();

    await item.getByRole("button", { name: `Remove the link to ${optionText}` }).click();
    await expect(discussed.getByText(note)).toHaveCount(0);
    await reader.reload();
    await expect(reader.getByText(note)).toHaveCount(0);
    await publicContext.close();
  });

  test("what an editor types before the page has finished loading still finds matches", async ({ page }) => {
    await signIn(page);
    await expect(page.getByText("Signed in as E2E Editor")).toBeVisible();
    // Hold the page's scripts back (not its styles, which the page waits for), as a slow connection does,
    // while the editor starts typing.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const script = (url: URL) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
    await page.route(script, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(meeting, { waitUntil: "domcontentloaded" });
    await page.getByRole("combobox", { name: "Organization", exact: true }).fill("Tuskar Agro");
    release();
    await page.getByRole("option").filter({ hasText: "Tuskar Agromash LLC" }).first().click();
    await expect(page.getByRole("combobox", { name: "Organization", exact: true })).toHaveValue("Tuskar Agromash LLC");
  });

  test("an editor links a meeting from an organization's page and removes it there", async ({ page }) => {
    await signIn(page);
    await expect(page.getByText("Signed in as E2E Editor")).toBeVisible();
    await page.goto("/organizations/sugar-bridge");
    await pick(page, "Meeting", "business forum", "Belarus–Kursk Oblast business forum");
    const note = `Linked from its page (${Date.now()}).`;
    await page.getByLabel("Note").fill(note);
    await page.getByRole("button", { name: "Link to meeting" }).click();
    await expect(page.getByRole("status")).toContainText("The link is saved.");
    const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Meetings", exact: true }) });
    await expect(timeline.getByText(note)).toBeVisible();

    const linked = page.locator("section", { has: page.getByRole("heading", { name: "Linked meetings" }) });
    await linked.getByRole("button", { name: "Remove the link to Belarus–Kursk Oblast business forum" }).click();
    await expect(timeline.getByText(note)).toHaveCount(0);
  });

  test("bad input gets a message beside each field and nothing is written", async ({ page }) => {
    await signIn(page);
    await page.getByLabel("Note").fill("x".repeat(2001));
    await page.getByRole("button", { name: "Link to meeting" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Check the fields marked below." })).toBeVisible();
    await expect(page.locator("#field-organizationId-error")).toHaveText("Choose an organization or region.");
    await expect(page.locator("#field-note-error")).toHaveText("The note must be 2,000 characters or fewer.");
    await expect(page.getByRole("combobox", { name: "Organization", exact: true })).toHaveAttribute("aria-invalid", "true");
    // What was typed is still there to correct.
    await expect(page.getByLabel("Note")).toHaveValue("x".repeat(2001));
    await page.reload();
    await expect(page.getByText("x".repeat(50))).toHaveCount(0);
  });

  test("field messages come in the reader's language", async ({ page }) => {
    await signIn(page);
    await page.getByRole("button", { name: "Переключить на русский язык" }).click();
    await page.getByRole("button", { name: "Привязать к встрече" }).click();
    await expect(page.locator("#field-organizationId-error")).toHaveText("Выберите организацию или регион.");
    await expect(page.locator("#field-note-error")).toHaveText("Введите заметку о том, что было сказано.");
    // A choice made before the failed submit stays chosen.
    await pick(page, "Регион", "Брянск", "Брянская область");
    await page.getByRole("button", { name: "Привязать к встрече" }).click();
    await expect(page.locator("#field-note-error")).toHaveText("Введите заметку о том, что было сказано.");
    await expect(page.locator("#field-organizationId-error")).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Регион", exact: true })).toHaveValue("Брянская область");
  });

  test("the server refuses a write once the session is gone, even from the editing form", async ({ page, context }) => {
    await signIn(page);
    await pick(page, "Region", "Belgorod", "Belgorod Oblast");
    const note = `Written without a session (${Date.now()})`;
    await page.getByLabel("Note").fill(note);
    await context.clearCookies();
    await page.getByRole("button", { name: "Link to meeting" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "You are not signed in, so nothing was saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByText(note)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Link to meeting" })).toHaveCount(0);
  });

  test("signing out ends the session, and a copy of its cookie with it", async ({ page, browser }) => {
    // An account of its own: signing out ends every session of the account, the saved editor login too.
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(meeting)}`);
    await page.getByLabel("Email address").fill(process.env.E2E_LEAVER_EMAIL ?? "");
    await page.getByLabel("Password").fill(process.env.E2E_LEAVER_PASSWORD ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Signed in as E2E Leaver")).toBeVisible();
    const copied = await page.context().storageState();
    await page.getByRole("link", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto(meeting);
    await expect(page.getByRole("button", { name: "Link to meeting" })).toHaveCount(0);
    // The cookie copied before signing out no longer signs anyone in.
    const thief = await browser.newContext({ storageState: copied });
    const stolen = await thief.newPage();
    await stolen.goto(meeting);
    await expect(stolen.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(stolen.getByRole("button", { name: "Link to meeting" })).toHaveCount(0);
    await thief.close();
  });
});
