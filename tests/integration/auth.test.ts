import { afterAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/sign-in";
import { createStaffUser, prisma } from "./setup";

afterAll(() => prisma.$disconnect());

describe("verifyCredentials", () => {
  it("signs in with the right password, and the email's case does not matter", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: "a long pass phrase" });
    expect(result).toEqual({ id: String(user.id), email: user.email, name: user.name, role: "editor" });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const user = await createStaffUser("editor", "a long pass phrase");
    expect(await verifyCredentials({ email: user.email, password: "wrong" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@interregio.example", password: "wrong" })).toBeNull();
  });

  it("refuses a disabled account and malformed input", async () => {
    const user = await createStaffUser("admin", "a long pass phrase");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials({ email: user.email, password: "a long pass phrase" })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: "x" })).toBeNull();
    expect(await verifyCredentials(undefined)).toBeNull();
  });

  it("stores argon2id hashes and never returns them from ordinary queries", async () => {
    const user = await createStaffUser("editor");
    const withHash = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(withHash.passwordHash).toMatch(/^\$argon2id\$/);
    const ordinary = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(ordinary).not.toHaveProperty("passwordHash");
  });
});
