"use server";

import { randomBytes, randomInt } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { RecordId } from "@/lib/actions/fields";
import { formValues, issuesToErrors, type FormState } from "@/lib/actions/form-state";
import { ActionRefusal, staffAction, VersionConflict } from "@/lib/actions/staff-action";
import { changesSince, recordAuditEvent, type AuditAction } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { paths } from "@/lib/paths";
import type { CurrentUser } from "@/lib/auth/session";
import { hashResetToken, snapshotUser } from "@/lib/users/queries";
import {
  AccountVersionSchema,
  NewUserSchema,
  PasswordChangeSchema,
  PasswordResetSchema,
  RoleChangeSchema,
  type SecretState,
} from "@/lib/users/schema";

/** How long a one-time link to set a new password works. */
const RESET_LINK_HOURS = 24;

const unique = { users_email_key: { field: "email", message: "emailTaken" } };

/** A one-time password people can read out and type: 16 characters without look-alikes (about 79 bits), in fours. */
function makeOneTimePassword() {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join("")).join("-");
}

function refresh(id?: number) {
  revalidatePath(paths.staff.users());
  if (id) revalidatePath(paths.staff.user(id));
}

type Locked = { id: number; version: number; role: "admin" | "editor"; disabled: boolean };

/**
 * Locks the active admins, then the account, in that order in every account action (so two of them cannot
 * deadlock), and checks the version the admin's page showed. The lock on the admins is what keeps the last
 * one: two admins demoting each other at once take turns here, and the second sees one admin left. The
 * actor must still be among them: one disabled or demoted a moment ago acts no more.
 */
