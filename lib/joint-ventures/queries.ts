import { cached } from "@/lib/cache";
import { openQueryCursor, queryRows, readSqlPool, streamQuery } from "@/lib/db/pg";
import type { RowSource } from "@/lib/export/write";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, idKey, mapCursorPage, toPage, type CursorPage, type Page, type PageParams } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { CursorKeySchema, SortedCursorKeySchema, type JointVentureDto, type JointVentureFilter, type JointVentureSort } from "./schema";

/**
 * Reads of the joint-venture table, in hand-written SQL: the filters need EXISTS over partners and sectors, and
 * the same statement feeds the page, the API's cursor and the streamed exports. Statements are `Prisma.sql`
 * templates: every value from the query string goes in as a parameter; only fixed fragments are put into the text.
 */

const { sql, join, empty } = Prisma;
type Sql = Prisma.Sql;

export type JointVentureRow = {
  id: number;
  slug: string;
  name: string;
  name_en: string | null;
  status: JointVentureDto["status"];
  founded_year: number | null;
  /** numeric comes as text, so no amount is rounded on the way. */
  capital_amount: string | null;
  capital_currency: string | null;
  country_code: string;
  is_demo: boolean;
  region_slug: string;
  region_name_en: string;
  region_name_ru: string;
  primary_sector: string | null;
  /** ISO 8601 in UTC, made by PostgreSQL: node-postgres would read a timestamp without zone in the process's zone. */
  updated_at: string;
  /** Codes only: the names come from the (small, fixed) NACE table once per request, not once per row. */
  sector_codes: string[];
  /**
   * [is a regional government, slug, name, English name, share in percent, and where the partner sits: its region's
   * slug, English and Russian names, country], largest share first.
   */
  partners: [boolean, string, string, string | null, number | string, string, string, string, string][];
};

type Locale = "en" | "ru";

/** The WHERE clause over `o` (the venture) for a filter; live joint ventures only. */
function whereClause(filter: JointVentureFilter): Sql {
  const conditions = [sql`o.kind = 'joint_venture'`, sql`o.archived_at IS NULL`];
  if (filter.status?.length) conditions.push(sql`o.status = ANY(${filter.status}::"OrganizationStatus"[])`);
  if (filter.foundedFrom !== undefined) conditions.push(sql`o.founded_year >= ${filter.foundedFrom}::int`);
  if (filter.foundedTo !== undefined) conditions.push(sql`o.founded_year <= ${filter.foundedTo}::int`);
  if (filter.capitalMin !== undefined) conditions.push(sql`o.capital_amount >= ${filter.capitalMin}::numeric`);
  if (filter.capitalMax !== undefined) conditions.push(sql`o.capital_amount <= ${filter.capitalMax}::numeric`);
  if (filter.updatedSince) conditions.push(sql`o.updated_at >= (${filter.updatedSince}::timestamptz AT TIME ZONE 'UTC')`);
  if (filter.currency) conditions.push(sql`o.capital_currency = ${filter.currency}::char(3)`);
  if (filter.sector?.length) {
    // A code is held when the venture has it, or (for a section) one of its divisions. "all" asks this of each
    // code in turn, one indexed semi-join each, which the planner handles far better than a double NOT EXISTS.
    const holds = (codes: string[]) => sql`EXISTS (
        SELECT 1 FROM organization_sectors os
        WHERE os.organization_id = o.id
          AND os.sector_code IN (SELECT s.code FROM sectors s WHERE s.code = ANY(${codes}::text[]) OR s.section_code = ANY(${codes}::text[])))`;
    if (filter.match === "all") for (const code of filter.sector) conditions.push(holds([code]));
    else conditions.push(holds(filter.sector));
  }
  // A partner sits in a region: an organization in its region, a regional government in itself.
  const partnerIn = (condition: Sql) => sql`EXISTS (
    SELECT 1 FROM joint_venture_partners p
    LEFT JOIN organizations po ON po.id = p.partner_organization_id
    JOIN regions pr ON pr.id = coalesce(p.partner_region_id, po.region_id)
    WHERE p.venture_id = o.id AND p.archived_at IS NULL AND ${condition})`;
  if (filter.region?.length && filter.regionMatch === "all") {
    // A partner in each region: a venture of Gomel and Kursk has one partner in each, or a partner that is both.
    for (const slug of filter.region) conditions.push(partnerIn(sql`pr.slug = ${slug}::text`));
  } else if (filter.region?.length) conditions.push(partnerIn(sql`pr.slug = ANY(${filter.region}::text[])`));
  if (filter.country) conditions.push(partnerIn(sql`pr.country_code = ${filter.country}::char(2)`));
  return join(conditions, "\n  AND ");
}

