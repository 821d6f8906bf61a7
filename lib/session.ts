import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { db } from "@/lib/db";
import { paths } from "@/lib/paths";
import type { Role } from "@/lib/generated/prisma/enums";

export type CurrentUser = { id: number; email: string; name: string; role: Role };

/**
 * The signed-in staff user, read fresh from the database so that a disabled account loses its rights at
 * once, even while its session cookie is still valid. Null for the public. Read once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findFirst({
    where: { id, disabledAt: null, archivedAt: null },
    select: { id: true, email: true, name: true, role: true },
  });
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
 * The guard of every staff page: the signed-in staff user, or a redirect to sign in that comes back here.
 * Pages call it themselves as well as the (staff) layout, since a layout is not run again on every navigation.
 */
export async function requireStaffPage(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get(pathHeader);
  redirect(paths.signIn(path && path.startsWith("/") && !path.startsWith("//") ? path : paths.staff.home()));
}
