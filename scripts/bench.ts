/**
 * `npm run bench`: the registry at scale. Generates (once) a synthetic registry of 100,000 organizations,
 * 20,000 meetings and 200,000 discussion links into the database `interregio_bench` (on DATABASE_URL's server,
 * else the embedded PostgreSQL in .data/bench), builds the app when the sources changed, serves it with
 * `next start`, and measures with autocannon: the search API, the joint-venture API, an organization page,
 * list pages, the dashboard, a region-pair page, and, as the baseline in the same run, the same search SQL
 * behind a bare node:http server. Then it times the CSV export while sampling the server's memory. Prints a table and writes
 * bench/results.json. Not a test: `npm test` does not run it.
 *
 *   npm run bench                      generate if needed, build if stale, measure
 *   npm run bench -- --regenerate      make the registry anew
 *   npm run bench -- --generate-only   only make sure the registry is there
 *   npm run bench -- --duration 5 --connections 8 --only search-api,search-baseline
 *   npm run bench -- signin            only the sign-in load check, on the small demo registry (seconds, not minutes)
 *   npm run bench -- signin --burst-clients 48   the burst from one address with 48 parallel clients (default 24)
 *   npm run bench -- --database NAME   the generated registry in database NAME instead of interregio_bench
 *
 * The sign-in load check (scripts/bench/sign-in-load.ts) ends every full run too, on a generated meeting's page.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { paths } from "../lib/paths.ts";
import {
  buildIsStale,
  ensureDatabaseExists,
  findFreePort,
  migrate,
  openDatabase,
  projectRoot,
  run,
  withDatabaseName,
  type Database,
} from "./database.ts";
import { createPrismaClient } from "../lib/db/prisma-client.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { GENERATED_COUNTS, generateRegistry, isGenerated } from "./bench/generate.ts";
import { measureSignInLoad, prepareBenchEditor, printSignInLoad, signInLoadChecks, type SignInLoadOptions } from "./bench/sign-in-load.ts";

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
  },
});
const signInOnly = positionals[0] === "signin";
if (positionals.some((word) => word !== "signin"))
  throw new Error(`Unknown bench mode: ${positionals.join(" ")} (the one mode is "signin")`);
const DURATION_S = Number(options.duration);
const WARMUP_S = Number(options.warmup);
const CONNECTIONS = Number(options.connections);
const resultsFile = join(projectRoot, "bench", "results.json");
const signInResultsFile = join(projectRoot, "bench", "sign-in-load.json");

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

/** Queries of the search runs: each matches some tens to hundreds of records, in both scripts. */
const SEARCH_QUERIES = ["курский завод", "gomel bearings", "belagromash", "витебский университет", "minsk dairy", "mogilev furniture"];

/** An export of a handful of rows: it loads the export route before the timed one. */
const SMALL_EXPORT = paths.api.jointVenturesExport("csv", { status: "planned", sector: "99" });

const TARGETS = {
  searchP95Ms: 30,
  searchRatio: 0.5,
  listP95Ms: 60,
  listBytes: 200 * 1024,
  exportSeconds: 5,
  exportRssMb: 200,
  dashboardP95Ms: 100,
};

type Target = "app" | "baseline";
type RunSpec = { name: string; target: Target; paths: string[]; list?: boolean };
type RunResult = {
  name: string;
  p50Ms: number;
  p95Ms: number;
  rps: number;
  bytes: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  paths: string[];
  ok: boolean;
  /** The machine's 1-minute load average at the end of the run: above the core count, figures are taken under load. */
  loadAverage1m?: number;
};

/** The resident memory (bytes) and number of a process and all its descendants (Linux /proc). */
function treeMemory(pid: number): { rss: number; processes: number } {
  let rss = 0;
  let processes = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    rss += kb ? Number(kb) * 1024 : 0;
    processes += 1;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) {
        const sub = treeMemory(Number(child));
        rss += sub.rss;
        processes += sub.processes;
      }
    }
  } catch {
    // The process ended between two reads.
  }
  return { rss, processes };
}

async function waitForHttp(url: string, child: ChildProcess, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 300));
    }
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

