import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { prisma } from "./setup";

afterAll(() => prisma.$disconnect());

/** Runs `npm run user:create -- ...args` with the password on stdin, as a deployment script would. */
function createUser(args: string[], password: string) {
  return new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/create-user.ts", ...args], { env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => done({ code, output }));
    child.stdin.end(`${password}\n`);
  });
}

describe("npm run user:create", () => {
  const email = `cli.${Date.now()}@Interregio.example`;

  it("creates a staff user who can then sign in, with an audit event", async () => {
    const result = await createUser(["--email", email, "--name", "Anna Petrova", "--role", "admin"], "a sturdy pass phrase");
    expect(result.output).toContain(`Created admin ${email.toLowerCase()}`);
    expect(result.code).toBe(0);
    const user = await verifyCredentials({ email, password: "a sturdy pass phrase" });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Anna Petrova", role: "admin" });
    expect(await prisma.auditEvent.count({ where: { action: "user.create", entityId: user?.id } })).toBe(1);
  });

  it("refuses a second user with the same email, and a short password, and says why", async () => {
    const again = await createUser(["--email", email, "--role", "editor"], "another sturdy phrase");
    expect(again.code).toBe(1);
    expect(again.output).toContain("already exists. Nothing was created.");

    const short = await createUser(["--email", `short.${email}`, "--role", "editor"], "short");
    expect(short.code).toBe(1);
    expect(short.output).toContain("The password must be 12 characters or more");
    expect(await prisma.user.count({ where: { email: `short.${email}`.toLowerCase() } })).toBe(0);
  });

  it("refuses an unknown role", async () => {
    const result = await createUser(["--email", `role.${email}`, "--role", "superuser"], "a sturdy pass phrase");
    expect(result.code).toBe(1);
    expect(result.output).toContain("--role must be admin or editor");
  });
});