/** The sort key of each column, in the reader's language where names are sorted. Missing values come last. */
function sortExpression(sort: JointVentureSort, locale: Locale): Sql {
  switch (sort) {
    case "name":
      return locale === "ru" ? sql`o.name` : sql`coalesce(o.name_en, o.name)`;
    case "region":
      return locale === "ru" ? sql`r.name_ru` : sql`r.name_en`;
    case "status":
      return sql`o.status`;
    case "founded":
      return sql`o.founded_year`;
    case "capital":
      return sql`o.capital_amount`;
    case "sector":
      return sql`ps.sector_code`;
  }
}

/** The table's order as columns, each with missing values last, before the id (ascending) that breaks ties. */
function orderColumns(filter: JointVentureFilter, locale: Locale): { expression: Sql; descending: boolean }[] {
  // Amounts in different currencies are not comparable (RUB 10 million is less than USD 7.5 million): capital
  // sorts within each currency, currencies in alphabetical order, unless one currency is chosen.
  const currencyFirst = filter.sort === "capital" && !filter.currency ? [{ expression: sql`o.capital_currency`, descending: false }] : [];
  return [...currencyFirst, { expression: sortExpression(filter.sort, locale), descending: filter.dir === "desc" }];
}

function orderBy(filter: JointVentureFilter, locale: Locale): Sql {
  const columns = orderColumns(filter, locale).map(
    ({ expression, descending }) => sql`${expression} ${descending ? sql`DESC` : sql`ASC`} NULLS LAST`,
  );
  return sql`${join(columns, ", ")}, o.id ASC`;
}

/**
 * The rows after a cursor in the table's order (missing values last): later in the first column, or equal there
 * and later in the next, and so on down to the id. The cursor's values are text, which PostgreSQL reads as the
 * column's type.
 */
function afterInOrder(columns: { expression: Sql; descending: boolean }[], values: readonly (string | null)[], id: number): Sql {
  let condition = sql`o.id > ${id}::int`;
  for (let k = columns.length - 1; k >= 0; k -= 1) {
    const { expression, descending } = columns[k]!;
    const value = values[k] ?? null;
    const beyond = value === null ? sql`FALSE` : sql`(${expression} ${descending ? sql`<` : sql`>`} ${value} OR ${expression} IS NULL)`;
    const equal = value === null ? sql`${expression} IS NULL` : sql`${expression} = ${value}`;
    condition = sql`(${beyond} OR (${equal} AND ${condition}))`;
  }
  return condition;
}

/**
 * The columns of one venture, with its sectors and live partners aggregated in SQL (no query per row). Partners
 * come as arrays, not objects: json_build_array costs half of json_build_object over 100,000 rows.
 */
const rowColumns = sql`
  o.id, o.slug, o.name, o.name_en, o.status::text AS status, o.founded_year,
  o.capital_amount::text AS capital_amount, o.capital_currency, o.country_code, o.is_demo,
  to_char(o.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
  r.slug AS region_slug, r.name_en AS region_name_en, r.name_ru AS region_name_ru,
  sx.primary_sector, coalesce(sx.sector_codes, '{}') AS sector_codes,
  coalesce((
    SELECT json_agg(json_build_array(
             p.partner_organization_id IS NULL,
             coalesce(po.slug, pr.slug),
             coalesce(po.name, pr.name_ru),
             CASE WHEN p.partner_organization_id IS NULL THEN pr.name_en ELSE po.name_en END,
             p.share_percent,
             pl.slug, pl.name_en, pl.name_ru, pl.country_code)
           ORDER BY p.share_percent DESC, p.id)
    FROM joint_venture_partners p
    LEFT JOIN organizations po ON po.id = p.partner_organization_id
    LEFT JOIN regions pr ON pr.id = p.partner_region_id
    JOIN regions pl ON pl.id = coalesce(p.partner_region_id, po.region_id)
    WHERE p.venture_id = o.id AND p.archived_at IS NULL), '[]'::json) AS partners`;

/** The venture's sector codes (primary first) and its primary one, in one index scan per row. */
const sectorsJoin = sql`
  LEFT JOIN LATERAL (
    SELECT array_agg(os.sector_code::text ORDER BY os.is_primary DESC, os.sector_code) AS sector_codes,
           max(os.sector_code::text) FILTER (WHERE os.is_primary) AS primary_sector
    FROM organization_sectors os WHERE os.organization_id = o.id) sx ON true`;

