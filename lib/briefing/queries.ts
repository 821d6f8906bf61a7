import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import { BRIEFING_RANKED_MEETINGS } from "@/lib/briefing/schema";
import type { BriefingData } from "@/lib/briefing/view";
import { listCommitments } from "@/lib/commitments/tracker";
import type { Locale } from "@/lib/i18n/locale";
import type { PairMeeting, PairOrganization, PairVenture } from "@/lib/regions/pair";
import { sideRegionIds } from "@/lib/regions/sides";
import { toRegionTradeRow, type RawTradeRow, type RegionTradeRow } from "@/lib/regions/queries";
import { readPairTrade } from "@/lib/trade/analysis";

/**
 * The briefing pack's reads: everything a staff member takes to a visit, for a region pair or one region.
 * Every list is bounded; counts and rankings are done in SQL. A "side" of the briefing is the chosen region
 * with its parts (Belarus with Minsk and its oblasts), counted as the region pair page counts it
 * (lib/regions/sides.ts): a working group of Minsk and Kursk is Belarus–Kursk business. Trade is the pair's own
 * figures; commitments come from the tracker.
 */

/** Meetings shown with what was said there. */
export const BRIEFING_MEETINGS = 5;
/** Statements and discussion notes shown per meeting. */
export const BRIEFING_SAID_PER_MEETING = 12;
/** Organizations in the "discussed most" ranking. */
export const BRIEFING_TOP_ORGANIZATIONS = 10;

/** Joint ventures listed (the counts by status cover all of them). */
export const BRIEFING_JOINT_VENTURES = 20;
/** Partners named per joint venture. */
export const BRIEFING_VENTURE_PARTNERS = 8;
/** Partners in a region's own trade table (one latest figure each). */
export const BRIEFING_TRADE_PARTNERS = 30;

export type BriefingRegion = { id: number; slug: string; nameEn: string; nameRu: string; level: RegionLevel };

/** Live regions by slug; null when the region (or the partner, when one is given) does not exist. */
export async function findBriefingRegions(regionSlug: string, partnerSlug?: string) {
  const slugs = partnerSlug ? [regionSlug, partnerSlug] : [regionSlug];
  const rows = await db().region.findMany({
    where: { slug: { in: slugs }, archivedAt: null },
    select: { id: true, slug: true, nameEn: true, nameRu: true, level: true },
    take: 2,
  });
  const region = rows.find((row) => row.slug === regionSlug);
  const partner = partnerSlug ? rows.find((row) => row.slug === partnerSlug) : undefined;
  if (!region || (partnerSlug && !partner)) return null;
  return { region, partner: partner ?? null };
}

/**
 * The meetings of the briefing as a subquery of meeting ids: those in which both sides take part (a pair), or
 * the one side (a region alone). Driven by meeting_regions(region_id), so a region's meetings are found by index.
 */
function meetingIdsSql(sideA: number[], sideB: number[] | null): Prisma.Sql {
  const of = (side: number[]) => Prisma.sql`SELECT mr.meeting_id FROM meeting_regions mr WHERE mr.region_id = ANY(${side}::int[])`;
  return sideB ? Prisma.sql`(${of(sideA)} INTERSECT ${of(sideB)})` : Prisma.sql`(${of(sideA)})`;
}

// ---- Meetings and what was said ----

export type BriefingMeeting = PairMeeting & {
  sourceTitle: string | null;
  sourceTitleRu: string | null;
  sourceUrl: string | null;
  statements: { speakerEn: string | null; speakerRu: string | null; textEn: string; textRu: string }[];
  notes: { entity: { kind: "organization" | "region"; slug: string; nameEn: string; nameRu: string }; note: string }[];
};

