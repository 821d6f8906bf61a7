import { LRUCache } from "lru-cache";

/**
 * Public pages are read far more often than written, so their reads are kept in memory: a repeated read costs
 * no query. Entries carry tags; every write invalidates the tags of what it changed (`invalidate`), so a
 * reader sees a change at once in this process. Values are kept as they are (no serialization): dates stay
 * dates. With several app processes, another process may serve an entry up to `TTL_MS` old after a write:
 * the time-to-live bounds that.
 */

export const cacheTags = ["regions", "organizations", "meetings", "sectors", "links", "commitments", "trade"] as const;
export type CacheTag = (typeof cacheTags)[number];

const TTL_MS = 60_000;
/** Pages of lists and records; each entry is one query's result, a few KB. */
const MAX_ENTRIES = 2_000;

type Entry = { value: unknown; tags: readonly CacheTag[] };

const globalForCache = globalThis as unknown as { interregioCache?: LRUCache<string, Entry> };
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
    const key = `${name}:${JSON.stringify(args)}`;
    const hit = store.get(key);
    if (hit) return hit.value as Result;
    const inFlight = pending.get(key);
    if (inFlight) return inFlight as Promise<Result>;
    const generation = currentGeneration;
    const promise = read(...args).then((value) => {
      // A write during the read may have changed what it saw: do not keep a result older than the write.
      if (generation === currentGeneration) store.set(key, { value, tags });
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

/** Drops every entry carrying one of `tags`. Every write calls it, inside the server action, after commit. */
export function invalidate(...tags: CacheTag[]) {
  currentGeneration += 1;
  for (const [key, entry] of store.entries()) {
    if (entry.tags.some((tag) => tags.includes(tag))) store.delete(key);
  }
}
