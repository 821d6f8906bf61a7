import "server-only";
import { cache } from "react";
import { cached } from "@/lib/cache";
import { readDb } from "@/lib/db/client";
import type { MeetingRow } from "@/lib/meetings/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationKind, OrganizationStatus, RegionLevel } from "@/lib/generated/prisma/enums";
import { SIDE_DEPTH, sideRegionIds } from "@/lib/regions/sides";

/**
 * Two regions side by side (the page at paths.regionPair): the meetings they held together, the joint ventures
 * with partners on both sides, the enterprises and universities of each side that took part, and the regions a
 * region cooperates with (its page lists them, each linking to the pair).
 *
 * A side is a region with its parts (lib/regions/sides.ts): Belarus as a partner of Kursk Oblast is also Gomel
 * Region's enterprises and a meeting held with Minsk. A pair of a region with itself, or with one of its own parts
 * or the region it is part of, has no two sides and is not a pair.
 */

/** Meetings on the pair page; the meetings list has the rest. */
export const PAIR_MEETINGS_LIMIT = 10;
/** Joint ventures on the pair page, by name. */
export const PAIR_VENTURES_LIMIT = 20;
/** Partners named beside each venture on the pair page (a venture has a handful). */
const VENTURE_PARTNERS_LIMIT = 10;
/** Organizations of each side on the pair page, the most involved first. */
export const PAIR_ORGANIZATIONS_LIMIT = 15;
/** The partners a region's page names, the most active first. */
export const REGION_PARTNERS_LIMIT = 20;

export type PairRegion = {
  id: number;
  slug: string;
  nameEn: string;
  nameRu: string;
  level: RegionLevel;
  countryCode: string;
};

/** A meeting as the meetings list shows it, without its count of what was discussed. */
export type PairMeeting = Omit<MeetingRow, "discussed"> & { id: number };

export type VenturePartner = {
  /** Which side of the pair the partner is on. */
  side: "region" | "partner" | "neither";
  organization: { slug: string; name: string; nameEn: string | null } | null;
  region: { slug: string; nameEn: string; nameRu: string };
  sharePercent: number;
};

export type PairVenture = {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  status: OrganizationStatus;
  foundedYear: number | null;
  isDemo: boolean;
  region: { slug: string; nameEn: string; nameRu: string };
  partners: VenturePartner[];
};

export type PairOrganization = {
  slug: string;
  name: string;
  nameEn: string | null;
  kind: OrganizationKind;
  isDemo: boolean;
  region: { slug: string; nameEn: string; nameRu: string };
  /** The pair's meetings where it was discussed. */
  meetings: number;
  /** The pair's joint ventures it is a partner of. */
  ventures: number;
};

export type Bounded<T> = { items: T[]; total: number };

export type RegionPair = {
  region: PairRegion;
  partner: PairRegion;
  /** The pair's one address: the slugs in alphabetical order. */
  canonical: { slug: string; partnerSlug: string };
  meetings: Bounded<PairMeeting>;
  ventures: Bounded<PairVenture>;
  organizations: { region: Bounded<PairOrganization>; partner: Bounded<PairOrganization> };
};

const ids = (list: number[]) => Prisma.sql`${list}::int[]`;

/** A live region by slug. */
async function findRegion(slug: string): Promise<PairRegion | null> {
  return readDb().region.findFirst({
    where: { slug, archivedAt: null },
    select: { id: true, slug: true, nameEn: true, nameRu: true, level: true, countryCode: true },
  });
}

/** The ids of the live meetings whose regions include one of each side: a subquery for the others. */
function pairMeetingIds(sideA: number[], sideB: number[]) {
  return Prisma.sql`
    SELECT m.id FROM meetings m
    WHERE m.archived_at IS NULL
      AND m.id IN (SELECT mr.meeting_id FROM meeting_regions mr WHERE mr.region_id = ANY(${ids(sideA)}))
      AND m.id IN (SELECT mr.meeting_id FROM meeting_regions mr WHERE mr.region_id = ANY(${ids(sideB)}))`;
}

