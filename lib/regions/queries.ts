import "server-only";
import { cache } from "react";
import type { FormValues } from "@/lib/actions/form-state";
import type { SnapshotReader } from "@/lib/actions/versioned";
import { cached } from "@/lib/cache";
import { db, readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import { listTimeline } from "@/lib/meetings/timeline";
import { toPage, type Page } from "@/lib/pagination";
import { SIDE_DEPTH } from "@/lib/regions/sides";
import { growthPercent } from "@/lib/trade/series";
import type { RegionFilter, RegionListParams } from "@/lib/regions/schema";
import { openQueryCursor, readSqlPool } from "@/lib/db/pg";
import type { RowSource } from "@/lib/export/write";
import { paths } from "@/lib/paths";

/** A link to a region: what every page needs to name it and point to it. */
export const regionRefSelect = { slug: true, nameEn: true, nameRu: true } as const;
export const countrySelect = { code: true, nameEn: true, nameRu: true } as const;

/** Parts of a region (cities of an oblast) shown on its page. */
export const CHILDREN_LIMIT = 100;
/** Trade figures on a region's page: the latest years with every partner. */
export const TRADE_LIMIT = 50;
/** Options of a region filter: every live region, up to a bound no registry of regions should reach. */
export const REGION_OPTIONS_LIMIT = 1000;

export type RegionRow = {
  slug: string;
  nameEn: string;
  nameRu: string;
  isoCode: string | null;
  level: RegionLevel;
  country: { code: string; nameEn: string; nameRu: string };
  organizations: number;
};

type RawRegionRow = Omit<RegionRow, "country"> & { countryCode: string; countryNameEn: string; countryNameRu: string };

/** The list's filters as a WHERE clause over `regions r`. */
function regionWhere(filter: RegionFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`r.archived_at IS NULL`];
  if (filter.country) conditions.push(Prisma.sql`r.country_code = ${filter.country}`);
  if (filter.level) conditions.push(Prisma.sql`r.level = ${filter.level}::"RegionLevel"`);
  return Prisma.join(conditions, " AND ");
}

/** The list's rows and the export's, in the list's order (names in the reader's language). */
function regionRowsSql(filter: RegionFilter, locale: Locale): Prisma.Sql {
  const name = locale === "ru" ? Prisma.sql`r.name_ru` : Prisma.sql`r.name_en`;
  return Prisma.sql`
      SELECT r.slug, r.name_en AS "nameEn", r.name_ru AS "nameRu", r.iso_code AS "isoCode", r.level::text AS level,
             c.code AS "countryCode", c.name_en AS "countryNameEn", c.name_ru AS "countryNameRu",
             (SELECT count(*)::int FROM organizations o WHERE o.region_id = r.id AND o.archived_at IS NULL) AS organizations
      FROM regions r JOIN countries c ON c.code = r.country_code
      WHERE ${regionWhere(filter)}
      ORDER BY r.country_code, r.level, ${name}, r.id`;
}

const toRegionRow = ({ countryCode, countryNameEn, countryNameRu, ...row }: RawRegionRow): RegionRow => ({
  ...row,
  country: { code: countryCode, nameEn: countryNameEn, nameRu: countryNameRu },
});

/**
 * A page of live regions by country, level and name in the reader's language, each with its number of live
 * organizations: counted for the rows of the page only, each an index-only count on organizations(region_id).
 */
export const listRegions = cached("regions-list", ["regions", "organizations"], readRegions);

