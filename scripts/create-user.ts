/**
 * Creates a staff user for a real deployment:
 *
 *   npm run user:create -- --email anna@example.org --name "Anna Petrova" --role admin
 *   printf '%s' "$PASSWORD" | npm run user:create -- --email ... --role editor
 *
 * The password is asked for (not echoed) on a terminal, or read from stdin when piped. Uses DATABASE_URL,
 * or the embedded PostgreSQL of `npm start` when it is unset.
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { hashPassword } from "../lib/auth/password.ts";
import { createPrismaClient } from "../lib/db/prisma-client.ts";
import { openAppDatabase } from "./database.ts";

const NewUserSchema = z.object({
  email: z.string({ error: "--email is required" }).trim().toLowerCase().email({ error: "--email is not a valid email address" }).max(254),
  name: z.string().trim().min(1, { error: "--name must not be empty" }).max(200, { error: "--name is too long (200 characters at most)" }),
  role: z.enum(["admin", "editor"], { error: "--role must be admin or editor" }),
  password: z
    .string()
    .min(12, { error: "The password must be 12 characters or more" })
    .max(200, { error: "The password must be 200 characters or fewer" }),
});

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  const ask = (prompt: string) =>
    new Promise<string>((done) => {
      process.stdout.write(prompt);
      const silent = new Writable({ write: (_chunk, _encoding, next) => next() });
      const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
      rl.question("", (answer) => {
        rl.close();
        process.stdout.write("\n");
        done(answer);
      });
    });
  const first = await ask("Password (12 characters or more): ");
  const second = await ask("Password again: ");
  if (first !== second) throw new Error("The two passwords are not the same. Nothing was created.");
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "editor" } },
  });
  const partial = NewUserSchema.omit({ password: true }).safeParse({ ...values, name: values.name ?? values.email?.split("@")[0] });
  if (!partial.success) throw new Error(partial.error.issues.map((i) => `- ${i.message}`).join("\n"));
  const parsed = NewUserSchema.safeParse({ ...partial.data, password: await readPassword() });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `- ${i.message}`).join("\n"));

  const database = await openAppDatabase();
  try {
    const { url } = database;
    const prisma = createPrismaClient(url, 1);
    try {
      const { password, ...user } = parsed.data;
      const existing = await prisma.user.findUnique({ where: { email: user.email }, select: { id: true } });
      if (existing) throw new Error(`A user with the email ${user.email} already exists. Nothing was created.`);
      const created = await prisma.$transaction(async (tx) => {
        const row = await tx.user.create({
          data: { ...user, passwordHash: await hashPassword(password) },
          select: { id: true, email: true, name: true, role: true },
        });
        await tx.auditEvent.create({ data: { action: "user.create", entityType: "user", entityId: String(row.id), after: row } });
        return row;
      });
      console.log(`Created ${created.role} ${created.email} (id ${created.id}).`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
