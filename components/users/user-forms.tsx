"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field, SelectField, TextField } from "@/components/form/field";
import { StaffForm, useErrorText, useStaffForm } from "@/components/form/staff-form";
import type { FormState, FormValues } from "@/lib/actions/form-state";
import { paths } from "@/lib/paths";
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  NewUserSchema,
  PasswordChangeSchema,
  PasswordResetSchema,
  RoleChangeSchema,
  staffRoles,
} from "@/lib/users/schema";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
/** What createUser and resetUserPassword answer with once: the one-time password or the link's path. */
type SecretState = FormState & { secret?: string; userId?: number };

/** A password input: never filled in again from what was sent, and never spell-checked. */
function PasswordField({ name, label, hint, autoComplete }: { name: string; label: string; hint?: string; autoComplete: string }) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(props) => <input {...props} type="password" autoComplete={autoComplete} maxLength={MAX_PASSWORD_LENGTH} spellCheck={false} />}
    </Field>
  );
}

/** A secret shown once, focused so that a screen reader reads it out, in a box that is easy to copy from. */
function SecretPanel({
  title,
  text,
  label,
  secret,
  children,
}: {
  title: string;
  text: string;
  label: string;
  secret: string;
  children?: React.ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), [secret]);
  return (
    <div ref={panel} tabIndex={-1} role="status" className="mb-6 max-w-3xl border-l-8 border-ok bg-panel px-4 py-3">
      <h2 className="text-xl font-bold">{title}</h2>
      <p>{text}</p>
      <p className="mt-2 font-bold">{label}</p>
      <p>
        <code className="inline-block border-2 border-ink bg-white px-2 py-1 text-lg break-all select-all" data-testid="secret">
          {secret}
        </code>
      </p>
      {children}
    </div>
  );
}

function CreatedPanel() {
  const t = useTranslations("users");
  const state = useStaffForm().state as SecretState;
  if (!state.ok || !state.secret) return null;
  return (
    <SecretPanel title={t("createdTitle")} text={t("createdText")} label={t("oneTimePassword")} secret={state.secret}>
      {state.userId && (
        <p className="mt-2">
          <Link href={paths.staff.user(state.userId)}>{t("openAccount")}</Link>
        </p>
      )}
    </SecretPanel>
  );
}

/** Adds a staff account; on success the one-time password shows above the form, once. */
export function NewUserForm({ action }: { action: Action }) {
  const t = useTranslations("users");
  const labels = { name: t("fields.name"), email: t("fields.email"), role: t("fields.role") };
  return (
    <StaffForm action={action} schema={NewUserSchema} initial={{}} labels={labels} submitLabel={t("create")}>
      <CreatedPanel />
      <TextField name="name" label={labels.name} maxLength={200} autoComplete="off" />
      <TextField name="email" type="email" label={labels.email} hint={t("hints.email")} maxLength={254} autoComplete="off" />
      <SelectField
        name="role"
        label={labels.role}
        hint={t("hints.role")}
        placeholder={t("chooseRole")}
        options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
    </StaffForm>
  );
}

/** Changes an account's role, from the version the page showed. */
export function RoleForm({ action, initial }: { action: Action; initial: FormValues }) {
  const t = useTranslations("users");
  return (
    <StaffForm action={action} schema={RoleChangeSchema} initial={initial} labels={{ role: t("fields.role") }} submitLabel={t("saveRole")}>
      <SelectField
        name="role"
        label={t("fields.role")}
        hint={t("changeRoleHint")}
        options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
    </StaffForm>
  );
}

/** One button acting on an account (disable, enable, reset the password), from the version the page showed. */
export function AccountActionForm({
  action,
  version,
  hint,
  submitLabel,
  warning = false,
}: {
  action: Action;
  version: number;
  hint: string;
  submitLabel: string;
  warning?: boolean;
}) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<SecretState, FormData>(action, {});
  return (
    <form action={formAction} className="max-w-3xl">
      {state.ok === false && state.message && (
        <p role="alert" className="mb-4 border-l-4 border-danger pl-4 font-bold text-danger">
          {errorText(state.message)}
        </p>
      )}
      {state.ok && state.secret && (
        <SecretPanel
          title={t("resetMadeTitle")}
          text={t("resetMadeText")}
          label={t("resetLink")}
          secret={typeof window === "undefined" ? state.secret : new URL(state.secret, window.location.origin).href}
        />
      )}
      <input type="hidden" name="version" value={version} />
      <p className="mb-4 text-muted">{hint}</p>
      <button type="submit" disabled={pending} className={warning ? "button-warning" : "button"}>
        {submitLabel}
      </button>
    </form>
  );
}

/** The signed-in user changes their own password. */
export function PasswordChangeForm({ action }: { action: Action }) {
  const t = useTranslations("users");
  const labels = { currentPassword: t("currentPassword"), newPassword: t("newPassword"), confirmPassword: t("confirmPassword") };
  return (
    <StaffForm action={action} schema={PasswordChangeSchema} initial={{}} labels={labels} submitLabel={t("changePassword")}>
      <PasswordField name="currentPassword" label={labels.currentPassword} autoComplete="current-password" />
      <PasswordField
        name="newPassword"
        label={labels.newPassword}
        hint={t("newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
      <PasswordField name="confirmPassword" label={labels.confirmPassword} autoComplete="new-password" />
    </StaffForm>
  );
}

function PasswordSetPanel() {
  const t = useTranslations("users");
  const { state } = useStaffForm();
  if (!state.ok) return null;
  return (
    <div role="status" className="mb-6 max-w-3xl border-l-8 border-ok bg-panel px-4 py-3">
      <h2 className="text-xl font-bold">{t("passwordSetTitle")}</h2>
      <p>{t("passwordSetText")}</p>
      <p className="mt-2">
        <Link href={paths.signIn(paths.staff.home())}>{t("signIn")}</Link>
      </p>
    </div>
  );
}

/** Sets a new password from a one-time link (public: the token in the hidden field is the authority). */
export function PasswordResetForm({ action, token }: { action: Action; token: string }) {
  const t = useTranslations("users");
  const labels = { newPassword: t("newPassword"), confirmPassword: t("confirmPassword") };
  return (
    <StaffForm action={action} schema={PasswordResetSchema} initial={{ token }} labels={labels} submitLabel={t("setPassword")}>
      <PasswordSetPanel />
      <input type="hidden" name="token" value={token} />
      <PasswordField
        name="newPassword"
        label={labels.newPassword}
        hint={t("newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
      <PasswordField name="confirmPassword" label={labels.confirmPassword} autoComplete="new-password" />
    </StaffForm>
  );
}
