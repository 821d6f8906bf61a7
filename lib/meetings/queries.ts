import { cache } from "react";
import { cached } from "@/lib/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeetingLevel } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import type { MeetingFilter, MeetingSort } from "@/lib/meetings/schema";
import { toPage, type Page, type PageParams } from "@/lib/pagination";
import { REGION_OPTIONS_LIMIT, regionRefSelect } from "@/lib/regions/queries";

/** The home page's latest meetings. */
export const LATEST_MEETINGS = 5;
/** What was discussed at a meeting, a page at a time. */
export const DISCUSSED_PAGE_SIZE = 50;
/** Organizations an editor's search offers for linking. */
export const LINKABLE_MATCHES = 20;

const meetingRowSelect = {
  slug: true,
  titleEn: true,
  titleRu: true,
  date: true,
  level: true,
  placeEn: true,
  placeRu: true,
  isDemo: true,
} as const;

/** The latest live meetings, newest first, read through meetings(date desc, id desc). */
export const listLatestMeetings = cached("latest-meetings", ["meetings"], async (limit: number = LATEST_MEETINGS) =>
  db().meeting.findMany({
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
  const direction = Prisma.raw(options.sort === "date-asc" ? "ASC" : "DESC");
  const [rows, counted] = await Promise.all([
    db().$queryRaw<MeetingRow[]>`
      SELECT m.slug, m.title_en AS "titleEn", m.title_ru AS "titleRu", m.date, m.level::text AS level,
             m.place_en AS "placeEn", m.place_ru AS "placeRu", m.is_demo AS "isDemo",
             (SELECT count(*)::int FROM discussion_links dl WHERE dl.meeting_id = m.id AND dl.archived_at IS NULL) AS discussed
      FROM meetings m
      WHERE ${where}
      ORDER BY m.date ${direction}, m.id ${direction}
      LIMIT ${options.perPage} OFFSET ${(options.page - 1) * options.perPage}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM meetings m WHERE ${where}`,
  ]);
  return toPage(rows, counted[0]?.total ?? 0, options);
}

/** The years that have meetings, newest first: the options of the year filter (two index lookups). */
export const listMeetingYears = cached("meeting-years", ["meetings"], readMeetingYears);

async function readMeetingYears(): Promise<number[]> {
  const { _min, _max } = await db().meeting.aggregate({ where: { archivedAt: null }, _min: { date: true }, _max: { date: true } });
  if (!_min.date || !_max.date) return [];
  const years: number[] = [];
  for (let year = _max.date.getUTCFullYear(); year >= _min.date.getUTCFullYear(); year -= 1) years.push(year);
  return years;
}

/** The name of an organization a meetings list is filtered to, for the heading of the filtered view. */
export async function getOrganizationRef(slug: string) {
  return db().organization.findFirst({ where: { slug, archivedAt: null }, select: { slug: true, name: true, nameEn: true } });
}

const regionSelect = { select: regionRefSelect };
const meetingRefSelect = { slug: true, titleEn: true, titleRu: true, date: true } as const;

const discussedSelect = {
  id: true,
  version: true,
  note: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  organization: { select: { slug: true, name: true, nameEn: true, kind: true, isDemo: true } },
  region: regionSelect,
} as const;

/** One read per request (the page and its metadata share it), kept in the read cache between requests. */
export const getMeetingPage = cache(
  cached(
    "meeting-page",
    ["meetings", "links", "commitments", "regions", "organizations"],
    async (slug: string, discussedPage: number = 1) => {
      const meeting = await db().meeting.findFirst({
        where: { slug, archivedAt: null },
        select: {
          id: true,
          slug: true,
          titleEn: true,
          titleRu: true,
          date: true,
          placeEn: true,
          placeRu: true,
          level: true,
          summaryEn: true,
          summaryRu: true,
          sourceTitle: true,
          sourceUrl: true,
          isDemo: true,
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
        db().discussionLink.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: (discussedPage - 1) * DISCUSSED_PAGE_SIZE,
          take: DISCUSSED_PAGE_SIZE,
          select: discussedSelect,
        }),
        db().discussionLink.count({ where }),
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

/** `%`, `_` and `\\` match literally in what an editor types. */
function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Organizations and regions an editor may link to a meeting. Organizations only once the editor has typed
 * part of a name (there are too many to list): up to 20 whose registered, English or other name contains it.
 * search_latin holds all of them romanised and case-folded, and the term is romanised the same way, so
 * "Гомсельмаш", "gomsel" and "Gomselmash" find the same row through the trigram index. Regions are few enough to list, but a search narrows them too.
 */
export async function listLinkableEntities(search: string | undefined, locale: Locale) {
  const term = search?.trim() ?? "";
  const name = Prisma.raw(locale === "ru" ? "o.name" : "coalesce(o.name_en, o.name)");
  const [organizations, regions] = await Promise.all([
    term === ""
      ? Promise.resolve([])
      : db().$queryRaw<{ id: number; name: string; nameEn: string | null }[]>`
          SELECT o.id, o.name, o.name_en AS "nameEn" FROM organizations o
          WHERE o.archived_at IS NULL
            AND o.search_latin LIKE '%' || interregio_romanize(${escapeLike(term)}) || '%'
          ORDER BY ${name}, o.id
          LIMIT ${LINKABLE_MATCHES}`,
    db().region.findMany({
      where: {
        archivedAt: null,
        ...(term === ""
          ? {}
          : { OR: [{ nameEn: { contains: term, mode: "insensitive" } }, { nameRu: { contains: term, mode: "insensitive" } }] }),
      },
      orderBy: [locale === "ru" ? { nameRu: "asc" } : { nameEn: "asc" }, { id: "asc" }],
      take: REGION_OPTIONS_LIMIT,
      select: { id: true, nameEn: true, nameRu: true },
    }),
  ]);
  return { organizations, regions };
}
