import "server-only";
import { isIP } from "node:net";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { clientAddressHeader, trustedProxyHops } from "@/lib/http/incoming";
import { countSignInRefusal } from "@/lib/metrics";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, needsRehash, passwordWork, PasswordWorkBusyError, verifyPassword, type WorkSlot } from "@/lib/auth/password";

// Sign-in checks, apart from next-auth's configuration (lib/auth/options.ts): the credentials provider calls
// `authorizeSignIn`, which throttles, checks the password and writes the sign-in audit events.

const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * The throttle, after OWASP's authentication cheat sheet: failures are limited per account and address pair,
 * so that someone failing on an account from one address locks only that pair, and the owner, from an address
 * with no failures on the account, still signs in. A higher limit on the account from every address together
 * still stops guessing spread over many addresses (a password spray), and a limit per address stops one
 * address guessing at many accounts. Failures are counted in PostgreSQL (sign_in_attempts), so every app
 * instance sees the same count. An account's failures, and a pair's, count from its last success; an
 * address's do not, or one valid account would clear the way for guessing at all the others from there.
 */
export const signInThrottle = {
  windowMs: 15 * 60_000,
  /** Failures on one account from one address. */
  pairFailures: 5,
  /** Failures on one account from every address together. */
  accountFailures: 50,
  /** Failures from one address, on any accounts. */
  addressFailures: 20,
  /** The wait after the failure that reaches a limit; it doubles with each further failure, up to `maxDelayMs`. */
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  /** When password work is already full, or this address already holds its share of it (lib/auth/password.ts): try again shortly. */
  busyRetryMs: 5_000,
  /** Attempts older than this are deleted, a few at a time, by later attempts. */
  keepMs: 24 * 60 * 60_000,
  pruneBatch: 100,
} as const;

/** What a limit counts: `pair` an account's failures from one address, `account` its failures from all, `address` one address's on all accounts. */
export type ThrottleScope = "pair" | "account" | "address";

const limits: Record<ThrottleScope, number> = {
  pair: signInThrottle.pairFailures,
  account: signInThrottle.accountFailures,
  address: signInThrottle.addressFailures,
};

export type SignedInUser = { id: string; email: string; name: string; role: "admin" | "editor" };

export type SignInOutcome =
  | { outcome: "signed_in"; user: SignedInUser }
  | { outcome: "failed" }
  | { outcome: "throttled"; retryAt: Date; by: ThrottleScope | "busy" };

/** The wait before the next attempt after `failures` failures in the window: none below `limit`, then 30 s, 1 min, 2 min, ... 15 min. */
export function throttleDelayMs(failures: number, limit: number) {
  if (failures < limit) return 0;
  return Math.min(signInThrottle.firstDelayMs * 2 ** (failures - limit), signInThrottle.maxDelayMs);
}

/**
 * One sign-in attempt at `now` from `clientAddress`. An attempt that would find password work full is refused
 * first, and a throttled one before any lock or password work; neither is recorded (a refusal neither extends
 * the wait nor costs a write). Otherwise the attempt is recorded as a failure before the password is checked,
 * in a transaction that holds the account's and the address's locks while it counts: parallel guesses cannot
 * all slip under a limit. The password check runs outside any transaction (it takes a few hundred milliseconds
 * and must not hold a database connection); a second transaction then writes the outcome with its audit events.
 */
