import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/catalogue";
import { detectLocale, localeCookie, type Locale } from "@/lib/i18n/locale";

export { defaultLocale, detectLocale, isLocale, localeCookie, locales, type Locale } from "@/lib/i18n/locale";

/** The reader's language for this request: see `detectLocale`, which the proxy calls too. */
export async function resolveLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return detectLocale(cookieStore.get(localeCookie)?.value, headerList.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});

/** Picks the record's name in the reader's language, falling back to the other one. */
export function localized(locale: string, en: string | null | undefined, ru: string | null | undefined): string {
  return (locale === "ru" ? ru || en : en || ru) ?? "";
}

/** Sorts records by the name the reader sees, in the reader's alphabet. */
export function sortByName<T>(items: T[], locale: string, nameOf: (item: T) => string): T[] {
  const collator = new Intl.Collator(locale);
  return [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}
