/**
 * The SQL of the search, built from fixed fragments with every user value as a parameter. Kept apart from
 * the Prisma client so that the benchmark's bare `pg` baseline runs exactly the same statements.
 *
 * Matching, per record type:
 *   - a plain query (no quotes, `or` or `-word`) word by word: each word matches in Russian or English
 *     stemming, romanised (either script finds the other), as any of its domain equivalents (`search_synonyms`:
 *     ООО = LLC, обл. = oblast = region) and, when the word is in no name, as the known words within its typo
 *     budget (one edit from 5 letters, two from 9, a swap counting as one; `search_words`, pg_trgm candidates
 *     accepted by fuzzystrmatch). All words must match; records that match without a correction rank first;
 *   - a query with quotes, `or` or `-word`: `websearch_to_tsquery`, exactly as typed;
 *   - an organization's document is its own text and its context (region, country, kind, sectors: the
 *     trigger-kept `search_document`), so "Kursk university" finds the universities of Kursk Oblast;
 * Ranking: ts_rank (names weigh more than context, context more than descriptions). A broad word ("Belarus",
 * "Kursk", "завод") matches thousands of organizations through their context, and reading each one's document to
 * rank it cost most of the search at 100,000 organizations; so the matches are counted up to MAX_COUNTED, and
 * only the first RANKED_POOL of them in a cheap order (found as typed, name starting with the words, regions, then
 * type and id) are ranked by ts_rank; regions are read first, so that the count's stop never leaves one out.
 * Below those numbers, which the demo registry and most searches never reach, every match is ranked.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, type SearchParams } from "@/lib/search/schema";

const { sql, join, empty, raw } = Prisma;
type Sql = Prisma.Sql;

/** Words past this count do not narrow a search further, and each costs the planner. */
const MAX_QUERY_WORDS = 32;

/** The query as the full-text search reads it: no more than MAX_QUERY_WORDS words. */
export function normalizeQuery(text: string) {
  return text.split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS).join(" ");
}

