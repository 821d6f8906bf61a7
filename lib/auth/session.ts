import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions, isWithinMaxAge } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { noteSignedInUser } from "@/lib/log";
import { paths } from "@/lib/paths";
import type { Role } from "@/lib/generated/prisma/enums";

export type CurrentUser = { id: number; email: string; name: string; role: Role; mustChangePassword: boolean };

/**
 * The signed-in staff user, read fresh from the database so that a disabled account loses its rights at
 * once, even while its session cookie is still valid. The token must carry the account's current session
 * version (disabling, a role or password change and signing out move it on, ending every older session) and
 * be within 7 days of its sign-in. Null for the public. Read once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user;
  if (!claims || typeof claims.id !== "number" || typeof claims.sessionVersion !== "number") return null;
  if (!isWithinMaxAge(claims.signedInAt)) return null;
  const user = await db().user.findFirst({
    where: { id: claims.id, sessionVersion: claims.sessionVersion, disabledAt: null, archivedAt: null },
    select: { id: true, email: true, name: true, role: true, mustChangePassword: true },
  });
  // The request's log line names the staff user whenever the request read its session (lib/log.ts).
  if (user) noteSignedInUser(user.id);
  return user;
});

export class NotAuthorizedError extends Error {
  constructor(readonly reason: "signedOut" | "forbidden") {
    super(reason === "signedOut" ? "Sign in first." : "Your role does not allow this.");
  }
}

/** The current user if their role is one of `roles`; throws NotAuthorizedError otherwise. Admins pass every check. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new NotAuthorizedError("signedOut");
  if (user.role !== "admin" && !roles.includes(user.role)) throw new NotAuthorizedError("forbidden");
  return user;
}

/** The request header in which the proxy passes the page's path, so that a guard can send the reader back. */
export const pathHeader = "x-interregio-path";

/**
 * Where a staff page must send its user instead of showing itself: to set a new password while an admin's
 * one-time password is still theirs. Null to show the page. Without the page's path (the proxy always gives
 * it) the account page cannot be told from the others, so nothing is redirected rather than loop.
 */
export function passwordChangeRedirect(user: Pick<CurrentUser, "mustChangePassword">, path: string | null): string | null {
  if (!user.mustChangePassword || path === null) return null;
  const pathname = path.split(/[?#]/)[0];
  return pathname === paths.staff.account() ? null : paths.staff.account();
}

/**
 * The guard of every staff page: the signed-in staff user, or a redirect to sign in that comes back here.
 * Pages call it themselves as well as the (staff) layout, since a layout is not run again on every navigation.
 */
export async function requireStaffPage(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const path = (await headers()).get(pathHeader);
  if (!user) redirect(paths.signIn(path && path.startsWith("/") && !path.startsWith("//") ? path : paths.staff.home()));
  const elsewhere = passwordChangeRedirect(user, path);
  if (elsewhere) redirect(elsewhere);
  return user;
}

/** The guard of the admins' pages (staff accounts): other staff are sent to the workspace's front page. */
export async function requireAdminPage(): Promise<CurrentUser> {
  const user = await requireStaffPage();
  if (user.role !== "admin") redirect(paths.staff.home());
  return user;
}