async function readRegions(params: RegionListParams, locale: Locale): Promise<Page<RegionRow>> {
  const [rows, counted] = await Promise.all([
    readDb().$queryRaw<RawRegionRow[]>`${regionRowsSql(params, locale)}
      LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}`,
    readDb().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM regions r WHERE ${regionWhere(params)}`,
  ]);
  return toPage(rows.map(toRegionRow), counted[0]?.total ?? 0, params);
}

/** One region as the list's export writes it. */
export type RegionExportRow = RegionRow & { url: string };

/**
 * Every region of the list's filters, in the list's order, as a row source for the CSV and XLSX writers
 * (lib/export/write.ts): one database cursor, one snapshot, read a batch at a time.
 */
export async function openRegionSource(
  filter: RegionFilter,
  { origin = "", signal, locale = "en" }: { origin?: string; signal?: AbortSignal; locale?: Locale } = {},
): Promise<RowSource<RegionExportRow>> {
  const cursor = await openQueryCursor<RawRegionRow>(regionRowsSql(filter, locale), { signal, pool: readSqlPool() });
  return {
    read: async () => (await cursor.read()).map((raw) => ({ ...toRegionRow(raw), url: `${origin}${paths.region(raw.slug)}` })),
    close: cursor.close,
  };
}

/** Every live region for a filter's select, in the reader's alphabet. */
export const listRegionOptions = cached("region-options", ["regions"], async (locale: Locale) =>
  readDb().region.findMany({
    where: { archivedAt: null },
    orderBy: [{ countryCode: "asc" }, locale === "ru" ? { nameRu: "asc" } : { nameEn: "asc" }, { id: "asc" }],
    take: REGION_OPTIONS_LIMIT,
    select: { ...regionRefSelect, countryCode: true },
  }),
);

/** A live region's names by slug, for naming a filter. */
export async function getRegionName(slug: string) {
  return readDb().region.findFirst({ where: { slug, archivedAt: null }, select: regionRefSelect });
}

/** The countries that have regions: the options of a country filter. */
export const listCountryOptions = cached("country-options", ["regions"], async (locale: Locale) =>
  readDb().country.findMany({
    where: { regions: { some: { archivedAt: null } } },
    orderBy: locale === "ru" ? { nameRu: "asc" } : { nameEn: "asc" },
    take: REGION_OPTIONS_LIMIT,
    select: countrySelect,
  }),
);

/** A trade figure of a region with a partner as the SQL reads it (filed either way), with the year before's turnover. */
export type RawTradeRow = {
  year: number;
  regionId: number;
  turnoverUsd: Prisma.Decimal;
  exportsUsd: Prisma.Decimal | null;
  importsUsd: Prisma.Decimal | null;
  previousTurnoverUsd: Prisma.Decimal | null;
  sourceTitle: string;
  sourceTitleRu?: string | null;
  sourceUrl: string | null;
  partnerSlug: string;
  partnerNameEn: string;
  partnerNameRu: string;
};

export type RegionTradeRow = {
  year: number;
  partner: { slug: string; nameEn: string; nameRu: string };
  turnoverUsd: number;
  exportsUsd: number | null;
  importsUsd: number | null;
  growthPercent: number | null;
  sourceTitle: string;
  /** The source's Russian title, where the read asks for it and the figure has one. */
  sourceTitleRu?: string | null;
  sourceUrl: string | null;
};

/** The latest trade figures of a region with any partner, each with the figure of the year before for growth. */
async function listTrade(regionId: number) {
  const rows = await readDb().$queryRaw<RawTradeRow[]>`
    SELECT t.year, t.region_id AS "regionId", t.turnover_usd AS "turnoverUsd", t.exports_usd AS "exportsUsd",
           t.imports_usd AS "importsUsd", prev.turnover_usd AS "previousTurnoverUsd",
           t.source_title AS "sourceTitle", t.source_title_ru AS "sourceTitleRu", t.source_url AS "sourceUrl",
           p.slug AS "partnerSlug", p.name_en AS "partnerNameEn", p.name_ru AS "partnerNameRu"
    FROM trade_figures t
    JOIN regions p ON p.id = CASE WHEN t.region_id = ${regionId} THEN t.partner_region_id ELSE t.region_id END
    -- The year before may have been filed the other way round: a pair is one key whichever way (the pair index).
    LEFT JOIN trade_figures prev
      ON LEAST(prev.region_id, prev.partner_region_id) = LEAST(t.region_id, t.partner_region_id)
      AND GREATEST(prev.region_id, prev.partner_region_id) = GREATEST(t.region_id, t.partner_region_id)
      AND prev.year = t.year - 1 AND prev.archived_at IS NULL
    WHERE t.archived_at IS NULL AND (t.region_id = ${regionId} OR t.partner_region_id = ${regionId})
    ORDER BY t.year DESC, p.name_en, t.id
    LIMIT ${TRADE_LIMIT}`;
  return rows.map((row) => toRegionTradeRow(row, regionId));
}

/** A figure seen from this region: what it exports is the other side's imports when it was filed the other way. */
export function toRegionTradeRow(row: RawTradeRow, regionId: number): RegionTradeRow {
  const ours = row.regionId === regionId;
  const turnover = Number(row.turnoverUsd);
  return {
    year: row.year,
    partner: { slug: row.partnerSlug, nameEn: row.partnerNameEn, nameRu: row.partnerNameRu },
    turnoverUsd: turnover,
    exportsUsd: numberOrNull(ours ? row.exportsUsd : row.importsUsd),
    importsUsd: numberOrNull(ours ? row.importsUsd : row.exportsUsd),
    growthPercent: growthPercent(turnover, numberOrNull(row.previousTurnoverUsd)),
    sourceTitle: row.sourceTitle,
    ...(row.sourceTitleRu ? { sourceTitleRu: row.sourceTitleRu } : {}),
    sourceUrl: row.sourceUrl,
  };
}

/** A region as its page and the API's record show it: names, codes, its country and the region it is part of. */
export const regionSelect = {
  id: true,
  ...regionRefSelect,
  otherNames: true,
  isoCode: true,
  level: true,
  isDemo: true,
  updatedAt: true,
  country: { select: countrySelect },
  parent: { select: regionRefSelect },
} as const satisfies Prisma.RegionSelect;

/** A live region by slug; null when there is none. */
export function findRegion(slug: string) {
  return readDb().region.findFirst({ where: { slug, archivedAt: null }, select: regionSelect });
}

/**
 * The live parts of a region (cities of an oblast) by name. A query of its own: a nested `take` would be applied
 * in memory, after reading every row.
 */
export function listChildRegions(regionId: number, limit: number) {
  return readDb().region.findMany({
    where: { parentId: regionId, archivedAt: null },
    orderBy: [{ nameEn: "asc" }, { id: "asc" }],
    take: limit,
    select: regionRefSelect,
  });
}

/**
 * One read per request (the page and its metadata share it), kept in the read cache between requests.
 * Organizations are listed by the page itself.
 */
export const getRegionPage = cache(
  cached("region-page", ["regions", "links", "meetings", "trade"], async (slug: string) => {
    const region = await findRegion(slug);
    if (!region) return null;
    const [children, trade, timeline] = await Promise.all([
      listChildRegions(region.id, CHILDREN_LIMIT),
      listTrade(region.id),
      listTimeline({ regionId: region.id }),
    ]);
    return { ...region, children, trade, timeline: timeline.entries, timelineTotal: timeline.total };
  }),
);

function numberOrNull(value: { toString(): string } | null) {
  return value === null ? null : Number(value.toString());
}

export type RegionPage = NonNullable<Awaited<ReturnType<typeof getRegionPage>>>;

// ---- The staff workspace ----

const editSelect = {
  id: true,
  slug: true,
  nameEn: true,
  nameRu: true,
  otherNames: true,
  isoCode: true,
  level: true,
  countryCode: true,
  version: true,
  archivedAt: true,
  parent: { select: { id: true, nameEn: true, nameRu: true } },
} as const satisfies Prisma.RegionSelect;

/** A region as its history keeps it: readable values, the parent by name. */
export const snapshotRegion: SnapshotReader = async (tx, id) => {
  const region = await tx.region.findUnique({ where: { id }, select: editSelect });
  if (!region) return null;
  return {
    nameEn: region.nameEn,
    nameRu: region.nameRu,
    otherNames: region.otherNames,
    isoCode: region.isoCode,
    level: region.level,
    countryCode: region.countryCode,
    parent: region.parent ? region.parent.nameEn : null,
    version: region.version,
    archived: region.archivedAt !== null,
  };
};

/** A region for its edit form, archived or not; null when there is no such id. Once per request: the edit page and its title share it. */
export const getRegionForEdit = cache(async (id: number) => {
  const region = await db().region.findUnique({ where: { id }, select: editSelect });
  if (!region) return null;
  return {
    id: region.id,
    slug: region.slug,
    name: { en: region.nameEn, ru: region.nameRu },
    archived: region.archivedAt !== null,
    version: region.version,
    values: {
      nameEn: region.nameEn,
      nameRu: region.nameRu,
      otherNames: region.otherNames.join("\n"),
      isoCode: region.isoCode ?? "",
      level: region.level,
      countryCode: region.countryCode,
      parentId: region.parent ? String(region.parent.id) : "",
      parentId__label: region.parent ? region.parent.nameEn : "",
      version: String(region.version),
    } satisfies FormValues,
  };
});

/** Every country (ISO 3166-1, about 250 rows of reference data): the options of the region form. */
export const listAllCountries = cached("countries-all", ["regions"], async (locale: Locale) =>
  db().country.findMany({ orderBy: locale === "ru" ? { nameRu: "asc" } : { nameEn: "asc" }, take: 300, select: countrySelect }),
);

// ---- The home page ----

/** Region pairs on the home page. */
export const ACTIVE_PAIRS_LIMIT = 6;

export type ActivePair = {
  region: { slug: string; nameEn: string; nameRu: string };
  partner: { slug: string; nameEn: string; nameRu: string };
  meetings: number;
  ventures: number;
  tradeYears: number;
};

/**
 * The most active region pairs: by meetings held together, joint ventures with partners on both sides and years
 * of trade, counted as each pair's page counts them (lib/regions/pair.ts): a side is a region with its parts, so
 * Belarus pairs with Kursk Oblast through a meeting held in Minsk too; trade is the two regions' own figures.
 * Pairs of a region with one of its own parts have no page and are left out. The first of a pair is the one
 * first in the alphabet, as the pair's canonical address is.
 */
export const listActivePairs = cached(
  "active-pairs",
  ["regions", "organizations", "meetings", "trade"],
  async (limit: number = ACTIVE_PAIRS_LIMIT): Promise<ActivePair[]> => {
    const rows = await db().$queryRaw<{ a: string; b: string; meetings: number; ventures: number; tradeYears: number }[]>`
      WITH RECURSIVE up AS (
        -- Each live region with itself and the live regions it is part of: whose sides it belongs to.
        SELECT r.id AS region_id, r.id AS ancestor_id, 0 AS depth FROM regions r WHERE r.archived_at IS NULL
        UNION ALL
        SELECT up.region_id, parent.id, up.depth + 1
        FROM up JOIN regions a ON a.id = up.ancestor_id JOIN regions parent ON parent.id = a.parent_id AND parent.archived_at IS NULL
        WHERE up.depth < ${SIDE_DEPTH}
      ), meeting_sides AS (
        SELECT DISTINCT mr.meeting_id AS item, up.ancestor_id AS side
        FROM meeting_regions mr JOIN meetings m ON m.id = mr.meeting_id AND m.archived_at IS NULL JOIN up ON up.region_id = mr.region_id
      ), venture_sides AS (
        SELECT DISTINCT jp.venture_id AS item, up.ancestor_id AS side
        FROM joint_venture_partners jp
        JOIN organizations v ON v.id = jp.venture_id AND v.kind = 'joint_venture' AND v.archived_at IS NULL
        LEFT JOIN organizations po ON po.id = jp.partner_organization_id
        JOIN up ON up.region_id = coalesce(po.region_id, jp.partner_region_id)
        WHERE jp.archived_at IS NULL AND (po.id IS NULL OR po.archived_at IS NULL)
      ), by_meetings AS (
        SELECT x.side AS a, y.side AS b, count(*)::int AS n
        FROM meeting_sides x JOIN meeting_sides y ON y.item = x.item AND x.side < y.side GROUP BY 1, 2
      ), by_ventures AS (
        SELECT x.side AS a, y.side AS b, count(*)::int AS n
        FROM venture_sides x JOIN venture_sides y ON y.item = x.item AND x.side < y.side GROUP BY 1, 2
      ), by_trade AS (
        SELECT LEAST(t.region_id, t.partner_region_id) AS a, GREATEST(t.region_id, t.partner_region_id) AS b,
               count(DISTINCT t.year)::int AS n
        FROM trade_figures t WHERE t.archived_at IS NULL GROUP BY 1, 2
      ), pairs AS (
        SELECT coalesce(bm.a, bv.a, bt.a) AS a, coalesce(bm.b, bv.b, bt.b) AS b,
               coalesce(bm.n, 0) AS meetings, coalesce(bv.n, 0) AS ventures, coalesce(bt.n, 0) AS trade_years
        FROM by_meetings bm
        FULL JOIN by_ventures bv ON bv.a = bm.a AND bv.b = bm.b
        FULL JOIN by_trade bt ON bt.a = coalesce(bm.a, bv.a) AND bt.b = coalesce(bm.b, bv.b)
      )
      SELECT ra.slug AS a, rb.slug AS b, p.meetings, p.ventures, p.trade_years AS "tradeYears"
      FROM pairs p
      JOIN regions ra ON ra.id = p.a AND ra.archived_at IS NULL
      JOIN regions rb ON rb.id = p.b AND rb.archived_at IS NULL
      WHERE NOT EXISTS (
        SELECT 1 FROM up WHERE up.depth > 0 AND ((up.region_id = p.a AND up.ancestor_id = p.b) OR (up.region_id = p.b AND up.ancestor_id = p.a)))
      ORDER BY p.meetings + p.ventures + p.trade_years DESC, least(ra.slug, rb.slug), greatest(ra.slug, rb.slug)
      LIMIT ${limit}`;
    if (rows.length === 0) return [];
    const slugs = [...new Set(rows.flatMap((row) => [row.a, row.b]))];
    const regions = await db().region.findMany({ where: { slug: { in: slugs } }, select: regionRefSelect });
    const bySlug = new Map(regions.map((region) => [region.slug, region]));
    return rows.flatMap((row) => {
      const [first, second] = row.a <= row.b ? [row.a, row.b] : [row.b, row.a];
      const region = bySlug.get(first);
      const partner = bySlug.get(second);
      return region && partner ? [{ region, partner, meetings: row.meetings, ventures: row.ventures, tradeYears: row.tradeYears }] : [];
    });
  },
);
