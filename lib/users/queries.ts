import "server-only";
import { createHash } from "node:crypto";
import type { FormValues } from "@/lib/actions/form-state";
import type { SnapshotReader } from "@/lib/actions/versioned";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import type { UserListParams } from "@/lib/users/schema";
import type { Role } from "@/lib/generated/prisma/enums";

/** What the admins' list of staff accounts shows of each. */
export type UserRow = { id: number; name: string; email: string; role: Role; disabled: boolean; mustChangePassword: boolean };

const rowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabledAt: true,
  mustChangePassword: true,
} as const satisfies Prisma.UserSelect;

/** A page of staff accounts: active ones first, then by name. */
export async function listUsers(params: UserListParams): Promise<Page<UserRow>> {
  const where = { archivedAt: null } satisfies Prisma.UserWhereInput;
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
      ...pageArgs(params),
      select: rowSelect,
    }),
    db().user.count({ where }),
  ]);
  const items = rows.map(({ disabledAt, ...row }) => ({ ...row, disabled: disabledAt !== null }));
  return toPage(items, total, params);
}

const accountSelect = {
  ...rowSelect,
  version: true,
  archivedAt: true,
  createdAt: true,
  passwordChangedAt: true,
} as const satisfies Prisma.UserSelect;

/**
 * An account as its history keeps it: never the password hash, the session version or a reset token, which
 * would let a reader of the log sign in or tell when someone signed out.
 */
export const snapshotUser: SnapshotReader = async (tx, id) => {
  const user = await tx.user.findUnique({ where: { id }, select: accountSelect });
  if (!user) return null;
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    disabled: user.disabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    version: user.version,
    archived: user.archivedAt !== null,
  };
};

/** An account for the admins' page: its details, state and version; null when there is no such id. */
export async function getUserForAdmin(id: number) {
  const user = await db().user.findFirst({ where: { id, archivedAt: null }, select: accountSelect });
  if (!user) return null;
  const { disabledAt, ...rest } = user;
  return { ...rest, disabled: disabledAt !== null, values: { role: user.role, version: String(user.version) } satisfies FormValues };
}

/** How a reset token is kept: its SHA-256, so that a copy of the table gives no one a working link. */
export function hashResetToken(token: string) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a one-time link can still be used: unused, not expired, for an active account. */
export async function isResetTokenUsable(token: string, now = new Date()) {
  const found = await db().passwordResetToken.findFirst({
    where: { tokenHash: hashResetToken(token), usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null, archivedAt: null } },
    select: { id: true },
  });
  return found !== null;
}