/** The body size of each path, fetched once uncompressed (as autocannon asks: no Accept-Encoding). */
async function measureBodies(origin: string, requestPaths: string[]) {
  const sizes: number[] = [];
  const statuses: number[] = [];
  for (const path of requestPaths) {
    const response = await fetch(origin + path, { headers: { "accept-encoding": "identity" }, redirect: "manual" });
    sizes.push((await response.arrayBuffer()).byteLength);
    statuses.push(response.status);
  }
  return { bytes: Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)), statuses };
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function cannon(origin: string, requestPaths: string[], seconds: number, onResponse?: (status: number, ms: number) => void) {
  return new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: origin,
        connections: CONNECTIONS,
        duration: seconds,
        // Each connection cycles through the paths in turn.
        requests: requestPaths.map((path) => ({ method: "GET" as const, path })),
        timeout: 30,
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
    // autocannon emits (client, statusCode, resBytes, responseTime) although its types omit the client.
    if (onResponse)
      (instance as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, ms: number) =>
        onResponse(status, ms),
      );
  });
}

async function measure(spec: RunSpec, origin: string): Promise<RunResult> {
  const bodies = await measureBodies(origin, spec.paths);
  await cannon(origin, spec.paths, WARMUP_S);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await cannon(origin, spec.paths, DURATION_S, (status, ms) => {
    latencies.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  });
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes).reduce((sum, [code, count]) => (code.startsWith("2") ? sum : sum + count), 0);
  return {
    name: spec.name,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    rps: round(latencies.length / result.duration),
    bytes: bodies.bytes,
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    requests: latencies.length,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    paths: spec.paths,
    // No completed response at all (each slower than the run) is a failure too.
    ok: non2xx === 0 && result.errors === 0 && latencies.length > 0 && bodies.statuses.every((s) => s >= 200 && s < 300),
  };
}

/** Downloads a CSV export and counts its rows (lines after the header). */
async function downloadCsv(url: string) {
  let bytes = 0;
  let newlines = 0;
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  return { status: response.status, bytes, rows: response.status === 200 ? Math.max(0, newlines - 1) : 0 };
}

/**
 * Times the whole CSV export of joint ventures, sampling the server's memory (the `next start` process and its
 * children) every 50 ms. Run on a server that has served nothing else but one small export, so that the peak
 * is the export's and not what earlier runs left in the heap.
 */
async function measureExport(origin: string, serverPid: number) {
  const path = paths.api.jointVenturesExport("csv");
  // Loads the route's code once, so that the timing is of the export and not of the first request.
  await downloadCsv(origin + SMALL_EXPORT);
  const before = treeMemory(serverPid);
  let peak = before.rss;
  let processes = before.processes;
  const sampler = setInterval(() => {
    const now = treeMemory(serverPid);
    peak = Math.max(peak, now.rss);
    processes = Math.max(processes, now.processes);
  }, 50);
  const started = performance.now();
  let download: Awaited<ReturnType<typeof downloadCsv>>;
  try {
    download = await downloadCsv(origin + path);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, treeMemory(serverPid).rss);
  return {
    path,
    status: download.status,
    seconds: round(seconds, 2),
    rows: download.rows,
    bytes: download.bytes,
    peakRssMb: round(peak / 2 ** 20),
    rssBeforeMb: round(before.rss / 2 ** 20),
    rssGrowthMb: round((peak - before.rss) / 2 ** 20),
    serverProcesses: processes,
    secondsPer100kRows: download.rows > 0 ? round((seconds * 100_000) / download.rows, 2) : null,
    ok: download.status === 200 && download.rows > 0,
  };
}

async function pickTargets(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The generated joint venture discussed at the most meetings: a heavy organization page, not a light one.
    const meeting = await client.query<{ slug: string }>(`
      SELECT m.slug FROM meetings m JOIN discussion_links l ON l.meeting_id = m.id AND l.archived_at IS NULL
       WHERE m.archived_at IS NULL GROUP BY m.id, m.slug ORDER BY count(*) DESC, m.id LIMIT 1`);
    const heavy = await client.query<{ slug: string; links: string }>(`
      SELECT o.slug, count(*) AS links FROM organizations o JOIN discussion_links l ON l.organization_id = o.id AND l.archived_at IS NULL
       WHERE o.kind = 'joint_venture' AND o.archived_at IS NULL GROUP BY o.id, o.slug ORDER BY count(*) DESC, o.id LIMIT 1`);
    const counts = await client.query<{ organizations: string; meetings: string; links: string; ventures: string }>(`
      SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM meetings) AS meetings,
             (SELECT count(*) FROM discussion_links) AS links, (SELECT count(*) FROM organizations WHERE kind = 'joint_venture') AS ventures`);
    const row = heavy.rows[0];
    if (!row) throw new Error("The bench database holds no joint venture with discussion links.");
    const c = counts.rows[0]!;
    return {
      organizationSlug: row.slug,
      meetingSlug: meeting.rows[0]?.slug ?? null,
      organizationLinks: Number(row.links),
      counts: {
        organizations: Number(c.organizations),
        meetings: Number(c.meetings),
        discussionLinks: Number(c.links),
        jointVentures: Number(c.ventures),
      },
    };
  } finally {
    await client.end();
  }
}

