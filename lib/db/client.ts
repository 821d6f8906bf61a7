import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/prisma-client";

export type { Db, Tx } from "@/lib/db/prisma-client";

type Replicas = { clients: Db[]; next: number };
const globalForPrisma = globalThis as unknown as { interregioPrisma?: Db; interregioReplicas?: Replicas };

/**
 * The one PrismaClient of the process on the primary (DATABASE_URL), created on first use: every write and
 * transaction, and every read made for staff (the workspace, staff routes, actions' re-reads, sign-in and
 * sessions, the job worker), which must see what was just written.
 */
export function db(): Db {
  if (globalForPrisma.interregioPrisma) return globalForPrisma.interregioPrisma;
  const client = createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE, "prisma");
  globalForPrisma.interregioPrisma = client;
  return client;
}

/**
 * The client for the public's reads: the cached reads of the public pages (`cached` in lib/cache.ts) and the
 * JSON API's reads (lib/<domain>/api.ts). With DATABASE_REPLICA_URLS, each call hands out the next replica's
 * client in turn (round-robin, one client and pool per replica); without, it is `db()` itself.
 *
 * The seam is the module, not the request: a public read asks for `readDb()`, everything else keeps `db()`.
 * Prisma's read-replicas extension (@prisma/extension-read-replicas 0.5, which takes adapter-backed clients for
 * Prisma 7) was not used: it routes every read of the client it extends, so each staff read would have to ask
 * for `$primary()`, and it never routes `$queryRaw`, which most public reads here are, so they would have to ask
 * for `$replica()` anyway. A replica may lag behind the primary: a public read can miss a change made a moment
 * ago, which is why nothing that a write depends on reads here.
 */
export function readDb(): Db {
  const urls = env().DATABASE_REPLICA_URLS;
  if (urls.length === 0) return db();
  const replicas = (globalForPrisma.interregioReplicas ??= {
    clients: urls.map((url, index) => createPrismaClient(url, env().DATABASE_POOL_SIZE, `prisma-replica-${index + 1}`)),
    next: 0,
  });
  const client = replicas.clients[replicas.next]!;
  replicas.next = (replicas.next + 1) % replicas.clients.length;
  return client;
}