export async function attemptSignIn(input: unknown, { clientAddress, now }: { clientAddress: string; now: Date }): Promise<SignInOutcome> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return { outcome: "failed" };
  const { email, password } = parsed.data;

  // The place in password work is taken first, in memory: an attempt refused as busy (this address already
  // holds its share, or the queue is full) costs no query and writes nothing, and is not counted as a guess.
  let slot: WorkSlot;
  try {
    slot = passwordWork.reserve({ key: clientAddress });
  } catch (error) {
    if (!(error instanceof PasswordWorkBusyError)) throw error;
    return { outcome: "throttled", retryAt: new Date(now.getTime() + signInThrottle.busyRetryMs), by: "busy" };
  }
  let reserved: Awaited<ReturnType<typeof reserveAttempt>>;
  let valid: boolean;
  try {
    // What a limit refuses already is refused from one plain read of the counts, before any lock, write or
    // password work: an address over its limit costs one indexed query, not a queue on its advisory lock
    // (which holds a pooled connection while it waits) and a transaction. A plain read rather than an
    // in-process cache of refused addresses, because the counts live in PostgreSQL for every instance (a cache
    // knows only what its own process refused, and must be bounded against an attacker with many addresses).
    // The read is not the decision for the attempts it lets through: the locked transaction counts again.
    // Measured on two cores shared with other builds: a refused attempt took a third to a quarter of the time
    // of the locked way (p50 1.3-6 ms against 3-19 ms), and another client's query during 24 refusals at once
    // from one address 4-20 ms against 65-250 ms.
    const refused = refusalOf(await currentRuns(db(), email, clientAddress, now), now);
    if (refused) return refused;
    reserved = await reserveAttempt(email, clientAddress, now);
    if (reserved.outcome === "throttled") return reserved;
    valid = await verifyPassword(reserved.user?.passwordHash, password, { slot });
  } finally {
    slot.cancel();
  }

  const { attemptId, failuresIfWrong, user } = reserved;
  const refusedAccount = user && (user.disabledAt || user.archivedAt);
  const succeeded = !!user && valid && !refusedAccount;
  // A hash made with older parameters is made anew while the password is at hand (once per account).
  const rehashed = succeeded && needsRehash(user.passwordHash) ? await hashPassword(password) : null;

  // Unknown emails take this transaction too (pruning only), so that they answer no sooner than known ones.
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM sign_in_attempts
       WHERE id IN (SELECT id FROM sign_in_attempts ORDER BY id LIMIT ${signInThrottle.pruneBatch})
         AND at < ${new Date(now.getTime() - signInThrottle.keepMs)}`;
    if (!user) return;
    if (succeeded) {
      await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
      // Only if the hash is still the one checked: a password changed meanwhile stays changed.
      if (rehashed) await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: rehashed } });
      await recordAuditEvent(tx, { actorId: user.id, action: "user.sign_in", entityId: user.id, after: { clientAddress } });
      return;
    }
    // Never the typed password, not even in part: only where the attempt came from and why it failed.
    const reason = refusedAccount ? (user.disabledAt ? "account disabled" : "account archived") : "wrong password";
    await recordAuditEvent(tx, { actorId: user.id, action: "user.sign_in_failed", entityId: user.id, after: { clientAddress, reason } });
    // A lockout event when this failure reaches the pair's limit, and another when it reaches the account's.
    for (const scope of ["pair", "account"] as const) {
      if (failuresIfWrong[scope] !== limits[scope]) continue;
      const until = new Date(now.getTime() + throttleDelayMs(limits[scope], limits[scope]));
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "user.lockout",
        entityId: user.id,
        after: { clientAddress, failures: limits[scope], until: until.toISOString(), limit: lockoutLimitNames[scope] },
      });
    }
  });
  if (!succeeded || !user) return { outcome: "failed" };
  return { outcome: "signed_in", user: { id: String(user.id), email: user.email, name: user.name, role: user.role } };
}

/** What a lockout event says was reached, for the activity log. */
const lockoutLimitNames = { pair: "this account from this address", account: "this account from every address" } as const;

/**
 * Counts again under the account's and the address's locks (always in that order, so two attempts never wait
 * for each other's), and records the attempt as a failure unless a limit refuses it.
 */
async function reserveAttempt(email: string, clientAddress: string, now: Date) {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:account:${email}`}, 0))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:address:${clientAddress}`}, 0))`;
    const runs = await currentRuns(tx, email, clientAddress, now);
    const refused = refusalOf(runs, now);
    if (refused) return refused;
    const attempt = await tx.signInAttempt.create({ data: { email, clientAddress, at: now, succeeded: false }, select: { id: true } });
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, archivedAt: true },
    });
    const failuresIfWrong = { pair: runs.pair.failures + 1, account: runs.account.failures + 1 };
    return { outcome: "reserved" as const, attemptId: attempt.id, failuresIfWrong, user };
  });
}

type Run = { failures: number; latest: Date | null };

/**
 * The current run of failures of each scope, in one query. A run is the latest failures with no pause of more
 * than the window between one and the next, and the latest within the window of `now`. A run that keeps
 * failing as soon as it may keeps its count, so the wait keeps growing to its cap; 15 quiet minutes end it.
 * The pair's and the account's failures count from their last success, the address's from none.
 */
async function currentRuns(
  client: Pick<Tx, "$queryRaw">,
  email: string,
  clientAddress: string,
  now: Date,
): Promise<Record<ThrottleScope, Run>> {
  const fromLastSuccess = (where: Prisma.Sql) =>
    Prisma.sql`${where} AND id > COALESCE((SELECT max(id) FROM sign_in_attempts WHERE ${where} AND succeeded), 0)`;
  const rows = await client.$queryRaw<(Run & { scope: ThrottleScope })[]>`
    ${runOf("pair", fromLastSuccess(Prisma.sql`email = ${email} AND client_address = ${clientAddress}`), now)}
    UNION ALL ${runOf("account", fromLastSuccess(Prisma.sql`email = ${email}`), now)}
    UNION ALL ${runOf("address", Prisma.sql`client_address = ${clientAddress}`, now)}`;
  const none: Run = { failures: 0, latest: null };
  const runs: Record<ThrottleScope, Run> = { pair: none, account: none, address: none };
  for (const { scope, failures, latest } of rows) runs[scope] = { failures, latest };
  return runs;
}

