// The search's statements are few and costly to plan: each runs as a prepared statement with a reused plan.
import { queryPrepared, readSqlPool } from "@/lib/db/pg";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  MIN_SUGGEST_LENGTH,
  facetNames,
  type FacetName,
  type FacetValue,
  type Facets,
  type SearchHit,
  type SearchParams,
  type SearchResult,
  type Suggestion,
  LOOKUP_LIMIT,
  type LookupItem,
  type LookupParams,
} from "@/lib/search/schema";
import { MAX_COUNTED, buildFacetQuery, buildLookupQuery, buildSearchQuery, buildSuggestQuery } from "@/lib/search/sql";

type HitRow = {
  type: SearchHit["type"];
  slug: string;
  title_en: string;
  title_ru: string;
  headline_en: string;
  headline_ru: string;
  snippet_en: string | null;
  snippet_ru: string | null;
  rank: number;
  kind: SearchHit["kind"];
  status: SearchHit["status"];
  level: string | null;
  date: string | null;
  founded_year: number | null;
  country_code: string | null;
  region_slug: string | null;
  region_name_en: string | null;
  region_name_ru: string | null;
  is_demo: boolean;
  total: string | number;
  exact_total: string | number;
  corrected: string | null;
};

/**
 * Searches organizations, regions and meetings at once: PostgreSQL full-text search in both languages and
 * across scripts, typo-tolerant for plain queries, ranked, one page of results with the matches marked;
 * with `facets`, how many results each filter value would keep.
 */
export async function searchRegistry(params: SearchParams, options: { facets?: boolean } = {}): Promise<SearchResult> {
  const empty = { items: [], total: 0, totalCapped: false, page: params.page, perPage: params.perPage, pageCount: 1, correctedQuery: null };
  if (!hasWords(params.q)) return options.facets ? { ...empty, facets: emptyFacets() } : empty;

  const [rows, facets] = await Promise.all([
    queryPrepared<HitRow>(buildSearchQuery(params), readSqlPool()),
    options.facets ? loadFacets(params) : Promise.resolve(undefined),
  ]);
  const counted = rows.length > 0 ? Number(rows[0]!.total) : params.page > 1 ? await countHits(params) : 0;
  // The count stops past MAX_COUNTED: "more than 1,000 results".
  const total = Math.min(counted, MAX_COUNTED);
  return {
    items: rows.map(toHit),
    total,
    totalCapped: counted > MAX_COUNTED,
    page: params.page,
    perPage: params.perPage,
    pageCount: Math.max(1, Math.ceil(total / params.perPage)),
    correctedQuery: correctedQuery(rows[0]),
    ...(facets ? { facets } : {}),
  };
}

/**
 * The query as searched for, when typos were corrected and the words as typed matched nothing: "Showing results
 * for kursk". When some records matched as typed, they come first and the page says nothing.
 */
function correctedQuery(row: HitRow | undefined) {
  return row?.corrected && Number(row.exact_total) === 0 ? row.corrected : null;
}

/** A page past the end has no rows to carry the total: count it apart, so the page can offer the last one. */
async function countHits(params: SearchParams) {
  const rows = await queryPrepared<HitRow>(buildSearchQuery({ ...params, page: 1, perPage: 1 }), readSqlPool());
  return rows.length > 0 ? Number(rows[0]!.total) : 0;
}

function toHit(row: HitRow): SearchHit {
  return {
    type: row.type,
    slug: row.slug,
    titleEn: row.title_en,
    titleRu: row.title_ru,
    headlineEn: row.headline_en,
    headlineRu: row.headline_ru,
    snippetEn: markedOrNull(row.snippet_en),
    snippetRu: markedOrNull(row.snippet_ru),
    rank: Number(row.rank),
    kind: row.kind,
    status: row.status,
    level: row.level,
    date: row.date,
    foundedYear: row.founded_year,
    countryCode: row.country_code,
    region: row.region_slug ? { slug: row.region_slug, nameEn: row.region_name_en ?? "", nameRu: row.region_name_ru ?? "" } : null,
    isDemo: row.is_demo,
  };
}

/** A passage is worth showing only where it holds a match; otherwise the title says enough. */
function markedOrNull(snippet: string | null) {
  return snippet && snippet.includes(HIGHLIGHT_START) && snippet.includes(HIGHLIGHT_STOP) ? snippet : null;
}

type FacetRow = { facet: FacetName; value: string; count: string | number; label_en: string | null; label_ru: string | null };

async function loadFacets(params: SearchParams): Promise<Facets> {
  const rows = await queryPrepared<FacetRow>(buildFacetQuery(params), readSqlPool());
  const facets = emptyFacets();
  for (const row of rows) {
    const entry: FacetValue = { value: row.value, count: Number(row.count), labelEn: row.label_en, labelRu: row.label_ru };
    facets[row.facet].push(entry);
  }
  return facets;
}

function emptyFacets(): Facets {
  return Object.fromEntries(facetNames.map((name) => [name, []])) as unknown as Facets;
}

type SuggestRow = {
  type: Suggestion["type"];
  slug: string;
  title_en: string;
  title_ru: string;
  context_en: string | null;
  context_ru: string | null;
};

/** Records whose names start with what was typed (in either script), for the search box's suggestions. */
export async function suggestEntries(text: string, limit = 8): Promise<Suggestion[]> {
  const sql = buildSuggestQuery(text, limit);
  if (!sql || text.trim().length < MIN_SUGGEST_LENGTH) return [];
  const rows = await queryPrepared<SuggestRow>(sql, readSqlPool());
  return rows.map((row) => ({
    type: row.type,
    slug: row.slug,
    titleEn: row.title_en,
    titleRu: row.title_ru,
    contextEn: row.context_en,
    contextRu: row.context_ru,
  }));
}

/** True when the text holds a letter or digit: punctuation alone matches nothing, without asking. */
export function hasWords(text: string) {
  return /[\p{L}\p{N}]/u.test(text);
}

type LookupRow = { id: number; label_en: string; label_ru: string; context_en: string | null; context_ru: string | null };

/**
 * The staff pickers' matches: see `buildLookupQuery`; sectors (109 rows of reference data) by code or name. On the
 * primary, as every staff read: a record created a moment ago can be picked at once.
 */
export async function lookupRecords(params: LookupParams): Promise<LookupItem[]> {
  if (params.type === "sector") {
    const term = params.q.trim();
    if (!term) return [];
    const like = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await queryPrepared<LookupRow & { id: string }>(Prisma.sql`
      SELECT code AS id, code || ' ' || name_en AS label_en, code || ' ' || name_ru AS label_ru,
             CASE WHEN level = 'section' THEN 'Section' ELSE 'Division' END AS context_en,
             CASE WHEN level = 'section' THEN 'Раздел' ELSE 'Подраздел' END AS context_ru
      FROM sectors
      WHERE code ILIKE ${like} || '%' OR name_en ILIKE '%' || ${like} || '%' OR name_ru ILIKE '%' || ${like} || '%'
      ORDER BY (code ILIKE ${like} || '%') DESC, level, code LIMIT ${LOOKUP_LIMIT}`);
    return rows.map(toLookupItem);
  }
  const sql = buildLookupQuery(params.type, params.q, LOOKUP_LIMIT, params.kind);
  if (!sql || !hasWords(params.q)) return [];
  return (await queryPrepared<LookupRow>(sql)).map(toLookupItem);
}

function toLookupItem(row: LookupRow | (LookupRow & { id: string })): LookupItem {
  return { id: row.id, labelEn: row.label_en, labelRu: row.label_ru, contextEn: row.context_en, contextRu: row.context_ru };
}
