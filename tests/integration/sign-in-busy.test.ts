import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { clientAddressHeader } from "@/lib/http/incoming";
import { passwordWork } from "@/lib/auth/password";
import { attemptSignIn, authorizeSignIn, signInThrottle, type SignInOutcome } from "@/lib/auth/sign-in";
import { createStaffUser, prisma } from "./setup";

// Sign-in when password work (lib/auth/password.ts) is full or one address sends many attempts at once. The limits
// themselves are in sign-in-throttle.test.ts.

// argon2's verification waits while the test holds `hold`, so that a burst's hashes are still running when the
// next attempt arrives, however fast the machine.
const gate = vi.hoisted(() => ({ hold: null as Promise<void> | null }));
vi.mock("argon2", async (importOriginal) => {
  const actual = (await importOriginal<{ default: typeof import("argon2") }>()).default;
  return {
    default: {
      ...actual,
      verify: async (...args: Parameters<typeof actual.verify>) => {
        await gate.hold;
        return actual.verify(...args);
      },
    },
  };
});

afterAll(() => prisma.$disconnect());

const PASSWORD = "the right pass phrase";
const freshAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const unknownEmail = () => `nobody.${randomInt(1e9)}.${Date.now()}@interregio.example`;
const inPasswordWork = () => passwordWork.load().running + passwordWork.load().waiting;

async function until(condition: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("password work that is full", () => {
  it("refuses a sign-in at once as busy, with a retry seconds away, and counts nothing", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    // Fill every slot and every place in the queue with work that waits for the test.
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    expect(inPasswordWork()).toBe(0);
    const fillers: Promise<unknown>[] = [];
    // A limiter counts a task as soon as it is handed one; the first it refuses leaves the count as it was.
    for (let before = -1; before !== inPasswordWork();) {
      before = inPasswordWork();
      fillers.push(passwordWork.run(() => held).catch((error: unknown) => error));
    }
    try {
      const error = await authorizeSignIn(
        { email: user.email, password: PASSWORD },
        { headers: { [clientAddressHeader]: freshAddress() } },
      ).catch((caught: unknown) => caught);
      const match = /^busy:(.+)$/.exec((error as Error).message);
      expect(match).not.toBeNull();
      expect(new Date(match![1]!).getTime() - Date.now()).toBeLessThanOrEqual(signInThrottle.busyRetryMs);
      expect(await prisma.signInAttempt.count({ where: { email: user.email } })).toBe(0);
      expect(await prisma.auditEvent.count({ where: { entityType: "user", entityId: String(user.id) } })).toBe(0);
    } finally {
      finish();
      await Promise.all(fillers);
    }
  });
});

describe("a burst of sign-ins from one address", () => {
  it("takes its share of password work and no more: the editor's right password from another address is not refused as busy", async () => {
    const user = await createStaffUser("editor", PASSWORD);
    const attacker = freshAddress();
    let release!: () => void;
    gate.hold = new Promise<void>((resolve) => (release = resolve));
    try {
      const settled: SignInOutcome[] = [];
      const burst = Array.from({ length: 24 }, () =>
        attemptSignIn({ email: unknownEmail(), password: "guess" }, { clientAddress: attacker, now: new Date() }).then((outcome) => {
          settled.push(outcome);
          return outcome;
        }),
      );
      // Every attempt of the burst is either answered or holds a place in password work.
      await until(() => settled.length + inPasswordWork() === burst.length);
      const placesBefore = inPasswordWork();
      let editorSettled = false;
      const editor = attemptSignIn({ email: user.email, password: PASSWORD }, { clientAddress: freshAddress(), now: new Date() }).finally(
        () => (editorSettled = true),
      );
      await until(() => editorSettled || inPasswordWork() > placesBefore);
      release();

      expect(await editor).toMatchObject({ outcome: "signed_in", user: { email: user.email } });
      const outcomes = await Promise.all(burst);
      // One running and one waiting: the rest refused as busy before anything was written.
      expect(outcomes.filter((outcome) => outcome.outcome === "failed")).toHaveLength(2);
      expect(outcomes.filter((outcome) => outcome.outcome === "throttled" && outcome.by === "busy")).toHaveLength(22);
      expect(await prisma.signInAttempt.count({ where: { clientAddress: attacker } })).toBe(2);
    } finally {
      release();
      gate.hold = null;
    }
  }, 60_000);
});
