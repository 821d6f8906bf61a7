import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A new PrismaClient on `url`. The app uses the shared one from `db()` (lib/db/client.ts, server only); scripts, the
 * seed and tests make their own here, outside React's server graph.
 */
export function createPrismaClient(url: string, poolSize = 10) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: poolSize,
    // Fail fast when the database is down, so the page can say so instead of hanging.
    connectionTimeoutMillis: 3000,
  });
  // Password hashes stay out of every query unless one asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The client type inside `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
