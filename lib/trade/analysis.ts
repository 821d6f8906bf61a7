import "server-only";
import { cache } from "react";
import { cached } from "@/lib/cache";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { toPage, type Page, type PageParams } from "@/lib/pagination";
import { buildTradeSeries, type StoredTradeFigure, type TradeYear } from "@/lib/trade/series";
import { TRADE_YEAR_MAX, TRADE_YEAR_MIN, type TradeFilter } from "@/lib/trade/schema";

export { buildTradeSeries, growthBasis, growthPercent, type GrowthBasis, type TradeYear } from "@/lib/trade/series";

/**
 * Reads for the trade analysis: one region pair's series, and the overview of pairs ranked by turnover or
 * growth. A pair's figure is stored once per year, filed from either side (the workspace refuses the reverse
 * duplicate), so a pair is keyed by its two region ids in ascending order: LEAST and GREATEST, which the
 * expression index trade_figures_live_pair_year_idx covers. Archived figures and archived regions are left out.
 */

/** Every year a pair can have (the year check of trade_figures): the series is bounded by the schema itself. */
const PAIR_YEARS_LIMIT = TRADE_YEAR_MAX - TRADE_YEAR_MIN + 1;

type RawFigure = Omit<StoredTradeFigure, "sourceUrl"> & { sourceUrl: string | null };

/**
 * The trade between two regions by year, oldest first, with exports and imports seen from `regionId`'s side
 * and growth on the stored year before only. Empty when either region is archived or they are the same.
 */
export const readPairTrade = cached("trade-pair", ["trade", "regions"], async (regionId: number, partnerRegionId: number) => {
  if (regionId === partnerRegionId) return [] as TradeYear[];
  const [low, high] = regionId < partnerRegionId ? [regionId, partnerRegionId] : [partnerRegionId, regionId];
  // Amounts as float8: numeric(18,2) up to ten trillion keeps its cents in a double (below 2^53 cents).
  const rows = await readDb().$queryRaw<RawFigure[]>`
    SELECT t.year, t.region_id AS "regionId", t.turnover_usd::float8 AS "turnoverUsd",
           t.exports_usd::float8 AS "exportsUsd", t.imports_usd::float8 AS "importsUsd",
           t.source_title AS "sourceTitle", t.source_title_ru AS "sourceTitleRu", t.source_url AS "sourceUrl"
    FROM trade_figures t
    WHERE LEAST(t.region_id, t.partner_region_id) = ${low} AND GREATEST(t.region_id, t.partner_region_id) = ${high}
      AND t.archived_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.id IN (${low}, ${high}) AND r.archived_at IS NOT NULL)
    ORDER BY t.year
    LIMIT ${PAIR_YEARS_LIMIT}`;
  return buildTradeSeries(rows, regionId);
});

export type TradeRegion = { id: number; slug: string; nameEn: string; nameRu: string; countryCode: string };

const tradeRegionSelect = { id: true, slug: true, nameEn: true, nameRu: true, countryCode: true } as const;

/**
 * A pair's trade page by the two slugs: both live regions, different, and their series seen from the first.
 * Null when either slug names no live region or both name the same one (the page answers 404). One read per
 * request: the page and its metadata share it.
 */
export const getTradePair = cache(async (slug: string, partnerSlug: string) => {
  if (slug === partnerSlug) return null;
  const regions = await readDb().region.findMany({
    where: { slug: { in: [slug, partnerSlug] }, archivedAt: null },
    select: tradeRegionSelect,
    take: 2,
  });
  const region = regions.find((r) => r.slug === slug);
  const partner = regions.find((r) => r.slug === partnerSlug);
  if (!region || !partner) return null;
  const years = await readPairTrade(region.id, partner.id);
  return { region, partner, years };
});

export type TradePair = NonNullable<Awaited<ReturnType<typeof getTradePair>>>;

// ---- The overview: pairs ranked ----

export type TradePairRow = {
  region: Omit<TradeRegion, "id">;
  partner: Omit<TradeRegion, "id">;
  /** The year ranked: the pair's latest, or the chosen one. */
  year: number;
  turnoverUsd: number;
  exportsUsd: number | null;
  importsUsd: number | null;
  /** The stored turnover of the year before; null when that year is not recorded. */
  previousTurnoverUsd: number | null;
  growthPercent: number | null;
  source: { title: string; titleRu: string | null; url: string | null };
};

