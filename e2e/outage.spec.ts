import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { seedDatabase } from "../prisma/seed";
import { createPrismaClient } from "../lib/db/prisma-client";
import { findFreePort, migrate, projectRoot, startEmbeddedPostgres, withDatabaseName, type Database } from "../scripts/database";

// Issue 13, finding 4: a save while the database is down answered with the 503 page, and what the editor had
// typed was gone. This spec runs an app of its own on a PostgreSQL of its own, so that it can stop that
// database in the middle of an edit without touching the other specs' server.

const dataName = `e2e-outage-${process.pid}`;
const editor = { email: "outage.editor@interregio.example", password: "outage correct horse" };
let database: (Database & { start: () => Promise<void> }) | undefined;
let app: ChildProcess | undefined;
let origin = "";

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await startEmbeddedPostgres(dataName, { quiet: true });
  const url = withDatabaseName(database!.url, "postgres");
  await migrate(url);
  const prisma = createPrismaClient(url, 1);
  try {
    await seedDatabase(prisma, {
      demoStaff: { email: editor.email, name: "Outage Editor", passwordHash: await hashPassword(editor.password) },
    });
  } finally {
    await prisma.$disconnect();
  }
  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  app = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "serve.ts")], {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: origin, PORT: String(port), HOST: "127.0.0.1" },
  });
  await expect.poll(async () => (await fetch(origin + "/").catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await database?.stop().catch(() => {});
  rmSync(join(projectRoot, ".data", dataName), { recursive: true, force: true });
});

test("a meeting saved while the database is down keeps what was typed, and saves once it is back", async ({ page }) => {
  await page.goto(`${origin}/signin?callbackUrl=%2Fworkspace%2Fmeetings%2Fnew`);
  await page.getByLabel("Email address").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // This app is fresh: its first pages and the password check take a while on a loaded machine.
  await expect(page.getByRole("heading", { name: "Log a meeting", level: 1 })).toBeVisible({ timeout: 30_000 });

  await page.getByLabel("Title in English").fill("Talks during the outage");
  await page.getByLabel("Title in Russian").fill("Переговоры во время сбоя");
  await page.getByLabel("Date").fill("2026-11-20");
  await page.getByLabel("Level").selectOption("regional");
  await page.getByLabel("Summary in English").fill("Every word of this summary must survive the outage.");

  await database!.stop();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByText("The change could not be saved because the registry is not available. Nothing was saved. Try again in a minute."),
  ).toBeVisible();
  await expect(page.getByLabel("Title in English")).toHaveValue("Talks during the outage");
  await expect(page.getByLabel("Title in Russian")).toHaveValue("Переговоры во время сбоя");
  await expect(page.getByLabel("Summary in English")).toHaveValue("Every word of this summary must survive the outage.");
  await expect(page.getByRole("heading", { name: "Sorry, something went wrong" })).toHaveCount(0);

  // Back up: the same form, with the region the editor goes on to pick, saves.
  await database!.start();
  const region = page.getByRole("combobox", { name: "Region 1", exact: true });
  await region.fill("Kursk");
  await page.getByRole("option").filter({ hasText: "Kursk Oblast" }).first().click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("The record is saved.", { timeout: 15_000 });
  await page.getByRole("link", { name: "View the public page" }).click();
  await expect(page.getByRole("heading", { name: "Talks during the outage", level: 1 })).toBeVisible();
  await expect(page.getByText("Every word of this summary must survive the outage.")).toBeVisible();
});
