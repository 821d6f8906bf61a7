/**
 * The runs of `npm run bench`: which pages (pickTargets, benchSpecs), and each run measured with autocannon
 * (a warm-up, then latencies and statuses of every response) against the app or the bare baseline.
 */
import { loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { paths } from "../../lib/paths.ts";

/** Queries of the search runs: each matches some tens to hundreds of records, in both scripts. */
export const SEARCH_QUERIES = [
  "курский завод",
  "gomel bearings",
  "belagromash",
  "витебский университет",
  "minsk dairy",
  "mogilev furniture",
];

export type Target = "app" | "baseline";
/** `connections`: this run's own number of connections, instead of the bench's (`--connections`). */
export type RunSpec = { name: string; target: Target; paths: string[]; list?: boolean; connections?: number };
export type RunResult = {
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

/** The autocannon settings of every run (the options --connections, --warmup and --duration). */
export type RunSettings = { connections: number; durationSeconds: number; warmupSeconds: number };

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

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function cannon(
  origin: string,
  requestPaths: string[],
  seconds: number,
  connections: number,
  onResponse?: (status: number, ms: number) => void,
) {
  return new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
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

async function measure(spec: RunSpec, origin: string, settings: RunSettings): Promise<RunResult> {
  const bodies = await measureBodies(origin, spec.paths);
  const connections = spec.connections ?? settings.connections;
  await cannon(origin, spec.paths, settings.warmupSeconds, connections);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const result = await cannon(origin, spec.paths, settings.durationSeconds, connections, (status, ms) => {
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

export async function pickTargets(url: string) {
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

export type BenchTargets = Awaited<ReturnType<typeof pickTargets>>;

/** The runs on the app's cache (`specs`) and the same pages with the read cache off (`uncachedSpecs`). */
export function benchSpecs(organizationSlug: string) {
  const searchPaths = {
    app: SEARCH_QUERIES.map((q) => paths.api.search({ q })),
    baseline: SEARCH_QUERIES.map((q) => `/search?${new URLSearchParams({ q })}`),
  };
  const organizationPage = paths.organization(organizationSlug);
  const specs: RunSpec[] = [
    // A reader's wait: one search at a time, so that the latency is the search's own and not the queue's (with 8
    // connections on 2 cores shared with PostgreSQL and the load generator, p95 is mostly waiting for a core).
    { name: "search-api-one-reader", target: "app", paths: searchPaths.app, connections: 1 },
    { name: "search-baseline-one-reader", target: "baseline", paths: searchPaths.baseline, connections: 1 },
    // Throughput under load (--connections, default 8): the app against the bare server on the same SQL.
    { name: "search-api", target: "app", paths: searchPaths.app },
    { name: "search-baseline", target: "baseline", paths: searchPaths.baseline },
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
  return { specs, uncachedSpecs };
}

export async function runAll(specs: RunSpec[], origins: Record<Target, string>, runs: RunResult[], settings: RunSettings) {
  for (const spec of specs) {
    process.stdout.write(`  ${spec.name}: ${spec.paths[0]}${spec.paths.length > 1 ? ` (+${spec.paths.length - 1} more)` : ""} ... `);
    const result = await measure(spec, origins[spec.target], settings);
    runs.push({ ...result, loadAverage1m: round(loadavg()[0] ?? 0, 2) });
    const failure =
      result.requests === 0
        ? "no response completed within the run"
        : `statuses ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`;
    console.log(`p95 ${result.p95Ms} ms, ${result.rps} req/s${result.ok ? "" : `, FAILED (${failure})`}`);
  }
}
