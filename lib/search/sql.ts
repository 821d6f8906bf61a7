/**
 * The SQL of the search, built from fixed fragments with every user value as a parameter. Kept apart from
 * the Prisma client so that the benchmark's bare `pg` baseline runs exactly the same statements.
 *
 * Matching, per record type:
 *   - full text: `websearch_to_tsquery` (quotes, `or`, `-word`) in Russian (whose configuration stems Latin
 *     words with the English stemmer) against the stored `search_vector`, OR'd with the romanised query
 *     against the romanised names, so that either script finds the other;
 *   - typos: when the words match nothing and the query is plain (no quotes, `or` or `-word`), trigram word
 *     similarity against the romanised names (`<%`, pg_trgm's GIN index), so that "Gomselmsh" still finds
 *     Gomselmash.
 * Ranking: ts_rank_cd (names weigh more than descriptions), or the similarity for the typo fallback.
 */
import { HIGHLIGHT_START, HIGHLIGHT_STOP, type SearchParams } from "@/lib/search/schema";

export type SqlQuery = { text: string; values: unknown[] };

/** Words past this count do not narrow a search further, and each costs the planner. */
const MAX_QUERY_WORDS = 32;
/** Trigram similarity is for names: a query this long is a phrase, not a mistyped name. */
const MAX_FUZZY_LENGTH = 60;