/** Quotes, `or` and `-word` ask for exact full-text logic; typo tolerance and equivalents would blur it. */
export function isPlainQuery(text: string) {
  return !/["]/.test(text) && !/(^|\s)-\S/.test(text) && !/(^|\s)or(\s|$)/i.test(text);
}

/**
 * The suggestions' and pickers' fallback (a typo in a name still being typed) reads at most this many names
 * that look like the text (pg_trgm's GIN index, checked row by row): a common fragment ("agro") costs a
 * bounded amount, not a scan. Written into the text rather than passed as a value, so that the planner knows it.
 */
const FUZZY_CANDIDATES = sql`1000`;

/** Matches are counted up to this many; past it the page says "more than 1,000 results". */
export const MAX_COUNTED = 1000;

/**
 * How many of the matches (in the cheap order: found as typed, name starting with the words, regions, type, id)
 * are ranked by ts_rank, which reads each one's whole document. The rest follow in the cheap order.
 */
export const RANKED_POOL = 100;

const hitColumns = sql`(type, id, row_id, exact, prefix, kind, status, level, founded_year, meeting_year, country_code, region_id)`;

/** The three record types: each table, its alias and its names, for the fragments below. */
const tables = {
  organization: { table: sql`organizations`, a: sql`o` },
  region: { table: sql`regions`, a: sql`r` },
  meeting: { table: sql`meetings`, a: sql`m` },
} as const;
type RecordType = keyof typeof tables;

/** Each record type as rows of `hitColumns`, given whether it matches as typed and whether its name starts with the words. */
const hitRow: Record<RecordType, (exact: Sql, prefix: Sql) => Sql> = {
  organization: (exact, prefix) =>
    sql`'organization'::text, o.id, o.ctid, ${exact}, ${prefix}, o.kind::text, o.status::text, NULL::text, o.founded_year, NULL::int, o.country_code::text, o.region_id`,
  region: (exact, prefix) =>
    sql`'region'::text, r.id, r.ctid, ${exact}, ${prefix}, NULL::text, NULL::text, r.level::text, NULL::int, NULL::int, r.country_code::text, r.id`,
  meeting: (exact, prefix) =>
    sql`'meeting'::text, m.id, m.ctid, ${exact}, ${prefix}, NULL::text, NULL::text, m.level::text, NULL::int, extract(year FROM m.date)::int, NULL::text, NULL::int`,
};

/** The record types a search can return, given filters that only some types carry. */
function wantedTypes(params: SearchParams) {
  const wanted = new Set(params.type.length > 0 ? params.type : ["organization", "region", "meeting"]);
  if (params.kind.length || params.status.length || params.sector.length || params.foundedFrom || params.foundedTo) {
    wanted.delete("region");
    wanted.delete("meeting");
  }
  if (params.meetingYear.length || params.level.length) {
    wanted.delete("region");
    wanted.delete("organization");
  }
  // Regions first: the count stops after MAX_COUNTED matches in this order, and the few regions are never left out.
  return (["region", "organization", "meeting"] as const).filter((type) => wanted.has(type));
}

const noRows = sql`SELECT NULL::text, NULL::int, NULL::tid, NULL::boolean, NULL::boolean, NULL::text, NULL::text, NULL::text, NULL::int, NULL::int, NULL::text, NULL::int WHERE false`;

/** The romanised text as a LIKE pattern for names that start with it (its wildcards escaped). */
const startsWith = (latin: Sql) => sql`replace(replace(replace(${latin}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/** A record that matches without a corrected word ranks above every record that needs one. */
export const EXACT_BONUS = 10;

/**
 * The weights of D (descriptions, sectors), C (region, country, kind), B and A (names) for ts_rank. ts_rank, not
 * ts_rank_cd: cover density rewards words close together, and an organization's context sits apart from its
 * name, so "Kursk university" in one description would outrank the universities of Kursk Oblast.
 */
const RANK_WEIGHTS = sql`'{0.05, 0.2, 0.4, 1.0}'::float4[]`;

/** The searchable document of each record type: an organization's own words and its context. */
const documentOf: Record<RecordType, Sql> = {
  organization: sql`o.search_document`,
  region: sql`r.search_vector`,
  meeting: sql`m.search_vector`,
};

/**
 * `corrections(ord, word, distance)`: for each typed word (`typed(ord, word)`, folded) that no name, stem or
 * synonym knows and that is long enough to have a typo budget (`unknown`, settled first: a known word costs
 * one index probe, not a candidate search), the known words within that budget of the word
 * or of its romanised form (so "Заречный" reaches "Zarechny"), nearest and most common first, three at most.
 * The budget is the typed word's: its letters as typed. pg_trgm's index finds the candidates (the pool sets
 * pg_trgm.similarity_threshold low enough for one slip in five letters); interregio_typo_distance accepts them.
 */
const correctionsCte = sql`unknown AS MATERIALIZED (
    SELECT t.ord, t.word, interregio_typo_budget(t.word) AS budget FROM typed t
     WHERE interregio_typo_budget(t.word) > 0
       AND NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word IN (t.word, interregio_romanize(t.word)) OR k.stem = interregio_stem(t.word))
       AND NOT EXISTS (SELECT 1 FROM search_synonyms s WHERE s.stem = interregio_stem(t.word))
  ),
  corrections AS (
    SELECT u.ord, c.word, c.distance FROM unknown u
     CROSS JOIN LATERAL (
       SELECT word, distance FROM (
         SELECT w.word, w.documents, interregio_typo_distance(f.form, w.word, u.budget) AS distance
           FROM (SELECT DISTINCT form FROM (VALUES (u.word), (interregio_romanize(u.word))) AS v(form) WHERE form <> '') AS f
           JOIN search_words w ON w.word % f.form
            AND char_length(w.word) BETWEEN char_length(f.form) - u.budget AND char_length(f.form) + u.budget
       ) AS candidate
       WHERE distance <= u.budget
       ORDER BY distance, documents DESC, word LIMIT 3
     ) AS c
  )`;

/**
 * The `input` of a plain query: `query` (every word, each as any of its forms, equivalents and corrections),
 * `exact` (the same without corrections; null when nothing was corrected), `prefix` and `corrected` (the query as searched for, when a word was
 * corrected). With `correct` false, no word is corrected (the "search instead for" link).
 */
function plainInput(q: string, correct: boolean): Sql {
  return sql`
  typed AS MATERIALIZED (
    SELECT ord, token AS word FROM ts_parse('default', interregio_fold(${q}::text)) WITH ORDINALITY AS p(tokid, token, ord)
     WHERE tokid IN (1, 2, 3, 9, 10, 11, 21, 22) ORDER BY ord LIMIT ${raw(String(MAX_QUERY_WORDS))}
  ),
  ${correct ? correctionsCte : sql`corrections AS (SELECT NULL::bigint AS ord, NULL::text AS word, NULL::int AS distance WHERE false)`},
  alternatives AS (
    -- A corrected word is expanded as a typed one: "factroy" finds every enterprise by its kind words, which hold
    -- завод alone of its synonym group (migration 20261207185000).
    SELECT w.ord, w.corrected, a.query
      FROM (SELECT ord, word, false AS corrected FROM typed UNION ALL SELECT ord, word, true FROM corrections) AS w
     CROSS JOIN LATERAL (
       SELECT plainto_tsquery('russian', w.word) AS query
       UNION ALL SELECT plainto_tsquery('simple', interregio_romanize(w.word))
       UNION ALL SELECT plainto_tsquery('russian', e.word)
         FROM search_synonyms s JOIN search_synonyms e ON e.group_id = s.group_id
        WHERE s.stem = interregio_stem(w.word)
     ) AS a
  ),
  terms AS (
    SELECT ord, interregio_any(query) FILTER (WHERE NOT corrected) AS exact, interregio_any(query) AS term
      FROM alternatives WHERE numnode(query) > 0 GROUP BY ord
  ),
  input AS (
    SELECT (SELECT interregio_all(term) FROM terms) AS query,
           -- Null when no word was corrected: every match is then exact, and no row tests it twice.
           CASE WHEN EXISTS (SELECT 1 FROM corrections) THEN (SELECT interregio_all(exact) FROM terms) END AS exact,
           ${startsWith(sql`interregio_romanize(${q}::text)`)} AS prefix,
           CASE WHEN EXISTS (SELECT 1 FROM corrections) THEN
             (SELECT string_agg(coalesce((SELECT c.word FROM corrections c WHERE c.ord = t.ord ORDER BY c.distance LIMIT 1), t.word), ' ' ORDER BY t.ord)
                FROM typed t)
           END AS corrected
  )`;
}

/** The `input` of a query with quotes, `or` or `-word`: websearch_to_tsquery, in both scripts, exactly as typed. */
function websearchInput(q: string): Sql {
  const latin = sql`interregio_romanize(${q}::text)`;
  return sql`
  input AS (
    SELECT interregio_kind_rewrite(websearch_to_tsquery('russian', interregio_fold(${q}::text)) || websearch_to_tsquery('simple', ${latin})) AS query,
           NULL::tsquery AS exact, ${startsWith(latin)} AS prefix, NULL::text AS corrected
  )`;
}

/**
 * The matched records of all three types, with the columns the filters and facets read and the cheap part of
 * the rank: whether the record matches as typed (`exact`: a record found only through a corrected word ranks
 * below every record found as typed; its document is read for this only when a word was corrected) and whether
 * its name starts with the words (`prefix`: "Kursk" and Kursk Oblast, before passing mentions). There is no
 * fallback to names merely like the whole query: a typo is forgiven word by word, within the word's budget, and
 * the page says what it searched for instead.
 */
function hitsCte(params: SearchParams): Sql {
  const q = normalizeQuery(params.q);
  const plain = isPlainQuery(params.q);
  const types = wantedTypes(params);
  const matches = types.length
    ? join(
        types.map((type) => {
          const { table, a } = tables[type];
          const document = documentOf[type];
          const exact = sql`CASE WHEN input.exact IS NULL THEN true ELSE ${document} @@ input.exact END`;
          const prefix = sql`coalesce(${a}.search_latin LIKE input.prefix, false)`;
          return sql`
    SELECT ${hitRow[type](exact, prefix)} FROM ${table} ${a}, input WHERE ${a}.archived_at IS NULL AND ${document} @@ input.query`;
        }),
        "\n    UNION ALL",
      )
    : noRows;
  return sql`${plain ? plainInput(q, !params.literal) : websearchInput(q)},
  hits${hitColumns} AS (${matches}
  )`;
}

/**
 * The rank of the pool's records: ts_rank of the document, plus 0.5 for a name that starts with the words and
 * EXACT_BONUS for a match as typed.
 */
function rankedPool(): Sql {
  return join(
    (["organization", "region", "meeting"] as const).map((type) => {
      const { table, a } = tables[type];
      return sql`
    SELECT pool.type, ${a}.id, (ts_rank(${RANK_WEIGHTS}, ${documentOf[type]}, input.query)
           + CASE WHEN pool.prefix THEN 0.5 ELSE 0 END + CASE WHEN pool.exact THEN ${raw(String(EXACT_BONUS))} ELSE 0 END)::real AS rank
      FROM pool JOIN ${table} ${a} ON ${a}.ctid = pool.row_id, input WHERE pool.type = ${raw(`'${type}'`)}`;
    }),
    "\n    UNION ALL",
  );
}

/** A meeting is in the regions (and their countries) that took part in it. */
const meetingIn = (condition: Sql) =>
  sql`(type = 'meeting' AND EXISTS (SELECT 1 FROM meeting_regions mr JOIN regions mrr ON mrr.id = mr.region_id WHERE mr.meeting_id = hits.id AND ${condition}))`;

function filterClause(params: SearchParams): Sql {
  const where: Sql[] = [];
  if (params.type.length) where.push(sql`type = ANY(${params.type}::text[])`);
  if (params.kind.length) where.push(sql`kind = ANY(${params.kind}::text[])`);
  if (params.status.length) where.push(sql`status = ANY(${params.status}::text[])`);
  if (params.level.length) where.push(sql`level = ANY(${params.level}::text[])`);
  if (params.sector.length) {
    const codes = params.sector;
    // A section letter takes in its divisions.
    where.push(sql`(type = 'organization' AND EXISTS (SELECT 1 FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code
        WHERE os.organization_id = hits.id AND (s.code = ANY(${codes}::text[]) OR s.section_code = ANY(${codes}::text[]))))`);
  }
  if (params.country.length) {
    const codes = params.country;
    where.push(sql`(country_code = ANY(${codes}::text[]) OR ${meetingIn(sql`mrr.country_code = ANY(${codes}::text[])`)})`);
  }
  if (params.region.length) {
    const slugs = params.region;
    where.push(
      sql`(region_id IN (SELECT id FROM regions WHERE slug = ANY(${slugs}::text[])) OR ${meetingIn(sql`mrr.slug = ANY(${slugs}::text[])`)})`,
    );
  }
  if (params.foundedFrom !== undefined) where.push(sql`founded_year >= ${params.foundedFrom}::int`);
  if (params.foundedTo !== undefined) where.push(sql`founded_year <= ${params.foundedTo}::int`);
  if (params.meetingYear.length) where.push(sql`meeting_year = ANY(${params.meetingYear}::int[])`);
  return where.length ? sql`WHERE ${join(where, " AND ")}` : empty;
}

const headlineOptions = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;
const snippetOptions = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, MaxFragments=1`;
/** Marker characters in stored text would confuse the highlighting: they are removed before it. */
const clean = (column: Sql) => sql`translate(${column}, E'\\x02\\x03', '')`;

