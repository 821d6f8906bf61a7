import { randomInt } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clientAddressHeader } from "@/lib/http/incoming";
import { attemptSignIn, authorizeSignIn, signInThrottle } from "@/lib/auth/sign-in";
import { createStaffUser, databaseUrl, prisma } from "./setup";

// Counts argon2 verifications, to show that a refused attempt does no password work at all.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("argon2", async (importOriginal) => {
  const actual = (await importOriginal<{ default: typeof import("argon2") }>()).default;
  return {
    default: {
      ...actual,
      verify: (...args: Parameters<typeof actual.verify>) => {
        verifications.count += 1;
        return actual.verify(...args);
      },
    },
  };
});

afterAll(() => prisma.$disconnect());
beforeEach(() => {
  verifications.count = 0;
});

const PASSWORD = "the right pass phrase";
const seconds = (n: number) => n * 1000;

/** A clock the test moves by hand, starting now (rows from earlier runs fall outside each test's own keys). */
function createClock() {
  let time = Date.now();
  return { now: () => new Date(time), advance: (ms: number) => (time += ms) };
}

/** An address no other test or earlier run uses. */
const freshAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const unknownEmail = () => `nobody.${randomInt(1e9)}.${Date.now()}@interregio.example`;

function auditEventsOf(userId: number) {
  return prisma.auditEvent.findMany({ where: { entityType: "user", entityId: String(userId) }, orderBy: { id: "asc" } });
}

