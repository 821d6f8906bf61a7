import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { naceDivisions, naceSections } from "../prisma/nace";
import { regions } from "../prisma/regions";
import { ensureDatabaseExists, findFreePort, migrationNames, projectRoot, withDatabaseName } from "../scripts/database";

// Issue 16: what the image runs. Images cannot be built on the test machines, so this starts the image's very entry
// (scripts/docker-entry.ts, bundled by `npm run build` into the standalone app that the Dockerfile copies) the way the
// image does, on a fresh, empty database of its own and with only the environment an operator would give it (the
// Prisma CLI on PATH, as the image has it). It checks that a missing secret stops it before it touches the database,
// that it migrates, loads the reference data and serves with one process per core, and that SIGTERM stops it cleanly.

const standalone = join(projectRoot, ".next", "standalone");
const entry = join(standalone, "scripts", "docker-entry.mjs");
const e2eUrl = process.env.DATABASE_URL ?? "";
const url = withDatabaseName(e2eUrl, `${new URL(e2eUrl).pathname.slice(1)}_deploy`);

let app: ChildProcess | undefined;
let origin = "";
let output = "";

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** The environment an operator gives the container (compose.yaml), and nothing of the test runner's own. */
function deployment(port: number, changes: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const environment: Record<string, string | undefined> = {
    PATH: `${join(projectRoot, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
    // Only where Prisma's engine cannot be downloaded (these machines); the image has the native one.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY,
    CHECKPOINT_DISABLE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    PORT: String(port),
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "2",
    TRUSTED_PROXY: "1",
    SEED_REFERENCE_DATA: "on",
    ...changes,
  };
  // NODE_ENV is among them; Next's types make it a required key, which fromEntries cannot know.
  return Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
}

function start(environment: NodeJS.ProcessEnv) {
  output = "";
  const child = spawn(process.execPath, [entry], { cwd: standalone, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return child;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  await ensureDatabaseExists(url, { fresh: true });
});

test.afterAll(async () => {
  if (app && app.exitCode === null) app.kill("SIGKILL");
  const admin = new pg.Client({ connectionString: withDatabaseName(e2eUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});

test("without a secret it refuses to start, says what to set, and leaves the database untouched", async () => {
  const port = await findFreePort();
  const refused = start(deployment(port, { NEXTAUTH_SECRET: undefined, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c2hvcnQ=" }));
  expect(await exitOf(refused)).toBe(78);
  expect(output).toContain("Interregio cannot start: its configuration has 2 problem(s).");
  expect(output).toContain("NEXTAUTH_SECRET is not set: give a random string of 32 characters or more");
  expect(output).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (openssl rand -base64 32)");
  // Neither a secret nor a query: the line names what is wrong, never a value given.
  expect(output).not.toContain("c2hvcnQ=");
  expect(await query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
});

test("on an empty database it migrates, loads the reference data only, and serves with two processes", async () => {
  test.setTimeout(180_000);
  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  app = start(deployment(port));
  await expect
    .poll(async () => (await fetch(`${origin}/readyz`).catch(() => null))?.status ?? 0, { timeout: 150_000, intervals: [500] })
    .toBe(200);

  // Every migration of this version, applied and finished (/readyz checks the same against the files it ships).
  const applied = await query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1",
  );
  expect(applied.map((row) => row.migration_name)).toEqual(migrationNames());
  // The reference data, and no demo record or login.
  const [counts] = await query<{ regions: number; sectors: number; organizations: number; users: number }>(
    `SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM sectors)::int AS sectors,
            (SELECT count(*) FROM organizations)::int AS organizations, (SELECT count(*) FROM users)::int AS users`,
  );
  expect(counts!.regions).toBe(regions.length);
  expect(counts!.sectors).toBe(naceSections.length + naceDivisions.length);
  expect(counts!.organizations).toBe(0);
  expect(counts!.users).toBe(0);

  const health = await fetch(`${origin}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.text()).toBe("ok\n");

  // A public page, and the static files it loads (copied into the standalone app by the build).
  const page = await fetch(`${origin}/regions`, { headers: { "accept-language": "en" } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Kursk Oblast");
  const script = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(script).toBeTruthy();
  expect((await fetch(`${origin}${script}`)).status).toBe(200);

  // One JSON log line a request, from the two server processes (WEB_CONCURRENCY=2).
  const lines = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg?: string; pid?: number; path?: string; status?: number });
  expect(new Set(lines.filter((line) => line.msg === "serving").map((line) => line.pid)).size).toBe(2);
  expect(lines).toContainEqual(expect.objectContaining({ msg: "request", path: "/regions", status: 200 }));
});

test("SIGTERM stops every process cleanly, exit code 0", async () => {
  expect(app?.exitCode).toBeNull();
  const started = Date.now();
  app!.kill("SIGTERM");
  expect(await exitOf(app!)).toBe(0);
  expect(Date.now() - started).toBeLessThan(20_000);
  const stopped = output.split("\n").filter((line) => line.includes('"msg":"stopped"'));
  expect(stopped).toHaveLength(2);
  await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
});
