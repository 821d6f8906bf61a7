import type { QueryConfig } from "pg";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { poolUse } from "@/lib/db/pools";
import { sqlPool } from "@/lib/db/pg";

/**
 * The process's Prometheus metrics, served at /metrics (lib/http/operator-routes.ts). On globalThis, like the
 * database clients: the server script counts requests and Next's bundle counts sign-in refusals, from two
 * loads of this module in one process, into the one registry.
 *
 * Each process has its own registry. With several processes on one machine (a cluster), each must be scraped
 * on its own, or their registries joined (prom-client's AggregatorRegistry); nothing here does that yet.
 */

/** Why a sign-in was refused: the wrong email or password, one of the throttle's limits, or password work full. */
export type SignInRefusal = "wrong_credentials" | "throttled_pair" | "throttled_account" | "throttled_address" | "busy";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new Histogram({
      name: "interregio_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern and status.",
      labelNames: ["route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    signInRefusals: new Counter({
      name: "interregio_sign_in_refusals_total",
      help: "Sign-ins refused, by reason: wrong credentials, a throttle limit (pair, account, address), or busy password work.",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    pools: new Gauge({
      name: "interregio_db_pool_connections",
      help: "Connections of each PostgreSQL pool of this process: total open, idle, and callers waiting for one.",
      labelNames: ["pool", "state"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const { name, total, idle, waiting } of poolUse()) {
          this.set({ pool: name, state: "total" }, total);
          this.set({ pool: name, state: "idle" }, idle);
          this.set({ pool: name, state: "waiting" }, waiting);
        }
      },
    }),
    importBatches: new Gauge({
      name: "interregio_import_batches",
      help: "Spreadsheet imports by status (queued and committing ones are the job queue's work).",
      labelNames: ["status"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        // A database that is down leaves the gauge empty rather than fail the whole scrape.
        const rows = await sqlPool()
          .query<{ status: string; count: number }>({
            text: "SELECT status, count(*)::int AS count FROM import_batches GROUP BY status",
            query_timeout: 2000,
          } as QueryConfig)
          .then((result) => result.rows)
          .catch(() => []);
        for (const { status, count } of rows) this.set({ status }, count);
      },
    }),
  };
}

const globalForMetrics = globalThis as unknown as { interregioMetrics?: ReturnType<typeof createMetrics> };
const metrics = () => (globalForMetrics.interregioMetrics ??= createMetrics());

/** Counts one finished request. `route` must come from a bounded set (a route pattern), never the raw path. */
export function observeRequest(route: string, status: number, seconds: number) {
  metrics().requestDuration.observe({ route, status: String(status) }, seconds);
}

/** Counts one refused sign-in (lib/auth/sign-in.ts). */
export function countSignInRefusal(reason: SignInRefusal) {
  metrics().signInRefusals.inc({ reason });
}

/** The metrics in Prometheus's text format, and its content type. */
export async function metricsText(): Promise<{ text: string; contentType: string }> {
  const { registry } = metrics();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
