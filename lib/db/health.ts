import { readdirSync } from "node:fs";
import pg from "pg";
import { watchPool } from "@/lib/db/pools";

/** How long a successful check is trusted; a failure is never cached, so recovery shows on the next request. */
const trustSuccessMs = 2000;

/**
 * The checks' state, on globalThis: the proxy and the API (in Next's bundle) and the readiness endpoint (in the
 * server script, lib/http/operator-routes.ts) load this module separately, and share one pool and one verdict.
 */
type HealthState = { pool?: pg.Pool; url?: string; lastSuccess: number; migrated: boolean };
const globalForHealth = globalThis as unknown as { interregioHealth?: HealthState };
const state = (globalForHealth.interregioHealth ??= { lastSuccess: 0, migrated: false });

/** The checks' own pool of one connection on `url`, with short timeouts. */
function healthPool(url: string): pg.Pool {
  if (state.url === url && state.pool) return state.pool;
  void state.pool?.end().catch(() => {});
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000 });
  // A dropped idle connection is reported here; the next query simply opens a new one.
  pool.on("error", distrustLastCheck);
  pool.on("connect", (client) => client.on("end", distrustLastCheck));
  Object.assign(state, { pool: watchPool("health", pool), url, lastSuccess: 0, migrated: false });
  return pool;
}

/**
 * Whether PostgreSQL answers. One small pool of its own, with short timeouts, so a dead database makes pages
 * answer 503 at once rather than hang; when the database is back, the next check succeeds by itself.
 * A success is trusted for a moment, but not past a sign of trouble: the check's own connection closing (the
 * server stopped or the link dropped) or any request failing on the server (instrumentation.ts) ends the trust,
 * so the first request after an outage already gets the 503 page.
 */
export async function databaseIsUp(url: string): Promise<boolean> {
  const now = Date.now();
  const pool = healthPool(url);
  if (now - state.lastSuccess < trustSuccessMs) return true;
  try {
    await pool.query({ text: "SELECT 1", query_timeout: 2000 } as pg.QueryConfig);
    state.lastSuccess = now;
    return true;
  } catch {
    state.lastSuccess = 0;
    return false;
  }
}

/** Makes the next check ask the database again rather than trust the last answer. */
export function distrustLastCheck() {
  state.lastSuccess = 0;
}

/**
 * Why this process should not take traffic yet, or null when it may: PostgreSQL answers and has every migration
 * in `migrationsDir` applied (as `prisma migrate deploy` records them in `_prisma_migrations`). Once all are
 * applied the database is not asked again (migrations are not taken back), so a ready check costs what
 * `databaseIsUp` costs: usually nothing, at most a `SELECT 1`.
 */
export async function notReadyReason(url: string, migrationsDir: string): Promise<string | null> {
  if (!(await databaseIsUp(url))) return "database unreachable";
  if (state.migrated) return null;
  const expected = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  let applied: Set<string>;
  try {
    const { rows } = await healthPool(url).query<{ name: string }>({
      text: "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      query_timeout: 2000,
    } as pg.QueryConfig);
    applied = new Set(rows.map((row) => row.name));
  } catch {
    return "migrations not applied";
  }
  const pending = expected.filter((name) => !applied.has(name));
  if (pending.length > 0) return `${pending.length} migration(s) not applied, the first ${pending.sort()[0]}`;
  state.migrated = true;
  return null;
}
