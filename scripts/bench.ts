/**
 * `npm run bench`: the registry at scale. Generates (once) a synthetic registry of 100,000 organizations,
 * 20,000 meetings and 200,000 discussion links into the database `interregio_bench` (on DATABASE_URL's server,
 * else the embedded PostgreSQL in .data/bench), builds the app when the sources changed, serves it with
 * `next start`, and measures with autocannon: the search API, the joint-venture API, an organization page,
 * list pages, the dashboard, a region-pair page, and, as the baseline in the same run, the same search SQL
 * behind a bare node:http server. Then it times the CSV export while sampling the server's memory, the XLSX exports (joint
 * ventures, the 100,000 organizations) and one build of the full download (lib/dump). Prints a table and writes
 * bench/results.json. Not a test: `npm test` does not run it.
 *
 *   npm run bench                      generate if needed, build if stale, measure
 *   npm run bench -- --regenerate      make the registry anew
 *   npm run bench -- --generate-only   only make sure the registry is there
 *   npm run bench -- --duration 5 --connections 8 --only search-api,search-baseline
 *   npm run bench -- signin            only the sign-in load check, on the small demo registry (seconds, not minutes)
 *   npm run bench -- signin --burst-clients 48   the burst from one address with 48 parallel clients (default 24)
 *   npm run bench -- --database NAME   the generated registry in database NAME instead of interregio_bench
 *   npm run bench -- import            only the import at scale: 10,000 organizations from an XLSX, previewed and
 *                                      committed by the app's worker on a copy of the registry (scripts/bench/import.ts)
 *   npm run bench -- import --commit-here   the commit in this process instead, on the app's last build if there is one
 *
 * The sign-in load check (scripts/bench/sign-in-load.ts) ends every full run too, on a generated meeting's page.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { paths } from "../lib/paths.ts";
import { ensureDatabaseExists, migrate, openDatabase, projectRoot, withDatabaseName, type Database } from "./database.ts";
import { createPrismaClient } from "../lib/db/prisma-client.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { appEnvironment, buildIfStale, children, startApp, startBaseline, stopChild, waitForHttp } from "./bench/app.ts";
import { measureDumpBuild, measureExport } from "./bench/export.ts";
import { copyRegistry, measureImport, reportImport } from "./bench/import.ts";
import { generateRegistry, isGenerated } from "./bench/generate.ts";
import { benchSpecs, pickTargets, runAll, type RunResult, type RunSettings, type RunSpec } from "./bench/measure.ts";
import { reportBench, reportSignInOnly } from "./bench/report.ts";
import { measureSignInLoad, prepareBenchEditor, type SignInLoadOptions, type SignInLoadResult } from "./bench/sign-in-load.ts";

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    regenerate: { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "8" },
    only: { type: "string" },
    database: { type: "string", default: "interregio_bench" },
    "signin-clients": { type: "string", default: "12" },
    "page-connections": { type: "string", default: "4" },
    "page-rate": { type: "string", default: "40" },
    "burst-clients": { type: "string", default: "24" },
    "commit-here": { type: "boolean", default: false },
  },
});
const modes = ["signin", "import"];
const mode = positionals[0];
if (positionals.length > 1 || (mode !== undefined && !modes.includes(mode)))
  throw new Error(`Unknown bench mode: ${positionals.join(" ")} (the modes are ${modes.map((m) => `"${m}"`).join(", ")})`);
const DURATION_S = Number(options.duration);
const WARMUP_S = Number(options.warmup);
const CONNECTIONS = Number(options.connections);
const RUN_SETTINGS: RunSettings = { connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: WARMUP_S };

/**
 * Readers at a modest rate, the burst as issue 7 saw it (12 clients sending wrong passwords back to back), and
 * issue 13's burst from one address (24 clients at once) while `editor` signs in.
 */
