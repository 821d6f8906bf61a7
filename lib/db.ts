import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** A new client on `url`; the app uses the shared one from `db()`, scripts and tests make their own. */
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

const globalForPrisma = globalThis as unknown as { interregioPrisma?: Db };

/** The one PrismaClient of the process, created on first use. */
export function db(): Db {
  if (globalForPrisma.interregioPrisma) return globalForPrisma.interregioPrisma;
  const client = createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  globalForPrisma.interregioPrisma = client;
  return client;
}

/** The client type inside `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
