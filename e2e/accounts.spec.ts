import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { staffLogin } from "./staff-login";

// Staff accounts, end to end: an admin (the saved login) creates an editor, who signs in with the one-time
// password, must choose their own, and is then disabled while signed in. The new editor is this spec's own
// account: signing out or disabling ends every session of an account, so the saved logins are left alone.
test.use({ storageState: staffLogin.admin });
test.describe.configure({ mode: "serial" });

const run = `${Date.now()}`.slice(-6);
const email = `e2e.new.editor.${run}@interregio.example`;
const ownPassword = `my own pass phrase ${run}`;

async function signIn(page: Page, password: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/workspace")}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin creates an editor, who must replace the one-time password, and is disabled while signed in", async ({ page, browser }) => {
  await page.goto("/workspace");
  await page.getByRole("link", { name: "Manage staff accounts" }).click();
  await expect(page.getByRole("heading", { name: "Staff accounts", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Add a staff account" }).click();
  await page.getByLabel("Full name").fill(`Nina Orlova ${run}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("editor");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
  const oneTimePassword = (await page.getByTestId("secret").textContent()) ?? "";
  expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await expectNoSeriousA11yViolations(page);

  // The editor, in a browser of their own.
  const editorContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const editor = await editorContext.newPage();
  await signIn(editor, oneTimePassword);
  await expect(editor.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await expect(editor.getByText("You are using a one-time password.")).toBeVisible();
  // Every other staff page sends them back here until they have chosen their own.
  await editor.goto("/workspace/regions/new");
  await expect(editor.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await editor.getByLabel("Current password").fill(oneTimePassword);
  await editor.getByLabel("New password", { exact: true }).fill("too short");
  await editor.getByLabel("New password again").fill("too short");
  await editor.getByRole("button", { name: "Change password" }).click();
  // (Next's route announcer is an alert too: the form's is the one with the text.)
  await expect(editor.getByRole("alert").filter({ hasText: "Use 12 characters or more." })).toBeVisible();
  await editor.getByLabel("Current password").fill(oneTimePassword);
  await editor.getByLabel("New password", { exact: true }).fill(ownPassword);
  await editor.getByLabel("New password again").fill(ownPassword);
  await editor.getByRole("button", { name: "Change password" }).click();
  // The change ended every session, this one too: sign in again with the new password.
  await expect(editor.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await signIn(editor, oneTimePassword);
  await expect(editor.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
  await signIn(editor, ownPassword);
  await expect(editor.getByRole("heading", { name: "Staff workspace", level: 1 })).toBeVisible();

  // The admin disables the account; the editor's open session stops working at once.
  await page.getByRole("link", { name: "Go to the new account" }).click();
  await expect(page.getByRole("heading", { name: `Nina Orlova ${run}`, level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The account is disabled." })).toBeVisible();

  await editor.goto("/workspace");
  await expect(editor.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await signIn(editor, ownPassword);
  await expect(editor.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
  await editorContext.close();
});

test("an editor cannot open the accounts pages", async ({ browser }) => {
  const context = await browser.newContext({ storageState: staffLogin.editor });
  const page = await context.newPage();
  await page.goto("/workspace/users");
  await expect(page.getByRole("heading", { name: "Staff workspace", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Manage staff accounts" })).toHaveCount(0);
  await context.close();
});
