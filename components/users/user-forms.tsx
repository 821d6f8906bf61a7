"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ButtonForm } from "@/components/form/button-form";
import { Field, SelectField, TextField } from "@/components/form/field";
import { StaffForm, useFormLabels, useStaffForm } from "@/components/form/staff-form";
import type { FormAction, FormState, FormValues } from "@/lib/actions/form-state";
import { paths } from "@/lib/paths";
import {
  MIN_PASSWORD_LENGTH,
  NewUserSchema,
  PasswordChangeSchema,
  PasswordResetSchema,
  RoleChangeSchema,
  staffRoles,
  type SecretState,
} from "@/lib/users/schema";

/** A password input: never filled in again from what was sent, and never spell-checked. */
function PasswordField({ name, label, hint, autoComplete }: { name: string; label: string; hint?: string; autoComplete: string }) {
  const { maxLengthOf } = useStaffForm();
  return (
    <Field name={name} label={label} hint={hint}>
      {(props) => <input {...props} type="password" autoComplete={autoComplete} maxLength={maxLengthOf(name)} spellCheck={false} />}
    </Field>
  );
}

/** A new password and the same again, for choosing one's own password and for setting it from a one-time link. */
function NewPasswordFields() {
  const t = useTranslations("users");
  return (
    <>
      <PasswordField
        name="newPassword"
        label={t("newPassword")}
        hint={t("newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
      <PasswordField name="confirmPassword" label={t("confirmPassword")} autoComplete="new-password" />
    </>
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

function CreatedPanel({ state }: { state: SecretState }) {
  const t = useTranslations("users");
  if (!state.ok || !state.extra) return null;
  return (
    <SecretPanel title={t("createdTitle")} text={t("createdText")} label={t("oneTimePassword")} secret={state.extra.secret}>
      <p className="mt-2">
        <Link href={paths.staff.user(state.extra.userId)}>{t("openAccount")}</Link>
      </p>
    </SecretPanel>
  );
}

/** Adds a staff account; on success the one-time password shows above the form, once. */
export function NewUserForm({ action }: { action: FormAction<SecretState> }) {
  const t = useTranslations("users");
  const { labels } = useFormLabels("users", NewUserSchema);
  const roles = staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <StaffForm action={action} schema={NewUserSchema} initial={{}} labels={labels} submitLabel={t("create")}>
      {(state) => (
        <>
          <CreatedPanel state={state} />
          <TextField name="name" label={labels.name} autoComplete="off" />
          <TextField name="email" type="email" label={labels.email} hint={t("hints.email")} autoComplete="off" />
          <SelectField name="role" label={labels.role} hint={t("hints.role")} placeholder={t("chooseRole")} options={roles} />
        </>
      )}
    </StaffForm>
  );
}

/** Changes an account's role, from the version the page showed. */
export function RoleForm({ action, initial }: { action: FormAction; initial: FormValues }) {
  const t = useTranslations("users");
  const { labels } = useFormLabels("users", RoleChangeSchema);
  const roles = staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <StaffForm action={action} schema={RoleChangeSchema} initial={initial} labels={labels} submitLabel={t("saveRole")}>
      <SelectField name="role" label={labels.role} hint={t("changeRoleHint")} options={roles} />
    </StaffForm>
  );
}

/**
 * Resets an account's password, from the version the page showed (see `ButtonForm`, which disables and enables
 * accounts too); the one-time link shows above the button, once.
 */
export function ResetPasswordForm({ action, version }: { action: FormAction<SecretState>; version: number }) {
  const t = useTranslations("users");
  return (
    <ButtonForm action={action} version={version} hint={t("resetHint")} submitLabel={t("reset")}>
      {(state) =>
        state.ok &&
        state.extra && (
          <SecretPanel
            title={t("resetMadeTitle")}
            text={t("resetMadeText")}
            label={t("resetLink")}
            secret={typeof window === "undefined" ? state.extra.secret : new URL(state.extra.secret, window.location.origin).href}
          />
        )
      }
    </ButtonForm>
  );
}

/** The labels of the password fields, for the error summary. */
function usePasswordLabels() {
  const t = useTranslations("users");
  return { currentPassword: t("currentPassword"), newPassword: t("newPassword"), confirmPassword: t("confirmPassword") };
}

/** The signed-in user changes their own password. */
export function PasswordChangeForm({ action }: { action: FormAction }) {
  const t = useTranslations("users");
  const labels = usePasswordLabels();
  return (
    <StaffForm action={action} schema={PasswordChangeSchema} initial={{}} labels={labels} submitLabel={t("changePassword")}>
      <PasswordField name="currentPassword" label={labels.currentPassword} autoComplete="current-password" />
      <NewPasswordFields />
    </StaffForm>
  );
}

function PasswordSetPanel({ state }: { state: FormState }) {
  const t = useTranslations("users");
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
export function PasswordResetForm({ action, token }: { action: FormAction; token: string }) {
  const t = useTranslations("users");
  return (
    <StaffForm action={action} schema={PasswordResetSchema} initial={{ token }} labels={usePasswordLabels()} submitLabel={t("setPassword")}>
      {(state) => (
        <>
          <PasswordSetPanel state={state} />
          <input type="hidden" name="token" value={token} />
          <NewPasswordFields />
        </>
      )}
    </StaffForm>
  );
}
