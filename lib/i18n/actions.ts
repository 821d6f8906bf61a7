"use server";

import { cookies } from "next/headers";
import { isLocale, localeCookie } from "@/lib/i18n/locale";

/**
 * The language switch: remembers the choice for a year. The page re-renders in place, in the new language.
 * Anyone may call it with anything: whatever is not the switch's form changes nothing.
 */
export async function setLocale(formData: unknown) {
  if (!(formData instanceof FormData)) return;
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
}