describe("the limit on an account from one address", () => {
  it("refuses the sixth attempt after five failures, without checking the password, and says when to try again", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const clock = createClock();
    const from = { clientAddress: freshAddress() };
    let lastFailure = clock.now();
    for (let i = 0; i < 5; i++) {
      clock.advance(seconds(2));
      lastFailure = clock.now();
      expect(await attemptSignIn({ email: user.email, password: `wrong ${i}` }, { ...from, now: clock.now() })).toEqual({
        outcome: "failed",
      });
    }
    expect(verifications.count).toBe(5);

    clock.advance(seconds(10));
    const refused = await attemptSignIn({ email: user.email, password: PASSWORD }, { ...from, now: clock.now() });
    expect(refused).toEqual({ outcome: "throttled", by: "pair", retryAt: new Date(lastFailure.getTime() + seconds(30)) });
    expect(verifications.count).toBe(5);
    // A refused attempt is not recorded: it neither extends the wait nor costs a write.
    expect(await prisma.signInAttempt.count({ where: { email: user.email } })).toBe(5);
    // The email's case and spaces make no difference to whose attempts they are.
    expect(
      await attemptSignIn({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD }, { ...from, now: clock.now() }),
    ).toMatchObject({
      outcome: "throttled",
      by: "pair",
    });
    expect(verifications.count).toBe(5);
  });

  it("lets the owner's right password in from an address with no failures while another address has locked the account there", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const clock = createClock();
    const attacker = { clientAddress: freshAddress() };
    for (let i = 0; i < 5; i++) {
      clock.advance(seconds(1));
      await attemptSignIn({ email: user.email, password: `guess ${i}` }, { ...attacker, now: clock.now() });
    }
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...attacker, now: clock.now() })).toMatchObject({
      outcome: "throttled",
      by: "pair",
    });
    const owner = { clientAddress: freshAddress() };
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...owner, now: clock.now() })).toMatchObject({
      outcome: "signed_in",
    });
    // The owner's success does not clear the attacker's pair: it counts from that pair's own last success.
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...attacker, now: clock.now() })).toMatchObject({
      outcome: "throttled",
      by: "pair",
    });
    // And the owner, mistyping once, is still in on the next try.
    expect(await attemptSignIn({ email: user.email, password: "typo" }, { ...owner, now: clock.now() })).toEqual({ outcome: "failed" });
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...owner, now: clock.now() })).toMatchObject({
      outcome: "signed_in",
    });
  });

  it("makes each further failure wait twice as long, up to 15 minutes after the latest failure", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const clock = createClock();
    const from = { clientAddress: freshAddress() };
    const attempt = (password: string) => attemptSignIn({ email: user.email, password }, { ...from, now: clock.now() });
    for (let i = 0; i < 5; i++) await attempt("wrong");

    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const refused = await attempt("wrong");
      if (refused.outcome !== "throttled") throw new Error(`attempt ${i} was not refused: ${refused.outcome}`);
      const wait = refused.retryAt.getTime() - clock.now().getTime();
      waits.push(wait / 1000);
      clock.advance(wait - 1);
      expect(await attempt("wrong"), "a millisecond early").toMatchObject({ outcome: "throttled" });
      clock.advance(1);
      expect(await attempt("wrong"), "on time, and wrong again").toEqual({ outcome: "failed" });
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  }, 60_000);

  it("counts from the last success: history is kept, but a right password starts the count again", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const clock = createClock();
    const from = { clientAddress: freshAddress() };
    const attempt = (password: string) => attemptSignIn({ email: user.email, password }, { ...from, now: clock.now() });
    for (let i = 0; i < 4; i++) await attempt("wrong");
    expect(await attempt(PASSWORD)).toEqual({
      outcome: "signed_in",
      user: { id: String(user.id), email: user.email, name: user.name, role: "editor" },
    });
    for (let i = 0; i < 4; i++) expect(await attempt("wrong")).toEqual({ outcome: "failed" });
    expect(await attempt("wrong")).toEqual({ outcome: "failed" });
    expect(await attempt(PASSWORD)).toMatchObject({ outcome: "throttled", by: "pair" });
    const rows = await prisma.signInAttempt.findMany({ where: { email: user.email }, orderBy: { id: "asc" }, select: { succeeded: true } });
    expect(rows.map((row) => row.succeeded)).toEqual([false, false, false, false, true, false, false, false, false, false]);
  });

  it("throttles an unknown email exactly as a known one, so the limit does not tell which emails have accounts", async () => {
    const clock = createClock();
    const from = { clientAddress: freshAddress() };
    const email = unknownEmail();
    for (let i = 0; i < 5; i++)
      expect(await attemptSignIn({ email, password: "guess" }, { ...from, now: clock.now() })).toEqual({ outcome: "failed" });
    expect(verifications.count).toBe(5);
    expect(await attemptSignIn({ email, password: "guess" }, { ...from, now: clock.now() })).toMatchObject({
      outcome: "throttled",
      by: "pair",
    });
  });
});

describe("the limit on an account from every address", () => {
  it("stops guessing spread over many addresses at 50 failures, from a clean address too, with one lockout event", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const clock = createClock();
    // Two guesses from each of 25 addresses: no pair and no address comes near its own limit.
    for (let address = 0; address < 25; address++) {
      const from = { clientAddress: freshAddress() };
      for (let guess = 0; guess < 2; guess++) {
        clock.advance(seconds(1));
        expect(await attemptSignIn({ email: user.email, password: `guess ${guess}` }, { ...from, now: clock.now() })).toEqual({
          outcome: "failed",
        });
      }
    }
    const lastFailure = clock.now();
    expect(verifications.count).toBe(50);
    const owner = { clientAddress: freshAddress() };
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...owner, now: clock.now() })).toEqual({
      outcome: "throttled",
      by: "account",
      retryAt: new Date(lastFailure.getTime() + seconds(30)),
    });
    expect(verifications.count).toBe(50);
    const lockouts = (await auditEventsOf(user.id)).filter((event) => event.action === "user.lockout");
    expect(lockouts.map((event) => event.after)).toEqual([
      {
        clientAddress: expect.any(String),
        failures: 50,
        until: new Date(lastFailure.getTime() + seconds(30)).toISOString(),
        limit: "this account from every address",
      },
    ]);
    clock.advance(seconds(30));
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...owner, now: clock.now() })).toMatchObject({
      outcome: "signed_in",
    });
    // Fifty real password checks: a second each on a loaded two-core machine.
  }, 240_000);
});