/** The results' order: the pool by rank, then the rest in the pool's cheap order. */
const pageOrder = (poolRank: Sql, row: Sql) =>
  sql`${poolRank} DESC NULLS LAST, ${row}.exact DESC, ${row}.prefix DESC, ${row}.type = 'region' DESC, ${row}.type, ${row}.id`;

/**
 * One page of ranked results with the total (the filtered matches, counted up to MAX_COUNTED + 1: more means
 * "more than MAX_COUNTED"), the first RANKED_POOL matches ranked (see the top of this file), titles and passages
 * highlighted by ts_headline for the page's rows only: it is the slowest function here.
 */
export function buildSearchQuery(params: SearchParams): Sql {
  const titleEn = sql`coalesce(o.name_en, o.name, r.name_en, m.title_en)`;
  const titleRu = sql`coalesce(o.name, r.name_ru, m.title_ru)`;
  return sql`
WITH ${hitsCte(params)},
  matched AS MATERIALIZED (
    SELECT type, id, row_id, exact, prefix FROM hits ${filterClause(params)} LIMIT ${raw(String(MAX_COUNTED + 1))}
  ),
  pool AS MATERIALIZED (
    SELECT type, row_id, exact, prefix FROM matched
     ORDER BY exact DESC, prefix DESC, type = 'region' DESC, type, id LIMIT ${raw(String(RANKED_POOL))}
  ),
  ranked AS (${rankedPool()}
  ),
  page AS (
    -- The pool comes first (no record outside it is found as typed or named so where one inside is not), ranked;
    -- the rest after it in the cheap order, their rank the cheap part alone.
    SELECT matched.type, matched.id, ranked.rank AS pool_rank, matched.exact, matched.prefix,
           coalesce(ranked.rank, (CASE WHEN matched.prefix THEN 0.5 ELSE 0 END + CASE WHEN matched.exact THEN ${raw(String(EXACT_BONUS))} ELSE 0 END)::real) AS rank
      FROM matched LEFT JOIN ranked ON ranked.type = matched.type AND ranked.id = matched.id
     ORDER BY ${pageOrder(sql`ranked.rank`, sql`matched`)}
     LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}
  ),
  counted AS (SELECT count(*) AS total, count(*) FILTER (WHERE exact) AS exact_total FROM matched)
SELECT page.type, page.rank, counted.total, counted.exact_total, input.corrected,
       coalesce(o.slug, r.slug, m.slug) AS slug,
       ${titleEn} AS title_en,
       ${titleRu} AS title_ru,
       ts_headline('english', ${clean(titleEn)}, input.query, ${headlineOptions}) AS headline_en,
       ts_headline('russian', ${clean(titleRu)}, input.query, ${headlineOptions}) AS headline_ru,
       CASE WHEN o.description_en IS NOT NULL OR m.summary_en IS NOT NULL
            THEN ts_headline('english', ${clean(sql`coalesce(o.description_en, m.summary_en)`)}, input.query, ${snippetOptions}) END AS snippet_en,
       CASE WHEN o.description_ru IS NOT NULL OR m.summary_ru IS NOT NULL
            THEN ts_headline('russian', ${clean(sql`coalesce(o.description_ru, m.summary_ru)`)}, input.query, ${snippetOptions}) END AS snippet_ru,
       o.kind::text AS kind, o.status::text AS status,
       coalesce(r.level::text, m.level::text) AS level,
       to_char(m.date, 'YYYY-MM-DD') AS date, o.founded_year,
       coalesce(o.country_code, r.country_code) AS country_code,
       orgregion.slug AS region_slug, orgregion.name_en AS region_name_en, orgregion.name_ru AS region_name_ru,
       coalesce(o.is_demo, r.is_demo, m.is_demo) AS is_demo
  FROM page CROSS JOIN input CROSS JOIN counted
  LEFT JOIN organizations o ON page.type = 'organization' AND o.id = page.id
  LEFT JOIN regions orgregion ON orgregion.id = o.region_id
  LEFT JOIN regions r ON page.type = 'region' AND r.id = page.id
  LEFT JOIN meetings m ON page.type = 'meeting' AND m.id = page.id
 ORDER BY ${pageOrder(sql`page.pool_rank`, sql`page`)}`;
}

