import "server-only";
import { Feed } from "feed";
import { createTranslator } from "next-intl";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/catalogue";

/** An entry of a feed: a record's page (a path on this site), its title, a line about it and when it changed. */
export type AtomEntry = { path: string; title: string; summary: string; updated: Date };

/** At most this many entries: a feed says what is new, the lists and the API hold the rest. */
export const FEED_SIZE = 50;

/**
 * An Atom 1.0 document (written by the `feed` package) as a response: the feed of a list, whose entries link to
 * their records' pages. Addresses are absolute, from the request's origin; the licence is the site's.
 */
export function atomResponse(
  request: Request,
  { title, pagePath, entries, language }: { title: string; pagePath: string; entries: AtomEntry[]; language: "en" | "ru" },
): Response {
  const url = new URL(request.url);
  // Behind a reverse proxy the request's own address is the internal one: the site's public address wins.
  const origin = env().NEXTAUTH_URL ? new URL(env().NEXTAUTH_URL!).origin : url.origin;
  const self = new URL(`${url.pathname}${url.search}`, origin).href;
  const feed = new Feed({
    title,
    id: self,
    link: new URL(pagePath, origin).href,
    language,
    copyright: env().DATA_LICENCE,
    updated: entries.reduce<Date>((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0)),
    feedLinks: { atom: self },
    generator: "Interregio",
  });
  for (const entry of entries) {
    const link = new URL(entry.path, origin).href;
    feed.addItem({ title: entry.title, id: link, link, description: entry.summary, date: entry.updated });
  }
  return new Response(feed.atom1(), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A feed's language: `?lang=ru` or English (a feed reader sends no cookie). */
export function feedLanguage(params: URLSearchParams): "en" | "ru" {
  return params.get("lang") === "ru" ? "ru" : "en";
}

/**
 * A feed's texts in its own language, read from the catalogue itself: a feed reader sends no cookie, so the
 * request's language (next-intl's) is not the feed's.
 */
export function feedTranslator(language: "en" | "ru", namespace: string): (key: string, values?: Record<string, string>) => string {
  return createTranslator({ locale: language, messages: loadMessages(language), namespace }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
}