describe("the address limit", () => {
  it("refuses an address after 20 failures across different accounts, whoever it tries next, and not other addresses", async () => {
    const clock = createClock();
    const from = { clientAddress: freshAddress() };
    const user = await createStaffUser("editor", PASSWORD);
    // Four guesses at each of five emails: no account reaches its own limit.
    for (let account = 0; account < 5; account++) {
      const email = unknownEmail();
      for (let guess = 0; guess < 4; guess++) {
        clock.advance(seconds(1));
        expect(await attemptSignIn({ email, password: `guess ${guess}` }, { ...from, now: clock.now() })).toEqual({ outcome: "failed" });
      }
    }
    const lastFailure = clock.now();
    clock.advance(seconds(1));
    const before = verifications.count;
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...from, now: clock.now() })).toEqual({
      outcome: "throttled",
      by: "address",
      retryAt: new Date(lastFailure.getTime() + seconds(30)),
    });
    expect(verifications.count).toBe(before);
    // The same account from elsewhere is fine: it has no failures of its own.
    expect(
      await attemptSignIn({ email: user.email, password: PASSWORD }, { clientAddress: freshAddress(), now: clock.now() }),
    ).toMatchObject({
      outcome: "signed_in",
    });
    // A success does not clear the address: one valid account must not open the way to guessing at the others.
    expect(await attemptSignIn({ email: unknownEmail(), password: "guess" }, { ...from, now: clock.now() })).toMatchObject({
      outcome: "throttled",
    });
    clock.advance(seconds(30));
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...from, now: clock.now() })).toMatchObject({
      outcome: "signed_in",
    });
  }, 60_000);

  it("refuses an address over its limit from a plain read: no advisory lock waited for, no row written, no password work", async () => {
    const clientAddress = freshAddress();
    const now = new Date();
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        email: unknownEmail(),
        clientAddress,
        at: new Date(now.getTime() - seconds(20 - i)),
        succeeded: false,
      })),
    });
    // Another session holds the address's lock, as a queue of attempts from the address would: a refusal that
    // took the lock would wait for it.
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`sign-in:address:${clientAddress}`]);
      const refusal = attemptSignIn({ email: unknownEmail(), password: "guess" }, { clientAddress, now });
      const waited = new Promise((resolve) => setTimeout(() => resolve("waited for the lock"), seconds(3)));
      expect(await Promise.race([refusal, waited])).toEqual({
        outcome: "throttled",
        by: "address",
        retryAt: new Date(now.getTime() - seconds(1) + seconds(30)),
      });
    } finally {
      await holder.end();
    }
    expect(await prisma.signInAttempt.count({ where: { clientAddress } })).toBe(20);
    expect(verifications.count).toBe(0);
  });
});

