import "server-only";
import { cache } from "react";
import type { FormValues } from "@/lib/actions/form-state";
import type { SnapshotReader } from "@/lib/actions/versioned";
import { cached } from "@/lib/cache";
import { db, readDb } from "@/lib/db/client";
import { openQueryCursor, readSqlPool } from "@/lib/db/pg";
import type { RowSource } from "@/lib/export/write";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeetingLevel } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import type { Locale } from "@/lib/i18n/locale";
import { TIMELINE_LIMIT } from "@/lib/meetings/timeline";
import { MEETING_DISCUSSED_MAX, type MeetingFilter, type MeetingSort } from "@/lib/meetings/schema";
import { toPage, type Page, type PageParams } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { regionRefSelect } from "@/lib/regions/queries";

/** The home page's latest meetings. */
export const LATEST_MEETINGS = 5;
/** What was discussed at a meeting, a page at a time. */
export const DISCUSSED_PAGE_SIZE = 50;

/** A link to a meeting: its titles and date. */
export const meetingRefSelect = { slug: true, titleEn: true, titleRu: true, date: true } as const satisfies Prisma.MeetingSelect;

/** A meeting as a list shows it. */
export const meetingRowSelect = {
  ...meetingRefSelect,
  level: true,
  placeEn: true,
  placeRu: true,
  isDemo: true,
  updatedAt: true,
} as const satisfies Prisma.MeetingSelect;

/** What its own page, its edit form and the API's record add. */
export const meetingDetailsSelect = {
  summaryEn: true,
  summaryRu: true,
  sourceTitle: true,
  sourceTitleRu: true,
  sourceUrl: true,
} as const satisfies Prisma.MeetingSelect;

/** The latest live meetings, newest first, read through meetings(date desc, id desc). */
export const listLatestMeetings = cached("latest-meetings", ["meetings"], async (limit: number = LATEST_MEETINGS) =>
  readDb().meeting.findMany({
    where: { archivedAt: null },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limit,
    select: meetingRowSelect,
  }),
);

export type MeetingRow = {
  slug: string;
  titleEn: string;
  titleRu: string;
  date: Date;
  level: MeetingLevel;
  placeEn: string | null;
  placeRu: string | null;
  isDemo: boolean;
  discussed: number;
};

/** Meetings of a region: where it took part, or where it was discussed (what its timeline shows). */
function meetingWhere(filter: MeetingFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`m.archived_at IS NULL`];
  if (filter.year) {
    // A date range rather than extract(year ...), so that meetings(date) serves the filter.
    conditions.push(Prisma.sql`m.date >= make_date(${filter.year}::int, 1, 1) AND m.date < make_date(${filter.year}::int + 1, 1, 1)`);
  }
  if (filter.level) conditions.push(Prisma.sql`m.level = ${filter.level}::"MeetingLevel"`);
  if (filter.region)
    conditions.push(Prisma.sql`m.id IN (
      WITH region AS (SELECT r.id FROM regions r WHERE r.slug = ${filter.region} AND r.archived_at IS NULL)
      SELECT mr.meeting_id FROM meeting_regions mr WHERE mr.region_id = (SELECT id FROM region)
      UNION
      SELECT dl.meeting_id FROM discussion_links dl WHERE dl.region_id = (SELECT id FROM region) AND dl.archived_at IS NULL)`);
  if (filter.organization)
    conditions.push(Prisma.sql`m.id IN (
      SELECT dl.meeting_id FROM discussion_links dl
      WHERE dl.organization_id = (SELECT o.id FROM organizations o WHERE o.slug = ${filter.organization} AND o.archived_at IS NULL)
        AND dl.archived_at IS NULL)`);
  return Prisma.join(conditions, " AND ");
}

export type MeetingListOptions = MeetingFilter & PageParams & { sort: MeetingSort };