/**
 * How many results each filter value keeps, over the same first MAX_COUNTED matches the count reads: exact when
 * the search has no more, and otherwise each a lower bound (a search for "Belarus" matches 50,000 organizations,
 * and counting all of them took 0.8 s). The page shows counts only when they are exact. Sectors and meetings'
 * regions are joined once for the whole set, not looked up row by row.
 */
export function buildFacetQuery(params: SearchParams): Sql {
  return sql`
WITH ${hitsCte(params)},
  filtered AS MATERIALIZED (SELECT * FROM hits ${filterClause(params)} LIMIT ${raw(String(MAX_COUNTED))}),
  meeting_places AS (
    SELECT DISTINCT f.id, r.id AS region_id, r.country_code::text AS country_code
      FROM filtered f JOIN meeting_regions mr ON mr.meeting_id = f.id JOIN regions r ON r.id = mr.region_id
     WHERE f.type = 'meeting'
  ),
  organization_sections AS (
    SELECT DISTINCT f.id, coalesce(s.section_code, s.code) AS section
      FROM filtered f JOIN organization_sectors os ON os.organization_id = f.id JOIN sectors s ON s.code = os.sector_code
     WHERE f.type = 'organization'
  )
SELECT 'type' AS facet, type AS value, count(*) AS count, NULL AS label_en, NULL AS label_ru FROM filtered GROUP BY type
UNION ALL
SELECT 'kind', kind, count(*), NULL, NULL FROM filtered WHERE kind IS NOT NULL GROUP BY kind
UNION ALL
SELECT 'status', status, count(*), NULL, NULL FROM filtered WHERE status IS NOT NULL GROUP BY status
UNION ALL
SELECT 'sector', s.code, count(*), s.name_en, s.name_ru
  FROM organization_sections os JOIN sectors s ON s.code = os.section
 GROUP BY s.code, s.name_en, s.name_ru
UNION ALL
SELECT 'region', r.slug, count(*), r.name_en, r.name_ru
  FROM (SELECT region_id FROM filtered WHERE type <> 'meeting' UNION ALL SELECT region_id FROM meeting_places) AS x
  JOIN regions r ON r.id = x.region_id
 GROUP BY r.slug, r.name_en, r.name_ru
UNION ALL
SELECT 'country', c.code, count(*), c.name_en, c.name_ru
  FROM (SELECT country_code FROM filtered WHERE type <> 'meeting'
        UNION ALL SELECT country_code FROM (SELECT DISTINCT id, country_code FROM meeting_places) AS mc) AS x
  JOIN countries c ON c.code = x.country_code
 GROUP BY c.code, c.name_en, c.name_ru
UNION ALL
SELECT 'foundedDecade', (founded_year / 10 * 10)::text, count(*), NULL, NULL FROM filtered WHERE founded_year IS NOT NULL GROUP BY founded_year / 10
UNION ALL
SELECT 'meetingYear', meeting_year::text, count(*), NULL, NULL FROM filtered WHERE meeting_year IS NOT NULL GROUP BY meeting_year
ORDER BY 1, 3 DESC, 2`;
}