/** The ventures with their regions; the primary sector joined only where the order needs it. */
function fromClause(filter: JointVentureFilter): Sql {
  const primary =
    filter.sort === "sector" ? sql`\n  LEFT JOIN organization_sectors ps ON ps.organization_id = o.id AND ps.is_primary` : empty;
  return sql`
  FROM organizations o
  JOIN regions r ON r.id = o.region_id${primary}`;
}

/** The export's statement: every matching venture in the table's order. */
export function jointVenturesExportQuery(filter: JointVentureFilter, locale: Locale = "en"): Sql {
  return sql`SELECT ${rowColumns} ${fromClause(filter)} ${sectorsJoin} WHERE ${whereClause(filter)} ORDER BY ${orderBy(filter, locale)}`;
}

/** The page's statement: one page of rows, each carrying the total of matches. */
function jointVenturesPageQuery(filter: JointVentureFilter, locale: Locale, { skip, take }: { skip: number; take: number }): Sql {
  const order = orderBy(filter, locale);
  // The window count runs over all matches before the LIMIT, so one statement gives the page and the total;
  // the aggregates run for the page's rows only.
  return sql`
      WITH matched AS (
        SELECT o.id, count(*) OVER () AS total, row_number() OVER (ORDER BY ${order}) AS position
        ${fromClause(filter)}
        WHERE ${whereClause(filter)}
        ORDER BY ${order}
        LIMIT ${take}::int OFFSET ${skip}::int
      )
      SELECT m.total, ${rowColumns}
      FROM matched m
      JOIN organizations o ON o.id = m.id
      JOIN regions r ON r.id = o.region_id
      ${sectorsJoin}
      ORDER BY m.position`;
}

function countQuery(filter: JointVentureFilter): Sql {
  return sql`SELECT count(*) AS total FROM organizations o WHERE ${whereClause(filter)}`;
}

/** A row as the API and the exports show it. `origin` makes `url` absolute (the exports); else it is a path. */
type SectorNames = ReadonlyMap<string, { nameEn: string; nameRu: string }>;
let sectorNamesCache: { names: Promise<SectorNames>; at: number } | undefined;

/** NACE Rev. 2 names by code: reference data of 109 rows, read once every few minutes rather than once per row. */
export function getSectorNames(): Promise<SectorNames> {
  if (sectorNamesCache && Date.now() - sectorNamesCache.at < 10 * 60_000) return sectorNamesCache.names;
  const names = queryRows<{ code: string; nameEn: string; nameRu: string }>(
    sql`SELECT code, name_en AS "nameEn", name_ru AS "nameRu" FROM sectors LIMIT 500`,
    readSqlPool(),
  ).then((rows) => new Map(rows.map(({ code, ...rest }) => [code, rest])));
  // A failed read is not kept: the next request tries again.
  names.catch(() => (sectorNamesCache = undefined));
  sectorNamesCache = { names, at: Date.now() };
  return names;
}

export function toJointVentureDto(row: JointVentureRow, sectorNames: SectorNames, origin = ""): JointVentureDto {
  return {
    slug: row.slug,
    name: row.name,
    nameEn: row.name_en,
    status: row.status,
    foundedYear: row.founded_year,
    capital:
      row.capital_amount !== null && row.capital_currency ? { amount: Number(row.capital_amount), currency: row.capital_currency } : null,
    region: { slug: row.region_slug, nameEn: row.region_name_en, nameRu: row.region_name_ru },
    country: row.country_code,
    sectors: row.sector_codes.map((code) => ({
      code,
      nameEn: sectorNames.get(code)?.nameEn ?? code,
      nameRu: sectorNames.get(code)?.nameRu ?? code,
      primary: code === row.primary_sector,
    })),
    partners: row.partners.map(([isRegion, slug, name, nameEn, share, regionSlug, regionNameEn, regionNameRu, country]) => ({
      type: isRegion ? "region" : "organization",
      slug,
      name,
      nameEn,
      sharePercent: Number(share),
      region: { slug: regionSlug, nameEn: regionNameEn, nameRu: regionNameRu },
      country: country.trim(),
    })),
    url: `${origin}${paths.organization(row.slug)}`,
    isDemo: row.is_demo,
    updatedAt: row.updated_at,
  };
}