/** A page of live meetings, newest first unless asked otherwise, each with how many entities it discussed. */
export const listMeetings = cached("meetings-list", ["meetings", "links", "regions", "organizations"], readMeetings);

async function readMeetings(options: MeetingListOptions): Promise<Page<MeetingRow>> {
  const where = meetingWhere(options);
  const direction = options.sort === "date-asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const [rows, counted] = await Promise.all([
    readDb().$queryRaw<MeetingRow[]>`
      SELECT m.slug, m.title_en AS "titleEn", m.title_ru AS "titleRu", m.date, m.level::text AS level,
             m.place_en AS "placeEn", m.place_ru AS "placeRu", m.is_demo AS "isDemo",
             (SELECT count(*)::int FROM discussion_links dl WHERE dl.meeting_id = m.id AND dl.archived_at IS NULL) AS discussed
      FROM meetings m
      WHERE ${where}
      ORDER BY m.date ${direction}, m.id ${direction}
      LIMIT ${options.perPage} OFFSET ${(options.page - 1) * options.perPage}`,
    readDb().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM meetings m WHERE ${where}`,
  ]);
  return toPage(rows, counted[0]?.total ?? 0, options);
}

/** One meeting as the list's export writes it. */
export type MeetingExportRow = Omit<MeetingRow, "date"> & { date: Date; url: string };

/**
 * Every meeting of the list's filters, in its order, as a row source for the CSV and XLSX writers
 * (lib/export/write.ts): one database cursor, one snapshot, read a batch at a time.
 */
export async function openMeetingSource(
  filter: MeetingFilter & { sort: MeetingSort },
  { origin = "", signal }: { origin?: string; signal?: AbortSignal } = {},
): Promise<RowSource<MeetingExportRow>> {
  const direction = filter.sort === "date-asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // The day as text: node-postgres would read a date as midnight in the process's time zone.
  const cursor = await openQueryCursor<Omit<MeetingRow, "date"> & { date: string }>(
    Prisma.sql`
      SELECT m.slug, m.title_en AS "titleEn", m.title_ru AS "titleRu", to_char(m.date, 'YYYY-MM-DD') AS date, m.level::text AS level,
             m.place_en AS "placeEn", m.place_ru AS "placeRu", m.is_demo AS "isDemo",
             (SELECT count(*)::int FROM discussion_links dl WHERE dl.meeting_id = m.id AND dl.archived_at IS NULL) AS discussed
      FROM meetings m
      WHERE ${meetingWhere(filter)}
      ORDER BY m.date ${direction}, m.id ${direction}`,
    { signal, pool: readSqlPool() },
  );
  return {
    read: async () =>
      (await cursor.read()).map((row) => ({
        ...row,
        date: new Date(`${row.date}T00:00:00Z`),
        url: `${origin}${paths.meeting(row.slug)}`,
      })),
    close: cursor.close,
  };
}

/** The years that have meetings, newest first: the options of the year filter (two index lookups). */
export const listMeetingYears = cached("meeting-years", ["meetings"], readMeetingYears);

async function readMeetingYears(): Promise<number[]> {
  const { _min, _max } = await readDb().meeting.aggregate({ where: { archivedAt: null }, _min: { date: true }, _max: { date: true } });
  if (!_min.date || !_max.date) return [];
  const years: number[] = [];
  for (let year = _max.date.getUTCFullYear(); year >= _min.date.getUTCFullYear(); year -= 1) years.push(year);
  return years;
}

/** The name of an organization a meetings list is filtered to, for the heading of the filtered view. */
export async function getOrganizationRef(slug: string) {
  return readDb().organization.findFirst({ where: { slug, archivedAt: null }, select: { slug: true, name: true, nameEn: true } });
}

const regionSelect = { select: regionRefSelect };

// Not who made the link: staff names are not public, and this read is shared with the public (listLinkAuthors).
const discussedSelect = {
  id: true,
  version: true,
  note: true,
  createdAt: true,
  organization: { select: { slug: true, name: true, nameEn: true, kind: true, isDemo: true } },
  region: regionSelect,
} as const;

/** One read per request (the page and its metadata share it), kept in the read cache between requests. */
export const getMeetingPage = cache(
  cached(
    "meeting-page",
    ["meetings", "links", "commitments", "regions", "organizations"],
    async (slug: string, discussedPage: number = 1) => {
      const meeting = await readDb().meeting.findFirst({
        where: { slug, archivedAt: null },
        select: {
          id: true,
          ...meetingRowSelect,
          ...meetingDetailsSelect,
          regions: { select: { region: regionSelect }, orderBy: { region: { nameEn: "asc" } } },
          participants: {
            orderBy: { position: "asc" },
            select: { personEn: true, personRu: true, roleEn: true, roleRu: true, sideRegion: regionSelect },
          },
          statements: {
            orderBy: { position: "asc" },
            select: { speakerEn: true, speakerRu: true, textEn: true, textRu: true },
          },
          commitments: {
            where: { archivedAt: null },
            orderBy: { id: "asc" },
            select: {
              id: true,
              textEn: true,
              textRu: true,
              status: true,
              dueDate: true,
              parties: {
                select: {
                  organization: { select: { slug: true, name: true, nameEn: true } },
                  region: regionSelect,
                },
              },
              followUps: {
                where: { meeting: { archivedAt: null } },
                orderBy: { meeting: { date: "asc" } },
                select: { meeting: { select: meetingRefSelect } },
              },
            },
          },
          followedUp: {
            where: { commitment: { archivedAt: null } },
            select: {
              commitment: { select: { id: true, textEn: true, textRu: true, status: true, meeting: { select: meetingRefSelect } } },
            },
          },
        },
      });
      if (!meeting) return null;
      // What was discussed is read by top-level queries: a nested `skip`/`take` is applied in memory.
      const where = { meetingId: meeting.id, archivedAt: null };
      const [discussionLinks, total] = await Promise.all([
        readDb().discussionLink.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: (discussedPage - 1) * DISCUSSED_PAGE_SIZE,
          take: DISCUSSED_PAGE_SIZE,
          select: discussedSelect,
        }),
        readDb().discussionLink.count({ where }),
      ]);
      return {
        ...meeting,
        discussionLinks,
        discussed: toPage(discussionLinks, total, { page: discussedPage, perPage: DISCUSSED_PAGE_SIZE }),
      };
    },
  ),
);

export type MeetingPage = NonNullable<Awaited<ReturnType<typeof getMeetingPage>>>;

// ---- The staff workspace ----

const editSelect = {
  id: true,
  ...meetingRowSelect,
  ...meetingDetailsSelect,
  version: true,
  archivedAt: true,
  regions: { select: { region: { select: { id: true, nameEn: true, nameRu: true } } }, orderBy: { region: { nameEn: "asc" } } },
  participants: {
    orderBy: { position: "asc" },
    select: {
      personEn: true,
      personRu: true,
      roleEn: true,
      roleRu: true,
      sideRegion: { select: { id: true, nameEn: true, nameRu: true } },
    },
  },
  statements: { orderBy: { position: "asc" }, select: { speakerEn: true, speakerRu: true, textEn: true, textRu: true } },
} as const satisfies Prisma.MeetingSelect;

const both = (en: string | null, ru: string | null) => [en, ru].filter(Boolean).join(" / ");
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A meeting as its history keeps it: readable values, regions by name, and each participant and statement as
 * one line in both languages, so that a change to any child row shows in the diff.
 */
export const snapshotMeeting: SnapshotReader = async (tx, id) => {
  const meeting = await tx.meeting.findUnique({ where: { id }, select: editSelect });
  if (!meeting) return null;
  return {
    titleEn: meeting.titleEn,
    titleRu: meeting.titleRu,
    date: isoDate(meeting.date),
    level: meeting.level,
    placeEn: meeting.placeEn,
    placeRu: meeting.placeRu,
    summaryEn: meeting.summaryEn,
    summaryRu: meeting.summaryRu,
    sourceTitle: meeting.sourceTitle,
    sourceUrl: meeting.sourceUrl,
    regions: meeting.regions.map(({ region }) => region.nameEn),
    participants: meeting.participants.map((p) =>
      [both(p.personEn, p.personRu), both(p.roleEn, p.roleRu), p.sideRegion?.nameEn ?? ""].filter(Boolean).join(", "),
    ),
    statements: meeting.statements.map((s) => {
      const speaker = both(s.speakerEn, s.speakerRu);
      return `${speaker ? `${speaker}: ` : ""}${both(s.textEn, s.textRu)}`;
    }),
    version: meeting.version,
    archived: meeting.archivedAt !== null,
  };
};

/**
 * A meeting for its edit form, archived or not, with its child rows as the form names them; null when there is
 * no such id. Once per request: the edit page and its title share it.
 */
export const getMeetingForEdit = cache(async (id: number, locale: Locale) => {
  const meeting = await db().meeting.findUnique({ where: { id }, select: editSelect });
  if (!meeting) return null;
  const regionName = (region: { nameEn: string; nameRu: string }) => localized(locale, region.nameEn, region.nameRu);
  const values: FormValues = {
    titleEn: meeting.titleEn,
    titleRu: meeting.titleRu,
    date: isoDate(meeting.date),
    level: meeting.level,
    placeEn: meeting.placeEn ?? "",
    placeRu: meeting.placeRu ?? "",
    summaryEn: meeting.summaryEn ?? "",
    summaryRu: meeting.summaryRu ?? "",
    sourceTitle: meeting.sourceTitle ?? "",
    sourceTitleRu: meeting.sourceTitleRu ?? "",
    sourceUrl: meeting.sourceUrl ?? "",
    version: String(meeting.version),
  };
  meeting.regions.forEach(({ region }, i) => {
    values[`regions.${i}.regionId`] = String(region.id);
    values[`regions.${i}.regionId__label`] = regionName(region);
  });
  meeting.participants.forEach((p, i) => {
    values[`participants.${i}.personEn`] = p.personEn;
    values[`participants.${i}.personRu`] = p.personRu;
    values[`participants.${i}.roleEn`] = p.roleEn ?? "";
    values[`participants.${i}.roleRu`] = p.roleRu ?? "";
    values[`participants.${i}.sideRegionId`] = p.sideRegion ? String(p.sideRegion.id) : "";
    values[`participants.${i}.sideRegionId__label`] = p.sideRegion ? regionName(p.sideRegion) : "";
  });
  meeting.statements.forEach((s, i) => {
    values[`statements.${i}.speakerEn`] = s.speakerEn ?? "";
    values[`statements.${i}.speakerRu`] = s.speakerRu ?? "";
    values[`statements.${i}.textEn`] = s.textEn;
    values[`statements.${i}.textRu`] = s.textRu;
  });
  return {
    id: meeting.id,
    slug: meeting.slug,
    title: { en: meeting.titleEn, ru: meeting.titleRu },
    archived: meeting.archivedAt !== null,
    version: meeting.version,
    values,
  };
});

/**
 * A meeting for its edit page: `getMeetingForEdit`, and its live links as the form's "Discussed" rows, oldest
 * first, as many as the form takes (more stay, linked from the meeting's page), with the links shown and their
 * versions (`discussedShown[]`, see `MeetingUpdateSchema`). The import reads `getMeetingForEdit` alone: a
 * meeting's row in a spreadsheet writes no links.
 */
export const getMeetingFormForEdit = cache(async (id: number, locale: Locale) => {
  const meeting = await getMeetingForEdit(id, locale);
  if (!meeting) return null;
  const links = await db().discussionLink.findMany({
    where: { meetingId: id, archivedAt: null },
    orderBy: { id: "asc" },
    take: MEETING_DISCUSSED_MAX,
    select: {
      id: true,
      version: true,
      note: true,
      organization: { select: { id: true, name: true, nameEn: true } },
      region: { select: { id: true, nameEn: true, nameRu: true } },
    },
  });
  const values: FormValues = { ...meeting.values, "discussedShown[]": links.map((link) => `${link.id}:${link.version}`) };
  links.forEach((link, i) => {
    values[`discussed.${i}.linkId`] = String(link.id);
    values[`discussed.${i}.organizationId`] = link.organization ? String(link.organization.id) : "";
    values[`discussed.${i}.organizationId__label`] = link.organization
      ? localized(locale, link.organization.nameEn, link.organization.name)
      : "";
    values[`discussed.${i}.regionId`] = link.region ? String(link.region.id) : "";
    values[`discussed.${i}.regionId__label`] = link.region ? localized(locale, link.region.nameEn, link.region.nameRu) : "";
    values[`discussed.${i}.note`] = link.note;
  });
  return { ...meeting, values };
});

/** A discussion link as its history keeps it: the meeting and the entity by name. */
export const snapshotDiscussionLink: SnapshotReader = async (tx, id) => {
  const link = await tx.discussionLink.findUnique({
    where: { id },
    select: {
      note: true,
      version: true,
      archivedAt: true,
      meeting: { select: { titleEn: true, date: true } },
      organization: { select: { name: true, nameEn: true } },
      region: { select: { nameEn: true } },
    },
  });
  if (!link) return null;
  return {
    meeting: `${isoDate(link.meeting.date)} ${link.meeting.titleEn}`,
    organization: link.organization ? (link.organization.nameEn ?? link.organization.name) : null,
    region: link.region?.nameEn ?? null,
    note: link.note,
    version: link.version,
    archived: link.archivedAt !== null,
  };
};

/** A discussion link as the import edits it (the forms only link and unlink), archived or not; null when there is no such id. */
export async function getLinkForEdit(id: number) {
  const link = await db().discussionLink.findUnique({
    where: { id },
    select: { id: true, version: true, archivedAt: true, meetingId: true, organizationId: true, regionId: true, note: true },
  });
  if (!link) return null;
  const values: FormValues = {
    meetingId: String(link.meetingId),
    organizationId: link.organizationId === null ? "" : String(link.organizationId),
    regionId: link.regionId === null ? "" : String(link.regionId),
    note: link.note,
    version: String(link.version),
  };
  return { id: link.id, version: link.version, archived: link.archivedAt !== null, values };
}

/**
 * Who made each of these discussion links, by link id, for signed-in staff only: the meeting page's shared read
 * leaves names out, so that the public page never holds them. Uncached, as it answers staff alone.
 */
export async function listLinkAuthors(linkIds: readonly number[]): Promise<Record<number, string>> {
  if (linkIds.length === 0) return {};
  const links = await db().discussionLink.findMany({
    where: { id: { in: linkIds.slice(0, DISCUSSED_PAGE_SIZE) }, createdById: { not: null } },
    select: { id: true, createdBy: { select: { name: true } } },
  });
  return Object.fromEntries(links.map((link) => [link.id, link.createdBy?.name ?? ""]));
}

/**
 * An organization's or region's live links for the staff tools on its page: the same latest meetings as its
 * timeline, with what removing one needs (the link's id and version). Read for signed-in staff only, uncached.
 */
export async function listEntityLinks(entity: { organizationId: number } | { regionId: number }) {
  return db().discussionLink.findMany({
    where: { ...entity, archivedAt: null, meeting: { archivedAt: null } },
    orderBy: [{ meeting: { date: "desc" } }, { id: "desc" }],
    take: TIMELINE_LIMIT,
    select: { id: true, version: true, meeting: { select: { slug: true, titleEn: true, titleRu: true, date: true } } },
  });
}