/** The words typed into the search box or a picker, for prefix matching (letters and digits only, so each is a safe tsquery term); none when nothing was typed but marks. */
function typedWords(text: string) {
  const words =
    text
      .normalize("NFC")
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  if (words.length === 0) return null;
  const latin = sql`interregio_romanize(${words.join(" ")}::text)`;
  // Each word typed is a prefix term, matched in either script (words of both scripts may be mixed), or the
  // known words within its typo budget when no name, stem or synonym knows it; `starts` finds the names that
  // start with the text. A word that romanises to nothing (a lone soft sign) has no Latin term.
  const input = sql`typed AS MATERIALIZED (
  SELECT ord, interregio_fold(word) AS word FROM unnest(${words}::text[]) WITH ORDINALITY AS t(word, ord)
),
${correctionsCte},
input AS (
  SELECT (SELECT interregio_all(term) FROM (
            SELECT t.ord, interregio_any(a.query) AS term FROM typed t
             CROSS JOIN LATERAL (
               SELECT to_tsquery('simple', t.word || ':*') AS query
               UNION ALL SELECT to_tsquery('simple', nullif(interregio_romanize(t.word), '') || ':*')
               UNION ALL SELECT to_tsquery('simple', c.word || ':*') FROM corrections c WHERE c.ord = t.ord
             ) AS a
             GROUP BY t.ord
          ) AS per_word) AS query,
         ${startsWith(latin)} AS starts
)`;
  return { latin, input };
}

