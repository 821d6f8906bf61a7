import "server-only";
import { cached } from "@/lib/cache";
import { db } from "@/lib/db/client";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import { REGION_OPTIONS_LIMIT } from "@/lib/regions/queries";

/**
 * The figures the map shades and its table lists, for every live region. Each counts what the list it names
 * shows for the region, so that the map, its table and the lists agree:
 * - ventures: live joint ventures with a live partner in the region (an organization there, or its government),
 *   as /joint-ventures?region= counts them;
 * - meetings: live meetings the region took part in or where it was discussed, as /meetings?region= counts them;
 * - trade: the turnover of the region's live trade figures with every partner in the latest year it has any.
 * A region's own records only: Belarus's figures are not the sum of its oblasts'.
 */

export type MapRegion = {
  slug: string;
  nameEn: string;
  nameRu: string;
  isoCode: string | null;
  level: RegionLevel;
  countryCode: string;
  ventures: number;
  meetings: number;
  /** The latest year with trade figures and the turnover that year, in US dollars; null when none. */
  tradeYear: number | null;
  tradeUsd: number | null;
};

export const readMapRegions = cached(
  "map-regions",
  ["regions", "organizations", "meetings", "links", "trade"],
  async (): Promise<MapRegion[]> =>
    db().$queryRaw<MapRegion[]>`
      WITH venture_regions AS (
        -- One row per venture and region it has a partner in, however many partners it has there.
        SELECT DISTINCT p.venture_id, coalesce(p.partner_region_id, po.region_id) AS region_id
        FROM joint_venture_partners p
        JOIN organizations v ON v.id = p.venture_id AND v.kind = 'joint_venture' AND v.archived_at IS NULL
        LEFT JOIN organizations po ON po.id = p.partner_organization_id
        WHERE p.archived_at IS NULL
      ), ventures AS (
        SELECT region_id, count(*)::int AS n FROM venture_regions GROUP BY region_id
      ), meeting_regions_all AS (
        SELECT mr.meeting_id, mr.region_id FROM meeting_regions mr
        UNION
        SELECT dl.meeting_id, dl.region_id FROM discussion_links dl WHERE dl.region_id IS NOT NULL AND dl.archived_at IS NULL
      ), meetings AS (
        SELECT a.region_id, count(*)::int AS n
        FROM meeting_regions_all a JOIN meetings m ON m.id = a.meeting_id AND m.archived_at IS NULL
        GROUP BY a.region_id
      ), trade_by_year AS (
        SELECT side.region_id, t.year, sum(t.turnover_usd) AS turnover
        FROM trade_figures t CROSS JOIN LATERAL (VALUES (t.region_id), (t.partner_region_id)) AS side(region_id)
        WHERE t.archived_at IS NULL
        GROUP BY side.region_id, t.year
      ), trade AS (
        SELECT DISTINCT ON (region_id) region_id, year, turnover FROM trade_by_year ORDER BY region_id, year DESC
      )
      SELECT r.slug, r.name_en AS "nameEn", r.name_ru AS "nameRu", r.iso_code AS "isoCode", r.level::text AS level,
             r.country_code AS "countryCode", coalesce(v.n, 0) AS ventures, coalesce(m.n, 0) AS meetings,
             t.year AS "tradeYear", t.turnover::float8 AS "tradeUsd"
      FROM regions r
      LEFT JOIN ventures v ON v.region_id = r.id
      LEFT JOIN meetings m ON m.region_id = r.id
      LEFT JOIN trade t ON t.region_id = r.id
      WHERE r.archived_at IS NULL
      ORDER BY r.country_code, r.name_en, r.id
      LIMIT ${REGION_OPTIONS_LIMIT}`,
);