/** Live ventures with a live partner on a side: an organization of one of its regions, or one of its regions itself. */
function ventureIdsWithPartnerIn(side: number[]) {
  return Prisma.sql`
    SELECT jp.venture_id FROM joint_venture_partners jp JOIN organizations po ON po.id = jp.partner_organization_id
    WHERE jp.archived_at IS NULL AND po.archived_at IS NULL AND po.region_id = ANY(${ids(side)})
    UNION
    SELECT jp.venture_id FROM joint_venture_partners jp WHERE jp.archived_at IS NULL AND jp.partner_region_id = ANY(${ids(side)})`;
}

/**
 * Live ventures with a partner on each side. The side of fewer regions (likely fewer organizations: Kursk Oblast
 * rather than Belarus with its parts) finds the candidates through the partners' indexes; each candidate is then
 * checked for a partner on the other side through its own partner rows, instead of collecting every venture of a
 * side as large as a whole country.
 */
function pairVentureIds(sideA: number[], sideB: number[]) {
  const [few, many] = sideA.length <= sideB.length ? [sideA, sideB] : [sideB, sideA];
  return Prisma.sql`
    SELECT v.id FROM organizations v
    WHERE v.kind = 'joint_venture' AND v.archived_at IS NULL
      AND v.id IN (${ventureIdsWithPartnerIn(few)})
      AND EXISTS (
        SELECT 1 FROM joint_venture_partners jp LEFT JOIN organizations po ON po.id = jp.partner_organization_id
        WHERE jp.venture_id = v.id AND jp.archived_at IS NULL
          AND ((po.region_id = ANY(${ids(many)}) AND po.archived_at IS NULL) OR jp.partner_region_id = ANY(${ids(many)})))`;
}