/** One page of the table, with the total of matches; repeated reads come from the read cache. */
export const listJointVentures = cached("joint-ventures-page", ["organizations", "regions", "sectors"], readJointVenturesPage);

async function readJointVenturesPage(
  filter: JointVentureFilter,
  pageParams: PageParams,
  locale: Locale = "en",
): Promise<Page<JointVentureDto>> {
  const skip = (pageParams.page - 1) * pageParams.perPage;
  const [rows, sectorNames] = await Promise.all([
    queryRows<JointVentureRow & { total: string }>(
      jointVenturesPageQuery(filter, locale, { skip, take: pageParams.perPage }),
      readSqlPool(),
    ),
    getSectorNames(),
  ]);
  let total = rows[0] ? Number(rows[0].total) : 0;
  // Past the last page the window count has no row to ride on: count separately so the page can say how many.
  if (rows.length === 0 && skip > 0) total = Number((await queryRows<{ total: string }>(countQuery(filter), readSqlPool()))[0]?.total ?? 0);
  return toPage(
    rows.map((row) => toJointVentureDto(row, sectorNames)),
    total,
    pageParams,
  );
}

/** The newest ventures that match a filter, newest record first (the feed of new joint ventures). */
export const listNewestJointVentures = cached(
  "joint-ventures-newest",
  ["organizations", "regions", "sectors"],
  async (filter: JointVentureFilter, limit: number): Promise<JointVentureDto[]> => {
    const [rows, sectorNames] = await Promise.all([
      queryRows<JointVentureRow>(
        sql`SELECT ${rowColumns} ${fromClause(filter)} ${sectorsJoin} WHERE ${whereClause(filter)} ORDER BY o.id DESC LIMIT ${limit}::int`,
        readSqlPool(),
      ),
      getSectorNames(),
    ]);
    return rows.map((row) => toJointVentureDto(row, sectorNames));
  },
);

/**
 * The API's walk through all matching ventures, by id: keyset pagination, so ventures added while a client walks
 * are served once (those with a higher id, later) and none is skipped. The filter's sort is not used here.
 */
export async function listJointVenturesByCursor(
  filter: JointVentureFilter,
  { cursor, limit, origin = "", sorted = false }: { cursor?: string | null; limit: number; origin?: string; sorted?: boolean },
): Promise<CursorPage<JointVentureDto>> {
  if (sorted) return listJointVenturesInOrder(filter, { cursor, limit, origin });
  const after = cursor ? decodeCursor(cursor, CursorKeySchema) : null;
  if (cursor && !after) throw new InvalidCursorError();
  const [rows, sectorNames] = await Promise.all([
    queryRows<JointVentureRow>(
      sql`SELECT ${rowColumns} ${fromClause(filter)} ${sectorsJoin} WHERE ${whereClause(filter)} AND o.id > ${after?.[0] ?? 0}::int ORDER BY o.id LIMIT ${limit + 1}::int`,
      readSqlPool(),
    ),
    getSectorNames(),
  ]);
  return mapCursorPage(rows, limit, idKey, (row) => toJointVentureDto(row, sectorNames, origin));
}

/**
 * The API's walk in the table's order (`sort`, `dir`, names as on the English page): a keyset on the order's
 * values and the id, so a walk stays stable while ventures are added. A cursor of another order is refused.
 */
async function listJointVenturesInOrder(
  filter: JointVentureFilter,
  { cursor, limit, origin }: { cursor?: string | null; limit: number; origin: string },
): Promise<CursorPage<JointVentureDto>> {
  const columns = orderColumns(filter, "en");
  const after = cursor ? decodeCursor(cursor, SortedCursorKeySchema) : null;
  if (cursor && (!after || after.length !== columns.length + 1)) throw new InvalidCursorError();
  const afterValues = after ? (after.slice(0, -1) as (string | null)[]) : [];
  const afterId = after ? (after.at(-1) as number) : 0;
  const keys = columns.map(({ expression }, k) => sql`${expression}::text AS ${Prisma.raw(`sort_key_${k}`)}`);
  const [rows, sectorNames] = await Promise.all([
    queryRows<JointVentureRow & Record<string, string | null>>(
      sql`SELECT ${rowColumns}, ${join(keys, ", ")} ${fromClause(filter)} ${sectorsJoin}
          WHERE ${whereClause(filter)} ${after ? sql`AND ${afterInOrder(columns, afterValues, afterId)}` : empty}
          ORDER BY ${orderBy(filter, "en")} LIMIT ${limit + 1}::int`,
      readSqlPool(),
    ),
    getSectorNames(),
  ]);
  return mapCursorPage(
    rows,
    limit,
    (row) => [...columns.map((_, k) => row[`sort_key_${k}`] ?? null), row.id],
    (row) => toJointVentureDto(row, sectorNames, origin),
  );
}