async function readMeetings(sideA: number[], sideB: number[] | null) {
  const ids = meetingIdsSql(sideA, sideB);
  const [meetings, counted] = await Promise.all([
    db().$queryRaw<Omit<BriefingMeeting, "statements" | "notes">[]>`
      SELECT m.id, m.slug, m.title_en AS "titleEn", m.title_ru AS "titleRu", m.date, m.level::text AS level,
             m.place_en AS "placeEn", m.place_ru AS "placeRu", m.source_title AS "sourceTitle",
             m.source_title_ru AS "sourceTitleRu", m.source_url AS "sourceUrl", m.is_demo AS "isDemo"
      FROM meetings m
      WHERE m.archived_at IS NULL AND m.id IN ${ids}
      ORDER BY m.date DESC, m.id DESC
      LIMIT ${BRIEFING_MEETINGS}`,
    db().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM meetings m WHERE m.archived_at IS NULL AND m.id IN ${ids}`,
  ]);
  const meetingIds = meetings.map((meeting) => meeting.id);
  if (meetingIds.length === 0) return { items: [] as BriefingMeeting[], total: counted[0]?.total ?? 0 };
  const [statements, notes] = await Promise.all([
    db().$queryRaw<(BriefingMeeting["statements"][number] & { meetingId: number })[]>`
      SELECT s."meetingId", s."speakerEn", s."speakerRu", s."textEn", s."textRu" FROM (
        SELECT st.meeting_id AS "meetingId", st.speaker_en AS "speakerEn", st.speaker_ru AS "speakerRu",
               st.text_en AS "textEn", st.text_ru AS "textRu", st.sort_order, st.id,
               row_number() OVER (PARTITION BY st.meeting_id ORDER BY st.sort_order, st.id) AS n
        FROM meeting_statements st WHERE st.meeting_id = ANY(${meetingIds}::int[])
      ) s WHERE s.n <= ${BRIEFING_SAID_PER_MEETING}
      ORDER BY s."meetingId", s.sort_order, s.id`,
    db().$queryRaw<{ meetingId: number; note: string; kind: "organization" | "region"; slug: string; nameEn: string; nameRu: string }[]>`
      SELECT l."meetingId", l.note, l.kind, l.slug, l."nameEn", l."nameRu" FROM (
        SELECT dl.meeting_id AS "meetingId", dl.note, dl.id,
               CASE WHEN dl.organization_id IS NULL THEN 'region' ELSE 'organization' END AS kind,
               coalesce(o.slug, r.slug) AS slug,
               coalesce(o.name_en, o.name, r.name_en) AS "nameEn",
               coalesce(o.name, r.name_ru) AS "nameRu",
               row_number() OVER (PARTITION BY dl.meeting_id ORDER BY dl.id) AS n
        FROM discussion_links dl
        LEFT JOIN organizations o ON o.id = dl.organization_id
        LEFT JOIN regions r ON r.id = dl.region_id
        WHERE dl.meeting_id = ANY(${meetingIds}::int[]) AND dl.archived_at IS NULL
          AND coalesce(o.archived_at, r.archived_at) IS NULL
      ) l WHERE l.n <= ${BRIEFING_SAID_PER_MEETING}
      ORDER BY l."meetingId", l.id`,
  ]);
  const items = meetings.map((meeting) => ({
    ...meeting,
    statements: statements
      .filter((row) => row.meetingId === meeting.id)
      .map(({ speakerEn, speakerRu, textEn, textRu }) => ({ speakerEn, speakerRu, textEn, textRu })),
    notes: notes
      .filter((row) => row.meetingId === meeting.id)
      .map((row) => ({ entity: { kind: row.kind, slug: row.slug, nameEn: row.nameEn, nameRu: row.nameRu }, note: row.note })),
  }));
  return { items, total: counted[0]?.total ?? 0 };
}

// ---- The organizations discussed most ----

/** An organization as the pair page names it, with its discussion links instead of its meetings and ventures. */
export type DiscussedOrganization = Omit<PairOrganization, "meetings" | "ventures"> & { links: number; lastDiscussed: Date };

/**
 * Live organizations by their number of live discussion links in the briefing's latest live meetings (up to
 * BRIEFING_RANKED_MEETINGS of them: a whole country's pair is every meeting of the registry, and counting
 * 200,000 links on each briefing would take seconds; the latest thousand are what a visit is about).
 */
async function readDiscussedOrganizations(sideA: number[], sideB: number[] | null) {
  const rows = await db().$queryRaw<
    (Omit<DiscussedOrganization, "region"> & { regionSlug: string; regionNameEn: string; regionNameRu: string })[]
  >`
    WITH ranked_meetings AS (
      SELECT m.id, m.date FROM meetings m
      WHERE m.archived_at IS NULL AND m.id IN ${meetingIdsSql(sideA, sideB)}
      ORDER BY m.date DESC, m.id DESC
      LIMIT ${BRIEFING_RANKED_MEETINGS}
    )
    SELECT o.slug, o.name, o.name_en AS "nameEn", o.kind::text AS kind, o.is_demo AS "isDemo",
           r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
           counted.links, counted."lastDiscussed"
    FROM (
      SELECT dl.organization_id, count(*)::int AS links, max(rm.date) AS "lastDiscussed"
      FROM ranked_meetings rm JOIN discussion_links dl ON dl.meeting_id = rm.id
      WHERE dl.archived_at IS NULL AND dl.organization_id IS NOT NULL
      GROUP BY dl.organization_id
    ) counted
    JOIN organizations o ON o.id = counted.organization_id AND o.archived_at IS NULL
    JOIN regions r ON r.id = o.region_id
    ORDER BY counted.links DESC, counted."lastDiscussed" DESC, o.id
    LIMIT ${BRIEFING_TOP_ORGANIZATIONS}`;
  return rows.map(({ regionSlug, regionNameEn, regionNameRu, ...row }) => ({
    ...row,
    region: { slug: regionSlug, nameEn: regionNameEn, nameRu: regionNameRu },
  }));
}

// ---- Joint ventures ----

/** A venture as the pair page lists it, with each partner's name and share (largest first) but not its side. */
export type BriefingVenture = Omit<PairVenture, "id" | "partners"> & {
  partners: { government: boolean; name: string; nameEn: string | null; share: number }[];
};

/**
 * The live joint ventures of a side: those sitting in it, or with a live partner in it (a regional government
 * of it, or an organization of it). Three index-driven branches rather than one OR the planner cannot index.
 */
function venturesOfSql(side: number[]): Prisma.Sql {
  return Prisma.sql`(
    SELECT o.id FROM organizations o WHERE o.region_id = ANY(${side}::int[]) AND o.kind = 'joint_venture'
    UNION
    SELECT p.venture_id FROM joint_venture_partners p WHERE p.partner_region_id = ANY(${side}::int[]) AND p.archived_at IS NULL
    UNION
    SELECT p.venture_id FROM organizations po JOIN joint_venture_partners p ON p.partner_organization_id = po.id
    WHERE po.region_id = ANY(${side}::int[]) AND p.archived_at IS NULL)`;
}

/**
 * Whether the venture `o` has a side in `side`: it sits there, or a live partner does. Checked per candidate
 * through joint_venture_partners(venture_id), so the larger side of a pair (a whole country) is never listed.
 */
function ventureInSideSql(side: number[]): Prisma.Sql {
  return Prisma.sql`(o.region_id = ANY(${side}::int[]) OR EXISTS (
    SELECT 1 FROM joint_venture_partners p LEFT JOIN organizations po ON po.id = p.partner_organization_id
    WHERE p.venture_id = o.id AND p.archived_at IS NULL
      AND (p.partner_region_id = ANY(${side}::int[]) OR po.region_id = ANY(${side}::int[]))))`;
}

/** A side of at most this many regions (an oblast with its cities) lists its ventures for a check each. */
const CHECK_PER_VENTURE_UP_TO = 10;

type RawVenture = Omit<BriefingVenture, "region" | "partners"> & {
  regionSlug: string;
  regionNameEn: string;
  regionNameRu: string;
  /** [is a regional government, name, English name, share in percent], largest share first. */
  partners: [boolean, string, string | null, number | string][];
};

async function readJointVentures(sideA: number[], sideB: number[] | null) {
  // A pair: the ventures of the side with fewer regions (Kursk Oblast rather than Belarus with its oblasts), each
  // checked for a part of the other side. Where both sides are large (two countries: most ventures of the registry
  // qualify), the two lists intersected in one hash are faster than a check per candidate.
  const [smaller, larger] = sideB && sideB.length < sideA.length ? [sideB, sideA] : [sideA, sideB];
  const pairFilter = !larger
    ? Prisma.sql`o.id IN ${venturesOfSql(smaller)}`
    : smaller.length <= CHECK_PER_VENTURE_UP_TO
      ? Prisma.sql`o.id IN ${venturesOfSql(smaller)} AND ${ventureInSideSql(larger)}`
      : Prisma.sql`o.id IN (${venturesOfSql(smaller)} INTERSECT ${venturesOfSql(larger)})`;
  const live = Prisma.sql`o.kind = 'joint_venture' AND o.archived_at IS NULL AND ${pairFilter}`;
  const [rows, counts] = await Promise.all([
    db().$queryRaw<RawVenture[]>`
      SELECT o.slug, o.name, o.name_en AS "nameEn", o.status::text AS status, o.founded_year AS "foundedYear",
             o.is_demo AS "isDemo", r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
             coalesce((
               SELECT json_agg(json_build_array(x.government, x.name, x.name_en, x.share) ORDER BY x.share DESC, x.id)
               FROM (
                 SELECT p.id, p.partner_organization_id IS NULL AS government, coalesce(po.name, pr.name_ru) AS name,
                        CASE WHEN p.partner_organization_id IS NULL THEN pr.name_en ELSE po.name_en END AS name_en,
                        p.share_percent AS share
                 FROM joint_venture_partners p
                 LEFT JOIN organizations po ON po.id = p.partner_organization_id
                 LEFT JOIN regions pr ON pr.id = p.partner_region_id
                 WHERE p.venture_id = o.id AND p.archived_at IS NULL
                 ORDER BY p.share_percent DESC, p.id
                 LIMIT ${BRIEFING_VENTURE_PARTNERS}
               ) x), '[]'::json) AS partners
      FROM organizations o JOIN regions r ON r.id = o.region_id
      WHERE ${live}
      ORDER BY array_position(ARRAY['active', 'planned', 'closed']::text[], o.status::text), coalesce(o.name_en, o.name), o.id
      LIMIT ${BRIEFING_JOINT_VENTURES}`,
    db().$queryRaw<{ planned: number; active: number; closed: number }[]>`
      SELECT count(*) FILTER (WHERE o.status = 'planned')::int AS planned,
             count(*) FILTER (WHERE o.status = 'active')::int AS active,
             count(*) FILTER (WHERE o.status = 'closed')::int AS closed
      FROM organizations o WHERE ${live}`,
  ]);
  const items: BriefingVenture[] = rows.map(({ regionSlug, regionNameEn, regionNameRu, partners, ...row }) => ({
    ...row,
    region: { slug: regionSlug, nameEn: regionNameEn, nameRu: regionNameRu },
    partners: partners.map(([government, name, nameEn, share]) => ({ government, name, nameEn, share: Number(share) })),
  }));
  const byStatus = counts[0] ?? { planned: 0, active: 0, closed: 0 };
  return { items, byStatus, total: byStatus.planned + byStatus.active + byStatus.closed };
}

// ---- Trade of one region with every partner ----

/** A region's latest live figure with each partner, the largest first, with growth over the year before. */
async function readRegionTrade(regionId: number): Promise<RegionTradeRow[]> {
  const rows = await db().$queryRaw<RawTradeRow[]>`
    SELECT t.year, t.region_id AS "regionId", t.turnover_usd AS "turnoverUsd", t.exports_usd AS "exportsUsd",
           t.imports_usd AS "importsUsd", prev.turnover_usd AS "previousTurnoverUsd",
           t.source_title AS "sourceTitle", t.source_title_ru AS "sourceTitleRu", t.source_url AS "sourceUrl",
           p.slug AS "partnerSlug", p.name_en AS "partnerNameEn", p.name_ru AS "partnerNameRu"
    FROM (
      SELECT DISTINCT ON (f.partner) f.* FROM (
        SELECT t.*, CASE WHEN t.region_id = ${regionId} THEN t.partner_region_id ELSE t.region_id END AS partner
        FROM trade_figures t
        WHERE t.archived_at IS NULL AND (t.region_id = ${regionId} OR t.partner_region_id = ${regionId})
      ) f
      ORDER BY f.partner, f.year DESC, f.id
    ) t
    JOIN regions p ON p.id = t.partner AND p.archived_at IS NULL
    -- The year before, whichever way it was filed (trade_figures_live_pair_year_idx).
    LEFT JOIN trade_figures prev
      ON LEAST(prev.region_id, prev.partner_region_id) = LEAST(t.region_id, t.partner_region_id)
      AND GREATEST(prev.region_id, prev.partner_region_id) = GREATEST(t.region_id, t.partner_region_id)
      AND prev.year = t.year - 1 AND prev.archived_at IS NULL
    ORDER BY t.turnover_usd DESC, p.name_en, t.id
    LIMIT ${BRIEFING_TRADE_PARTNERS}`;
  return rows.map((row) => toRegionTradeRow(row, regionId));
}

// ---- The dossier ----

/**
 * Everything the briefing shows, for a region pair (`partner` set) or one region; null when a region is not
 * found. Texts come in both languages: the page and the PDF pick theirs.
 */
export async function getBriefing(regionSlug: string, partnerSlug?: string) {
  const found = await findBriefingRegions(regionSlug, partnerSlug);
  if (!found) return null;
  const { region, partner } = found;
  const [sideA, sideB] = await Promise.all([sideRegionIds(region.id), partner ? sideRegionIds(partner.id) : Promise.resolve(null)]);
  const [meetings, organizations, jointVentures, regionTrade] = await Promise.all([
    readMeetings(sideA, sideB),
    readDiscussedOrganizations(sideA, sideB),
    readJointVentures(sideA, sideB),
    partner ? Promise.resolve(null) : readRegionTrade(region.id),
  ]);
  return { region, partner, meetings, organizations, jointVentures, regionTrade };
}

export type Briefing = NonNullable<Awaited<ReturnType<typeof getBriefing>>>;

/** Open commitments listed in the briefing (the counts cover all of them). */
export const BRIEFING_COMMITMENTS = 20;

/**
 * The whole dossier in `locale` (the tracker gives commitments' texts in one language): the reads above, the
 * pair's trade series (lib/trade/analysis.ts) and the open and overdue commitments concerning both regions
 * (lib/commitments/tracker.ts). Null when a region is not found. The briefing's own reads are on the primary, as
 * every staff read is; those two are the public pages' cached reads, shared with them, and so read where the
 * public's are (a replica, with DATABASE_REPLICA_URLS).
 */
export async function getBriefingData(regionSlug: string, partnerSlug: string | undefined, locale: Locale): Promise<BriefingData | null> {
  const briefing = await getBriefing(regionSlug, partnerSlug);
  if (!briefing) return null;
  const { region, partner } = briefing;
  const slugs = partner ? [region.slug, partner.slug] : [region.slug];
  const [years, open, overdue] = await Promise.all([
    partner ? readPairTrade(region.id, partner.id) : Promise.resolve(null),
    listCommitments({ region: slugs, open: true, perPage: BRIEFING_COMMITMENTS }, locale),
    listCommitments({ region: slugs, overdue: true, perPage: 1 }, locale),
  ]);
  return {
    ...briefing,
    trade: years ? { kind: "pair", years } : { kind: "region", rows: briefing.regionTrade ?? [] },
    commitments: { open: open.items, openTotal: open.total, overdueTotal: overdue.total },
  };
}