/** Each record type as the search box and the pickers name it: a title and a line of context, in both languages. */
const named = {
  region: {
    ...tables.region,
    from: sql`regions r JOIN countries c ON c.code = r.country_code`,
    label: sql`r.name_en, r.name_ru`,
    context: sql`c.name_en, c.name_ru`,
  },
  organization: {
    ...tables.organization,
    from: sql`organizations o JOIN regions rg ON rg.id = o.region_id`,
    label: sql`coalesce(o.name_en, o.name), o.name`,
    context: sql`rg.name_en, rg.name_ru`,
  },
  meeting: {
    ...tables.meeting,
    from: sql`meetings m`,
    label: sql`m.title_en, m.title_ru`,
    context: sql`to_char(m.date, 'YYYY-MM-DD'), to_char(m.date, 'YYYY-MM-DD')`,
  },
} as const;

/** Regions before organizations before meetings among suggestions that score the same. */
const suggestOrder = [
  { type: "region", order: sql`0` },
  { type: "organization", order: sql`1` },
  { type: "meeting", order: sql`2` },
] as const;

/**
 * Prefix matches in either script for the search box: "Kur" finds Kursk Oblast and "Кур" the same. Each word
 * typed becomes a prefix term. Names that start with the text come first, then shorter names, regions before
 * organizations before meetings. When nothing starts so, the names most like it by trigrams (a typo).
 */
