/**
 * The reader's language, decided in one place for the proxy and the pages. Pure and free of `next/headers`,
 * so that the proxy bundle can import it.
 */

export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
/** The cookie that remembers the reader's language; set by the language switch. */
export const localeCookie = "interregio-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A browser sends a handful of ranges; anything longer is not a browser and is not worth parsing. */
const MAX_RANGES = 32;

/**
 * The language chosen with the switch, else the supported language the browser ranks highest by its
 * q-values (RFC 9110: `de,ru;q=0.8` prefers German, then Russian; we have no German, so Russian), else English.
 */
export function detectLocale(cookieValue: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  let best: { locale: Locale; q: number } | null = null;
  for (const range of (acceptLanguage ?? "").split(",").slice(0, MAX_RANGES)) {
    const [tag = "", ...params] = range.split(";");
    const primary = tag.trim().split("-")[0]?.toLowerCase();
    if (!isLocale(primary)) continue;
    const q = qualityOf(params);
    // Ties keep the earlier range: the browser listed it first.
    if (q > 0 && (best === null || q > best.q)) best = { locale: primary, q };
  }
  return best?.locale ?? defaultLocale;
}

/** The `q=` weight of a range, 1 when absent; a malformed weight counts as 0 (not acceptable). */
function qualityOf(params: string[]): number {
  for (const param of params) {
    const [key, value] = param.split("=").map((part) => part.trim());
    if (key?.toLowerCase() !== "q") continue;
    if (!value || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return 0;
    return Number(value);
  }
  return 1;
}

/** next-intl hands the locale over as a string; it is always one of ours, this narrows the type. */
export function toLocale(value: string): Locale {
  return isLocale(value) ? value : defaultLocale;
}
