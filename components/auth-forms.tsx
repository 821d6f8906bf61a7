"use client";

import { useState, type FormEvent } from "react";
import { signIn, signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { maxLengthOf } from "@/lib/actions/fields";
import { NewUserSchema, PasswordChangeSchema } from "@/lib/users/schema";

type SignInError = { kind: "failed" | "unavailable" | "busy" } | { kind: "throttled"; retryAt: Date };

/**
 * What next-auth's answer means. lib/auth/sign-in.ts throws `throttled:<ISO time>` (too many failures: wait until
 * then) or `busy:<ISO time>` (too much password work at once), and next-auth passes the message on as `error`.
 */
function readSignInError(result: { error?: string | null; status?: number } | undefined): SignInError {
  const [code, time] = (result?.error ?? "").split(/:(.*)/s);
  const retryAt = new Date(time ?? "");
  if (code === "throttled" && !Number.isNaN(retryAt.getTime())) return { kind: "throttled", retryAt };
  if (code === "busy") return { kind: "busy" };
  return { kind: result?.status && result.status >= 500 ? "unavailable" : "failed" };
}

/** Staff sign-in. One message for a wrong password and an unknown email alike. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [error, setError] = useState<SignInError | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    try {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(readSignInError(result));
    } catch {
      setError({ kind: "unavailable" });
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} method="post" className="max-w-xl">
      {error && (
        <div role="alert" className="mb-6 border-4 border-danger px-4 py-3">
          <h2 className="text-xl font-bold">{te("summaryTitle")}</h2>
          <p>{error.kind === "throttled" ? t("throttled", { time: formatRetryTime(error.retryAt, locale) }) : t(error.kind)}</p>
        </div>
      )}
      <SignInField name="email" label={t("email")} type="email" autoComplete="username" maxLength={maxLengthOf(NewUserSchema, "email")} />
      <SignInField
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        maxLength={maxLengthOf(PasswordChangeSchema, "currentPassword")}
      />
      <button
        type="submit"
        disabled={pending}
        className="cursor-pointer bg-ok px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30] disabled:opacity-50"
      >
        {t("submit")}
      </button>
    </form>
  );
}

/** A labelled input of the sign-in form, as long as the accounts' own schemas allow (nothing longer can match). */
function SignInField({ name, label, ...input }: { name: string; label: string; type: string; autoComplete: string; maxLength?: number }) {
  return (
    <div className="mb-6">
      <label htmlFor={name} className="block font-bold">
        {label}
      </label>
      <input id={name} name={name} required {...input} className="mt-1 block w-full max-w-md border-2 border-ink p-2" />
    </div>
  );
}

/**
 * The reader's own clock time, in their language, rounded up to the minute: "14:32:20" reads "14:33", so that
 * whoever tries again at the time shown is not refused once more.
 */
function formatRetryTime(retryAt: Date, locale: string) {
  const minute = 60_000;
  const roundedUp = new Date(Math.ceil(retryAt.getTime() / minute) * minute);
  return roundedUp.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
}

export function SignOutButton() {
  const t = useTranslations("signOut");
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/" })}
      className="cursor-pointer bg-ok px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]"
    >
      {t("submit")}
    </button>
  );
}