/** A ranked row as the SQL gives it: the figures, then the source and both regions flat. */
type RawPairRow = Omit<TradePairRow, "region" | "partner" | "source"> & {
  sourceTitle: string;
  sourceTitleRu: string | null;
  sourceUrl: string | null;
  regionSlug: string;
  regionNameEn: string;
  regionNameRu: string;
  regionCountry: string;
  partnerSlug: string;
  partnerNameEn: string;
  partnerNameRu: string;
  partnerCountry: string;
};

/**
 * The pairs of the overview as common table expressions. `chosen` keeps one live figure per pair (its latest
 * year, or the chosen year): DISTINCT ON over the pair key, read in the order of the index
 * trade_figures_live_pair_year_idx (backwards), so no sort of every figure is needed. `ranked` drops pairs
 * with an archived region or outside the chosen country (both hold for every year of a pair, so they can be
 * checked after choosing), turns the pair to face its first region (as filed, or the side in the chosen
 * country where only the partner is there), and adds growth on the stored year before, whichever way that
 * was filed; growth from a zero turnover is null, as in `growthPercent`.
 */
function rankedPairs(filter: TradeFilter): Prisma.Sql {
  const country = filter.country ?? null;
  const swap = country === null ? Prisma.sql`false` : Prisma.sql`(r.country_code <> ${country} AND p.country_code = ${country})`;
  const inCountry = country === null ? Prisma.empty : Prisma.sql`WHERE (r.country_code = ${country} OR p.country_code = ${country})`;
  const inYear = filter.year === undefined ? Prisma.empty : Prisma.sql`AND t.year = ${filter.year}`;
  return Prisma.sql`
    WITH chosen AS (
      SELECT DISTINCT ON (LEAST(t.region_id, t.partner_region_id), GREATEST(t.region_id, t.partner_region_id))
             t.id, t.year, LEAST(t.region_id, t.partner_region_id) AS lo, GREATEST(t.region_id, t.partner_region_id) AS hi,
             t.region_id, t.partner_region_id, t.turnover_usd
      FROM trade_figures t
      WHERE t.archived_at IS NULL ${inYear}
      ORDER BY LEAST(t.region_id, t.partner_region_id) DESC, GREATEST(t.region_id, t.partner_region_id) DESC, t.year DESC
    ),
    ranked AS (
      SELECT c.id, c.year, c.turnover_usd, ${swap} AS swapped,
             CASE WHEN ${swap} THEN c.partner_region_id ELSE c.region_id END AS first_id,
             CASE WHEN ${swap} THEN c.region_id ELSE c.partner_region_id END AS second_id,
             prev.turnover_usd AS previous_turnover,
             CASE WHEN prev.turnover_usd > 0 THEN ((c.turnover_usd - prev.turnover_usd) * 100 / prev.turnover_usd)::float8 END AS growth
      FROM chosen c
      JOIN regions r ON r.id = c.region_id AND r.archived_at IS NULL
      JOIN regions p ON p.id = c.partner_region_id AND p.archived_at IS NULL
      LEFT JOIN trade_figures prev ON LEAST(prev.region_id, prev.partner_region_id) = c.lo
        AND GREATEST(prev.region_id, prev.partner_region_id) = c.hi AND prev.year = c.year - 1 AND prev.archived_at IS NULL
      ${inCountry}
    )`;
}

/**
 * The ranked rows in order; ties broken by the two names in the reader's language, then by record. The page is
 * cut before the figures' sources are read, so only its own rows are fetched in full.
 */
