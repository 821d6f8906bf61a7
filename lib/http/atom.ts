import "server-only";
import { Feed } from "feed";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import { errorResponse, parseQuery } from "@/lib/api/http";
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

/** A feed: its title, the list page it follows (with the same filters) and its newest entries. */
export type FeedContent = { title: string; pagePath: string; entries: AtomEntry[] };

/**
 * What a list page's address holds besides its filters: a feed always shows the newest records, so the page's
 * paging and order are left aside rather than refused, and a page's own query string makes a valid feed.
 */
const viewParams = ["page", "perPage", "sort", "dir"];

/**
 * The GET handler of a list's feed: the page's query string parsed by `schema` (the list's strict filter
 * schema and `lang`), a 400 problem+json naming each bad parameter, then the newest `FEED_SIZE` records that
 * `read` finds with the page's own query code.
 */
export function feedRoute<S extends z.ZodObject>(
  schema: S,
  read: (query: z.output<S>, language: "en" | "ru") => Promise<FeedContent>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const params = new URLSearchParams(new URL(request.url).searchParams);
      for (const name of viewParams) params.delete(name);
      const query = parseQuery(schema, params);
      const language = query.lang === "ru" ? "ru" : "en";
      return atomResponse(request, { ...(await read(query, language)), language });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