describe("several app instances", () => {
  /** A second copy of the sign-in module with its own database client and its own password queue: it shares only PostgreSQL. */
  async function loadSecondInstance() {
    const global = globalThis as unknown as { interregioPrisma?: unknown };
    const first = global.interregioPrisma;
    vi.resetModules();
    global.interregioPrisma = undefined;
    const second = await import("@/lib/auth/sign-in");
    await second.attemptSignIn(undefined, { clientAddress: "unknown", now: new Date() });
    const secondClient = global.interregioPrisma as { $disconnect(): Promise<void> } | undefined;
    global.interregioPrisma = first;
    return { attemptSignIn: second.attemptSignIn, close: () => secondClient?.$disconnect() };
  }

  it("see the same failures: three on one and two on the other lock the account on both", async () => {
    const other = await loadSecondInstance();
    try {
      const user = await createStaffUser("editor", PASSWORD);
      const clock = createClock();
      const from = { clientAddress: freshAddress() };
      for (let i = 0; i < 3; i++) await attemptSignIn({ email: user.email, password: "wrong" }, { ...from, now: clock.now() });
      for (let i = 0; i < 2; i++)
        expect(await other.attemptSignIn({ email: user.email, password: "wrong" }, { ...from, now: clock.now() })).toEqual({
          outcome: "failed",
        });
      expect(await attemptSignIn({ email: user.email, password: PASSWORD }, { ...from, now: clock.now() })).toMatchObject({
        outcome: "throttled",
      });
      expect(await other.attemptSignIn({ email: user.email, password: PASSWORD }, { ...from, now: clock.now() })).toMatchObject({
        outcome: "throttled",
      });
    } finally {
      await other.close();
    }
  });

  it("let no parallel guesses slip past a limit, however the guesses are spread over the instances", async () => {
    const other = await loadSecondInstance();
    try {
      const user = await createStaffUser("editor", PASSWORD);
      const now = new Date();
      const guess = (i: number, clientAddress: string) =>
        (i % 2 ? other.attemptSignIn : attemptSignIn)({ email: user.email, password: `guess ${i}` }, { clientAddress, now });
      // 48 failures from 48 addresses, then 12 guesses at once from 12 more: two reach the account's 50.
      await prisma.signInAttempt.createMany({
        data: Array.from({ length: 48 }, (_, i) => ({
          email: user.email,
          clientAddress: freshAddress(),
          at: new Date(now.getTime() - seconds(48 - i)),
          succeeded: false,
        })),
      });
      const spread = await Promise.all(Array.from({ length: 12 }, (_, i) => guess(i, freshAddress())));
      expect(spread.filter((outcome) => outcome.outcome === "failed")).toHaveLength(2);
      expect(spread.filter((outcome) => outcome.outcome === "throttled" && outcome.by === "account")).toHaveLength(10);
      expect(await prisma.signInAttempt.count({ where: { email: user.email } })).toBe(50);

      // Four failures of a pair, then four at once from the same address (two per instance, its share of
      // password work on each): one reaches the pair's five.
      const second = await createStaffUser("editor", PASSWORD);
      const clientAddress = freshAddress();
      await prisma.signInAttempt.createMany({
        data: Array.from({ length: 4 }, (_, i) => ({
          email: second.email,
          clientAddress,
          at: new Date(now.getTime() - seconds(4 - i)),
          succeeded: false,
        })),
      });
      const paired = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          (i % 2 ? other.attemptSignIn : attemptSignIn)({ email: second.email, password: `guess ${i}` }, { clientAddress, now }),
        ),
      );
      expect(paired.filter((outcome) => outcome.outcome === "failed")).toHaveLength(1);
      expect(paired.filter((outcome) => outcome.outcome === "throttled" && outcome.by === "pair")).toHaveLength(3);
    } finally {
      await other.close();
    }
  }, 60_000);
});

