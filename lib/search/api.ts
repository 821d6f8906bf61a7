import "server-only";
import { toRegionRef } from "@/lib/api/refs";
import { readDb } from "@/lib/db/client";
import { paths } from "@/lib/paths";
import type { SearchHitDto, SearchQuery, SearchResultDto, SuggestionDto, SuggestQuery } from "@/lib/search/dto";
import { searchRegistry, suggestEntries } from "@/lib/search/queries";
import { splitHighlights, type SearchHit, type SearchType } from "@/lib/search/schema";

/** The search endpoints' reads: the search page's own search and suggestions, with the matches split out. */

const pathOf = { organization: paths.organization, region: paths.region, meeting: paths.meeting } as const;

function highlighted(text: string | null) {
  return text === null ? null : splitHighlights(text);
}

/** A hit of the search page as the API answers it: the marked text split into parts, and each record's path. */
function toSearchHit(hit: SearchHit): SearchHitDto {
  return {
    ...hit,
    headlineEn: splitHighlights(hit.headlineEn),
    headlineRu: splitHighlights(hit.headlineRu),
    snippetEn: highlighted(hit.snippetEn),
    snippetRu: highlighted(hit.snippetRu),
    region: hit.region ? toRegionRef(hit.region) : null,
    url: pathOf[hit.type](hit.slug),
  };
}

/** GET /api/v1/search: paged by number (`page`, `perPage`), as a cursor has no stable key when ranks change. */
export async function searchForApi(query: SearchQuery): Promise<SearchResultDto> {
  const { facets, ...params } = query;
  const result = await searchRegistry(params, { facets: facets === true });
  return { ...result, items: result.items.map(toSearchHit) };
}

/** GET /api/v1/search/suggest */
export async function suggestForApi(query: SuggestQuery): Promise<{ items: SuggestionDto[] }> {
  const suggestions = await suggestEntries(query.q, query.limit);
  return { items: suggestions.map((s) => ({ ...s, url: pathOf[s.type](s.slug) })) };
}

/** When each of these hits' records last changed, keyed `type:slug` (the search's feed dates its entries by it). */
export async function readHitsUpdatedAt(hits: readonly { type: SearchType; slug: string }[]): Promise<Map<string, Date>> {
  const slugsOf = (type: SearchType) => hits.filter((hit) => hit.type === type).map((hit) => hit.slug);
  const select = { slug: true, updatedAt: true } as const;
  const [organizations, regions, meetings] = await Promise.all([
    readDb().organization.findMany({ where: { slug: { in: slugsOf("organization") } }, select }),
    readDb().region.findMany({ where: { slug: { in: slugsOf("region") } }, select }),
    readDb().meeting.findMany({ where: { slug: { in: slugsOf("meeting") } }, select }),
  ]);
  const out = new Map<string, Date>();
  for (const [type, rows] of [
    ["organization", organizations],
    ["region", regions],
    ["meeting", meetings],
  ] as const)
    for (const row of rows) out.set(`${type}:${row.slug}`, row.updatedAt);
  return out;
}
