import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/password";

// Sign-in checks, apart from next-auth's configuration (lib/auth.ts): the credentials provider calls
// `verifyCredentials`; throttling and the sign-in audit events belong here too.

const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Checks an email and password; null for any failure, so the caller cannot tell which one it was. */
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