describe("audit events", () => {
  it("records failures and the lockout of a known account, never the typed password, and a sign-in with its address", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const clock = createClock();
    const from = { clientAddress: freshAddress() };
    for (let i = 0; i < 5; i++) await attemptSignIn({ email: user.email, password: `secret guess ${i}` }, { ...from, now: clock.now() });
    // Refused attempts write nothing.
    await attemptSignIn({ email: user.email, password: "secret guess 5" }, { ...from, now: clock.now() });
    clock.advance(seconds(30));
    await attemptSignIn({ email: user.email, password: PASSWORD }, { ...from, now: clock.now() });

    const events = await auditEventsOf(user.id);
    expect(events.map((event) => event.action)).toEqual([...Array(5).fill("user.sign_in_failed"), "user.lockout", "user.sign_in"]);
    expect(events.every((event) => event.actorId === user.id)).toBe(true);
    expect(events[0]!.after).toEqual({ clientAddress: from.clientAddress, reason: "wrong password" });
    expect(events[5]!.after).toMatchObject({ failures: 5, clientAddress: from.clientAddress, limit: "this account from this address" });
    expect(events[6]!.after).toEqual({ clientAddress: from.clientAddress });
    const stored = JSON.stringify(events.map((event) => [event.before, event.after]));
    expect(stored).not.toContain("secret guess");
    expect(stored).not.toContain(PASSWORD);
  });

  it("records a right password on a disabled account as a failure with its reason, and nothing for an unknown email", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const from = { clientAddress: freshAddress(), now: new Date() };
    expect(await attemptSignIn({ email: user.email, password: PASSWORD }, from)).toEqual({ outcome: "failed" });
    expect((await auditEventsOf(user.id)).map((event) => [event.action, event.after])).toEqual([
      ["user.sign_in_failed", { clientAddress: from.clientAddress, reason: "account disabled" }],
    ]);

    const eventsBefore = await prisma.auditEvent.count();
    const email = unknownEmail();
    await attemptSignIn({ email, password: "guess" }, from);
    expect(await prisma.auditEvent.count()).toBe(eventsBefore);
    expect(await prisma.signInAttempt.count({ where: { email } })).toBe(1);
  });

  it("writes nothing half: a failing audit write leaves the attempt recorded as a failure, not a success", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const from = { clientAddress: freshAddress(), now: new Date() };
    // The audit log refuses this one action for the moment, as a broken write would.
    await prisma.$executeRawUnsafe(`ALTER TABLE audit_events ADD CONSTRAINT test_no_sign_in CHECK (action <> 'user.sign_in') NOT VALID`);
    try {
      await expect(attemptSignIn({ email: user.email, password: PASSWORD }, from)).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE audit_events DROP CONSTRAINT test_no_sign_in`);
    }
    expect(await prisma.signInAttempt.findMany({ where: { email: user.email }, select: { succeeded: true } })).toEqual([
      { succeeded: false },
    ]);
    expect(await auditEventsOf(user.id)).toEqual([]);
  });
});

describe("authorizeSignIn, as next-auth calls it", () => {
  it("answers the user, null for a wrong password, and throws `throttled:<time>` once throttled", async () => {
    const user = await createStaffUser("admin", PASSWORD);
    const request = { headers: { [clientAddressHeader]: freshAddress() } };
    expect(await authorizeSignIn({ email: user.email, password: PASSWORD }, request)).toEqual({
      id: String(user.id),
      email: user.email,
      name: user.name,
      role: "admin",
    });
    for (let i = 0; i < 5; i++) expect(await authorizeSignIn({ email: user.email, password: "wrong" }, request)).toBeNull();
    const error = await authorizeSignIn({ email: user.email, password: PASSWORD }, request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const match = /^throttled:(.+)$/.exec((error as Error).message);
    expect(match).not.toBeNull();
    const retryAt = new Date(match![1]!).getTime();
    expect(retryAt - Date.now()).toBeGreaterThan(seconds(20));
    expect(retryAt - Date.now()).toBeLessThanOrEqual(seconds(30));
  });
});

describe("old attempts", () => {
  it("are deleted a bounded batch at a time by later attempts, once older than a day", async () => {
    await prisma.signInAttempt.deleteMany({});
    const old = new Date(Date.now() - signInThrottle.keepMs - seconds(60));
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 150 }, () => ({ email: "old@interregio.example", clientAddress: "192.0.2.1", at: old, succeeded: false })),
    });
    const from = { clientAddress: freshAddress(), now: new Date() };
    await attemptSignIn({ email: unknownEmail(), password: "guess" }, from);
    expect(await prisma.signInAttempt.count({ where: { email: "old@interregio.example" } })).toBe(50);
    await attemptSignIn({ email: unknownEmail(), password: "guess" }, from);
    expect(await prisma.signInAttempt.count({ where: { email: "old@interregio.example" } })).toBe(0);
    expect(await prisma.signInAttempt.count()).toBe(2);
  });
});