function printTable(runs: RunResult[]) {
  const header = ["run", "p50 ms", "p95 ms", "p99 ms", "req/s", "bytes", "requests", "non-2xx", "errors"];
  const rows = runs.map((r) =>
    [r.name + (r.ok ? "" : " (FAILED)"), r.p50Ms, r.p95Ms, r.p99Ms, r.rps, r.bytes, r.requests, r.non2xx, r.errors].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}

type App = { server: ChildProcess; origin: string };

/** The app's server (scripts/serve.ts) on a free port, answering once its export route does (an API route: no page rendered yet). */
async function startApp(url: string, extraEnvironment: Record<string, string> = {}): Promise<App> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const server = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "serve.ts")], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...appEnvironment(url, origin), HOST: "127.0.0.1", ...extraEnvironment },
  });
  const keepLog = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  server.stdout?.on("data", keepLog);
  server.stderr?.on("data", keepLog);
  children.push(server);
  try {
    await waitForHttp(origin + SMALL_EXPORT, server, 120);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n${log.join("").slice(-3000)}`);
  }
  return { server, origin };
}

const secret = randomBytes(32).toString("base64");
function appEnvironment(url: string, origin: string) {
  return {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: origin,
    PORT: new URL(origin).port,
    NODE_ENV: "production" as const,
    // As `npm start` serves it (scripts/start.ts).
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? "8",
    // As shipped, trusting no forwarded header: the sign-in check's clients differ by their loopback address.
    TRUSTED_PROXY: "",
  };
}

/** Every server this run started, stopped on the way out whatever happens. */
const children: ChildProcess[] = [];

async function runAll(specs: RunSpec[], origins: Record<Target, string>, runs: RunResult[]) {
  for (const spec of specs) {
    process.stdout.write(`  ${spec.name}: ${spec.paths[0]}${spec.paths.length > 1 ? ` (+${spec.paths.length - 1} more)` : ""} ... `);
    const result = await measure(spec, origins[spec.target]);
    runs.push({ ...result, loadAverage1m: round(loadavg()[0] ?? 0, 2) });
    const failure =
      result.requests === 0
        ? "no response completed within the run"
        : `statuses ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`;
    console.log(`p95 ${result.p95Ms} ms, ${result.rps} req/s${result.ok ? "" : `, FAILED (${failure})`}`);
  }
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
  if (buildIsStale()) {
    console.log("Building the app (the sources changed since the last build)...");
    await run("next", ["build"], appEnvironment(url, "http://127.0.0.1:3000"));
  }
  const editor = await prepareBenchEditor(url);
  const app = await startApp(url);
  const loadBefore = loadavg();
  const result = await measureSignInLoad(app.origin, signInLoadOptions(paths.meeting(DEMO_MEETING), editor));
  const loadAfter = loadavg();
  printSignInLoad(result);
  const checks = signInLoadChecks(result);
  console.log(
    `Load average (1 min) ${round(loadBefore[0] ?? 0, 2)} before, ${round(loadAfter[0] ?? 0, 2)} after, on ${cpus().length} cores.`,
  );
  console.log("\nTargets:");
  for (const check of checks) console.log(`  ${check.met ? "met    " : "MISSED "} ${check.target}: ${check.value ?? "n/a"}`);
  const results = {
    signInLoad: result,
    checks,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
    },
    settings: {
      ...signInLoadOptions(paths.meeting(DEMO_MEETING), editor),
      editor: editor.email,
      uvThreadpoolSize: appEnvironment(url, app.origin).UV_THREADPOOL_SIZE,
      database: "demo registry",
    },
  };
  mkdirSync(join(projectRoot, "bench"), { recursive: true });
  writeFileSync(signInResultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${signInResultsFile}`);
}