export function buildSuggestQuery(text: string, limit: number): Sql | null {
  const typed = typedWords(text);
  if (!typed) return null;
  const { latin } = typed;
  const select = (type: RecordType, order: Sql, score: Sql) => {
    const { a, label, context, from } = named[type];
    return sql`SELECT ${type}::text AS type, ${order} AS type_order, ${a}.slug, ${label}, ${context}, ${score} AS score, length(${a}.search_latin) AS len FROM ${from}`;
  };
  const prefixed = suggestOrder.map(({ type, order }) => {
    const { a } = named[type];
    return sql`
  (${select(type, order, sql`CASE WHEN ${a}.search_latin LIKE input.starts THEN 1 ELSE 0 END`)}, input
    WHERE ${a}.archived_at IS NULL AND ${a}.search_vector @@ input.query
    ORDER BY score DESC, len, ${a}.id LIMIT ${limit})`;
  });
  const nearest = suggestOrder.map(({ type, order }) => {
    const { a, table } = named[type];
    return sql`
  (${select(type, order, sql`word_similarity(${latin}, ${a}.search_latin)`)}
    WHERE ${a}.id IN (SELECT id FROM ${table} WHERE archived_at IS NULL AND ${latin} <% search_latin
                           AND NOT EXISTS (SELECT 1 FROM prefixed) LIMIT ${FUZZY_CANDIDATES})
    ORDER BY score DESC LIMIT ${limit})`;
  });
  return sql`
WITH ${typed.input},
prefixed(type, type_order, slug, title_en, title_ru, context_en, context_ru, score, len) AS (${join(prefixed, "\n  UNION ALL")}
),
found AS (SELECT * FROM prefixed UNION ALL SELECT * FROM (${join(nearest, "\n  UNION ALL")}
) AS nearest(type, type_order, slug, title_en, title_ru, context_en, context_ru, score, len))
SELECT type, slug, title_en, title_ru, context_en, context_ru FROM found
ORDER BY score DESC, type_order, len, slug
LIMIT ${limit}`;
}

/**
 * The staff pickers' lookup: live records of one type whose words start with what was typed, in either
 * script (the same indexed prefix match as the suggestions), names that start with it first; when nothing
 * starts so, the nearest romanised names by trigram similarity. Organizations may be limited to one kind.
 */
export function buildLookupQuery(type: RecordType, text: string, limit: number, kind?: string): Sql | null {
  const typed = typedWords(text);
  if (!typed) return null;
  const { latin } = typed;
  const { a, table, from, label, context } = named[type];
  const kindFilter = kind && type === "organization" ? sql` AND ${a}.kind = ${kind}::"OrganizationKind"` : empty;
  const columns = sql`(id, label_en, label_ru, context_en, context_ru, rank, len)`;
  const select = sql`SELECT ${a}.id, ${label}, ${context}`;
  return sql`
WITH ${typed.input},
prefixed${columns} AS (
  ${select}, CASE WHEN ${a}.search_latin LIKE input.starts THEN 0 ELSE 1 END AS rank, length(${a}.search_latin) AS len
  FROM ${from}, input
  WHERE ${a}.archived_at IS NULL AND ${a}.search_vector @@ input.query${kindFilter}
  ORDER BY rank, len, ${a}.id LIMIT ${limit}
),
nearest${columns} AS (
  ${select}, 2 AS rank, 0 AS len
  FROM ${from}
  WHERE ${a}.id IN (SELECT id FROM ${table} WHERE archived_at IS NULL AND ${latin} <% search_latin
                    AND NOT EXISTS (SELECT 1 FROM prefixed) LIMIT ${FUZZY_CANDIDATES})${kindFilter}
  ORDER BY word_similarity(${latin}, ${a}.search_latin) DESC, ${a}.id LIMIT ${limit}
)
SELECT * FROM prefixed UNION ALL SELECT * FROM nearest ORDER BY rank, len, id`;
}
