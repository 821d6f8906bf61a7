import { FEED_SIZE, feedRoute, feedTranslator } from "@/lib/http/atom";
import { localized } from "@/lib/i18n/localize";
import { DEFAULT_PAGE_SIZE } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { readHitsUpdatedAt } from "@/lib/search/api";
import { SearchFeedQuerySchema } from "@/lib/search/dto";
import { searchRegistry } from "@/lib/search/queries";
import { searchQuery } from "@/lib/search/schema";

export const dynamic = "force-dynamic";

const pathOf = { organization: paths.organization, region: paths.region, meeting: paths.meeting } as const;

/**
 * A search as a feed: the search page's words and filters, its best results (the first page of up to
 * FEED_SIZE, ranked by the same search), newest change first, so that a record that comes to match shows up.
 */
export const GET = feedRoute(SearchFeedQuerySchema, async ({ lang: _lang, ...params }, language) => {
  void _lang;
  const t = feedTranslator(language, "feeds");
  const search = { ...params, page: 1, perPage: FEED_SIZE };
  const result = await searchRegistry(search);
  const updated = await readHitsUpdatedAt(result.items);
  const entries = result.items.map((hit) => ({
    path: pathOf[hit.type](hit.slug),
    title: localized(language, hit.titleEn, hit.titleRu),
    summary: hit.region ? localized(language, hit.region.nameEn, hit.region.nameRu) : (hit.date ?? ""),
    updated: updated.get(`${hit.type}:${hit.slug}`) ?? new Date(0),
  }));
  return {
    title: t("search", { q: params.q }),
    pagePath: paths.search(searchQuery({ ...search, perPage: DEFAULT_PAGE_SIZE })),
    entries: entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()),
  };
});
