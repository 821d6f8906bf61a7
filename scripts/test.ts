/**
 * `npm test`: formatting (Prettier), lint, type check, unit tests, integration tests against a fresh PostgreSQL database, and
 * Playwright end-to-end tests against a production build on another fresh database. Uses the server in
 * DATABASE_URL when set (it needs the right to create databases), else the embedded PostgreSQL in .data/test.
 *
 *   npm test                          every stage
 *   npm test -- unit integration      only the stages named (format, lint, types, unit, integration, e2e)
 *   npm test -- e2e e2e/search.spec.ts  other arguments go to Playwright (a spec file, `--grep x`)
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../lib/auth/password.ts";
import { createPrismaClient } from "../lib/db/prisma-client.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { ensureDatabaseExists, findFreePort, migrate, openDatabase, run, withDatabaseName } from "./database.ts";

const stages = ["format", "lint", "types", "unit", "integration", "e2e"] as const;
type Stage = (typeof stages)[number];
const asked = process.argv.slice(2).filter((arg): arg is Stage => (stages as readonly string[]).includes(arg));
const wanted = new Set<Stage>(asked.length > 0 ? asked : stages);
const playwrightArgs = process.argv.slice(2).filter((arg) => !(stages as readonly string[]).includes(arg));
const common = { NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

/** A fresh, migrated database on the server, named for this run. */
async function freshDatabase(serverUrl: string, purpose: string) {
  const url = withDatabaseName(serverUrl, `interregio_${purpose}_${process.pid}`);
  await ensureDatabaseExists(url, { fresh: true });
  await migrate(url);
  return url;
}

async function dropDatabase(url: string) {
  const admin = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's, else Playwright's own when it is
 * installed. Found before anything else runs, so that a machine without one learns it at once.
 */
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", chromium.executablePath()];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (found) return found;
  throw new Error(
    [
      "No Chromium for the end-to-end tests. Install one, then run npm test again:",
      "  sudo apt-get install -y chromium        (Debian, Ubuntu: /usr/bin/chromium)",
      "  npx playwright install chromium         (Playwright's own build)",
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    ].join("\n"),
  );
}

async function stage(name: Stage, work: () => Promise<void>) {
  if (!wanted.has(name)) return;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  await work();
  console.log(`=== ${name}: passed in ${((Date.now() - started) / 1000).toFixed(1)}s ===`);
}

async function main() {
  const chromiumPath = wanted.has("e2e") ? findChromium() : undefined;
  await stage("format", () => run("prettier", ["--check", "."], common));
  await stage("lint", () => run("eslint", [".", "--max-warnings=0"], common));
  await stage("types", () => run("tsc", ["--noEmit"], common));
  await stage("unit", () => run("vitest", ["run", "--project", "unit"], common));
  if (!wanted.has("integration") && !wanted.has("e2e")) return;

  const server = await openDatabase("test");
  const created: string[] = [];
  try {
    await stage("integration", async () => {
      const url = await freshDatabase(server.url, "it");
      created.push(url);
      await run("vitest", ["run", "--project", "integration"], {
        ...common,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      });
    });
    await stage("e2e", async () => {
      const url = await freshDatabase(server.url, "e2e");
      created.push(url);
      const staff = { email: "e2e.editor@interregio.example", password: randomBytes(12).toString("base64url") };
      const admin = { email: "e2e.admin@interregio.example", password: randomBytes(12).toString("base64url") };
      // Signing out ends every session of an account: the sign-out test has an account of its own, so that the
      // editor's saved login (e2e/auth.setup.ts) outlives it.
      const leaver = { email: "e2e.leaver@interregio.example", password: randomBytes(12).toString("base64url") };
      const prisma = createPrismaClient(url, 2);
      try {
        await seedDatabase(prisma, {
          demoStaff: { email: staff.email, name: "E2E Editor", passwordHash: await hashPassword(staff.password) },
        });
        // The activity log is for admins: the workspace journey reads it as one.
        await prisma.user.create({
          data: { email: admin.email, name: "E2E Admin", role: "admin", passwordHash: await hashPassword(admin.password) },
        });
        await prisma.user.create({
          data: { email: leaver.email, name: "E2E Leaver", role: "editor", passwordHash: await hashPassword(leaver.password) },
        });
      } finally {
        await prisma.$disconnect();
      }
      const port = await findFreePort();
      const environment = {
        ...common,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        E2E_PORT: String(port),
        CHROMIUM_PATH: chromiumPath ?? "",
        E2E_STAFF_EMAIL: staff.email,
        E2E_STAFF_PASSWORD: staff.password,
        E2E_ADMIN_EMAIL: admin.email,
        E2E_ADMIN_PASSWORD: admin.password,
        E2E_LEAVER_EMAIL: leaver.email,
        E2E_LEAVER_PASSWORD: leaver.password,
      };
      // The production build and the standalone app the image runs (e2e/deploy.spec.ts starts its entry).
      await run("tsx", ["scripts/build.ts"], environment);
      await run("playwright", ["test", ...playwrightArgs], environment);
    });
  } finally {
    for (const url of created) await dropDatabase(url).catch((error) => console.error(`Could not drop ${url}: ${error}`));
    await server.stop();
  }
}

main().then(
  () => console.log("\nAll tests passed."),
  (error) => {
    console.error(`\n${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
