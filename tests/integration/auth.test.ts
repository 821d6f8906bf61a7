import { randomInt } from "node:crypto";
import argon2 from "argon2";
import { afterAll, describe, expect, it } from "vitest";
import { clientAddressHeader } from "@/lib/http/incoming";
import { authorizeSignIn, verifyCredentials } from "@/lib/auth/sign-in";
import { createStaffUser, prisma } from "./setup";

afterAll(() => prisma.$disconnect());

// Each test signs in from its own address, so that the address limit of one does not reach another
// (tests/integration/sign-in-throttle.test.ts covers the limits). The address is the one the app's server
// (scripts/serve.ts) writes from the socket.
const fromFreshAddress = () => ({ headers: { [clientAddressHeader]: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` } });

describe("authorizeSignIn", () => {
  it("signs in with the right password, and the email's case does not matter", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    const result = await authorizeSignIn({ email: user.email.toUpperCase(), password: "a long pass phrase" }, fromFreshAddress());
    expect(result).toEqual({ id: String(user.id), email: user.email, name: user.name, role: "editor" });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    const request = fromFreshAddress();
    expect(await authorizeSignIn({ email: user.email, password: "wrong" }, request)).toBeNull();
    expect(await authorizeSignIn({ email: `nobody.${Date.now()}@interregio.example`, password: "wrong" }, request)).toBeNull();
  });

  it("refuses a disabled account and malformed input", async () => {
    const user = await createStaffUser("admin", "a long pass phrase");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const request = fromFreshAddress();
    expect(await authorizeSignIn({ email: user.email, password: "a long pass phrase" }, request)).toBeNull();
    expect(await authorizeSignIn({ email: "not an email", password: "x" }, request)).toBeNull();
    expect(await authorizeSignIn(undefined, undefined)).toBeNull();
  });

  it("records each attempt, by the email as typed (folded) and the address, but not malformed ones", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    const request = fromFreshAddress();
    await authorizeSignIn({ email: ` ${user.email.toUpperCase()}`, password: "wrong" }, request);
    await authorizeSignIn({ email: user.email, password: "a long pass phrase" }, request);
    await authorizeSignIn({ email: user.email, password: "" }, request);
    const attempts = await prisma.signInAttempt.findMany({ where: { email: user.email }, orderBy: { id: "asc" } });
    expect(attempts.map((attempt) => [attempt.clientAddress, attempt.succeeded])).toEqual([
      [request.headers[clientAddressHeader], false],
      [request.headers[clientAddressHeader], true],
    ]);
  });
});

describe("hashes made with older parameters", () => {
  it("are made anew, with one lane, at the next sign-in, and the password still works", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    // argon2's default of four lanes, as hashes were made before.
    const old = await argon2.hash("a long pass phrase", { type: argon2.argon2id });
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: old } });
    const request = fromFreshAddress();
    expect(await authorizeSignIn({ email: user.email, password: "a long pass phrase" }, request)).toMatchObject({ id: String(user.id) });
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$/);
    expect(await authorizeSignIn({ email: user.email, password: "a long pass phrase" }, request)).toMatchObject({ id: String(user.id) });
    expect(await authorizeSignIn({ email: user.email, password: "a long pass phrasE" }, request)).toBeNull();
  });
});

describe("verifyCredentials, the bare check", () => {
  it("checks without recording an attempt", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    expect(await verifyCredentials({ email: user.email, password: "a long pass phrase" })).toMatchObject({ id: String(user.id) });
    expect(await verifyCredentials({ email: user.email, password: "wrong" })).toBeNull();
    expect(await prisma.signInAttempt.count({ where: { email: user.email } })).toBe(0);
  });
});

describe("password hashes", () => {
  it("stores argon2id hashes and never returns them from ordinary queries", async () => {
    const user = await createStaffUser("editor");
    const withHash = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(withHash.passwordHash).toMatch(/^\$argon2id\$/);
    const ordinary = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(ordinary).not.toHaveProperty("passwordHash");
  });
});
