import { availableParallelism } from "node:os";
import argon2 from "argon2";

// Kept apart from lib/auth/options.ts so that scripts can hash passwords without loading next-auth.

/** Refused at once because too much password work is already running and waiting: the caller says "try again shortly". */
export class PasswordWorkBusyError extends Error {
  constructor() {
    super("password work busy");
    this.name = "PasswordWorkBusyError";
  }
}

type WorkOptions = { refuseWhenFull?: boolean; key?: string };

/** A place taken in a limiter: a slot now, or a place in its queue. */
export type WorkSlot = {
  /** Runs `task` once the place is a slot, then gives it back. One task per place. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Gives the place back unused; after `run` it does nothing. */
  cancel(): void;
};

export type WorkLimiter = {
  /**
   * Takes a place at once, before the caller does its other work (sign-in reserves one before it writes the
   * attempt, so that a refused one writes nothing). With `refuseWhenFull` (the default) it throws
   * PasswordWorkBusyError if the queue is full, or if `key` already holds its share of running and waiting places.
   */
  reserve(options?: WorkOptions): WorkSlot;
  /** `reserve(options).run(task)`: rejects with PasswordWorkBusyError where `reserve` throws it. */
  run<T>(task: () => Promise<T>, options?: WorkOptions): Promise<T>;
  /** Places running (taken slots) and places waiting for a slot. */
  load(): { running: number; waiting: number };
};

/**
 * At most `concurrency` tasks at a time, at most `queue` more waiting in turn. Each argon2 hash takes about
 * 64 MiB and a core for a few hundred milliseconds on a libuv pool thread; the pool (4 threads by default) also
 * serves pg's connection handshakes (SCRAM), file reads and compression. Unbounded, a burst of sign-ins fills
 * the pool and the cores and the public pages wait behind it (issue 7, finding 3).
 *
 * A place with a `key` (sign-in passes the client's address) counts towards that key's share too: at most
 * `perKey` of the key's places running and waiting together. One client sending sign-ins in parallel would
 * otherwise hold every slot and every place in the queue, and everyone else's sign-in would be refused as busy
 * (issue 13, finding 3); with a share of two (one running, one waiting) it takes two places and is refused the
 * rest at once, and the queue's other places stay for other addresses. Two, not one, so that two people behind
 * one office address signing in at the same moment both get in. Work without a key (hashing by admins and
 * scripts) has no share.
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
  type Place = { key: string | undefined; wake: () => void };
  let running = 0;
  const waiting: Place[] = [];
  // Per key, only while the key has a place (at most concurrency + queue keys, plus patient work): its places,
  // and when it was last given a slot (a count of slots given).
  const held = new Map<string, number>();
  const servedAt = new Map<string, number>();
  let slotsGiven = 0;

  const grant = (key: string | undefined) => {
    running += 1;
    slotsGiven += 1;
    if (key !== undefined) servedAt.set(key, slotsGiven);
  };
  /**
   * Hands a freed slot to the waiting place whose key was given one longest ago (a key given none yet, or work
   * without a key, first; ties in turn): a burst's second place waits behind another address's first, so that
   * the other address waits for the hashes running now, not also for the places the burst queued before it.
   */
  const releaseSlot = () => {
    running -= 1;
    let index = -1;
    let oldest = Infinity;
    waiting.forEach((place, i) => {
      const served = place.key === undefined ? 0 : (servedAt.get(place.key) ?? 0);
      if (served < oldest) [index, oldest] = [i, served];
    });
    const [next] = index >= 0 ? waiting.splice(index, 1) : [];
    if (next) {
      grant(next.key);
      next.wake();
    }
  };
  const giveBackShare = (key: string | undefined) => {
    if (key === undefined) return;
    const left = (held.get(key) ?? 1) - 1;
    if (left > 0) {
      held.set(key, left);
      return;
    }
    held.delete(key);
    servedAt.delete(key);
  };

  const reserve = ({ refuseWhenFull = true, key }: WorkOptions = {}): WorkSlot => {
    if (refuseWhenFull && key !== undefined && (held.get(key) ?? 0) >= perKey) throw new PasswordWorkBusyError();
    if (refuseWhenFull && running >= concurrency && waiting.length >= queue) throw new PasswordWorkBusyError();
    if (key !== undefined) held.set(key, (held.get(key) ?? 0) + 1);
    let place: Place | undefined;
    let granted: Promise<void>;
    if (running < concurrency) {
      grant(key);
      granted = Promise.resolve();
    } else {
      // The slot is handed over by `releaseSlot`, which counts it as running before it wakes this place.
      granted = new Promise<void>((wake) => (place = { key, wake }));
      waiting.push(place!);
    }
    let started = false;
    let given = false;
    const giveBack = () => {
      if (given) return;
      given = true;
      giveBackShare(key);
      const index = place ? waiting.indexOf(place) : -1;
      if (index >= 0) waiting.splice(index, 1);
      else releaseSlot();
    };
    return {
      async run(task) {
        if (started || given) throw new Error("A work slot runs one task.");
        started = true;
        try {
          await granted;
          return await task();
        } finally {
          giveBack();
        }
      },
      cancel: () => {
        if (!started) giveBack();
      },
    };
  };

  return {
    reserve,
    run: async (task, options) => reserve(options).run(task),
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
 * holds its share of it: known and unknown emails alike. With `slot`, runs in a place the caller reserved.
 */
export async function verifyPassword(
  hash: string | undefined,
  password: string,
  { key, slot }: { key?: string; slot?: WorkSlot } = {},
): Promise<boolean> {
  const target = hash ?? DUMMY_HASH;
  const valid = await (slot ?? passwordWork.reserve({ key })).run(() => argon2.verify(target, password).catch(() => false));
  return valid && hash !== undefined;
}
