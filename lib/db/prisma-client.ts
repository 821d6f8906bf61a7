import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { watchPool, type PoolName } from "@/lib/db/pools";

/**
 * A new PrismaClient on `url`. The app uses the shared one from `db()` (lib/db/client.ts, server only), which
 * names its pool (`watchAs`) for the metrics and the shutdown; scripts, the seed and tests make their own here,
 * outside React's server graph.
 */
export function createPrismaClient(url: string, poolSize = 10, watchAs?: PoolName) {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast when the database is down, so the page can say so instead of hanging.
    connectionTimeoutMillis: 3000,
  });
  if (watchAs) watchPool(watchAs, pool);
  // The pool is made here rather than by the adapter so that its use can be read; it is still the client's to end.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Password hashes stay out of every query unless one asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The client type inside `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