/** The demo scenario's meeting (prisma/seed.ts): the page the readers load in the sign-in check alone. */
const DEMO_MEETING = "2015-03-10-lukashenko-mikhailov";

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
    if (signInOnly) return await runSignInOnly(database);
    const url = withDatabaseName(database.url, options.database);
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
    if (options["generate-only"]) return;

    const targets = await pickTargets(url);
    if (buildIsStale()) {
      console.log("Building the app (the sources changed since the last build)...");
      await run("next", ["build"], appEnvironment(url, "http://127.0.0.1:3000"));
    }

    const baselinePort = await findFreePort();
    const baselineOrigin = `http://127.0.0.1:${baselinePort}`;
    const bare = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "bench", "baseline.ts")], {
      cwd: projectRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: url, BASELINE_PORT: String(baselinePort), NODE_ENV: "production" as const },
    });
    children.push(bare);
    const app = await startApp(url);
    await waitForHttp(`${baselineOrigin}/search?q=ping`, bare, 60);

    const organizationPage = paths.organization(targets.organizationSlug);
    const specs: RunSpec[] = [
      { name: "search-api", target: "app", paths: SEARCH_QUERIES.map((q) => paths.api.search({ q })) },
      { name: "search-baseline", target: "baseline", paths: SEARCH_QUERIES.map((q) => `/search?${new URLSearchParams({ q })}`) },
      { name: "joint-ventures-api", target: "app", paths: [paths.api.jointVentures({ sector: "C", country: "BY" })] },
      { name: "organization-page", target: "app", paths: [organizationPage] },
      { name: "organizations-list", target: "app", paths: [paths.organizations({ page: 2 })], list: true },
      { name: "joint-ventures-list", target: "app", paths: [paths.jointVentures({ sector: "C", country: "BY" })], list: true },
      { name: "meetings-list", target: "app", paths: [paths.meetings({ page: 2 })], list: true },
      { name: "search-page", target: "app", paths: [paths.search({ q: SEARCH_QUERIES[0] })], list: true },
      // Counts over the whole registry (organizations by kind and section, founded years, meetings by year and
      // level, commitments, trade pairs): every figure an aggregate in SQL.
      { name: "dashboard", target: "app", paths: [paths.dashboard()] },
      // The demo pair, whose sides hold most of the generated registry (Belarus with all its parts).
      { name: "region-pair-page", target: "app", paths: [paths.regionPair("belarus", "kursk-oblast")] },
    ];
    // The app keeps public reads in memory for a minute (lib/cache.ts), so a repeated URL is a cache hit after
    // the first request. The same pages on a server with the cache off show what a miss costs: a reader's
    // first visit, or any of the thousands of other pages and filters.
    const uncachedSpecs: RunSpec[] = specs
      .filter((spec) =>
        ["organization-page", "organizations-list", "joint-ventures-list", "meetings-list", "dashboard", "region-pair-page"].includes(
          spec.name,
        ),
      )
      .map((spec) => ({ ...spec, name: `${spec.name}-uncached` }));
    const only = options.only?.split(",").map((name) => name.trim());
    const chosen = (list: RunSpec[]) => (only ? list.filter((spec) => only.includes(spec.name)) : list);

    const loadBefore = loadavg();
    const exported = only && !only.includes("export") ? undefined : await measureExport(app.origin, app.server.pid ?? 0);
    if (exported) console.log(`  export: ${exported.rows} rows in ${exported.seconds} s, peak RSS ${exported.peakRssMb} MB`);
    const runs: RunResult[] = [];
    await runAll(chosen(specs), { app: app.origin, baseline: baselineOrigin }, runs);
    if (chosen(uncachedSpecs).length > 0) {
      await stopChild(app.server);
      console.log("  (the same pages with the read cache off: INTERREGIO_CACHE=off)");
      const uncached = await startApp(url, { INTERREGIO_CACHE: "off" });
      await runAll(chosen(uncachedSpecs), { app: uncached.origin, baseline: baselineOrigin }, runs);
    }
    let signInLoad: Awaited<ReturnType<typeof measureSignInLoad>> | undefined;
    if (targets.meetingSlug && (!only || only.includes("signin"))) {
      console.log("  sign-in burst on a meeting page (read cache on) ...");
      await stopChild(children.at(-1));
      const editor = await prepareBenchEditor(url);
      const fresh = await startApp(url);
      signInLoad = await measureSignInLoad(fresh.origin, signInLoadOptions(paths.meeting(targets.meetingSlug), editor));
    }
    const loadAfter = loadavg();

    const byName = new Map(runs.map((r) => [r.name, r]));
    const search = byName.get("search-api");
    const searchBaseline = byName.get("search-baseline");
    const searchRatioToBaseline =
      search?.ok && searchBaseline?.ok && searchBaseline.rps > 0 ? round(search.rps / searchBaseline.rps, 2) : null;
    const listNames = new Set([...specs, ...uncachedSpecs].filter((s) => s.list).map((s) => s.name));
    const listRuns = runs.filter((r) => listNames.has(r.name));
    const checks = [
      {
        target: `search API p95 <= ${TARGETS.searchP95Ms} ms`,
        value: search?.p95Ms ?? null,
        met: !!search?.ok && search.p95Ms <= TARGETS.searchP95Ms,
      },
      {
        target: `search throughput >= ${TARGETS.searchRatio}x baseline`,
        value: searchRatioToBaseline,
        met: searchRatioToBaseline !== null && searchRatioToBaseline >= TARGETS.searchRatio,
      },
      ...listRuns.map((r) => ({
        target: `${r.name} p95 <= ${TARGETS.listP95Ms} ms and < 200 KB`,
        value: `${r.p95Ms} ms, ${r.bytes} B`,
        met: r.ok && r.p95Ms <= TARGETS.listP95Ms && r.bytes < TARGETS.listBytes,
      })),
      ...runs
        .filter((r) => r.name === "dashboard" || r.name === "dashboard-uncached")
        .map((r) => ({
          target: `${r.name} p95 <= ${TARGETS.dashboardP95Ms} ms`,
          value: `${r.p95Ms} ms`,
          met: r.ok && r.p95Ms <= TARGETS.dashboardP95Ms,
        })),
      ...(exported
        ? [
            {
              target: `CSV export (per 100,000 rows) < ${TARGETS.exportSeconds} s`,
              value: exported.secondsPer100kRows,
              met: exported.ok && (exported.secondsPer100kRows ?? Infinity) < TARGETS.exportSeconds,
            },
            {
              target: `CSV export peak RSS < ${TARGETS.exportRssMb} MB`,
              value: exported.peakRssMb,
              met: exported.ok && exported.peakRssMb < TARGETS.exportRssMb,
            },
          ]
        : []),
      ...(signInLoad ? signInLoadChecks(signInLoad) : []),
    ];

    printTable(runs);
    if (signInLoad) printSignInLoad(signInLoad);
    console.log(`\nsearch-api / search-baseline throughput: ${searchRatioToBaseline ?? "n/a"}`);
    if (exported)
      console.log(
        `CSV export: ${exported.rows} rows, ${exported.bytes} bytes in ${exported.seconds} s (${exported.secondsPer100kRows ?? "n/a"} s per 100,000 rows), ` +
          `server RSS ${exported.rssBeforeMb} MB before, ${exported.peakRssMb} MB peak (${exported.serverProcesses} processes)${exported.ok ? "" : ` FAILED (HTTP ${exported.status})`}`,
      );
    console.log(
      `Load average (1 min) ${round(loadBefore[0] ?? 0, 2)} before the runs, ${round(loadAfter[0] ?? 0, 2)} after, on ${cpus().length} cores.`,
    );
    console.log("\nTargets:");
    for (const check of checks) console.log(`  ${check.met ? "met    " : "MISSED "} ${check.target}: ${check.value ?? "n/a"}`);

    const results = {
      runs,
      searchRatioToBaseline,
      exportSeconds: exported?.seconds ?? null,
      exportPeakRssMb: exported?.peakRssMb ?? null,
      export: exported ?? null,
      signInLoad: signInLoad ?? null,
      checks,
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        memoryGb: round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAfter,
      },
      settings: {
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        searchQueries: SEARCH_QUERIES,
        database: database.embedded ? "embedded" : "DATABASE_URL",
      },
      registry: {
        ...targets.counts,
        generated: GENERATED_COUNTS,
        organizationPage: { slug: targets.organizationSlug, discussionLinks: targets.organizationLinks },
      },
    };
    mkdirSync(join(projectRoot, "bench"), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${resultsFile}`);
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