/** A cursor that is not one of ours (tampered with, or from another list): the API answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super("The cursor is not valid: start again without one, or use the nextCursor of the previous page.");
    this.name = "InvalidCursorError";
  }
}

export type JointVentureFilterOptions = {
  sectors: { code: string; level: "section" | "division"; sectionCode: string | null; nameEn: string; nameRu: string }[];
  regions: { slug: string; nameEn: string; nameRu: string; countryCode: string }[];
  countries: { code: string; nameEn: string; nameRu: string }[];
  /** The currencies the live ventures' capital is recorded in. */
  currencies: string[];
};

/** The choices of the filter form: NACE sections and divisions, the live regions and their countries. */
export const getJointVentureFilterOptions = cached(
  "joint-venture-filter-options",
  ["regions", "sectors", "organizations"],
  readJointVentureFilterOptions,
);

async function readJointVentureFilterOptions(): Promise<JointVentureFilterOptions> {
  const [sectors, regions, countries, currencies] = await Promise.all([
    queryRows<JointVentureFilterOptions["sectors"][number]>(
      sql`SELECT code, level::text AS level, section_code AS "sectionCode", name_en AS "nameEn", name_ru AS "nameRu"
          FROM sectors ORDER BY coalesce(section_code, code), level, code LIMIT 500`,
      readSqlPool(),
    ),
    queryRows<JointVentureFilterOptions["regions"][number]>(
      sql`SELECT slug, name_en AS "nameEn", name_ru AS "nameRu", country_code AS "countryCode"
          FROM regions WHERE archived_at IS NULL ORDER BY country_code, name_en LIMIT 1000`,
      readSqlPool(),
    ),
    queryRows<JointVentureFilterOptions["countries"][number]>(
      sql`SELECT c.code, c.name_en AS "nameEn", c.name_ru AS "nameRu" FROM countries c
          WHERE EXISTS (SELECT 1 FROM regions r WHERE r.country_code = c.code AND r.archived_at IS NULL)
          ORDER BY c.name_en LIMIT 300`,
      readSqlPool(),
    ),
    queryRows<{ code: string }>(
      sql`SELECT DISTINCT capital_currency::text AS code FROM organizations
          WHERE kind = 'joint_venture' AND archived_at IS NULL AND capital_currency IS NOT NULL ORDER BY 1 LIMIT 200`,
    ),
  ]);
  return { sectors, regions, countries, currencies: currencies.map((row) => row.code) };
}

/**
 * Every matching venture, streamed from a database cursor (see `streamQuery`): constant memory whatever the count.
 * `encoder` turns each venture into text (the JSON export, lib/joint-ventures/export.ts).
 */
export function streamJointVentures(
  filter: JointVentureFilter,
  encoder: { head: string; record: (venture: JointVentureDto, index: number) => string; tail: (count: number) => string },
  { origin = "", signal, locale = "en", batchSize }: { origin?: string; signal?: AbortSignal; locale?: Locale; batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  let sectorNames: SectorNames = new Map();
  return streamQuery<JointVentureRow>(
    jointVenturesExportQuery(filter, locale),
    { head: encoder.head, row: (row, index) => encoder.record(toJointVentureDto(row, sectorNames, origin), index), tail: encoder.tail },
    {
      signal,
      batchSize,
      pool: readSqlPool(),
      prepare: async () => {
        sectorNames = await getSectorNames();
      },
    },
  );
}

/**
 * Every matching venture as a row source for the CSV and XLSX writers (lib/export/write.ts): one database cursor,
 * one snapshot, read a batch at a time. Rejects when the database cannot be reached.
 */
export async function openJointVentureSource(
  filter: JointVentureFilter,
  { origin = "", signal, locale = "en", batchSize }: { origin?: string; signal?: AbortSignal; locale?: Locale; batchSize?: number } = {},
): Promise<RowSource<JointVentureDto>> {
  const sectorNames = await getSectorNames();
  const cursor = await openQueryCursor<JointVentureRow>(jointVenturesExportQuery(filter, locale), {
    signal,
    batchSize,
    pool: readSqlPool(),
  });
  return {
    read: async () => (await cursor.read()).map((row) => toJointVentureDto(row, sectorNames, origin)),
    close: cursor.close,
  };
}
