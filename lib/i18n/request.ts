import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/catalogue";
import { detectLocale, localeCookie, type Locale } from "@/lib/i18n/locale";

/** The reader's language for this request: see `detectLocale`, which the proxy calls too. */
export async function resolveLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return detectLocale(cookieStore.get(localeCookie)?.value, headerList.get("accept-language"));
}

/** next-intl's request configuration (next.config.ts names this file): the language, its catalogue, UTC. */
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});
