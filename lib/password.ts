import { availableParallelism } from "node:os";
import argon2 from "argon2";

// Kept apart from lib/auth.ts so that scripts can hash passwords without loading next-auth.

/** Refused at once because too much password work is already running and waiting: the caller says "try again shortly". */
export class PasswordWorkBusyError extends Error {
  constructor() {
    super("password work busy");
    this.name = "PasswordWorkBusyError";
  }
}

export type WorkLimiter = {
  /**
   * Runs `task` when a slot is free. With `refuseWhenFull` (the default) it rejects at once with
   * PasswordWorkBusyError if the queue is full, or if `key` already holds its share of running and waiting tasks.
   */
  run<T>(task: () => Promise<T>, options?: { refuseWhenFull?: boolean; key?: string }): Promise<T>;
  /** Tasks running now and tasks waiting for a slot. */
  load(): { running: number; waiting: number };
};

/**
 * At most `concurrency` tasks at a time, at most `queue` more waiting in turn. Each argon2 hash takes about
 * 64 MiB and a core for a few hundred milliseconds on a libuv pool thread; the pool (4 threads by default) also
 * serves pg's connection handshakes (SCRAM), file reads and compression. Unbounded, a burst of sign-ins fills
 * the pool and the cores and the public pages wait behind it (issue 7, finding 3).
 *
 * A task with a `key` (sign-in passes the client's address) counts towards that key's share too: at most
 * `perKey` of the key's tasks running and waiting together. One client sending sign-ins in parallel would
 * otherwise hold every slot and every place in the queue, and everyone else's sign-in would be refused as busy
 * (issue 13, finding 3); with a share of two (one running, one waiting) it takes two places and is refused the
 * rest at once, and the queue's other places stay for other addresses. Tasks without a key (hashing by admins
 * and scripts) have no share.
 */
export function createWorkLimiter({
  concurrency,
  queue,
  perKey = Infinity,
}: {
  concurrency: number;
  queue: number;
  perKey?: number;
}): WorkLimiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  // Only keys with a task running or waiting: at most concurrency + queue entries, plus patient tasks.
  const held = new Map<string, number>();

  const release = (key: string | undefined) => {
    if (key !== undefined) {
      const left = (held.get(key) ?? 1) - 1;
      if (left > 0) held.set(key, left);
      else held.delete(key);
    }
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };

  return {
    async run(task, { refuseWhenFull = true, key } = {}) {
      if (refuseWhenFull && key !== undefined && (held.get(key) ?? 0) >= perKey) throw new PasswordWorkBusyError();
      if (running >= concurrency && refuseWhenFull && waiting.length >= queue) throw new PasswordWorkBusyError();
      if (key !== undefined) held.set(key, (held.get(key) ?? 0) + 1);
      if (running >= concurrency) {
        // The slot is handed over by `release`, which counts it as running before it wakes this task.
        await new Promise<void>((wake) => waiting.push(wake));
      } else {
        running += 1;
      }
      try {
        return await task();
      } finally {
        release(key);
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}

/**
 * Half the cores (at least one) hash at a time, so that a burst of sign-ins always leaves the other half to
 * render pages; eight more wait (about two seconds at most on two cores), and beyond that a sign-in is refused
 * at once as busy rather than queue without end. One client address holds at most two of these places.
 */
export const passwordWork = createWorkLimiter({
  concurrency: Math.max(1, Math.floor(availableParallelism() / 2)),
  queue: 8,
  perKey: 2,
});

/**
 * argon2id with one lane. argon2's default of four lanes runs each hash on up to four threads at once (about
 * 1.7 cores for one hash on two), so that counting hashes would not count busy cores; with one lane each hash
 * is one thread, and the limiter's "half the cores" holds. The work per hash (64 MiB, three passes) is as before.
 */
const HASH_OPTIONS = { type: argon2.argon2id, parallelism: 1 } as const;

/** The one way staff passwords are hashed. Waits its turn, never refused: only admins, scripts and rehashing hash. */
export function hashPassword(password: string) {
  return passwordWork.run(() => argon2.hash(password, HASH_OPTIONS), { refuseWhenFull: false });
}

/**
 * Verified against when there is no user, so that an unknown email takes as long as a wrong password: an
 * argon2id hash of random bytes nobody kept, with the parameters `hashPassword` uses (a unit test holds them
 * equal). A constant, so that no first request pays for making it, and none of them answers sooner.
 */
export const DUMMY_HASH = "$argon2id$v=19$m=65536,p=1,t=3$Cwf2ceD/z1VJY6MLxgm0Rw$dGmRYKDR0u0CIyfX8pqTOeigQyRSDSz1//SWM4Ev5Hc";

/** The algorithm and parameters of a hash: `$argon2id$v=19$m=65536,p=1,t=3`. */
const parametersOf = (hash: string) => hash.split("$").slice(0, 4).join("$");

/**
 * Whether a stored hash was made with other parameters than `hashPassword` uses now (the four lanes of hashes
 * made before 30 November 2026): sign-in hashes the password anew once it has checked it.
 */
export function needsRehash(hash: string) {
  return parametersOf(hash) !== parametersOf(DUMMY_HASH);
}

/**
 * Whether `password` matches `hash`; with no hash (unknown user) it does the same work and answers false.
 * Throws PasswordWorkBusyError, before any work, when the queue is full or `key` (the client's address) already
 * holds its share of it: known and unknown emails alike.
 */
export async function verifyPassword(hash: string | undefined, password: string, { key }: { key?: string } = {}): Promise<boolean> {
  const target = hash ?? DUMMY_HASH;
  const valid = await passwordWork.run(() => argon2.verify(target, password).catch(() => false), { key });
  return valid && hash !== undefined;
}
