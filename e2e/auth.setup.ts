import { expect, test as setup } from "@playwright/test";
import { staffLogin } from "./staff-login";

/** Signs in through the form as each staff role and saves the session cookie for the specs that need it. */
for (const [role, file] of Object.entries(staffLogin)) {
  setup(`sign in as the ${role}`, async ({ page }) => {
    const prefix = role === "admin" ? "E2E_ADMIN" : "E2E_STAFF";
    await page.goto("/signin?callbackUrl=%2Fworkspace");
    await page.getByLabel("Email address").fill(process.env[`${prefix}_EMAIL`] ?? "");
    await page.getByLabel("Password").fill(process.env[`${prefix}_PASSWORD`] ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The first sign-in on a cold server hashes and compiles under load: it may take longer than the default 5 s.
    await expect(page.getByRole("heading", { name: "Staff workspace", level: 1 })).toBeVisible({ timeout: 30_000 });
    await page.context().storageState({ path: file });
  });
}
