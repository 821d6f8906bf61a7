/**
 * What the image runs (Dockerfile's CMD), from the standalone build: `npm run build` (scripts/build.ts) bundles this
 * file into .next/standalone/scripts/docker-entry.mjs, and e2e/deploy.spec.ts runs that very file.
 *
 *   1. Checks the configuration (lib/env.ts, DeployEnvSchema) and stops with one line per problem, exit code 78
 *      (EX_CONFIG), before touching the database.
 *   2. Waits up to a minute for PostgreSQL, then applies the migrations (`prisma migrate deploy`; the image has the
 *      Prisma CLI on PATH). Replicas starting together are safe: Prisma holds an advisory lock while it migrates.
 *   3. With SEED_REFERENCE_DATA=on, loads the reference data (NACE, countries, regions), never the demo records;
 *      a record that exists is left as staff keep it.
 *   4. Serves: scripts/serve.ts, one process per core (WEB_CONCURRENCY), graceful on SIGTERM.
 */
import cluster from "node:cluster";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { parseDeployEnv, type DeployEnv } from "../lib/env.ts";
import { createPrismaClient } from "../lib/db/prisma-client.ts";
import { seedReferenceData } from "../prisma/seed.ts";
import { migrate } from "./database.ts";

/** sysexits.h's EX_CONFIG: an orchestrator's log shows a configuration to fix, not a crash to retry. */
const configurationError = 78;
const databaseWaitMs = 60_000;

/** The same line shape as the server's log (pino): one JSON object a line, for the same collector. */
function log(level: "info" | "error", msg: string, extra: Record<string, unknown> = {}) {
  const line = JSON.stringify({ level: level === "info" ? 30 : 50, time: Date.now(), pid: process.pid, msg, ...extra });
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

/** Waits until PostgreSQL takes a connection (a database container still starting), for a minute at most. */
async function waitForDatabase(url: string) {
  const started = Date.now();
  let lastError = "";
  for (let attempt = 0; ; attempt += 1) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (Date.now() - started > databaseWaitMs) {
        throw new Error(`PostgreSQL did not answer within ${databaseWaitMs / 1000} s: ${lastError}`);
      }
      if (attempt === 0) log("info", "waiting for PostgreSQL", { reason: lastError });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

async function prepare(config: DeployEnv) {
  await waitForDatabase(config.DATABASE_URL);
  log("info", "applying migrations");
  await migrate(config.DATABASE_URL);
  if (config.SEED_REFERENCE_DATA === "on") {
    log("info", "loading the reference data");
    const prisma = createPrismaClient(config.DATABASE_URL, 2);
    try {
      await seedReferenceData(prisma);
    } finally {
      await prisma.$disconnect();
    }
  }
}

async function main() {
  let config: DeployEnv;
  try {
    config = parseDeployEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(configurationError);
  }
  await prepare(config);
  // The server script is bundled beside this one; its cluster's processes run it, not this entry again.
  const serve = join(import.meta.dirname, "serve.mjs");
  cluster.setupPrimary({ exec: serve });
  log("info", "starting the server");
  await import(pathToFileURL(serve).href);
}

main().catch((error) => {
  log("error", "the app could not start", { err: { message: error instanceof Error ? error.message : String(error) } });
  process.exit(1);
});
