import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
/** The cookie that remembers the reader's language; set by the language switch. */
export const localeCookie = "interregio-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The language chosen with the switch, else the browser's first supported language, else English. */
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = (await import(`../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "UTC" };
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
