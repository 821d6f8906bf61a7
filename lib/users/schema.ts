import { z } from "zod";
import { choice, requiredText, Version, withMaxLength } from "@/lib/actions/fields";
import type { FormState } from "@/lib/actions/form-state";
import { PageParamsSchema } from "@/lib/pagination";

/** The roles an admin can give; admins manage accounts, editors edit records. */
export const staffRoles = ["editor", "admin"] as const;

/** The shortest password anyone may choose (NCSC and NIST advise length over composition rules). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: argon2 takes any length, but the sign-in form stops here. */
export const MAX_PASSWORD_LENGTH = 200;

/** `/workspace/users?page=2`: staff accounts, a bounded page at a time. */
export const UserListSchema = PageParamsSchema;
export type UserListParams = z.infer<typeof UserListSchema>;

const email = requiredText(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.email({ error: "invalidEmail" }));

/** A new account: who it is for and what they may do. The password is made by the server. */
export const NewUserSchema = z.object({
  name: requiredText(200),
  email,
  role: choice(staffRoles),
});
export type NewUserInput = z.output<typeof NewUserSchema>;

/** A role change, from the version of the account the admin saw. */
export const RoleChangeSchema = z.object({ role: choice(staffRoles), version: Version });

/** Disable, re-enable or reset the password: only the version the admin saw. */
export const AccountVersionSchema = z.object({ version: Version });

/** What createUser and resetUserPassword answer with, once: the one-time password or the link's path, and the account. */
export type SecretState = FormState<{ secret: string; userId: number }>;

/** A new password, typed twice; never trimmed, since spaces may be part of it. */
const newPassword = withMaxLength(
  z
    .string({ error: "required" })
    .min(1, { error: "required" })
    .min(MIN_PASSWORD_LENGTH, { error: `passwordTooShort|${MIN_PASSWORD_LENGTH}` })
    .max(MAX_PASSWORD_LENGTH, { error: `tooLong|${MAX_PASSWORD_LENGTH}` }),
  MAX_PASSWORD_LENGTH,
);

/** The new password again: only compared with the first, but its input is as long. */
const confirmPassword = withMaxLength(z.string({ error: "required" }), MAX_PASSWORD_LENGTH);

const samePasswords = { error: "passwordsDiffer", path: ["confirmPassword"] };

/** Changing one's own password: the current one, and the new one twice. */
export const PasswordChangeSchema = z
  .object({
    currentPassword: withMaxLength(
      z.string({ error: "required" }).min(1, { error: "required" }).max(MAX_PASSWORD_LENGTH, { error: "invalid" }),
      MAX_PASSWORD_LENGTH,
    ),
    newPassword,
    confirmPassword,
  })
  .refine((data) => data.newPassword === data.confirmPassword, samePasswords);

/** The token of a one-time link: 32 random bytes in base64url. */
export const ResetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "resetLinkInvalid" });

/** Setting a new password from a one-time link. */
export const PasswordResetSchema = z
  .object({ token: ResetTokenSchema, newPassword, confirmPassword })
  .refine((data) => data.newPassword === data.confirmPassword, samePasswords);
