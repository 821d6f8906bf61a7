"use client";

import { useState, type FormEvent } from "react";
import { signIn, signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

/** Staff sign-in. One message for a wrong password and an unknown email alike. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const te = useTranslations("errors");
  const [error, setError] = useState<"failed" | "unavailable" | null>(null);
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
      setError(result?.status && result.status >= 500 ? "unavailable" : "failed");
    } catch {
      setError("unavailable");
    }
    setPending(false);
  }

  const field = "block w-full max-w-md border-2 border-ink p-2 mt-1";
  return (
    <form onSubmit={submit} method="post" className="max-w-xl">
      {error && (
        <div role="alert" className="mb-6 border-4 border-danger px-4 py-3">
          <h2 className="text-xl font-bold">{te("summaryTitle")}</h2>
          <p>{t(error)}</p>
        </div>
      )}
      <div className="mb-6">
        <label htmlFor="email" className="block font-bold">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} className={field} />
      </div>
      <div className="mb-6">
        <label htmlFor="password" className="block font-bold">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} className={field} />
      </div>
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
