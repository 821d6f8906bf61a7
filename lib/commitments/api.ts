import "server-only";
import { isoDate, toMeetingRef, toParty } from "@/lib/api/refs";
import {
  CommitmentCsvExportQuerySchema,
  CommitmentXlsxExportQuerySchema,
  type CommitmentDetailDto,
  type CommitmentDto,
  type CommitmentQuery,
} from "@/lib/commitments/dto";
import { commitmentTable, type CommitmentExportRow } from "@/lib/commitments/export";
import type { CommitmentFilters } from "@/lib/commitments/tracker";
import { commitmentWhere, isOverdue, readStatusHistory, trackerToday } from "@/lib/commitments/tracker";
import { readDb } from "@/lib/db/client";
import { openQueryCursor, readSqlPool } from "@/lib/db/pg";
import type { ExportFormat } from "@/lib/export/columns";
import { listExportResponse } from "@/lib/export/response";
import type { RowSource } from "@/lib/export/write";
import { Prisma } from "@/lib/generated/prisma/client";
import { meetingRefSelect } from "@/lib/meetings/queries";
import { organizationRefSelect } from "@/lib/organizations/queries";
import { idKey, mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { regionRefSelect } from "@/lib/regions/queries";

/**
 * The commitments endpoints' reads: the tracker's filters (lib/commitments/tracker.ts, the page's own WHERE
 * clause), public fields only. Archived parties and follow-up meetings are left out, as on the pages.
 */

const live = { archivedAt: null } as const;

const commitmentSelect = {
  id: true,
  textEn: true,
  textRu: true,
  status: true,
  dueDate: true,
  updatedAt: true,
  meeting: { select: meetingRefSelect },
  // Rows are replaced on every save, so their ids keep the order the editor gave them.
  parties: {
    where: { OR: [{ organization: live }, { region: live }] },
    orderBy: { id: "asc" },
    select: { organization: { select: organizationRefSelect }, region: { select: regionRefSelect } },
  },
  followUps: {
    where: { meeting: live },
    orderBy: { meeting: { date: "asc" } },
    take: 50,
    select: { note: true, meeting: { select: meetingRefSelect } },
  },
} as const satisfies Prisma.CommitmentSelect;

type CommitmentRow = Prisma.CommitmentGetPayload<{ select: typeof commitmentSelect }>;

function toCommitment(row: CommitmentRow, today: string): CommitmentDto {
  return {
    id: row.id,
    textEn: row.textEn,
    textRu: row.textRu,
    status: row.status,
    dueDate: row.dueDate ? isoDate(row.dueDate) : null,
    overdue: isOverdue(row.dueDate, row.status, today),
    meeting: toMeetingRef(row.meeting),
    parties: row.parties.map(toParty),
    followUps: row.followUps.map((f) => ({ meeting: toMeetingRef(f.meeting), note: f.note })),
    updatedAt: row.updatedAt.toISOString(),
    url: paths.commitment(row.id),
  };
}

/** GET /api/v1/commitments: the tracker's filters, a keyset page on the id (oldest record first). */
export async function listCommitmentsPage(query: CommitmentQuery): Promise<CursorPage<CommitmentDto>> {
  const today = trackerToday();
  const conditions = [await commitmentWhere(query, today)];
  if (query.updatedSince) conditions.push(Prisma.sql`c.updated_at >= ${query.updatedSince}`);
  if (query.cursor) conditions.push(Prisma.sql`c.id > ${query.cursor[0]}`);
  const ids = await readDb().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT c.id FROM commitments c JOIN meetings m ON m.id = c.meeting_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c.id ASC
    LIMIT ${query.limit + 1}`);
  const rows = ids.length
    ? await readDb().commitment.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { id: "asc" }, select: commitmentSelect })
    : [];
  return mapCursorPage(rows, query.limit, idKey, (row) => toCommitment(row, today));
}

/** GET /api/v1/commitments/{id}: a live commitment of a live meeting, with its status history; null otherwise. */
export async function getCommitmentDetail(id: number): Promise<CommitmentDetailDto | null> {
  const row = await readDb().commitment.findFirst({ where: { id, ...live, meeting: live }, select: commitmentSelect });
  if (!row) return null;
  const history = await readStatusHistory(id);
  return {
    ...toCommitment(row, trackerToday()),
    statusHistory: history.map((change) => ({ at: change.at.toISOString(), from: change.from, to: change.to, note: change.note })),
  };
}

/** Party names in one language, joined, live parties only. */
const partyNames = (organizationName: Prisma.Sql, regionName: Prisma.Sql) => Prisma.sql`(
  SELECT string_agg(COALESCE(CASE WHEN o.archived_at IS NULL THEN ${organizationName} END,
                             CASE WHEN r.archived_at IS NULL THEN ${regionName} END), '; ' ORDER BY p.id)
  FROM commitment_parties p
  LEFT JOIN organizations o ON o.id = p.organization_id
  LEFT JOIN regions r ON r.id = p.region_id
  WHERE p.commitment_id = c.id)`;

/**
 * Every commitment of the tracker's filters, in its order (soonest due first, undated last, then the latest
 * recorded), as a row source for the CSV and XLSX writers: one database cursor, one snapshot.
 */
export async function openCommitmentSource(
  filters: CommitmentFilters,
  { origin = "", signal }: { origin?: string; signal?: AbortSignal } = {},
): Promise<RowSource<CommitmentExportRow>> {
  const today = trackerToday();
  // Days as text: node-postgres would read a date as midnight in the process's time zone.
  const cursor = await openQueryCursor<
    Omit<CommitmentExportRow, "dueDate" | "meetingDate" | "url" | "overdue"> & { dueDate: string | null; meetingDate: string }
  >(
    Prisma.sql`
      SELECT c.id, c.text_en AS "textEn", c.text_ru AS "textRu", c.status::text AS status,
             to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
             m.title_en AS "meetingTitleEn", m.title_ru AS "meetingTitleRu", to_char(m.date, 'YYYY-MM-DD') AS "meetingDate",
             ${partyNames(Prisma.sql`COALESCE(o.name_en, o.name)`, Prisma.sql`r.name_en`)} AS "partiesEn",
             ${partyNames(Prisma.sql`o.name`, Prisma.sql`r.name_ru`)} AS "partiesRu",
             (SELECT count(*)::int FROM commitment_follow_ups f JOIN meetings fm ON fm.id = f.meeting_id
              WHERE f.commitment_id = c.id AND fm.archived_at IS NULL) AS "followUps"
      FROM commitments c JOIN meetings m ON m.id = c.meeting_id
      WHERE ${await commitmentWhere(filters, today)}
      ORDER BY c.due_date ASC NULLS LAST, c.id DESC`,
    { signal, pool: readSqlPool() },
  );
  const day = (value: string) => new Date(`${value}T00:00:00Z`);
  return {
    read: async () =>
      (await cursor.read()).map((row) => {
        const dueDate = row.dueDate ? day(row.dueDate) : null;
        return {
          ...row,
          dueDate,
          meetingDate: day(row.meetingDate),
          overdue: isOverdue(dueDate, row.status, today),
          url: `${origin}${paths.commitment(row.id)}`,
        };
      }),
    close: cursor.close,
  };
}

/**
 * GET /api/v1/commitments/export.{csv,xlsx}: every commitment of the tracker's filters, streamed. Bad parameters
 * are a 400 naming them before any row is read.
 */
export function commitmentsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  return listExportResponse(request, format, {
    schemas: { csv: CommitmentCsvExportQuerySchema, xlsx: CommitmentXlsxExportQuerySchema },
    table: commitmentTable,
    open: openCommitmentSource,
  });
}

/** The newest commitments of the tracker's filters (its feed), newest record first. */
export async function listNewestCommitments(filters: CommitmentFilters, limit: number): Promise<CommitmentDto[]> {
  const today = trackerToday();
  const ids = await readDb().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT c.id FROM commitments c JOIN meetings m ON m.id = c.meeting_id
    WHERE ${await commitmentWhere(filters, today)}
    ORDER BY c.id DESC
    LIMIT ${limit}`);
  if (ids.length === 0) return [];
  const rows = await readDb().commitment.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: { id: "desc" },
    select: commitmentSelect,
  });
  return rows.map((row) => toCommitment(row, today));
}
