import "server-only";
import { cached } from "@/lib/cache";
import { countCommitmentsByStatus } from "@/lib/commitments/tracker";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { MeetingLevel, OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import { listTradePairs } from "@/lib/trade/analysis";

/**
 * The dashboard's counts and trends. Each is one aggregate in PostgreSQL (GROUP BY over an index; no rows come
 * to JavaScript but the counts) and counts exactly what the list it links to shows with the link's filters:
 * organizations as /organizations counts them (live; a section holds any organization with a sector in it),
 * meetings as /meetings does (live, by date and level), commitments as the tracker does, trade pairs as the
 * trade overview ranks them.
 */

/** Years shown in each trend: the latest ones recorded. */
export const DASHBOARD_YEARS = 12;
/** Region pairs in the trade ranking. */
export const TOP_TRADE_PAIRS = 10;

export const organizationKinds = Object.values(OrganizationKind);
export const meetingLevels = Object.values(MeetingLevel);

export type SectionCount = { code: string; nameEn: string; nameRu: string; count: number };
export type YearCount = { year: number; count: number };
export type MeetingYear = { year: number; total: number; byLevel: Record<MeetingLevel, number> };

export type DashboardCounts = {
  organizations: { total: number; byKind: Record<OrganizationKind, number>; bySection: SectionCount[] };
  /** Organizations by the year they were founded: the latest years, oldest first, years without any included. */
  founded: YearCount[];
  meetings: { total: number; byYear: MeetingYear[] };
};

async function readByKind(): Promise<Record<OrganizationKind, number>> {
  const rows = await readDb().$queryRaw<{ kind: OrganizationKind; count: number }[]>`
    SELECT o.kind::text AS kind, count(*)::int AS count FROM organizations o WHERE o.archived_at IS NULL GROUP BY o.kind`;
  const counts = Object.fromEntries(organizationKinds.map((kind) => [kind, 0])) as Record<OrganizationKind, number>;
  for (const row of rows) counts[row.kind] = row.count;
  return counts;
}

/**
 * Live organizations with at least one sector in each NACE section (an organization with sectors in two sections
 * counts in both, as the list filtered to either shows it). organization_sectors.section_code is generated from
 * the code; the anti-join leaves out the few archived organizations.
 */
async function readBySection(): Promise<SectionCount[]> {
  return readDb().$queryRaw<SectionCount[]>`
    SELECT s.code, s.name_en AS "nameEn", s.name_ru AS "nameRu", coalesce(c.count, 0)::int AS count
    FROM sectors s
    LEFT JOIN (
      SELECT os.section_code, count(DISTINCT os.organization_id) AS count
      FROM organization_sectors os
      WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = os.organization_id AND o.archived_at IS NOT NULL)
      GROUP BY os.section_code
    ) c ON c.section_code = s.code
    WHERE s.level = 'section'
    ORDER BY s.code`;
}

/** The years from `latest - DASHBOARD_YEARS + 1` to `latest`, each with its count (zero where none). */
function fillYears(latest: number | null, rows: YearCount[]): YearCount[] {
  if (latest === null) return [];
  const byYear = new Map(rows.map((row) => [row.year, row.count]));
  return Array.from({ length: DASHBOARD_YEARS }, (_, i) => latest - DASHBOARD_YEARS + 1 + i).map((year) => ({
    year,
    count: byYear.get(year) ?? 0,
  }));
}

/** New partners: live organizations by founded year, over the latest years that have one (index range scan). */
async function readFounded(): Promise<YearCount[]> {
  const [latest] = await readDb().$queryRaw<{ year: number | null }[]>`
    SELECT max(o.founded_year) AS year FROM organizations o WHERE o.archived_at IS NULL`;
  const last = latest?.year ?? null;
  if (last === null) return [];
  const rows = await readDb().$queryRaw<YearCount[]>`
    SELECT o.founded_year AS year, count(*)::int AS count FROM organizations o
    WHERE o.archived_at IS NULL AND o.founded_year BETWEEN ${last - DASHBOARD_YEARS + 1}::int AND ${last}::int
    GROUP BY o.founded_year`;
  return fillYears(last, rows);
}

/** Live meetings by year and level, over the latest years that have meetings, and all live meetings. */
async function readMeetings(): Promise<DashboardCounts["meetings"]> {
  const [latest] = await readDb().$queryRaw<{ year: number | null; total: number }[]>`
    SELECT extract(year FROM max(m.date))::int AS year, count(*)::int AS total FROM meetings m WHERE m.archived_at IS NULL`;
  const last = latest?.year ?? null;
  if (last === null) return { total: 0, byYear: [] };
  const first = last - DASHBOARD_YEARS + 1;
  // A date range, as the meetings list's year filter reads it, so that meetings(date, level) serves it.
  const rows = await readDb().$queryRaw<{ year: number; level: MeetingLevel; count: number }[]>`
    SELECT extract(year FROM m.date)::int AS year, m.level::text AS level, count(*)::int AS count
    FROM meetings m
    WHERE m.archived_at IS NULL AND m.date >= make_date(${first}::int, 1, 1) AND m.date < make_date(${last}::int + 1, 1, 1)
    GROUP BY 1, 2`;
  const byYear = Array.from({ length: DASHBOARD_YEARS }, (_, i) => {
    const year = first + i;
    const byLevel = Object.fromEntries(meetingLevels.map((level) => [level, 0])) as Record<MeetingLevel, number>;
    for (const row of rows) if (row.year === year) byLevel[row.level] = row.count;
    return { year, total: Object.values(byLevel).reduce((sum, n) => sum + n, 0), byLevel };
  });
  return { total: latest?.total ?? 0, byYear };
}

/** The counts of organizations and meetings, kept in the read cache until one of them changes. */
export const readDashboardCounts = cached(
  "dashboard-counts",
  ["organizations", "sectors", "meetings"],
  async (): Promise<DashboardCounts> => {
    const [byKind, bySection, founded, meetings] = await Promise.all([readByKind(), readBySection(), readFounded(), readMeetings()]);
    const total = Object.values(byKind).reduce((sum, n) => sum + n, 0);
    return { organizations: { total, byKind, bySection }, founded, meetings };
  },
);

/** Everything the dashboard shows: the counts above, commitments by status and the largest trade pairs. */
export async function getDashboard(locale: Locale) {
  const [counts, commitments, trade] = await Promise.all([
    readDashboardCounts(),
    countCommitmentsByStatus({}),
    listTradePairs({ sort: "turnover", page: 1, perPage: TOP_TRADE_PAIRS }, locale),
  ]);
  return { ...counts, commitments, trade };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/**
 * When the registry's public records last changed: the latest `updated_at` of any of them (each table's
 * `updated_at` is set on every write, by imports and the seed too), for the footer of every page.
 */
/** When the registry's records last changed; also read by the full download in its own snapshot (lib/dump). */
export const registryUpdatedAtSql = Prisma.sql`
  SELECT greatest(
    (SELECT max(updated_at) FROM regions), (SELECT max(updated_at) FROM organizations),
    (SELECT max(updated_at) FROM meetings), (SELECT max(updated_at) FROM commitments),
    (SELECT max(updated_at) FROM trade_figures)) AS at`;

export const getRegistryUpdatedAt = cached(
  "registry.updated-at",
  ["regions", "organizations", "meetings", "commitments", "trade"],
  async (): Promise<Date | null> => {
    const rows = await readDb().$queryRaw<{ at: Date | null }[]>(registryUpdatedAtSql);
    return rows[0]?.at ?? null;
  },
);
