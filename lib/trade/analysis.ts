import "server-only";
import { cache } from "react";
import { cached } from "@/lib/cache";
import { db } from "@/lib/db";
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
  const rows = await db().$queryRaw<RawFigure[]>`
    SELECT t.year, t.region_id AS "regionId", t.turnover_usd::float8 AS "turnoverUsd",
           t.exports_usd::float8 AS "exportsUsd", t.imports_usd::float8 AS "importsUsd",
           t.source_title AS "sourceTitle", t.source_url AS "sourceUrl"
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
  const regions = await db().region.findMany({
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
  source: { title: string; url: string | null };
};

type RawPairRow = {
  year: number;
  turnoverUsd: number;
  exportsUsd: number | null;
  importsUsd: number | null;
  previousTurnoverUsd: number | null;
  growthPercent: number | null;
  sourceTitle: string;
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
 * The pairs of the overview as common table expressions: `live` holds every live figure turned to face the
 * pair's first region (as filed, or the side in the chosen country where only the partner is there),
 * `chosen` one figure per pair (its latest year, or the chosen year), `ranked` that figure with growth on the
 * stored year before, whichever way that was filed. Growth from a zero turnover is null, as in `growthPercent`.
 */
function rankedPairs(filter: TradeFilter): Prisma.Sql {
  const country = filter.country ?? null;
  const swap = country === null ? Prisma.sql`false` : Prisma.sql`(r.country_code <> ${country} AND p.country_code = ${country})`;
  const inCountry = country === null ? Prisma.empty : Prisma.sql`AND (r.country_code = ${country} OR p.country_code = ${country})`;
  const inYear = filter.year === undefined ? Prisma.empty : Prisma.sql`WHERE year = ${filter.year}`;
  return Prisma.sql`
    WITH live AS (
      SELECT t.id, t.year, LEAST(t.region_id, t.partner_region_id) AS lo, GREATEST(t.region_id, t.partner_region_id) AS hi,
             ${swap} AS swapped, t.region_id, t.partner_region_id, t.turnover_usd, t.exports_usd, t.imports_usd,
             t.source_title, t.source_url
      FROM trade_figures t
      JOIN regions r ON r.id = t.region_id AND r.archived_at IS NULL
      JOIN regions p ON p.id = t.partner_region_id AND p.archived_at IS NULL
      WHERE t.archived_at IS NULL ${inCountry}
    ),
    chosen AS (
      SELECT DISTINCT ON (lo, hi) * FROM live ${inYear} ORDER BY lo, hi, year DESC
    ),
    ranked AS (
      SELECT c.*, prev.turnover_usd AS previous_turnover,
             CASE WHEN prev.turnover_usd > 0 THEN ((c.turnover_usd - prev.turnover_usd) * 100 / prev.turnover_usd)::float8 END AS growth
      FROM chosen c
      LEFT JOIN live prev ON prev.lo = c.lo AND prev.hi = c.hi AND prev.year = c.year - 1
    )`;
}

/** The ranked rows in order; ties broken by the two names in the reader's language, then by record. */
function rankedRowsQuery(filter: TradeFilter, locale: Locale, page?: PageParams): Prisma.Sql {
  const nameColumn = locale === "ru" ? "name_ru" : "name_en";
  const firstName = Prisma.raw(`a.${nameColumn}`);
  const secondName = Prisma.raw(`b.${nameColumn}`);
  const order =
    filter.sort === "growth"
      ? Prisma.sql`x.growth DESC NULLS LAST, x.turnover_usd DESC, ${firstName}, ${secondName}, a.id, b.id`
      : Prisma.sql`x.turnover_usd DESC, ${firstName}, ${secondName}, a.id, b.id`;
  const bounds = page ? Prisma.sql`LIMIT ${page.perPage} OFFSET ${(page.page - 1) * page.perPage}` : Prisma.empty;
  return Prisma.sql`${rankedPairs(filter)}
    SELECT x.year, x.turnover_usd::float8 AS "turnoverUsd",
           (CASE WHEN x.swapped THEN x.imports_usd ELSE x.exports_usd END)::float8 AS "exportsUsd",
           (CASE WHEN x.swapped THEN x.exports_usd ELSE x.imports_usd END)::float8 AS "importsUsd",
           x.previous_turnover::float8 AS "previousTurnoverUsd", x.growth AS "growthPercent",
           x.source_title AS "sourceTitle", x.source_url AS "sourceUrl",
           a.slug AS "regionSlug", a.name_en AS "regionNameEn", a.name_ru AS "regionNameRu", a.country_code AS "regionCountry",
           b.slug AS "partnerSlug", b.name_en AS "partnerNameEn", b.name_ru AS "partnerNameRu", b.country_code AS "partnerCountry"
    FROM ranked x
    JOIN regions a ON a.id = CASE WHEN x.swapped THEN x.partner_region_id ELSE x.region_id END
    JOIN regions b ON b.id = CASE WHEN x.swapped THEN x.region_id ELSE x.partner_region_id END
    ORDER BY ${order}
    ${bounds}`;
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
    source: { title: row.sourceTitle, url: row.sourceUrl },
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
      db().$queryRaw<RawPairRow[]>(rankedRowsQuery(params, locale, params)),
      db().$queryRaw<{ total: number }[]>(Prisma.sql`${rankedPairs(params)} SELECT count(*)::int AS total FROM ranked`),
    ]);
    return toPage(rows.map(toTradePairRow), counted[0]?.total ?? 0, params);
  },
);

/** The whole ranked list as one statement for a streamed export (lib/db-stream.ts), in the page's order. */
export function tradePairsExportQuery(filter: TradeFilter, locale: Locale) {
  const query = rankedRowsQuery(filter, locale);
  return { text: query.text, values: query.values };
}

export type { RawPairRow };

/** The years that have live figures, newest first: the options of the overview's year filter. */
export const listTradeYears = cached("trade-years", ["trade"], async () => {
  const rows = await db().$queryRaw<{ year: number }[]>`
    SELECT DISTINCT year FROM trade_figures WHERE archived_at IS NULL ORDER BY year DESC LIMIT ${PAIR_YEARS_LIMIT}`;
  return rows.map((row) => row.year);
});