function rankedRowsQuery(filter: TradeFilter, locale: Locale, page?: PageParams): Prisma.Sql {
  const nameColumn = locale === "ru" ? Prisma.sql`name_ru` : Prisma.sql`name_en`;
  // The same order inside the page (over `named x`) and outside it (over `ordered o`).
  const order = (alias: Prisma.Sql) => {
    const byNames = Prisma.sql`${alias}.first_name, ${alias}.second_name, ${alias}.first_id, ${alias}.second_id`;
    return filter.sort === "growth"
      ? Prisma.sql`${alias}.growth DESC NULLS LAST, ${alias}.turnover_usd DESC, ${byNames}`
      : Prisma.sql`${alias}.turnover_usd DESC, ${byNames}`;
  };
  const bounds = page ? Prisma.sql`LIMIT ${page.perPage} OFFSET ${(page.page - 1) * page.perPage}` : Prisma.empty;
  return Prisma.sql`${rankedPairs(filter)},
    named AS (
      SELECT ranked.*, a.${nameColumn} AS first_name, b.${nameColumn} AS second_name
      FROM ranked JOIN regions a ON a.id = ranked.first_id JOIN regions b ON b.id = ranked.second_id
    ),
    ordered AS (
      SELECT * FROM named x ORDER BY ${order(Prisma.sql`x`)} ${bounds}
    )
    SELECT o.year, o.turnover_usd::float8 AS "turnoverUsd",
           (CASE WHEN o.swapped THEN t.imports_usd ELSE t.exports_usd END)::float8 AS "exportsUsd",
           (CASE WHEN o.swapped THEN t.exports_usd ELSE t.imports_usd END)::float8 AS "importsUsd",
           o.previous_turnover::float8 AS "previousTurnoverUsd", o.growth AS "growthPercent",
           t.source_title AS "sourceTitle", t.source_title_ru AS "sourceTitleRu", t.source_url AS "sourceUrl",
           a.slug AS "regionSlug", a.name_en AS "regionNameEn", a.name_ru AS "regionNameRu", a.country_code AS "regionCountry",
           b.slug AS "partnerSlug", b.name_en AS "partnerNameEn", b.name_ru AS "partnerNameRu", b.country_code AS "partnerCountry"
    FROM ordered o
    JOIN trade_figures t ON t.id = o.id
    JOIN regions a ON a.id = o.first_id
    JOIN regions b ON b.id = o.second_id
    ORDER BY ${order(Prisma.sql`o`)}`;
}

export function toTradePairRow(row: RawPairRow): TradePairRow {
  return {
    region: { slug: row.regionSlug, nameEn: row.regionNameEn, nameRu: row.regionNameRu, countryCode: row.regionCountry },
    partner: { slug: row.partnerSlug, nameEn: row.partnerNameEn, nameRu: row.partnerNameRu, countryCode: row.partnerCountry },
    year: row.year,
    turnoverUsd: row.turnoverUsd,
    exportsUsd: row.exportsUsd,
    importsUsd: row.importsUsd,
    previousTurnoverUsd: row.previousTurnoverUsd,
    growthPercent: row.growthPercent,
    source: { title: row.sourceTitle, titleRu: row.sourceTitleRu, url: row.sourceUrl },
  };
}

/**
 * A page of region pairs ranked by turnover (largest first) or by growth on the year before (largest first;
 * pairs whose year before is not recorded, or was zero, come last). Without a year each pair is ranked by its
 * latest recorded year; with one, by that year's figure, and pairs without a figure that year are left out.
 */
export const listTradePairs = cached(
  "trade-pairs",
  ["trade", "regions"],
  async (params: TradeFilter & PageParams, locale: Locale): Promise<Page<TradePairRow>> => {
    const [rows, counted] = await Promise.all([
      readDb().$queryRaw<RawPairRow[]>(rankedRowsQuery(params, locale, params)),
      readDb().$queryRaw<{ total: number }[]>(Prisma.sql`${rankedPairs(params)} SELECT count(*)::int AS total FROM ranked`),
    ]);
    return toPage(rows.map(toTradePairRow), counted[0]?.total ?? 0, params);
  },
);

/** The whole ranked list as one statement for a streamed export (lib/db/pg.ts), in the page's order. */
export function tradePairsExportQuery(filter: TradeFilter, locale: Locale): Prisma.Sql {
  return rankedRowsQuery(filter, locale);
}

export type { RawPairRow };

/** The years that have live figures, newest first: the options of the overview's year filter. */
export const listTradeYears = cached("trade-years", ["trade"], async () => {
  const rows = await readDb().$queryRaw<{ year: number }[]>`
    SELECT DISTINCT year FROM trade_figures WHERE archived_at IS NULL ORDER BY year DESC LIMIT ${PAIR_YEARS_LIMIT}`;
  return rows.map((row) => row.year);
});