/** The latest meetings and, counted over all of them before the limit, their total: one pass over the pair's set. */
async function readMeetings(sideA: number[], sideB: number[]): Promise<Bounded<PairMeeting>> {
  const rows = await readDb().$queryRaw<(PairMeeting & { total: number })[]>`
    SELECT m.id, m.slug, m.title_en AS "titleEn", m.title_ru AS "titleRu", m.date, m.level::text AS level,
           m.place_en AS "placeEn", m.place_ru AS "placeRu", m.is_demo AS "isDemo", count(*) OVER ()::int AS total
    FROM meetings m
    WHERE m.id IN (${pairMeetingIds(sideA, sideB)})
    ORDER BY m.date DESC, m.id DESC
    LIMIT ${PAIR_MEETINGS_LIMIT}`;
  const items = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    titleEn: row.titleEn,
    titleRu: row.titleRu,
    date: row.date,
    level: row.level,
    placeEn: row.placeEn,
    placeRu: row.placeRu,
    isDemo: row.isDemo,
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

type RawVenture = Omit<PairVenture, "region" | "partners"> & { regionSlug: string; regionNameEn: string; regionNameRu: string };
type RawPartner = {
  ventureId: number;
  sharePercent: Prisma.Decimal;
  orgSlug: string | null;
  orgName: string | null;
  orgNameEn: string | null;
  regionId: number;
  regionSlug: string;
  regionNameEn: string;
  regionNameRu: string;
};

async function readVentures(sideA: number[], sideB: number[]): Promise<Bounded<PairVenture>> {
  const rows = await readDb().$queryRaw<(RawVenture & { total: number })[]>`
    SELECT v.id, v.slug, v.name, v.name_en AS "nameEn", v.status::text AS status, v.founded_year AS "foundedYear",
           v.is_demo AS "isDemo", r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
           count(*) OVER ()::int AS total
    FROM organizations v JOIN regions r ON r.id = v.region_id
    WHERE v.id IN (${pairVentureIds(sideA, sideB)})
    ORDER BY coalesce(v.name_en, v.name), v.id
    LIMIT ${PAIR_VENTURES_LIMIT}`;
  const total = rows[0]?.total ?? 0;
  if (rows.length === 0) return { items: [], total };
  const partners = await readDb().$queryRaw<RawPartner[]>`
    SELECT p.venture_id AS "ventureId", p.share_percent AS "sharePercent", p.org_slug AS "orgSlug", p.org_name AS "orgName",
           p.org_name_en AS "orgNameEn", r.id AS "regionId", r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu"
    FROM unnest(${ids(rows.map((row) => row.id))}) AS v(id)
    CROSS JOIN LATERAL (
      SELECT jp.id, jp.venture_id, jp.share_percent, po.slug AS org_slug, po.name AS org_name, po.name_en AS org_name_en,
             coalesce(po.region_id, jp.partner_region_id) AS region_id
      FROM joint_venture_partners jp LEFT JOIN organizations po ON po.id = jp.partner_organization_id
      WHERE jp.venture_id = v.id AND jp.archived_at IS NULL AND (po.id IS NULL OR po.archived_at IS NULL)
      ORDER BY jp.share_percent DESC, jp.id
      LIMIT ${VENTURE_PARTNERS_LIMIT}
    ) p
    JOIN regions r ON r.id = p.region_id
    -- The join may return rows in any order: the largest share first, as the page lists them.
    ORDER BY p.venture_id, p.share_percent DESC, p.id`;
  const a = new Set(sideA);
  const b = new Set(sideB);
  const items = rows.map((venture) => ({
    id: venture.id,
    slug: venture.slug,
    name: venture.name,
    nameEn: venture.nameEn,
    status: venture.status,
    foundedYear: venture.foundedYear,
    isDemo: venture.isDemo,
    region: { slug: venture.regionSlug, nameEn: venture.regionNameEn, nameRu: venture.regionNameRu },
    partners: partners
      .filter((p) => p.ventureId === venture.id)
      .map((p): VenturePartner => ({
        side: a.has(p.regionId) ? "region" : b.has(p.regionId) ? "partner" : "neither",
        organization: p.orgSlug ? { slug: p.orgSlug, name: p.orgName ?? "", nameEn: p.orgNameEn } : null,
        region: { slug: p.regionSlug, nameEn: p.regionNameEn, nameRu: p.regionNameRu },
        sharePercent: Number(p.sharePercent),
      })),
  }));
  return { items, total };
}

type RawPairOrganization = Omit<PairOrganization, "region"> & {
  side: "region" | "partner";
  total: number;
  regionSlug: string;
  regionNameEn: string;
  regionNameRu: string;
};

/**
 * The enterprises and universities of each side that took part: discussed at one of the pair's meetings, or a
 * partner of one of its ventures. The most involved first, a bounded number per side, with each side's total.
 */
async function readOrganizations(sideA: number[], sideB: number[]) {
  const rows = await readDb().$queryRaw<RawPairOrganization[]>`
    WITH took_part AS (
      SELECT dl.organization_id AS id, dl.meeting_id, NULL::int AS venture_id
      FROM discussion_links dl
      WHERE dl.archived_at IS NULL AND dl.organization_id IS NOT NULL AND dl.meeting_id IN (${pairMeetingIds(sideA, sideB)})
      UNION ALL
      SELECT jp.partner_organization_id, NULL, jp.venture_id
      FROM joint_venture_partners jp
      WHERE jp.archived_at IS NULL AND jp.partner_organization_id IS NOT NULL AND jp.venture_id IN (${pairVentureIds(sideA, sideB)})
    ), counted AS MATERIALIZED (
      -- Counted first and kept apart, so that the organizations are then read by id (a few thousand at most)
      -- rather than every organization of both sides matched against them.
      SELECT t.id, count(DISTINCT t.meeting_id)::int AS meetings, count(DISTINCT t.venture_id)::int AS ventures
      FROM took_part t GROUP BY t.id
    ), involved AS (
      SELECT o.id, o.slug, o.name, o.name_en, o.kind, o.is_demo, o.region_id,
             CASE WHEN o.region_id = ANY(${ids(sideA)}) THEN 'region' ELSE 'partner' END AS side, c.meetings, c.ventures
      FROM counted c JOIN organizations o ON o.id = c.id
      WHERE o.archived_at IS NULL AND o.kind IN ('enterprise', 'university')
        AND (o.region_id = ANY(${ids(sideA)}) OR o.region_id = ANY(${ids(sideB)}))
    ), ranked AS (
      SELECT i.*, row_number() OVER (PARTITION BY i.side ORDER BY i.meetings + i.ventures DESC, coalesce(i.name_en, i.name), i.id) AS n,
             count(*) OVER (PARTITION BY i.side)::int AS total
      FROM involved i
    )
    SELECT k.side, k.total, k.slug, k.name, k.name_en AS "nameEn", k.kind::text AS kind, k.is_demo AS "isDemo",
           k.meetings, k.ventures, r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu"
    FROM ranked k JOIN regions r ON r.id = k.region_id
    WHERE k.n <= ${PAIR_ORGANIZATIONS_LIMIT}
    ORDER BY k.side, k.n`;
  const side = (which: "region" | "partner"): Bounded<PairOrganization> => {
    const mine = rows.filter((row) => row.side === which);
    return {
      total: mine[0]?.total ?? 0,
      items: mine.map((row) => ({
        slug: row.slug,
        name: row.name,
        nameEn: row.nameEn,
        kind: row.kind,
        isDemo: row.isDemo,
        region: { slug: row.regionSlug, nameEn: row.regionNameEn, nameRu: row.regionNameRu },
        meetings: row.meetings,
        ventures: row.ventures,
      })),
    };
  };
  return { region: side("region"), partner: side("partner") };
}

/** The slugs of a pair in its one canonical order. */
export function canonicalPair(slug: string, partnerSlug: string) {
  return slug <= partnerSlug ? { slug, partnerSlug } : { slug: partnerSlug, partnerSlug: slug };
}

/**
 * The pair as seen from `slug`'s side, or null when either region is unknown or archived, or the two are one
 * region or one holds the other. The reads are made in the canonical order, so both orders share one cache
 * entry; the sides are swapped afterwards.
 */
export const getRegionPair = cache(async (slug: string, partnerSlug: string): Promise<RegionPair | null> => {
  const canonical = canonicalPair(slug, partnerSlug);
  const pair = await readCanonicalPair(canonical.slug, canonical.partnerSlug);
  if (!pair) return null;
  if (pair.region.slug === slug) return pair;
  return {
    ...pair,
    region: pair.partner,
    partner: pair.region,
    ventures: {
      ...pair.ventures,
      items: pair.ventures.items.map((venture) => ({
        ...venture,
        partners: venture.partners.map((p) => ({
          ...p,
          side: p.side === "region" ? "partner" : p.side === "partner" ? "region" : p.side,
        })),
      })),
    },
    organizations: { region: pair.organizations.partner, partner: pair.organizations.region },
  };
});

const readCanonicalPair = cached(
  "region-pair",
  ["regions", "organizations", "meetings", "links"],
  async (slug: string, partnerSlug: string): Promise<RegionPair | null> => {
    if (slug === partnerSlug) return null;
    const [region, partner] = await Promise.all([findRegion(slug), findRegion(partnerSlug)]);
    if (!region || !partner) return null;
    const [sideA, sideB] = await Promise.all([sideRegionIds(region.id, readDb()), sideRegionIds(partner.id, readDb())]);
    // One holds the other (Belarus and Minsk): the two have no separate sides.
    if (sideA.includes(partner.id) || sideB.includes(region.id)) return null;
    const [meetings, ventures, organizations] = await Promise.all([
      readMeetings(sideA, sideB),
      readVentures(sideA, sideB),
      readOrganizations(sideA, sideB),
    ]);
    return { region, partner, canonical: { slug, partnerSlug }, meetings, ventures, organizations };
  },
);

export type RegionPartner = {
  slug: string;
  nameEn: string;
  nameRu: string;
  meetings: number;
  ventures: number;
  tradeYears: number;
};

/**
 * The regions a region cooperates with: those it held meetings with, shares joint ventures with, or has trade
 * figures with, the most active first. Each row counts what its pair page shows: meetings and ventures of the two
 * sides, each a region with its parts, so a partner is listed as recorded and as every region it is part of
 * (Gomel Region, and Belarus too). Trade is the figures of the two regions themselves, as the pair's trade chart
 * shows them. Regions of the region's own side (its parts, the regions it is part of) are left out.
 */
export const listRegionPartners = cached(
  "region-partners",
  ["regions", "organizations", "meetings", "trade"],
  async (regionId: number): Promise<Bounded<RegionPartner>> => {
    const side = await sideRegionIds(regionId, readDb());
    const rows = await readDb().$queryRaw<{ partner: RegionPartner; total: number }[]>`
      WITH RECURSIVE ancestors AS (
        SELECT r.parent_id AS id, 1 AS depth FROM regions r WHERE r.id = ${regionId} AND r.parent_id IS NOT NULL
        UNION
        SELECT r.parent_id, a.depth + 1 FROM regions r JOIN ancestors a ON r.id = a.id
        WHERE r.parent_id IS NOT NULL AND a.depth < ${SIDE_DEPTH}
      ), own AS (
        SELECT unnest(${ids(side)}) AS id UNION SELECT id FROM ancestors
      ), up AS (
        -- Each live region with itself and the live regions it is part of: whose sides it belongs to.
        SELECT r.id AS region_id, r.id AS ancestor_id, 0 AS depth FROM regions r WHERE r.archived_at IS NULL
        UNION ALL
        SELECT up.region_id, parent.id, up.depth + 1
        FROM up JOIN regions a ON a.id = up.ancestor_id JOIN regions parent ON parent.id = a.parent_id AND parent.archived_at IS NULL
        WHERE up.depth < ${SIDE_DEPTH}
      ), our_meetings AS (
        SELECT DISTINCT mr.meeting_id FROM meeting_regions mr JOIN meetings m ON m.id = mr.meeting_id AND m.archived_at IS NULL
        WHERE mr.region_id = ANY(${ids(side)})
      ), by_meetings AS (
        SELECT up.ancestor_id AS id, count(DISTINCT mr.meeting_id)::int AS n
        FROM meeting_regions mr JOIN our_meetings om ON om.meeting_id = mr.meeting_id JOIN up ON up.region_id = mr.region_id
        WHERE up.ancestor_id NOT IN (SELECT id FROM own)
        GROUP BY up.ancestor_id
      ), our_ventures AS (${ventureIdsWithPartnerIn(side)}),
      by_ventures AS (
        SELECT up.ancestor_id AS id, count(DISTINCT p.venture_id)::int AS n
        FROM (
          SELECT jp.venture_id, coalesce(po.region_id, jp.partner_region_id) AS region_id
          FROM joint_venture_partners jp LEFT JOIN organizations po ON po.id = jp.partner_organization_id
          WHERE jp.archived_at IS NULL AND (po.id IS NULL OR po.archived_at IS NULL)
            AND jp.venture_id IN (SELECT venture_id FROM our_ventures)
        ) p
        JOIN organizations v ON v.id = p.venture_id AND v.archived_at IS NULL AND v.kind = 'joint_venture'
        JOIN up ON up.region_id = p.region_id
        WHERE up.ancestor_id NOT IN (SELECT id FROM own)
        GROUP BY up.ancestor_id
      ), by_trade AS (
        SELECT CASE WHEN t.region_id = ${regionId} THEN t.partner_region_id ELSE t.region_id END AS id, count(DISTINCT t.year)::int AS n
        FROM trade_figures t
        WHERE t.archived_at IS NULL AND (t.region_id = ${regionId} OR t.partner_region_id = ${regionId})
        GROUP BY 1
      ), partners AS (
        SELECT coalesce(bm.id, bv.id, bt.id) AS id, coalesce(bm.n, 0) AS meetings, coalesce(bv.n, 0) AS ventures, coalesce(bt.n, 0) AS trade_years
        FROM by_meetings bm FULL JOIN by_ventures bv ON bv.id = bm.id FULL JOIN by_trade bt ON bt.id = coalesce(bm.id, bv.id)
      )
      SELECT json_build_object('slug', r.slug, 'nameEn', r.name_en, 'nameRu', r.name_ru, 'meetings', p.meetings,
               'ventures', p.ventures, 'tradeYears', p.trade_years) AS partner,
             count(*) OVER ()::int AS total
      FROM partners p JOIN regions r ON r.id = p.id AND r.archived_at IS NULL
      WHERE p.id NOT IN (SELECT id FROM own)
      ORDER BY p.meetings + p.ventures + p.trade_years DESC, r.name_en, r.id
      LIMIT ${REGION_PARTNERS_LIMIT}`;
    return { total: rows[0]?.total ?? 0, items: rows.map((row) => row.partner) };
  },
);
