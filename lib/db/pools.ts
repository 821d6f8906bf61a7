import type { Pool } from "pg";

/**
 * The connection pools of this process, by name, for the metrics (lib/metrics.ts) and a clean shutdown
 * (scripts/serve.ts). Kept on globalThis, as the clients themselves are: the server script and Next's bundle of
 * the same modules are separate module instances in one process, and both must see the one set. Each read
 * replica (DATABASE_REPLICA_URLS) has a Prisma pool and a plain-pg pool, numbered from 1 in the order given.
 */
export type PoolName = "prisma" | "sql" | "health" | "jobs" | `prisma-replica-${number}` | `sql-replica-${number}`;

const globalForPools = globalThis as unknown as { interregioPools?: Map<PoolName, Pool> };
const pools = () => (globalForPools.interregioPools ??= new Map());

/** Names `pool` for the metrics and the shutdown; returns it. */
export function watchPool(name: PoolName, pool: Pool): Pool {
  pools().set(name, pool);
  return pool;
}

/** Each watched pool's connections: open, idle, and the callers waiting for one. */
export function poolUse(): { name: PoolName; total: number; idle: number; waiting: number }[] {
  return [...pools()].map(([name, pool]) => ({ name, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
}

/** Ends every watched pool once its connections are returned (the last step of a shutdown). */
export async function closePools() {
  const open = [...pools().values()].filter((pool) => !pool.ending);
  pools().clear();
  await Promise.allSettled(open.map((pool) => pool.end()));
}