async function lockAccount(tx: Tx, actor: CurrentUser, id: number, version: number) {
  const admins = await tx.$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL AND archived_at IS NULL ORDER BY id FOR UPDATE`,
  );
  if (!admins.some((admin) => admin.id === actor.id)) throw new ActionRefusal({ message: "forbidden" });
  const [row] = await tx.$queryRaw<Locked[]>(
    Prisma.sql`SELECT id, version, role::text AS role, disabled_at IS NOT NULL AS disabled FROM users WHERE id = ${id} AND archived_at IS NULL FOR UPDATE`,
  );
  if (!row) throw new ActionRefusal({ message: "recordMissing" });
  if (row.version !== version) {
    const current = await snapshotUser(tx, id);
    throw new VersionConflict(row.version, current ? await changesSince(tx, "user", id, version, current) : []);
  }
  return { account: row, activeAdmins: admins.length };
}

/** Writes the change with a new version and session version (ending the account's sessions), and its audit event. */
async function applyAccountChange(
  tx: Tx,
  change: { actor: CurrentUser; id: number; action: AuditAction; data: Prisma.UserUpdateInput; endSessions: boolean },
) {
  const before = await snapshotUser(tx, change.id);
  await tx.user.update({
    where: { id: change.id },
    data: {
      ...change.data,
      version: { increment: 1 },
      ...(change.endSessions ? { sessionVersion: { increment: 1 } } : {}),
      updatedBy: { connect: { id: change.actor.id } },
    },
  });
  const after = await snapshotUser(tx, change.id);
  await recordAuditEvent(tx, { actorId: change.actor.id, action: change.action, entityId: change.id, before, after });
}

/** Creates a staff account with a one-time password, shown once to the admin; the user must replace it. Admins. */
export const createUser = staffAction({ roles: ["admin"], schema: NewUserSchema, unique }, async (data, { user }) => {
  const oneTimePassword = makeOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const id = await db().$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { ...data, passwordHash, mustChangePassword: true, createdById: user.id, updatedById: user.id },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "user.create",
      entityId: created.id,
      after: await snapshotUser(tx, created.id),
    });
    return created.id;
  });
  refresh();
  // Shown once: the form shows it and nothing keeps it.
  const state: SecretState = { ok: true, message: "userCreated", extra: { secret: oneTimePassword, userId: id } };
  return state;
});

/** Gives an account another role; its sessions end, so the new role applies from its next sign-in. Admins. */
export const changeUserRole = staffAction(
  { roles: ["admin"], schema: RoleChangeSchema, bound: RecordId },
  async (data, { user, bound: id }) => {
    await db().$transaction(async (tx) => {
      const { account, activeAdmins } = await lockAccount(tx, user, id, data.version);
      if (account.role === data.role) throw new ActionRefusal({ message: "roleUnchanged" });
      if (account.role === "admin" && !account.disabled && activeAdmins <= 1) throw new ActionRefusal({ message: "lastAdmin" });
      await applyAccountChange(tx, { actor: user, id, action: "user.role_change", data: { role: data.role }, endSessions: true });
    });
    refresh(id);
    redirect(paths.staff.user(id, { saved: "role" }));
  },
);

/** Disables an account: it cannot sign in, and its open sessions end at once. Not one's own, nor the last admin. Admins. */
export const disableUser = staffAction(
  { roles: ["admin"], schema: AccountVersionSchema, bound: RecordId },
  async (data, { user, bound: id }) => {
    if (id === user.id) throw new ActionRefusal({ message: "cannotDisableSelf" });
    await db().$transaction(async (tx) => {
      const { account, activeAdmins } = await lockAccount(tx, user, id, data.version);
      if (account.disabled) throw new ActionRefusal({ message: "alreadyDisabled" });
      if (account.role === "admin" && activeAdmins <= 1) throw new ActionRefusal({ message: "lastAdmin" });
      await applyAccountChange(tx, { actor: user, id, action: "user.disable", data: { disabledAt: new Date() }, endSessions: true });
    });
    refresh(id);
    redirect(paths.staff.user(id, { saved: "disabled" }));
  },
);

/** Lets a disabled account sign in again, with the password it had. Admins. */
export const enableUser = staffAction(
  { roles: ["admin"], schema: AccountVersionSchema, bound: RecordId },
  async (data, { user, bound: id }) => {
    await db().$transaction(async (tx) => {
      const { account } = await lockAccount(tx, user, id, data.version);
      if (!account.disabled) throw new ActionRefusal({ message: "alreadyEnabled" });
      await applyAccountChange(tx, { actor: user, id, action: "user.enable", data: { disabledAt: null }, endSessions: false });
    });
    refresh(id);
    redirect(paths.staff.user(id, { saved: "enabled" }));
  },
);

/**
 * Resets an account's password: the old one stops working, its sessions end, and the admin gets a one-time
 * link (valid 24 hours, shown once; only its SHA-256 is kept) for the user to set a new one. Earlier links of
 * the account stop working. Admins.
 */
export const resetUserPassword = staffAction(
  { roles: ["admin"], schema: AccountVersionSchema, bound: RecordId },
  async (data, { user, bound: id }) => {
    const token = randomBytes(32).toString("base64url");
    // Nobody knows this password: the account can only be used again through the link.
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const now = new Date();
    await db().$transaction(async (tx) => {
      await lockAccount(tx, user, id, data.version);
      await tx.passwordResetToken.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: now } });
      await tx.passwordResetToken.create({
        data: {
          userId: id,
          tokenHash: hashResetToken(token),
          expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * 60 * 60 * 1000),
          createdById: user.id,
        },
      });
      await applyAccountChange(tx, {
        actor: user,
        id,
        action: "user.password_reset",
        data: { passwordHash, mustChangePassword: true },
        endSessions: true,
      });
    });
    refresh(id);
    const state: SecretState = { ok: true, message: "resetLinkMade", extra: { secret: paths.resetPassword(token), userId: id } };
    return state;
  },
);

/** Changes one's own password; every session ends, this one too, so the user signs in again with it. All staff. */
export const changeOwnPassword = staffAction(
  { roles: ["editor"], schema: PasswordChangeSchema, whileMustChangePassword: true },
  async (data, { user }) => {
    const account = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, version: true } });
    if (!(await verifyPassword(account.passwordHash, data.currentPassword))) {
      throw new ActionRefusal({ message: "checkFields", errors: { currentPassword: ["passwordWrong"] } });
    }
    if (data.newPassword === data.currentPassword) {
      throw new ActionRefusal({ message: "checkFields", errors: { newPassword: ["passwordSame"] } });
    }
    const passwordHash = await hashPassword(data.newPassword);
    await db().$transaction(async (tx) => {
      // Only over the hash that was checked: a reset or change in the meantime wins, and this one is refused.
      const [row] = await tx.$queryRaw<{ version: number }[]>(Prisma.sql`SELECT version FROM users WHERE id = ${user.id} FOR UPDATE`);
      if (row?.version !== account.version) throw new ActionRefusal({ message: "conflict" });
      await applyAccountChange(tx, {
        actor: user,
        id: user.id,
        action: "user.password_change",
        data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
        endSessions: true,
      });
    });
    redirect(paths.staff.account({ saved: "password" }));
  },
);

/**
 * Sets a new password from a one-time link: public, since the user has no password to sign in with; the
 * token is the authority. It works once (the row is locked and marked used in the same transaction as the
 * change), for 24 hours, for an active account. Passwords are never sent back with a refusal.
 */
export async function resetPasswordWithToken(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { ok: false, message: "invalid" };
  const parsed = PasswordResetSchema.safeParse(formValues(formData));
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error.issues);
    return { ok: false, message: errors.token ? "resetLinkInvalid" : "checkFields", errors };
  }
  const { token, newPassword } = parsed.data;
  try {
    const passwordHash = await hashPassword(newPassword);
    const done = await db().$transaction(async (tx) => {
      const now = new Date();
      const [found] = await tx.$queryRaw<{ id: number; userId: number }[]>(
        Prisma.sql`SELECT t.id, t.user_id AS "userId" FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
                   WHERE t.token_hash = ${hashResetToken(token)} AND t.used_at IS NULL AND t.expires_at > ${now}
                     AND u.disabled_at IS NULL AND u.archived_at IS NULL
                   FOR UPDATE OF t`,
      );
      if (!found) return false;
      await tx.passwordResetToken.update({ where: { id: found.id }, data: { usedAt: now } });
      const self = await tx.user.findUniqueOrThrow({
        where: { id: found.userId },
        select: { id: true, email: true, name: true, role: true },
      });
      await applyAccountChange(tx, {
        actor: { ...self, mustChangePassword: true },
        id: self.id,
        action: "user.password_change",
        data: { passwordHash, mustChangePassword: false, passwordChangedAt: now },
        endSessions: true,
      });
      return true;
    });
    return done ? { ok: true, message: "passwordSet" } : { ok: false, message: "resetLinkInvalid" };
  } catch (error) {
    console.error("Password reset failed", error);
    return { ok: false, message: "unavailable" };
  }
}
