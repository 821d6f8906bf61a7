import { vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { seedDatabase } from "@/prisma/seed";

/** The fresh database of this run (scripts/test.ts creates and migrates it). */
export const databaseUrl = (() => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL: run them with `npm test -- integration`.");
  return url;
})();

export const prisma = createPrismaClient(databaseUrl, 2);

let seeded: Promise<void> | undefined;
/** The reference data and demo scenario, loaded once per run. */
export function seedOnce() {
  seeded ??= seedDatabase(prisma);
  return seeded;
}

/**
 * Each password is hashed once per test file: a real argon2 hash takes a few hundred milliseconds, and the
 * tests create staff users by the dozen. Users sharing a hash (and its salt) is harmless here.
 */
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
};

let counter = 0;
/** A staff user with a unique email. */
export async function createStaffUser(role: "admin" | "editor" = "editor", password = "correct horse battery") {
  counter += 1;
  return prisma.user.create({
    data: {
      email: `staff${counter}.${process.pid}.${Date.now()}@interregio.example`,
      name: `Staff ${counter}`,
      role,
      passwordHash: await hashOnce(password),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

/**
 * Makes next-auth's getServerSession (mocked by the test file) answer as this user, or as the public: a session
 * issued now, at the account's first session version unless the test gives another.
 */
export function signInAs(
  getServerSession: unknown,
  user: { id: number; role: "admin" | "editor"; sessionVersion?: number } | null,
  signedInAt = Date.now(),
) {
  vi.mocked(getServerSession as () => Promise<unknown>).mockResolvedValue(
    user ? { user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion ?? 1, signedInAt } } : null,
  );
}

export function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}
