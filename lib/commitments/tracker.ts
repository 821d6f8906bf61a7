import "server-only";
import { cached } from "@/lib/cache";
import { closedStatuses, commitmentStatuses, type CommitmentStatus } from "@/lib/commitments/schema";
import { db, readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/i18n/localize";
import type { Locale } from "@/lib/i18n/locale";
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

/**
 * The commitments tracker: every live commitment of a live meeting, filtered in SQL and paged. Used by the
 * public tracker and commitment pages, the region-pair page and the briefing pack.
 */

export type { CommitmentStatus };

export type CommitmentFilters = {
  status?: CommitmentStatus[];
  /** Region slugs; every one must be concerned (its meeting's region, a party, or a party's organization's region). */
  region?: string[];
  /** An organization's or a region's slug: a party to the commitment. */
  party?: string;
  /** A meeting's slug: the commitment was made or followed up there. */
  meeting?: string;
  /** ISO days (YYYY-MM-DD), inclusive; a commitment without a due date is outside any range. */
  dueFrom?: string;
  dueTo?: string;
  /** Due before today and neither fulfilled nor lapsed. */
  overdue?: boolean;
  /** Neither fulfilled nor lapsed. */
  open?: boolean;
  page?: number;
  perPage?: number;
};

export type MeetingRef = { slug: string; title: string; date: Date };
export type CommitmentParty = { kind: "organization" | "region"; slug: string; name: string };
export type CommitmentSummary = {
  id: number;
  text: string;
  status: CommitmentStatus;
  dueDate: Date | null;
  overdue: boolean;
  meeting: MeetingRef;
  parties: CommitmentParty[];
  followUps: { meeting: MeetingRef; note: string | null }[];
};

/** Today as the tracker counts it: the UTC day, as due dates are stored (a date at UTC midnight). */
export function trackerToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const isClosed = (status: CommitmentStatus) => (closedStatuses as readonly string[]).includes(status);

/** Whether a commitment is overdue on `today`: a due date before it, and still to be met. */
export function isOverdue(dueDate: Date | null, status: CommitmentStatus, today = trackerToday()): boolean {
  return dueDate !== null && dueDate.toISOString().slice(0, 10) < today && !isClosed(status);
}

// ---- The filter in SQL ----

type Resolved = {
  /** null: a slug given that names no live record, so nothing matches. */
  regionIds: number[] | null;
  party: { organizationIds: number[]; regionIds: number[] } | null | undefined;
  meetingId: number | null | undefined;
};

/** Slugs to ids, in one round trip; archived records do not count, as the public does not see them. */
async function resolve(filters: CommitmentFilters): Promise<Resolved> {
  const regionSlugs = [...new Set(filters.region ?? [])].slice(0, 10);
  const partySlugs = filters.party ? [filters.party] : [];
  const [regions, partyOrganizations, meetings] = await Promise.all([
    regionSlugs.length || partySlugs.length
      ? readDb().region.findMany({
          where: { slug: { in: [...regionSlugs, ...partySlugs] }, archivedAt: null },
          select: { id: true, slug: true },
        })
      : [],
    partySlugs.length
      ? readDb().organization.findMany({ where: { slug: { in: partySlugs }, archivedAt: null }, select: { id: true } })
      : [],
    filters.meeting ? readDb().meeting.findMany({ where: { slug: filters.meeting, archivedAt: null }, select: { id: true } }) : [],
  ]);
  const regionIds = regionSlugs.map((slug) => regions.find((r) => r.slug === slug)?.id);
  const partyRegionIds = regions.filter((r) => r.slug === filters.party).map((r) => r.id);
  return {
    regionIds: regionIds.every((id) => id !== undefined) ? (regionIds as number[]) : null,
    party: filters.party
      ? partyOrganizations.length || partyRegionIds.length
        ? { organizationIds: partyOrganizations.map((o) => o.id), regionIds: partyRegionIds }
        : null
      : undefined,
    meetingId: filters.meeting ? (meetings[0]?.id ?? null) : undefined,
  };
}

/**
 * The tracker's filters as a WHERE clause over `commitments c JOIN meetings m` (slugs resolved first), for the
 * API, the export and the feed, so that they select exactly what the page lists.
 */
export async function commitmentWhere(filters: CommitmentFilters, today = trackerToday()): Promise<Prisma.Sql> {
  return whereOf(filters, await resolve(filters), today, true);
}

const statusList = (statuses: readonly string[]) => Prisma.sql`ARRAY[${Prisma.join(statuses)}]::"CommitmentStatus"[]`;

/**
 * The WHERE clause over `commitments c JOIN meetings m`. Each region test is three indexed lookups (the
 * meeting's regions by region, parties by region, parties by the organizations of the region), so a filter
 * never walks every commitment's parties.
 */
function whereOf(filters: CommitmentFilters, resolved: Resolved, today: string, withStatus: boolean): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.archived_at IS NULL`, Prisma.sql`m.archived_at IS NULL`];
  const none = Prisma.sql`FALSE`;
  if (withStatus && filters.status?.length) conditions.push(Prisma.sql`c.status = ANY(${statusList(filters.status)})`);
  if (resolved.regionIds === null) conditions.push(none);
  else {
    for (const regionId of resolved.regionIds) {
      conditions.push(Prisma.sql`(
        c.meeting_id IN (SELECT mr.meeting_id FROM meeting_regions mr WHERE mr.region_id = ${regionId})
        OR c.id IN (SELECT p.commitment_id FROM commitment_parties p WHERE p.region_id = ${regionId})
        OR c.id IN (
          SELECT p.commitment_id FROM commitment_parties p JOIN organizations o ON o.id = p.organization_id
          WHERE o.region_id = ${regionId} AND o.archived_at IS NULL
        ))`);
    }
  }
  if (resolved.party === null) conditions.push(none);
  else if (resolved.party) {
    const { organizationIds, regionIds } = resolved.party;
    const ids = (list: number[]) => (list.length ? Prisma.join(list) : Prisma.sql`NULL`);
    conditions.push(Prisma.sql`c.id IN (
      SELECT p.commitment_id FROM commitment_parties p
      WHERE p.organization_id IN (${ids(organizationIds)}) OR p.region_id IN (${ids(regionIds)}))`);
  }
  if (resolved.meetingId === null) conditions.push(none);
  else if (resolved.meetingId !== undefined) {
    conditions.push(Prisma.sql`(c.meeting_id = ${resolved.meetingId}
      OR c.id IN (SELECT f.commitment_id FROM commitment_follow_ups f WHERE f.meeting_id = ${resolved.meetingId}))`);
  }
  if (filters.dueFrom) conditions.push(Prisma.sql`c.due_date >= ${filters.dueFrom}::date`);
  if (filters.dueTo) conditions.push(Prisma.sql`c.due_date <= ${filters.dueTo}::date`);
  if (filters.overdue || filters.open) conditions.push(Prisma.sql`c.status <> ALL(${statusList(closedStatuses)})`);
  if (filters.overdue) conditions.push(Prisma.sql`c.due_date < ${today}::date`);
  return Prisma.join(conditions, " AND ");
}

// ---- Reads ----

const meetingSelect = { slug: true, titleEn: true, titleRu: true, date: true, archivedAt: true } as const;
const summarySelect = {
  id: true,
  textEn: true,
  textRu: true,
  status: true,
  dueDate: true,
  meeting: { select: meetingSelect },
  // Rows are replaced on every save, so their ids keep the order the editor gave them.
  parties: {
    orderBy: { id: "asc" },
    select: {
      organization: { select: { slug: true, name: true, nameEn: true, archivedAt: true } },
      region: { select: { slug: true, nameEn: true, nameRu: true, archivedAt: true } },
    },
  },
  followUps: { orderBy: { meeting: { date: "asc" } }, take: 50, select: { note: true, meeting: { select: meetingSelect } } },
} as const satisfies Prisma.CommitmentSelect;

type SummaryRow = Prisma.CommitmentGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow, locale: Locale, today: string): CommitmentSummary {
  const meetingRef = (m: SummaryRow["meeting"]): MeetingRef => ({
    slug: m.slug,
    title: localized(locale, m.titleEn, m.titleRu),
    date: m.date,
  });
  return {
    id: row.id,
    text: localized(locale, row.textEn, row.textRu),
    status: row.status,
    dueDate: row.dueDate,
    overdue: isOverdue(row.dueDate, row.status, today),
    meeting: meetingRef(row.meeting),
    // Archived records are off the public pages, so they are left out here too.
    parties: row.parties.flatMap((p): CommitmentParty[] => {
      if (p.organization && !p.organization.archivedAt) {
        return [{ kind: "organization", slug: p.organization.slug, name: localized(locale, p.organization.nameEn, p.organization.name) }];
      }
      if (p.region && !p.region.archivedAt)
        return [{ kind: "region", slug: p.region.slug, name: localized(locale, p.region.nameEn, p.region.nameRu) }];
      return [];
    }),
    followUps: row.followUps.filter((f) => !f.meeting.archivedAt).map((f) => ({ meeting: meetingRef(f.meeting), note: f.note })),
  };
}

const clampPage = (filters: CommitmentFilters) => ({
  page: Math.min(Math.max(1, Math.trunc(filters.page ?? 1)), MAX_PAGE),
  perPage: Math.min(Math.max(1, Math.trunc(filters.perPage ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE),
});

const readList = cached(
  "commitments.tracker",
  ["commitments", "meetings", "regions", "organizations"],
  async (filters: CommitmentFilters, locale: Locale, today: string): Promise<Page<CommitmentSummary>> => {
    const pageParams = clampPage(filters);
    const resolved = await resolve(filters);
    const where = whereOf(filters, resolved, today, true);
    const from = Prisma.sql`FROM commitments c JOIN meetings m ON m.id = c.meeting_id WHERE ${where}`;
    const [rows, counted] = await Promise.all([
      readDb().$queryRaw<{ id: number }[]>(Prisma.sql`
        SELECT c.id ${from}
        ORDER BY c.due_date ASC NULLS LAST, c.id DESC
        LIMIT ${pageParams.perPage} OFFSET ${(pageParams.page - 1) * pageParams.perPage}`),
      readDb().$queryRaw<{ total: bigint }[]>(Prisma.sql`SELECT count(*) AS total ${from}`),
    ]);
    const ids = rows.map((r) => r.id);
    const details = ids.length ? await readDb().commitment.findMany({ where: { id: { in: ids } }, select: summarySelect }) : [];
    const byId = new Map(details.map((d) => [d.id, d]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row, locale, today)] : [];
    });
    return toPage(items, Number(counted[0]?.total ?? 0), pageParams);
  },
);

/** A page of the commitments that match every filter, in the reader's language: soonest due first, undated last, then the latest recorded first. */
export async function listCommitments(filters: CommitmentFilters, locale: Locale): Promise<Page<CommitmentSummary>> {
  return readList(filters, locale, trackerToday());
}

const readCounts = cached(
  "commitments.tracker.counts",
  ["commitments", "meetings", "regions", "organizations"],
  async (filters: Omit<CommitmentFilters, "status" | "page">, today: string): Promise<Record<CommitmentStatus, number>> => {
    const resolved = await resolve(filters);
    const rows = await readDb().$queryRaw<{ status: CommitmentStatus; total: bigint }[]>(Prisma.sql`
      SELECT c.status::text AS status, count(*) AS total
      FROM commitments c JOIN meetings m ON m.id = c.meeting_id
      WHERE ${whereOf(filters, resolved, today, false)}
      GROUP BY c.status`);
    const counts = Object.fromEntries(commitmentStatuses.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
    for (const row of rows) counts[row.status] = Number(row.total);
    return counts;
  },
);

/** How many commitments of each status match the other filters (every status present, zero when none). */
export async function countCommitmentsByStatus(
  filters: Omit<CommitmentFilters, "status" | "page">,
): Promise<Record<CommitmentStatus, number>> {
  const { region, party, meeting, dueFrom, dueTo, overdue, open } = filters;
  return readCounts({ region, party, meeting, dueFrom, dueTo, overdue, open }, trackerToday());
}

// ---- One commitment ----

export type StatusChange = {
  /** The audit event's id, by which signed-in staff look up who made the change (listStatusChangeAuthors). */
  eventId: string;
  at: Date;
  /** null when the event was the commitment's creation. */
  from: CommitmentStatus | null;
  to: CommitmentStatus;
  note: string | null;
};

/** A commitment's page: its status history and the source document of the meeting it was made at, where recorded. */
export type CommitmentDetail = CommitmentSummary & {
  history: StatusChange[];
  source: { title: string; titleRu: string | null; url: string | null } | null;
};

/** The most status changes the page shows: a commitment moves through five statuses, rarely more than a few times. */
const MAX_HISTORY = 100;

const readDetail = cached(
  "commitments.detail",
  ["commitments", "meetings", "regions", "organizations"],
  async (id: number, locale: Locale, today: string): Promise<CommitmentDetail | null> => {
    const row = await readDb().commitment.findFirst({
      where: { id, archivedAt: null, meeting: { archivedAt: null } },
      select: { ...summarySelect, meeting: { select: { ...meetingSelect, sourceTitle: true, sourceTitleRu: true, sourceUrl: true } } },
    });
    if (!row) return null;
    const { sourceTitle, sourceTitleRu, sourceUrl } = row.meeting;
    const source = sourceTitle ? { title: sourceTitle, titleRu: sourceTitleRu, url: sourceUrl } : null;
    return { ...toSummary(row, locale, today), history: await readStatusHistory(id), source };
  },
);

/**
 * A commitment's status changes, oldest first: the creation, and each update whose status before and after
 * differ. Not who made each change: this read serves the public page and the API, and staff names are not public.
 */
export async function readStatusHistory(id: number): Promise<StatusChange[]> {
  const events = await readDb().$queryRaw<{ eventId: string; at: Date; from: string | null; to: string | null; note: string | null }[]>(
    Prisma.sql`
      SELECT e.id::text AS "eventId", e.at, e.before->>'status' AS "from", e.after->>'status' AS "to", e.note
      FROM audit_events e
      WHERE e.entity_type = 'commitment' AND e.entity_id = ${String(id)}
        AND (e.action = 'commitment.create'
          OR (e.action = 'commitment.update' AND e.before->>'status' IS DISTINCT FROM e.after->>'status'))
      ORDER BY e.at DESC, e.id DESC
      LIMIT ${MAX_HISTORY}`,
  );
  const known = (value: string | null) => (commitmentStatuses as readonly string[]).includes(value ?? "");
  return events
    .filter((e) => known(e.to))
    .map((e) => ({
      eventId: e.eventId,
      at: e.at,
      from: known(e.from) ? (e.from as CommitmentStatus) : null,
      to: e.to as CommitmentStatus,
      note: e.note,
    }))
    .reverse();
}

/** A live commitment of a live meeting for its public page, with its status history (oldest first); null otherwise. */
export async function getCommitment(id: number, locale: Locale): Promise<CommitmentDetail | null> {
  return readDetail(id, locale, trackerToday());
}

/**
 * Who made each of a commitment's status changes (the staff member's name, never the email), by audit event
 * id: for signed-in staff only, read apart from the shared public read. Uncached, as it answers staff alone.
 */
export async function listStatusChangeAuthors(commitmentId: number, eventIds: readonly string[]): Promise<Record<string, string>> {
  const ids = eventIds.filter((id) => /^\d{1,18}$/.test(id)).slice(0, MAX_HISTORY);
  if (ids.length === 0) return {};
  const events = await db().auditEvent.findMany({
    where: { id: { in: ids.map(BigInt) }, entityType: "commitment", entityId: String(commitmentId), actorId: { not: null } },
    select: { id: true, actor: { select: { name: true } } },
  });
  return Object.fromEntries(events.map((event) => [String(event.id), event.actor?.name ?? ""]));
}

/** Names for the filters the tracker shows ("concerning Belarus and Kursk Oblast"); a slug that names nothing is left out. */
export const getTrackerFilterNames = cached(
  "commitments.tracker.names",
  ["regions", "organizations", "meetings"],
  async (filters: Pick<CommitmentFilters, "region" | "party" | "meeting">, locale: Locale) => {
    const slugs = [...(filters.region ?? []), ...(filters.party ? [filters.party] : [])];
    const [regions, organization, meeting] = await Promise.all([
      slugs.length
        ? readDb().region.findMany({ where: { slug: { in: slugs }, archivedAt: null }, select: { slug: true, nameEn: true, nameRu: true } })
        : [],
      filters.party
        ? readDb().organization.findFirst({ where: { slug: filters.party, archivedAt: null }, select: { name: true, nameEn: true } })
        : null,
      filters.meeting
        ? readDb().meeting.findFirst({ where: { slug: filters.meeting, archivedAt: null }, select: { titleEn: true, titleRu: true } })
        : null,
    ]);
    const regionName = (slug: string) => {
      const region = regions.find((r) => r.slug === slug);
      return region ? localized(locale, region.nameEn, region.nameRu) : null;
    };
    return {
      regions: (filters.region ?? []).map((slug) => ({ slug, name: regionName(slug) })),
      party: filters.party
        ? ((organization ? localized(locale, organization.nameEn, organization.name) : null) ?? regionName(filters.party))
        : null,
      meeting: meeting ? localized(locale, meeting.titleEn, meeting.titleRu) : null,
    };
  },
);