class Params {
  values: unknown[] = [];
  add(value: unknown) {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The query as the full-text search reads it: no more than MAX_QUERY_WORDS words. */
export function normalizeQuery(text: string) {
  return text.split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS).join(" ");
}

/** Quotes, `or` and `-word` ask for exact full-text logic; typo tolerance would blur it. */
export function isPlainQuery(text: string) {
  return !/["]/.test(text) && !/(^|\s)-\S/.test(text) && !/(^|\s)or(\s|$)/i.test(text) && text.length <= MAX_FUZZY_LENGTH;
}

type Needs = { sectors: boolean; regions: boolean };

/** The matched records of all three types, with the columns the filters and facets read. */
function hitsCte(params: SearchParams, p: Params, needs: Needs) {
  const q = p.add(normalizeQuery(params.q));
  const wanted = new Set(params.type.length > 0 ? params.type : ["organization", "region", "meeting"]);
  // Filters that only organizations carry leave the other types out.
  if (params.kind.length || params.status.length || params.sector.length || params.foundedFrom || params.foundedTo) {
    wanted.delete("region");
    wanted.delete("meeting");
  }
  if (params.meetingYear.length || params.level.length) {
    wanted.delete("region");
    wanted.delete("organization");
  }

  const organizationSectors = needs.sectors
    ? `ARRAY(SELECT s.code::text FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code WHERE os.organization_id = o.id
             UNION SELECT s.section_code::text FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code WHERE os.organization_id = o.id AND s.section_code IS NOT NULL)`
    : "NULL::text[]";
  const meetingCountries = needs.regions
    ? "ARRAY(SELECT DISTINCT r.country_code::text FROM meeting_regions mr JOIN regions r ON r.id = mr.region_id WHERE mr.meeting_id = m.id)"
    : "NULL::text[]";
  const meetingRegions = needs.regions ? "ARRAY(SELECT mr.region_id FROM meeting_regions mr WHERE mr.meeting_id = m.id)" : "NULL::int[]";
  const sources = {
    organization: (match: (alias: string) => string, rank: (alias: string) => string) => `
    SELECT 'organization'::text, o.id, ${rank("o")}, o.kind::text, o.status::text, NULL::text, o.founded_year, NULL::int,
           ARRAY[o.country_code::text], ARRAY[o.region_id], ${organizationSectors}
      FROM organizations o, input WHERE o.archived_at IS NULL AND ${match("o")}`,
    region: (match: (alias: string) => string, rank: (alias: string) => string) => `
    SELECT 'region', r.id, ${rank("r")}, NULL, NULL, r.level::text, NULL, NULL, ARRAY[r.country_code::text], ARRAY[r.id], NULL::text[]
      FROM regions r, input WHERE r.archived_at IS NULL AND ${match("r")}`,
    meeting: (match: (alias: string) => string, rank: (alias: string) => string) => `
    SELECT 'meeting', m.id, ${rank("m")}, NULL, NULL, m.level::text, NULL, extract(year FROM m.date)::int,
           ${meetingCountries}, ${meetingRegions}, NULL::text[]
      FROM meetings m, input WHERE m.archived_at IS NULL AND ${match("m")}`,
  };
  const types = (["organization", "region", "meeting"] as const).filter((type) => wanted.has(type));
  const union = (match: (alias: string) => string, rank: (alias: string) => string) =>
    types.length > 0
      ? types.map((type) => sources[type](match, rank)).join("\n    UNION ALL")
      : "SELECT NULL::text, NULL::int, NULL::real, NULL::text, NULL::text, NULL::text, NULL::int, NULL::int, NULL::text[], NULL::int[], NULL::text[] WHERE false";
  const columns = "(type, id, rank, kind, status, level, founded_year, meeting_year, countries, region_ids, sectors)";
  const exact = union(
    (alias) => `${alias}.search_vector @@ input.query`,
    // A name that starts with the words typed ("Kursk" and Kursk Oblast) comes before passing mentions.
    (alias) => `ts_rank_cd(${alias}.search_vector, input.query) + CASE WHEN ${alias}.search_latin LIKE input.prefix THEN 0.5 ELSE 0 END`,
  );
  // Typo tolerance is the fallback: only when the words themselves match nothing, the names most like them.
  const fuzzy = isPlainQuery(params.q)
    ? union(
        (alias) => `input.latin <% ${alias}.search_latin AND NOT EXISTS (SELECT 1 FROM exact)`,
        (alias) => `word_similarity(input.latin, ${alias}.search_latin)`,
      )
    : null;

  return `
  input AS (
    SELECT websearch_to_tsquery('russian', interregio_fold(${q})) || websearch_to_tsquery('simple', interregio_romanize(${q})) AS query,
           interregio_romanize(${q}) AS latin,
           replace(replace(replace(interregio_romanize(${q}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' AS prefix
  ),
  exact${columns} AS (${exact}
  ),
  hits AS (SELECT * FROM exact${fuzzy ? `\n    UNION ALL (SELECT * FROM (${fuzzy}\n    ) AS fuzzy${columns})` : ""})`;
}

function filterClause(params: SearchParams, p: Params) {
  const where: string[] = [];
  if (params.type.length) where.push(`type = ANY(${p.add(params.type)}::text[])`);
  if (params.kind.length) where.push(`kind = ANY(${p.add(params.kind)}::text[])`);
  if (params.status.length) where.push(`status = ANY(${p.add(params.status)}::text[])`);
  if (params.level.length) where.push(`level = ANY(${p.add(params.level)}::text[])`);
  if (params.sector.length) where.push(`sectors && ${p.add(params.sector)}::text[]`);
  if (params.country.length) where.push(`countries && ${p.add(params.country)}::text[]`);
  if (params.region.length) where.push(`region_ids && ARRAY(SELECT id FROM regions WHERE slug = ANY(${p.add(params.region)}::text[]))`);
  if (params.foundedFrom !== undefined) where.push(`founded_year >= ${p.add(params.foundedFrom)}::int`);
  if (params.foundedTo !== undefined) where.push(`founded_year <= ${p.add(params.foundedTo)}::int`);
  if (params.meetingYear.length) where.push(`meeting_year = ANY(${p.add(params.meetingYear)}::int[])`);
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
}

const headlineOptions = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;
const snippetOptions = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, MaxFragments=1`;
/** Marker characters in stored text would confuse the highlighting: they are removed before it. */
const clean = (column: string) => `translate(${column}, E'\\x02\\x03', '')`;

/**
 * One page of ranked results with the total (a window count over the filtered matches), titles and
 * passages highlighted by ts_headline for the page's rows only: it is the slowest function here.
 */
export function buildSearchQuery(params: SearchParams): SqlQuery {
  const p = new Params();
  const needs = { sectors: params.sector.length > 0, regions: params.region.length > 0 || params.country.length > 0 };
  const cte = hitsCte(params, p, needs);
  const where = filterClause(params, p);
  const limit = p.add(params.perPage);
  const offset = p.add((params.page - 1) * params.perPage);
  const text = `
WITH ${cte},
  page AS (
    SELECT type, id, rank, count(*) OVER () AS total FROM hits ${where}
     ORDER BY rank DESC, type, id LIMIT ${limit} OFFSET ${offset}
  )
SELECT page.type, page.rank, page.total,
       coalesce(o.slug, r.slug, m.slug) AS slug,
       coalesce(o.name_en, o.name, r.name_en, m.title_en) AS title_en,
       coalesce(o.name, r.name_ru, m.title_ru) AS title_ru,
       ts_headline('english', ${clean("coalesce(o.name_en, o.name, r.name_en, m.title_en)")}, input.query, '${headlineOptions}') AS headline_en,
       ts_headline('russian', ${clean("coalesce(o.name, r.name_ru, m.title_ru)")}, input.query, '${headlineOptions}') AS headline_ru,
       CASE WHEN o.description_en IS NOT NULL OR m.summary_en IS NOT NULL
            THEN ts_headline('english', ${clean("coalesce(o.description_en, m.summary_en)")}, input.query, '${snippetOptions}') END AS snippet_en,
       CASE WHEN o.description_ru IS NOT NULL OR m.summary_ru IS NOT NULL
            THEN ts_headline('russian', ${clean("coalesce(o.description_ru, m.summary_ru)")}, input.query, '${snippetOptions}') END AS snippet_ru,
       o.kind::text AS kind, o.status::text AS status,
       coalesce(r.level::text, m.level::text) AS level,
       m.date, o.founded_year,
       coalesce(o.country_code, r.country_code) AS country_code,
       orgregion.slug AS region_slug, orgregion.name_en AS region_name_en, orgregion.name_ru AS region_name_ru,
       coalesce(o.is_demo, r.is_demo, m.is_demo) AS is_demo
  FROM page CROSS JOIN input
  LEFT JOIN organizations o ON page.type = 'organization' AND o.id = page.id
  LEFT JOIN regions orgregion ON orgregion.id = o.region_id
  LEFT JOIN regions r ON page.type = 'region' AND r.id = page.id
  LEFT JOIN meetings m ON page.type = 'meeting' AND m.id = page.id
 ORDER BY page.rank DESC, page.type, page.id`;
  return { text, values: p.values };
}

/** How many of the filtered matches carry each value of each facet: the counts the facet links promise. */
export function buildFacetQuery(params: SearchParams): SqlQuery {
  const p = new Params();
  const cte = hitsCte(params, p, { sectors: true, regions: true });
  const where = filterClause(params, p);
  const text = `
WITH ${cte},
  filtered AS (SELECT * FROM hits ${where})
SELECT 'type' AS facet, type AS value, count(*) AS count, NULL AS label_en, NULL AS label_ru FROM filtered GROUP BY type
UNION ALL
SELECT 'kind', kind, count(*), NULL, NULL FROM filtered WHERE kind IS NOT NULL GROUP BY kind
UNION ALL
SELECT 'status', status, count(*), NULL, NULL FROM filtered WHERE status IS NOT NULL GROUP BY status
UNION ALL
SELECT 'sector', s.code, count(*), s.name_en, s.name_ru
  FROM filtered CROSS JOIN LATERAL unnest(filtered.sectors) AS f(sector_code) JOIN sectors s ON s.code = f.sector_code AND s.level = 'section'
 GROUP BY s.code, s.name_en, s.name_ru
UNION ALL
SELECT 'region', r.slug, count(*), r.name_en, r.name_ru
  FROM filtered CROSS JOIN LATERAL unnest(filtered.region_ids) AS f(region_id) JOIN regions r ON r.id = f.region_id
 GROUP BY r.slug, r.name_en, r.name_ru
UNION ALL
SELECT 'country', c.code, count(*), c.name_en, c.name_ru
  FROM filtered CROSS JOIN LATERAL unnest(filtered.countries) AS f(country_code) JOIN countries c ON c.code = f.country_code
 GROUP BY c.code, c.name_en, c.name_ru
UNION ALL
SELECT 'foundedDecade', (founded_year / 10 * 10)::text, count(*), NULL, NULL FROM filtered WHERE founded_year IS NOT NULL GROUP BY founded_year / 10
UNION ALL
SELECT 'meetingYear', meeting_year::text, count(*), NULL, NULL FROM filtered WHERE meeting_year IS NOT NULL GROUP BY meeting_year
ORDER BY 1, 3 DESC, 2`;
  return { text, values: p.values };
}

/**
 * Prefix matches in either script for the search box: "Kur" finds Kursk Oblast and "Кур" the same. Each word
 * typed becomes a prefix term; a plain query also gets trigram matches for a typo in a name.
 */
export function buildSuggestQuery(text: string, limit: number): SqlQuery | null {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return null;
  const p = new Params();
  const prefix = p.add(words.map((word) => `${word}:*`).join(" & "));
  const latin = p.add(words.join(" "));
  const each = p.add(limit);
  const sql = `
WITH input AS (
  SELECT to_tsquery('simple', interregio_fold(${prefix})) || to_tsquery('simple', interregio_romanize(${prefix})) AS query,
         interregio_romanize(${latin}) AS latin
)
SELECT type, slug, title_en, title_ru, context_en, context_ru FROM (
  (SELECT 'region' AS type, r.slug, r.name_en AS title_en, r.name_ru AS title_ru, c.name_en AS context_en, c.name_ru AS context_ru,
          ts_rank_cd(r.search_vector, input.query) + word_similarity(input.latin, r.search_latin) AS score
     FROM regions r JOIN countries c ON c.code = r.country_code, input
    WHERE r.archived_at IS NULL AND (r.search_vector @@ input.query OR input.latin <% r.search_latin)
    ORDER BY score DESC, r.id LIMIT ${each})
  UNION ALL
  (SELECT 'organization', o.slug, coalesce(o.name_en, o.name), o.name, rg.name_en, rg.name_ru,
          ts_rank_cd(o.search_vector, input.query) + word_similarity(input.latin, o.search_latin)
     FROM organizations o JOIN regions rg ON rg.id = o.region_id, input
    WHERE o.archived_at IS NULL AND (o.search_vector @@ input.query OR input.latin <% o.search_latin)
    ORDER BY 7 DESC, o.id LIMIT ${each})
  UNION ALL
  (SELECT 'meeting', m.slug, m.title_en, m.title_ru, to_char(m.date, 'YYYY-MM-DD'), to_char(m.date, 'YYYY-MM-DD'),
          ts_rank_cd(m.search_vector, input.query) + word_similarity(input.latin, m.search_latin)
     FROM meetings m, input
    WHERE m.archived_at IS NULL AND (m.search_vector @@ input.query OR input.latin <% m.search_latin)
    ORDER BY 7 DESC, m.id LIMIT ${each})
) AS found
ORDER BY score DESC, type, slug
LIMIT ${each}`;
  return { text: sql, values: p.values };
}
