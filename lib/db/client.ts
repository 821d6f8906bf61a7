import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/prisma-client";

export type { Db, Tx } from "@/lib/db/prisma-client";

const globalForPrisma = globalThis as unknown as { interregioPrisma?: Db };

/** The one PrismaClient of the process, created on first use. */
export function db(): Db {
  if (globalForPrisma.interregioPrisma) return globalForPrisma.interregioPrisma;
  const client = createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE, "prisma");
  globalForPrisma.interregioPrisma = client;
  return client;
}