function signInLoadOptions(pagePath: string, editor: SignInLoadOptions["editor"]): SignInLoadOptions {
  return {
    pagePath,
    seconds: DURATION_S,
    signInClients: Number(options["signin-clients"]),
    pageConnections: Number(options["page-connections"]),
    pageRate: Number(options["page-rate"]),
    burstClients: z.coerce.number().int().min(1).max(500).parse(options["burst-clients"]),
    editor,
  };
}

/**
 * `npm run bench -- signin`: the sign-in load check alone, on the demo registry (seeded as `npm start` seeds
 * it) in its own database, so that it takes seconds instead of the big registry's minutes.
 */
async function runSignInOnly(database: Database) {
  const url = withDatabaseName(database.url, "interregio_bench_signin");
  await ensureDatabaseExists(url);
  await migrate(url);
  const prisma = createPrismaClient(url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  await buildIfStale(url);
  const editor = await prepareBenchEditor(url);
  const app = await startApp(url);
  const loadBefore = loadavg();
  const result = await measureSignInLoad(app.origin, signInLoadOptions(paths.meeting(DEMO_MEETING), editor));
  const loadAfter = loadavg();
  reportSignInOnly(result, loadBefore, loadAfter, {
    ...signInLoadOptions(paths.meeting(DEMO_MEETING), editor),
    editor: editor.email,
    uvThreadpoolSize: appEnvironment(url, app.origin).UV_THREADPOOL_SIZE,
    database: "demo registry",
  });
}

/** The demo scenario's meeting (prisma/seed.ts): the page the readers load in the sign-in check alone. */
const DEMO_MEETING = "2015-03-10-lukashenko-mikhailov";

/**
 * `npm run bench -- import`: the import at scale on a copy of the generated registry. The app serves the page
 * the readers load and, as shipped, commits the batch through its import worker; with --commit-here the commit
 * runs in this process and the app is not built again for it when a build exists (its pages do not change).
 */
async function runImport(database: Database) {
  const url = withDatabaseName(database.url, options.database);
  await ensureRegistry(url);
  const targets = await pickTargets(url);
  console.log("Copying the registry for the import (each run imports into the registry as generated)...");
  const copy = await copyRegistry(url);
  if (!options["commit-here"] || !existsSync(join(projectRoot, ".next", "BUILD_ID"))) await buildIfStale(copy);
  const editor = await prepareBenchEditor(copy);
  // Committing here, the app's own import workers must leave the batch alone: its requeue of stalled batches
  // (queued, no heartbeat yet) would otherwise take it too, and the two processes would commit it by turns.
  const app = await startApp(copy, options["commit-here"] ? { JOB_WORKER: "off" } : {});
  const loadBefore = loadavg();
  const result = await measureImport(copy, { origin: app.origin, pid: app.server.pid ?? 0 }, targets.organizationSlug, editor.email, {
    pageConnections: Number(options["page-connections"]),
    pageRate: Number(options["page-rate"]),
    idleSeconds: DURATION_S,
    commitHere: options["commit-here"],
  });
  reportImport(result, loadBefore, loadavg());
}

/** Generates the registry into `url` when it is missing, made by another generator or --regenerate asks; else migrates it. */
async function ensureRegistry(url: string) {
  await ensureDatabaseExists(url);
  if (options.regenerate || !(await isGenerated(url))) {
    console.log(`Generating the bench registry into ${new URL(url).pathname.slice(1)} (about a minute or two)...`);
    await ensureDatabaseExists(url, { fresh: true });
    await migrate(url);
    await generateRegistry(url);
  } else {
    // New migrations (an index, say) apply to the kept registry too.
    await migrate(url);
    console.log("Reusing the generated registry (--regenerate makes it anew).");
  }
}

/** A full run: the registry, the app and the baseline, the export, the runs, the sign-in check, the results. */
async function runBench(database: Database) {
  const url = withDatabaseName(database.url, options.database);
  await ensureRegistry(url);
  if (options["generate-only"]) return;

  const targets = await pickTargets(url);
  await buildIfStale(url);

  const only = options.only?.split(",").map((name) => name.trim());
  // Before the app starts: its job worker builds the full download at start when there is none, which would run
  // beside the measurements; built here, in a process of its own, it is measured alone and the app finds it.
  const dumped = only && !only.includes("dump") ? undefined : await measureDumpBuild(url);
  if (dumped) console.log(`  full download: ${dumped.bytes} bytes in ${dumped.seconds} s, peak RSS ${dumped.peakRssMb} MB`);

  const baseline = await startBaseline(url);
  const app = await startApp(url);
  await waitForHttp(`${baseline.origin}/search?q=ping`, baseline.server, 60);

  const { specs, uncachedSpecs } = benchSpecs(targets.organizationSlug);
  const chosen = (list: RunSpec[]) => (only ? list.filter((spec) => only.includes(spec.name)) : list);

  const loadBefore = loadavg();
  const exported = only && !only.includes("export") ? undefined : await measureExport(app.origin, app.server.pid ?? 0);
  if (exported) console.log(`  export: ${exported.rows} rows in ${exported.seconds} s, peak RSS ${exported.peakRssMb} MB`);
  const exportedXlsx =
    only && !only.includes("export") && !only.includes("export-xlsx")
      ? undefined
      : await measureExport(app.origin, app.server.pid ?? 0, "xlsx");
  if (exportedXlsx)
    console.log(`  XLSX export: ${exportedXlsx.rows} rows in ${exportedXlsx.seconds} s, peak RSS ${exportedXlsx.peakRssMb} MB`);
  const organizationsXlsx =
    only && !only.includes("export-organizations-xlsx")
      ? undefined
      : await measureExport(app.origin, app.server.pid ?? 0, "xlsx", paths.api.organizationsExport("xlsx"));
  if (organizationsXlsx)
    console.log(
      `  organizations XLSX export: ${organizationsXlsx.rows} rows in ${organizationsXlsx.seconds} s, peak RSS ${organizationsXlsx.peakRssMb} MB`,
    );
  const runs: RunResult[] = [];
  await runAll(chosen(specs), { app: app.origin, baseline: baseline.origin }, runs, RUN_SETTINGS);
  if (chosen(uncachedSpecs).length > 0) {
    await stopChild(app.server);
    console.log("  (the same pages with the read cache off: INTERREGIO_CACHE=off)");
    const uncached = await startApp(url, { INTERREGIO_CACHE: "off" });
    await runAll(chosen(uncachedSpecs), { app: uncached.origin, baseline: baseline.origin }, runs, RUN_SETTINGS);
  }
  let signInLoad: SignInLoadResult | undefined;
  if (targets.meetingSlug && (!only || only.includes("signin"))) {
    console.log("  sign-in burst on a meeting page (read cache on) ...");
    await stopChild(children.at(-1));
    const editor = await prepareBenchEditor(url);
    const fresh = await startApp(url);
    signInLoad = await measureSignInLoad(fresh.origin, signInLoadOptions(paths.meeting(targets.meetingSlug), editor));
  }
  const loadAfter = loadavg();

  reportBench(
    {
      runs,
      specs: [...specs, ...uncachedSpecs],
      exported,
      exportedXlsx,
      organizationsXlsx,
      dumped,
      signInLoad,
      loadBefore,
      loadAfter,
      targets,
    },
    RUN_SETTINGS,
    database.embedded,
  );
}

async function main() {
  let database: Database | undefined;
  const cleanUp = async () => {
    await Promise.all(children.map(stopChild));
    if (database?.embedded) await database.stop();
  };
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.log("\nStopping...");
    void cleanUp().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    database = await openDatabase("bench");
    if (mode === "signin") return await runSignInOnly(database);
    if (mode === "import") return await runImport(database);
    await runBench(database);
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
