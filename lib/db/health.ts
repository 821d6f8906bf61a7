import pg from "pg";

let pool: pg.Pool | undefined;
let pooledUrl: string | undefined;
let lastSuccess = 0;

/** How long a successful check is trusted; a failure is never cached, so recovery shows on the next request. */
const trustSuccessMs = 2000;

/**
 * Whether PostgreSQL answers. One small pool of its own, with short timeouts, so a dead database makes pages
 * answer 503 at once rather than hang; when the database is back, the next check succeeds by itself.
 * A success is trusted for a moment, but not past a sign of trouble: the check's own connection closing (the
 * server stopped or the link dropped) or any request failing on the server (instrumentation.ts) ends the trust,
 * so the first request after an outage already gets the 503 page.
 */
export async function databaseIsUp(url: string): Promise<boolean> {
  const now = Date.now();
  if (pooledUrl !== url) {
    void pool?.end().catch(() => {});
    pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000 });
    // A dropped idle connection is reported here; the next query simply opens a new one.
    pool.on("error", distrustLastCheck);
    pool.on("connect", (client) => client.on("end", distrustLastCheck));
    pooledUrl = url;
    lastSuccess = 0;
  }
  if (now - lastSuccess < trustSuccessMs) return true;
  try {
    await pool!.query({ text: "SELECT 1", query_timeout: 2000 } as pg.QueryConfig);
    lastSuccess = now;
    return true;
  } catch {
    lastSuccess = 0;
    return false;
  }
}

/** Makes the next check ask the database again rather than trust the last answer. */
export function distrustLastCheck() {
  lastSuccess = 0;
}
