import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import pg from "pg";

/**
 * Public pages are read far more often than written, so their reads are kept in memory: a repeated read costs
 * no query. Entries carry tags; every write invalidates the tags of what it changed (`invalidate`), so a
 * reader sees a change at once in this process. Values are kept as they are (no serialization): dates stay
 * dates.
 *
 * Several processes and instances agree through PostgreSQL: a process that called `connectCacheBus` LISTENs
 * on one channel, and every invalidation is NOTIFYed there, so the others drop the same tags within
 * milliseconds. While a connected process has lost its listening connection it reads past its cache (it could
 * miss a notice), and it empties the cache when it listens again. The time-to-live is a last safety net.
 *
 * With read replicas (DATABASE_REPLICA_URLS) the public's reads go to a replica, which replays a write a moment
 * after the primary commits it and the writer invalidates. A read made in that moment would keep the old value
 * for the whole time-to-live; so a result read within REPLICA_SETTLE_MS of a write to one of its tags is served
 * but not kept, and the next read after that asks again.
 */

export const cacheTags = ["regions", "organizations", "meetings", "sectors", "links", "commitments", "trade"] as const;
export type CacheTag = (typeof cacheTags)[number];

const TTL_MS = 60_000;
/** How long after a write a replica is given to replay it (streaming replication usually takes milliseconds). */
export const REPLICA_SETTLE_MS = 5_000;
/** Pages of lists and records; each entry is one query's result, a few KB. */
const MAX_ENTRIES = 2_000;

type Entry = { value: unknown; tags: readonly CacheTag[] };

/** This process's connection to the other processes: its listening client, and whether it listens now. */
type Bus = { url: string; client: pg.Client | null; listening: boolean };

const globalForCache = globalThis as unknown as {
  interregioCacheListeners?: Set<(tags: readonly string[]) => void>;
  interregioCache?: LRUCache<string, Entry>;
  interregioCacheBus?: Bus;
  interregioCacheWrites?: Map<string, number>;
};
const store = (globalForCache.interregioCache ??= new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: TTL_MS }));
/** Reads in flight, so that concurrent misses for one key run the query once. */
const pending = new Map<string, Promise<unknown>>();

/**
 * Wraps a read: the result for the same arguments comes from memory until one of `tags` is invalidated or
 * the entry expires. Arguments must be JSON-serialisable (they form the key); results are shared between
 * requests, so they must not depend on who asks (no session, no cookies inside `read`).
 */
export function cached<Args extends unknown[], Result>(
  name: string,
  tags: readonly CacheTag[],
  read: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    if (process.env.INTERREGIO_CACHE === "off") return read(...args);
    // A process that should hear the others' writes but cannot now might serve what they changed: read afresh.
    const bus = globalForCache.interregioCacheBus;
    if (bus && !bus.listening) return read(...args);
    const key = `${name}:${JSON.stringify(args)}`;
    const hit = store.get(key);
    if (hit) return hit.value as Result;
    const inFlight = pending.get(key);
    if (inFlight) return inFlight as Promise<Result>;
    const generation = currentGeneration;
    const settled = settledSinceWrite(tags);
    const promise = read(...args).then((value) => {
      // A write during the read may have changed what it saw: do not keep a result older than the write.
      if (generation === currentGeneration && settled) store.set(key, { value, tags });
      return value;
    });
    pending.set(key, promise);
    try {
      return await promise;
    } finally {
      pending.delete(key);
    }
  };
}

let currentGeneration = 0;
/**
 * When each tag was last invalidated here (a write in this process or, through the bus, in another). On globalThis
 * with the store: every load of this module in the process must see the writes that emptied it.
 */
const lastWrites = (globalForCache.interregioCacheWrites ??= new Map<string, number>());

/** Whether a read starting now may keep its result: no replicas, or none of its tags written within the settle time. */
function settledSinceWrite(tags: readonly CacheTag[]) {
  // Read directly, as INTERREGIO_CACHE is: lib/env.ts is parsed where the database clients are made.
  const replicas = process.env.DATABASE_REPLICA_URLS?.split(",").some((url) => url.trim()) ?? false;
  if (!replicas) return true;
  const now = Date.now();
  return tags.every((tag) => now - (lastWrites.get(tag) ?? -Infinity) >= REPLICA_SETTLE_MS);
}

