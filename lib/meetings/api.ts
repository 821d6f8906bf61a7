import "server-only";
import { readDb } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/columns";
import { listExportResponse } from "@/lib/export/response";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate, toMeetingRef, toParty, toRegionRef } from "@/lib/api/refs";
import {
  MeetingCsvExportQuerySchema,
  MeetingXlsxExportQuerySchema,
  type MeetingDetailDto,
  type MeetingDto,
  type MeetingQuery,
} from "@/lib/meetings/dto";
import { meetingTable } from "@/lib/meetings/export";
import { meetingDetailsSelect, meetingRefSelect, meetingRowSelect, openMeetingSource } from "@/lib/meetings/queries";
import { organizationRefSelect } from "@/lib/organizations/queries";
import { mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { regionRefSelect } from "@/lib/regions/queries";

/** The meetings endpoints' reads, with the fields the meeting pages read (lib/meetings/queries.ts). */

const meetingSelect = {
  id: true,
  ...meetingRowSelect,
  regions: { orderBy: { region: { nameEn: "asc" } }, select: { region: { select: regionRefSelect } } },
} as const satisfies Prisma.MeetingSelect;

type MeetingRow = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

function toMeeting(m: MeetingRow): MeetingDto {
  return {
    slug: m.slug,
    titleEn: m.titleEn,
    titleRu: m.titleRu,
    date: isoDate(m.date),
    level: m.level,
    placeEn: m.placeEn,
    placeRu: m.placeRu,
    regions: m.regions.map((r) => toRegionRef(r.region)),
    isDemo: m.isDemo,
    updatedAt: m.updatedAt.toISOString(),
    url: paths.meeting(m.slug),
  };
}

/**
 * Newest first (or oldest first with date-asc). After a cursor (date d, id i), newest first: rows with date < d,
 * or date = d and id < i. The extra `date <= d` bound lets PostgreSQL start the walk of meetings_live_date_idx
 * at d instead of filtering from the top.
 */
function meetingKeysetWhere(cursor: MeetingQuery["cursor"], ascending: boolean): Prisma.MeetingWhereInput {
  if (!cursor) return {};
  const date = new Date(`${cursor[0]}T00:00:00Z`);
  if (ascending) return { date: { gte: date }, OR: [{ date: { gt: date } }, { id: { gt: cursor[1] } }] };
  return { date: { lte: date }, OR: [{ date: { lt: date } }, { id: { lt: cursor[1] } }] };
}

/** GET /api/v1/meetings: a keyset page on (date, id), newest first unless `sort=date-asc`, as the list page. */
export async function listMeetingsPage(query: MeetingQuery): Promise<CursorPage<MeetingDto>> {
  const year = query.year;
  const ascending = query.sort === "date-asc";
  const direction = ascending ? "asc" : "desc";
  const rows = await readDb().meeting.findMany({
    where: {
      AND: [
        {
          archivedAt: null,
          level: query.level,
          updatedAt: query.updatedSince && { gte: query.updatedSince },
          ...(year ? { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } : {}),
          ...(query.region ? { regions: { some: { region: { slug: query.region } } } } : {}),
        },
        meetingKeysetWhere(query.cursor, ascending),
      ],
    },
    orderBy: [{ date: direction }, { id: direction }],
    take: query.limit + 1,
    select: meetingSelect,
  });
  return mapCursorPage(rows, query.limit, (m) => [isoDate(m.date), m.id], toMeeting);
}

const partySelect = { organization: { select: organizationRefSelect }, region: { select: regionRefSelect } } as const;

/** GET /api/v1/meetings/{slug}: with its participants, statements, what was discussed and the commitments made. */
export async function getMeetingDetail(slug: string): Promise<MeetingDetailDto | null> {
  const m = await readDb().meeting.findFirst({
    where: { slug, archivedAt: null },
    select: {
      ...meetingSelect,
      ...meetingDetailsSelect,
      participants: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        take: 500,
        select: { personEn: true, personRu: true, roleEn: true, roleRu: true, sideRegion: { select: regionRefSelect } },
      },
      statements: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        take: 500,
        select: { speakerEn: true, speakerRu: true, textEn: true, textRu: true },
      },
      discussionLinks: { where: { archivedAt: null }, orderBy: { id: "asc" }, take: 1000, select: { note: true, ...partySelect } },
      commitments: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        take: 500,
        select: {
          textEn: true,
          textRu: true,
          status: true,
          dueDate: true,
          parties: { orderBy: { id: "asc" }, select: partySelect },
          followUps: {
            where: { meeting: { archivedAt: null } },
            orderBy: { meeting: { date: "asc" } },
            select: { meeting: { select: meetingRefSelect } },
          },
        },
      },
    },
  });
  if (!m) return null;
  return {
    ...toMeeting(m),
    summaryEn: m.summaryEn,
    summaryRu: m.summaryRu,
    sourceTitle: m.sourceTitle,
    sourceTitleRu: m.sourceTitleRu,
    sourceUrl: m.sourceUrl,
    participants: m.participants.map((p) => ({
      personEn: p.personEn,
      personRu: p.personRu,
      roleEn: p.roleEn,
      roleRu: p.roleRu,
      side: p.sideRegion ? toRegionRef(p.sideRegion) : null,
    })),
    statements: m.statements.map((s) => ({ speakerEn: s.speakerEn, speakerRu: s.speakerRu, textEn: s.textEn, textRu: s.textRu })),
    discussed: m.discussionLinks.map((l) => ({ ...toParty(l), note: l.note })),
    commitments: m.commitments.map((c) => ({
      textEn: c.textEn,
      textRu: c.textRu,
      status: c.status,
      dueDate: c.dueDate ? isoDate(c.dueDate) : null,
      parties: c.parties.map(toParty),
      followedUpAt: c.followUps.map((f) => toMeetingRef(f.meeting)),
    })),
  };
}

/**
 * GET /api/v1/meetings/export.{csv,xlsx}: every meeting of the list page's filters, in its order, streamed from a
 * database cursor. Bad parameters are a 400 before any row is read.
 */
export function meetingsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  return listExportResponse(request, format, {
    schemas: { csv: MeetingCsvExportQuerySchema, xlsx: MeetingXlsxExportQuerySchema },
    table: meetingTable,
    open: openMeetingSource,
  });
}
