import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { staffLogin } from "./staff-login";

// The staff workspace journey, signed in through the saved login (e2e/auth.setup.ts).
test.use({ storageState: staffLogin.editor });

const run = `${Date.now()}`.slice(-6);
const venture = `Seym-Sozh Machinery ${run}`;
const meetingTitle = `Working group on machinery ${run}`;

/** Types into a search-as-you-type field and chooses the match whose text starts with `choice`. */
async function pick(page: Page, label: string | RegExp, typed: string, choice: string) {
  const field = page.getByRole("combobox", { name: label, exact: typeof label === "string" });
  await field.fill(typed);
  await page.getByRole("option").filter({ hasText: choice }).first().click();
  await expect(field).toHaveValue(new RegExp(`^${choice}`));
}

test.describe.configure({ mode: "serial" });

test.describe("the staff workspace", () => {
  test("an editor creates a joint venture with two partners in different regions", async ({ page }) => {
    await page.goto("/workspace");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Add an organization" }).click();
    await expect(page.getByRole("heading", { name: "Add an organization", level: 1 })).toBeVisible();
    await page.getByLabel("Kind", { exact: true }).selectOption("joint_venture");
    await page.getByLabel("Name as registered").fill(`ООО «Сейм-Сож Машинери ${run}»`);
    await page.getByLabel("Name in English").fill(venture);
    await pick(page, "Region", "Kursk", "Kursk Oblast");
    await page.getByLabel("Status").selectOption("active");
    await pick(page, "Main sector", "28", "28");
    // A venture starts with two partner rows. Shares that add up to more than 100 are refused beside the
    // partners, and nothing typed is lost.
    const partners = page.getByRole("combobox", { name: "Partner organization", exact: true });
    await partners.nth(0).fill("Tuskar");
    await page.getByRole("option").filter({ hasText: "Tuskar Agromash LLC" }).click();
    await page.getByLabel("Share in percent").nth(0).fill("60");
    await partners.nth(1).fill("Sozh Agrotekh");
    await page.getByRole("option").filter({ hasText: "Sozh Agrotekhnika OJSC" }).click();
    await expect(partners.nth(1)).toHaveValue("Sozh Agrotekhnika OJSC");
    await page.getByLabel("Share in percent").nth(1).fill("50");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await expect(page.getByLabel("Name in English")).toHaveValue(venture);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Share in percent").nth(1).fill("40");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("The record is saved.");

    // The public sees the venture with both partners.
    await page.getByRole("link", { name: "View the public page" }).click();
    await expect(page.getByRole("heading", { name: venture, level: 1 })).toBeVisible();
    await expect(page.getByText("Tuskar Agromash LLC")).toBeVisible();
    await expect(page.getByText("Sozh Agrotekhnika OJSC")).toBeVisible();
  });

  test("a pasted description longer than allowed is kept whole, counted, and refused beside the field", async ({ page }) => {
    await page.goto("/workspace/organizations/new");
    const description = page.getByLabel("Description in English");
    // The count is part of the field's description, so a screen reader hears it with the field.
    await expect(description).toHaveAccessibleDescription(/You have 2,000 characters remaining/);
    await description.fill("Harvesters. ".repeat(170));
    // 2,040 characters: nothing cut off unseen, and the count says by how much it is over.
    await expect(description).toHaveValue("Harvesters. ".repeat(170));
    await expect(description).toHaveAccessibleDescription(/You have 40 characters too many/);
    await description.fill("Harvesters.");
    await expect(description).toHaveAccessibleDescription(/You have 1,989 characters remaining/);
  });

  test("logs a meeting, and links the venture to it with the keyboard only", async ({ page }) => {
    await page.goto("/workspace/meetings/new");
    await page.getByLabel("Title in English").fill(meetingTitle);
    await page.getByLabel("Title in Russian").fill(`Рабочая группа по машиностроению ${run}`);
    await page.getByLabel("Date").fill("2026-11-20");
    await page.getByLabel("Level").selectOption("regional");
    await pick(page, "Region 1", "Kursk", "Kursk Oblast");
    await page.getByRole("button", { name: "Add another" }).first().click();
    await pick(page, "Region 2", "Belarus", "Belarus");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("The record is saved.");
    await page.getByRole("link", { name: "View the public page" }).click();
    await expect(page.getByRole("heading", { name: meetingTitle, level: 1 })).toBeVisible();

    // Keyboard only: type in the picker, arrow to the match, Enter; Tab to the note; Tab and Enter to submit.
    const picker = page.getByRole("combobox", { name: "Organization", exact: true });
    await picker.focus();
    await page.keyboard.type(venture.slice(0, 12), { delay: 20 });
    await expect(page.getByRole("option").filter({ hasText: venture })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(picker).toHaveValue(venture);
    await page.keyboard.press("Tab"); // the region picker, left empty
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Note")).toBeFocused();
    await page.keyboard.type("Agreed to draft a single manufacturing chain for harvester parts.");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Link to meeting" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "The link is saved." })).toBeVisible();
    const discussed = page.locator("section", { has: page.getByRole("heading", { name: "What was discussed" }) });
    await expect(discussed.getByRole("link", { name: venture })).toBeVisible();
  });

  test("an editor logs a meeting in Russian, typing the date as 10.03.2015, with two entries discussed", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU", storageState: staffLogin.editor });
    const page = await context.newPage();
    const title = `Рабочая встреча по сеялкам ${run}`;
    await page.goto("/workspace/meetings/new");
    await page.getByLabel("Название по-английски").fill(`Working meeting on seeders ${run}`);
    await page.getByLabel("Название по-русски").fill(title);
    const date = page.getByLabel("Дата", { exact: true });
    await expect(date).toHaveAccessibleDescription(/Например, 10\.03\.2015/);
    // A day that does not exist is refused as it is typed, saying what to fix.
    await date.fill("31.02.2015");
    await expect(page.getByText("В этом месяце дней: 28. Проверьте день и месяц.")).toBeVisible();
    await date.fill("10.03.2015");
    await page.getByLabel("Уровень").selectOption("regional");
    await pick(page, "Регион 1", "Курск", "Курская область");

    // What was discussed, in the same form: an organization and a region, each with a note.
    const addRow = page.getByRole("button", { name: "Добавить ещё" });
    const notes = page.getByLabel("О чём говорили");
    await addRow.last().click();
    await pick(page, "Организация", "Тускарь", "ООО «Тускарь Агромаш»");
    await notes.nth(0).fill("Договорились о поставке 200 сеялок.");
    await addRow.last().click();
    const regionPicker = page.getByRole("combobox", { name: "Регион", exact: true }).nth(1);
    await regionPicker.fill("Гомель");
    await page.getByRole("option").filter({ hasText: "Гомельская область" }).first().click();
    await expect(regionPicker).toHaveValue("Гомельская область");
    await notes.nth(1).fill("Область предложила кредитную линию.");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Запись сохранена.");
    // The edit form shows the day as the reader writes it, and the entries it was saved with.
    await expect(page.getByLabel("Дата", { exact: true })).toHaveValue("10.03.2015");
    await expect(page.getByLabel("О чём говорили")).toHaveCount(2);

    await page.getByRole("link", { name: "Открыть публичную страницу" }).click();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText("10.03.2015", { exact: true })).toBeVisible();
    const discussed = page.locator("section", { has: page.getByRole("heading", { name: "Что обсуждалось" }) });
    await expect(discussed.getByRole("link", { name: "ООО «Тускарь Агромаш»" })).toBeVisible();
    await expect(discussed.getByRole("link", { name: "Гомельская область" })).toBeVisible();
    await expect(discussed).toContainText("Договорились о поставке 200 сеялок.");
    await expect(discussed).toContainText("Область предложила кредитную линию.");
    await context.close();
  });

  test("a second editor's save meets a conflict, sees what changed, keeps their input and merges", async ({ page, browser }) => {
    await page.goto(`/workspace?type=meetings&q=${encodeURIComponent(meetingTitle)}`);
    // The finder's result comes first; the same name may also head the recent changes below it.
    await page.getByRole("link", { name: meetingTitle, exact: true }).first().click();
    await page.waitForURL(/\/workspace\/meetings\/\d+$/);
    const editUrl = page.url();

    const other = await browser.newContext({ storageState: staffLogin.editor });
    const second = await other.newPage();
    await second.goto(editUrl);

    await page.getByLabel("Title in English").fill(`${meetingTitle} (renamed)`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toContainText("Your changes are saved.");

    const summary = "Both sides will draft a list of parts for a joint production chain.";
    await second.getByLabel("Summary in English").fill(summary);
    await second.getByRole("button", { name: "Save changes" }).click();
    const alert = second.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(alert).toContainText("Someone else saved this record while you were editing it.");
    const change = alert.getByRole("row").filter({ hasText: "Title in English" });
    await expect(change).toContainText(meetingTitle);
    await expect(change).toContainText(`${meetingTitle} (renamed)`);
    await expect(second.getByLabel("Summary in English")).toHaveValue(summary);
    await expectNoSeriousA11yViolations(second);
    // The editor takes the other's title and saves again: now from the version just seen.
    await second.getByLabel("Title in English").fill(`${meetingTitle} (renamed)`);
    await second.getByRole("button", { name: "Save changes" }).click();
    await expect(second.getByRole("status")).toContainText("Your changes are saved.");
    await expect(second.getByLabel("Summary in English")).toHaveValue(summary);
    await expect(second.getByLabel("Title in English")).toHaveValue(`${meetingTitle} (renamed)`);
    await other.close();
  });

  test("the history shows each change, field by field, with who made it", async ({ page }) => {
    await page.goto(`/workspace?type=meetings&q=${encodeURIComponent(meetingTitle)}`);
    await page.getByRole("link", { name: `History of ${meetingTitle} (renamed)` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(meetingTitle);
    const changes = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Changed by E2E Editor" }) });
    await expect(changes).toHaveCount(2);
    await expect(changes.getByRole("row").filter({ hasText: "Summary in English" })).toContainText("(blank)");
    await expect(changes.getByRole("row").filter({ hasText: "Title in English" })).toContainText(`${meetingTitle} (renamed)`);
    await expect(page.getByRole("heading", { name: "Created by E2E Editor" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("an archived venture leaves the public pages and comes back when restored", async ({ page, browser }) => {
    await page.goto(`/workspace?type=organizations&q=${encodeURIComponent(venture)}`);
    await page.getByRole("link", { name: venture, exact: true }).first().click();
    const publicLink = page.getByRole("link", { name: "View the public page" });
    const publicPath = (await publicLink.getAttribute("href")) ?? "";
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("status").first()).toContainText("Archived");
    const reader = await (await browser.newContext()).newPage();
    expect((await reader.goto(publicPath))?.status()).toBe(404);
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("status").first()).toContainText("Restored");
    expect((await reader.goto(publicPath))?.status()).toBe(200);
    await reader.context().close();
  });
});

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the workspace sends the reader to sign in and back", async ({ page }) => {
    await page.goto("/workspace/meetings/new");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fworkspace%2Fmeetings%2Fnew$/);
    expect((await page.request.get("/api/staff/lookup?type=region&q=Kursk")).status()).toBe(401);
  });
});

test.describe("the admins' activity log", () => {
  test.use({ storageState: staffLogin.admin });

  test("filters everyone's changes by person, record type and action", async ({ page }) => {
    await page.goto("/workspace/activity");
    await page.getByLabel("Person").selectOption({ label: "E2E Editor (e2e.editor@interregio.example)" });
    await page.getByLabel("Record type").selectOption("meeting");
    await page.getByLabel("Action").selectOption("update");
    await page.getByRole("button", { name: "Show changes" }).click();
    await expect(page).toHaveURL(/person=\d+/);
    const rows = page.getByRole("row").filter({ hasText: meetingTitle });
    await expect(rows.first()).toContainText("E2E Editor");
    await expect(page.getByRole("row").filter({ hasText: "Created" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("is refused to an editor", async ({ browser }) => {
    const context = await browser.newContext({ storageState: staffLogin.editor });
    const page = await context.newPage();
    await page.goto("/workspace/activity");
    await expect(page.getByRole("alert").filter({ hasText: "Only admins can read the activity log." })).toBeVisible();
    await context.close();
  });
});