/**
 * Drops every entry carrying one of `tags`, here and, through the bus, in every other process. Every write
 * calls it, inside the server action, after commit.
 */
export function invalidate(...tags: CacheTag[]) {
  dropLocally(tags);
  const bus = globalForCache.interregioCacheBus;
  if (bus) void announce(bus.url, tags, bus.listening ? bus.client : null);
}

/**
 * Calls `listener` after every invalidation this process makes or hears from another (the full download's
 * rebuild, lib/dump/worker.ts); returns a function that stops it.
 */
export function onInvalidation(listener: (tags: readonly string[]) => void): () => void {
  const listeners = (globalForCache.interregioCacheListeners ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function dropLocally(tags: readonly string[]) {
  for (const listener of globalForCache.interregioCacheListeners ?? []) listener(tags);
  currentGeneration += 1;
  const now = Date.now();
  for (const tag of tags) lastWrites.set(tag, now);
  for (const [key, entry] of store.entries()) {
    if (entry.tags.some((tag) => tags.includes(tag))) store.delete(key);
  }
}

const CHANNEL = "interregio_cache";
/** Who sent a notice: a process ignores its own (it dropped those tags already). */
const origin = randomUUID();

/**
 * Tells the other processes which tags a write changed, over the listening connection or, without one (the
 * command line, a process between two connections), over a connection of its own. A failure is logged: the
 * write itself is done, and the others' time-to-live still bounds what they serve.
 */
export async function announce(url: string, tags: readonly CacheTag[], client: pg.Client | null = null) {
  const payload = JSON.stringify({ origin, tags });
  try {
    if (client) {
      await client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      return;
    }
    const once = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await once.connect();
    try {
      await once.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
    } finally {
      await once.end();
    }
  } catch (error) {
    console.error("Could not tell the other processes about a change:", error instanceof Error ? error.message : error);
  }
}

/** A notice's tags, if it is one of ours from another process; anything else on the channel is ignored. */
function noticeTags(payload: string | undefined): string[] | null {
  try {
    const notice = JSON.parse(payload ?? "") as { origin?: unknown; tags?: unknown };
    if (notice.origin === origin || !Array.isArray(notice.tags)) return null;
    return notice.tags.filter((tag): tag is string => (cacheTags as readonly string[]).includes(tag as string));
  } catch {
    return null;
  }
}

/**
 * Joins this process to the others on `url`: from now on it hears their invalidations and they hear its own.
 * Resolves once it listens; a lost connection is made again every second, the cache emptied once it is back.
 */
export function connectCacheBus(url: string): Promise<void> {
  const bus = (globalForCache.interregioCacheBus ??= { url, client: null, listening: false });
  return new Promise((resolve) => {
    const connect = async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
      const retry = () => {
        if (bus.client !== client) return;
        bus.listening = false;
        bus.client = null;
        client.removeAllListeners();
        client.on("error", () => undefined);
        void client.end().catch(() => undefined);
        setTimeout(() => void connect(), 1_000).unref();
      };
      bus.client = client;
      client.on("error", retry);
      client.on("end", retry);
      client.on("notification", (message) => {
        const tags = message.channel === CHANNEL ? noticeTags(message.payload) : null;
        if (tags?.length) dropLocally(tags);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
      } catch {
        retry();
        return;
      }
      // What was missed while not listening is unknown: start afresh.
      currentGeneration += 1;
      store.clear();
      bus.listening = true;
      resolve();
    };
    void connect();
  });
}

/** Stops listening (a shutting-down process); the cache then serves this process alone, as before. */
export async function disconnectCacheBus() {
  const bus = globalForCache.interregioCacheBus;
  if (!bus) return;
  globalForCache.interregioCacheBus = undefined;
  const client = bus.client;
  bus.client = null;
  bus.listening = false;
  client?.removeAllListeners();
  client?.on("error", () => undefined);
  await client?.end().catch(() => undefined);
}