function runOf(scope: ThrottleScope, where: Prisma.Sql, now: Date) {
  const windowSeconds = signInThrottle.windowMs / 1000;
  return Prisma.sql`(
    WITH failures AS (
      SELECT at, EXTRACT(EPOCH FROM at - lag(at) OVER (ORDER BY at, id)) AS gap FROM sign_in_attempts
       WHERE ${where} AND NOT succeeded AND at > ${new Date(now.getTime() - signInThrottle.keepMs)} AND at <= ${now}
    ), run AS (
      SELECT max(at) AS started FROM failures WHERE gap IS NULL OR gap > ${windowSeconds}
    )
    SELECT ${scope}::text AS scope, count(*)::int AS failures, max(at) AS latest FROM failures, run
     WHERE failures.at >= run.started AND (SELECT max(at) FROM failures) > ${new Date(now.getTime() - signInThrottle.windowMs)})`;
}

/** The refusal of the limit that holds longest, or null when none holds at `now`. */
function refusalOf(runs: Record<ThrottleScope, Run>, now: Date): Extract<SignInOutcome, { outcome: "throttled" }> | null {
  let refusal: Extract<SignInOutcome, { outcome: "throttled" }> | null = null;
  for (const scope of ["pair", "account", "address"] as const) {
    const { failures, latest } = runs[scope];
    const delay = throttleDelayMs(failures, limits[scope]);
    if (delay === 0 || !latest) continue;
    const retryAt = new Date(latest.getTime() + delay);
    if (retryAt > now && (!refusal || retryAt > refusal.retryAt)) refusal = { outcome: "throttled", retryAt, by: scope };
  }
  return refusal;
}

/**
 * next-auth's `authorize(credentials, req)`: the user, or null for a wrong email or password (one answer for
 * both), or an Error that next-auth hands to the sign-in form as `error`: `throttled:<ISO time>` when the
 * account or address must wait, `busy:<ISO time>` when password work is full (lib/auth/password.ts).
 */
export async function authorizeSignIn(credentials: unknown, request: { headers?: Record<string, unknown> } | undefined) {
  const result = await attemptSignIn(credentials, { clientAddress: clientAddressOf(request?.headers), now: new Date() });
  if (result.outcome !== "signed_in") {
    countSignInRefusal(result.outcome === "failed" ? "wrong_credentials" : result.by === "busy" ? "busy" : `throttled_${result.by}`);
  }
  if (result.outcome === "throttled") throw new Error(`${result.by === "busy" ? "busy" : "throttled"}:${result.retryAt.toISOString()}`);
  return result.outcome === "signed_in" ? result.user : null;
}

/**
 * A request header as next-auth hands it over: one value, or several for a repeated header. Node refuses a
 * request whose headers pass 16 KiB, so no single value is longer; anything else counts as absent.
 */
const HeaderValueSchema = z.union([z.string().max(16_384), z.array(z.string().max(16_384)).max(64)]);

function headerText(value: unknown): string {
  const parsed = HeaderValueSchema.safeParse(value);
  if (!parsed.success) return "";
  return Array.isArray(parsed.data) ? parsed.data.join(",") : parsed.data;
}

/**
 * Where an attempt came from. next-auth 4 passes the request's headers only (no socket), so the app's server
 * (scripts/serve.ts, lib/http/incoming.ts) writes the socket's address into `clientAddressHeader`, replacing
 * any copy the client sent. By default (TRUSTED_PROXY unset) that is the address: a client that sends its own
 * X-Forwarded-For cannot choose another, so it cannot rotate it past the address limit (issue 13, finding 3).
 * Behind reverse proxies that append to X-Forwarded-For (TRUSTED_PROXY=1, or the number of proxies in a chain)
 * the address is the entry that many places from the right, what the nearest trusted proxy saw, never what the
 * client claims in the entries before it; without the header (a request that reached the app directly) it is
 * the socket's. IPv6 addresses count by their /64 network, which one client usually holds whole; anything
 * unreadable, or no address at all (a server other than scripts/serve.ts), counts as "unknown".
 */
export function clientAddressOf(headers: Record<string, unknown> | undefined, hops = trustedProxyHops()): string {
  const socketAddress = headerText(headers?.[clientAddressHeader]);
  if (hops === 0) return normalizeAddress(socketAddress);
  const entries = headerText(headers?.["x-forwarded-for"])
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return normalizeAddress(socketAddress);
  return normalizeAddress(entries[Math.max(0, entries.length - hops)] ?? "");
}

function normalizeAddress(raw: string): string {
  let address = raw;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(address)) address = address.slice(7);
  if (isIP(address) === 4) return address;
  if (isIP(address) === 6) return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
  return "unknown";
}

/** The eight groups of a valid IPv6 address, without leading zeros; an embedded IPv4 tail (::1.2.3.4) fills two. */
function expandIpv6(address: string): string[] {
  const groupsOf = (part: string) =>
    part
      .split(":")
      .filter(Boolean)
      .flatMap((group) => {
        if (!group.includes(".")) return [group];
        const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
        return [(a * 256 + b).toString(16), (c * 256 + d).toString(16)];
      });
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}

/** Checks an email and password only: no throttle, no record, no audit event. Sign-in goes through `authorizeSignIn`. */
export async function verifyCredentials(input: unknown) {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db().user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, archivedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !valid || user.disabledAt || user.archivedAt) return null;
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}
