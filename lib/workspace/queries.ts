import "server-only";
import { z } from "zod";
import { accountVerbs, auditEntityTypes, auditVerbs, diffSnapshots, type AuditEntityType, type FieldChange } from "@/lib/audit";
import { dayParam } from "@/lib/actions/fields";
import { db, readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { PageParamsSchema, pageArgs, toPage, type Page } from "@/lib/pagination";
import type { StaffRecordType } from "@/lib/paths";

/** The workspace's URL record types and the audit log's entity types, one to one. */
export const auditTypeOf: Record<StaffRecordType, AuditEntityType> = {
  regions: "region",
  organizations: "organization",
  meetings: "meeting",
  commitments: "commitment",
  trade: "trade_figure",
};
export const staffTypeOf = Object.fromEntries(Object.entries(auditTypeOf).map(([staff, audit]) => [audit, staff])) as Partial<
  Record<AuditEntityType, StaffRecordType>
>;

export type HistoryEvent = {
  id: string;
  at: Date;
  action: string;
  verb: string;
  entityType: string;
  entityId: string;
  actor: string | null;
  changes: FieldChange[];
  /** The record's name as of this event, for the activity log. */
  title: string | null;
  /** The import that made this change, if one did. */
  importBatch: { id: number; fileName: string } | null;
};

const eventSelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { name: true } },
  importBatch: { select: { id: true, fileName: true } },
} as const satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** A readable name from a snapshot: whichever naming field the record type has. */
function titleOf(snapshot: unknown): string | null {
  const s = (snapshot ?? {}) as Record<string, unknown>;
  const value = s.nameEn ?? s.titleEn ?? s.name ?? s.textEn ?? s.pair ?? s.title ?? null;
  return typeof value === "string" ? value : null;
}

function toEvent(row: EventRow): HistoryEvent {
  return {
    id: row.id.toString(),
    at: row.at,
    action: row.action,
    verb: row.action.split(".")[1] ?? row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    actor: row.actor?.name ?? null,
    changes: diffSnapshots(row.before, row.after),
    title: titleOf(row.after) ?? titleOf(row.before),
    importBatch: row.importBatch,
  };
}

export const HistoryParamsSchema = PageParamsSchema;

/** What a record's public history leaves out: bookkeeping, not the record's own data. */
const unpublishedFields = new Set(["version", "archived"]);

/** The record types with a public history page. */
export type PublicHistoryType = Extract<AuditEntityType, "organization" | "region" | "meeting" | "commitment">;

/**
 * A live record's history as the public may read it: when it was created, changed, archived or restored and which
 * public fields changed, before → after; never who made the change or which import did. Newest first.
 */
export async function listPublicHistory(
  type: PublicHistoryType,
  id: number,
  params: z.infer<typeof HistoryParamsSchema>,
): Promise<Page<Omit<HistoryEvent, "actor" | "importBatch">>> {
  const where = {
    entityType: type,
    entityId: String(id),
    action: { in: [`${type}.create`, `${type}.update`, `${type}.archive`, `${type}.restore`] },
  } satisfies Prisma.AuditEventWhereInput;
  const [rows, total] = await Promise.all([
    readDb().auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      ...pageArgs(params),
      select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true },
    }),
    readDb().auditEvent.count({ where }),
  ]);
  const events = rows.map((row) => {
    const { actor: _actor, importBatch: _importBatch, ...event } = toEvent({ ...row, actor: null, importBatch: null });
    void _actor;
    void _importBatch;
    return { ...event, changes: event.changes.filter((change) => !unpublishedFields.has(change.field)) };
  });
  return toPage(events, total, params);
}

/** One record's changes, newest first, each as field-by-field differences. */
export async function listHistory(
  type: AuditEntityType,
  id: number,
  params: z.infer<typeof HistoryParamsSchema>,
): Promise<Page<HistoryEvent>> {
  const where = { entityType: type, entityId: String(id) } satisfies Prisma.AuditEventWhereInput;
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({ where, orderBy: { id: "desc" }, ...pageArgs(params), select: eventSelect }),
    db().auditEvent.count({ where }),
  ]);
  return toPage(rows.map(toEvent), total, params);
}

/** The activity log's filters, from its URL; a value it cannot use is dropped rather than an error. */
export const ActivityParamsSchema = PageParamsSchema.extend({
  person: z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(undefined),
  type: z.enum(auditEntityTypes).optional().catch(undefined),
  verb: z
    .enum([...auditVerbs, ...accountVerbs])
    .optional()
    .catch(undefined),
  from: dayParam.optional().catch(undefined),
  to: dayParam.optional().catch(undefined),
});
export type ActivityParams = z.infer<typeof ActivityParamsSchema>;

/** Everyone's changes, newest first, filtered by person, record type, action and dates (both days included). */
export async function listActivity(params: ActivityParams): Promise<Page<HistoryEvent>> {
  const where: Prisma.AuditEventWhereInput = {
    actorId: params.person,
    entityType: params.type,
    action: params.verb ? { endsWith: `.${params.verb}` } : undefined,
    at: {
      gte: params.from ? new Date(`${params.from}T00:00:00Z`) : undefined,
      lt: params.to ? new Date(Date.parse(`${params.to}T00:00:00Z`) + 86_400_000) : undefined,
    },
  };
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], ...pageArgs(params), select: eventSelect }),
    db().auditEvent.count({ where }),
  ]);
  return toPage(rows.map(toEvent), total, params);
}

/** The staff, for the activity log's person filter: a handful of people, bounded all the same. */
export async function listStaffPeople() {
  return db().user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 500, select: { id: true, name: true, email: true } });
}

/**
 * One person's latest changes to records and imports, for the workspace's front page: their own work, not the
 * registry's. Sign-ins, failures and lockouts are accounts' events: they belong in the admins' activity log.
 */
export async function listOwnRecentWork(actorId: number, limit = 10): Promise<HistoryEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: { actorId, entityType: { not: "user" } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: eventSelect,
  });
  return rows.map(toEvent);
}

// ---- Finding a record to edit, archived ones included ----

export const FinderParamsSchema = PageParamsSchema.extend({
  type: z.enum(["regions", "organizations", "meetings", "commitments", "trade"]).catch("organizations").default("organizations"),
  q: z.string().max(200).catch("").default(""),
  archived: z.enum(["live", "archived", "all"]).catch("all").default("all"),
});
export type FinderParams = z.infer<typeof FinderParamsSchema>;

export type FoundRecord = { id: number; titleEn: string; titleRu: string; context: string | null; archived: boolean };

/**
 * The workspace's finder: records of one type whose romanised name contains what was typed (the trigram index
 * on search_latin serves LIKE), newest first without a query. Commitments match their text, trade figures
 * their regions' names. Archived records are found too: staff restore them from here.
 */
export async function findStaffRecords(params: FinderParams): Promise<Page<FoundRecord>> {
  const text = params.q.replace(/\u0000/g, "").trim();
  const like = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const archived =
    params.archived === "live"
      ? Prisma.sql`x.archived_at IS NULL`
      : params.archived === "archived"
        ? Prisma.sql`x.archived_at IS NOT NULL`
        : Prisma.sql`TRUE`;
  const sources = {
    regions: {
      from: Prisma.sql`regions x`,
      titles: Prisma.sql`x.name_en AS title_en, x.name_ru AS title_ru, x.iso_code AS context`,
      match: Prisma.sql`x.search_latin LIKE '%' || interregio_romanize(${text}::text) || '%'`,
    },
    organizations: {
      from: Prisma.sql`organizations x JOIN regions r ON r.id = x.region_id`,
      titles: Prisma.sql`coalesce(x.name_en, x.name) AS title_en, x.name AS title_ru, r.name_en AS context`,
      match: Prisma.sql`(x.search_latin LIKE '%' || interregio_romanize(${text}::text) || '%' OR x.registration_number = ${text})`,
    },
    meetings: {
      from: Prisma.sql`meetings x`,
      titles: Prisma.sql`x.title_en AS title_en, x.title_ru AS title_ru, to_char(x.date, 'YYYY-MM-DD') AS context`,
      match: Prisma.sql`x.search_latin LIKE '%' || interregio_romanize(${text}::text) || '%'`,
    },
    commitments: {
      from: Prisma.sql`commitments x JOIN meetings m ON m.id = x.meeting_id`,
      titles: Prisma.sql`x.text_en AS title_en, x.text_ru AS title_ru, m.title_en AS context`,
      match: Prisma.sql`(x.text_en ILIKE ${like} OR x.text_ru ILIKE ${like})`,
    },
    trade: {
      from: Prisma.sql`trade_figures x JOIN regions a ON a.id = x.region_id JOIN regions b ON b.id = x.partner_region_id`,
      titles: Prisma.sql`a.name_en || ' – ' || b.name_en || ', ' || x.year AS title_en, a.name_ru || ' – ' || b.name_ru || ', ' || x.year AS title_ru, x.source_title AS context`,
      match: Prisma.sql`(a.search_latin LIKE '%' || interregio_romanize(${text}::text) || '%' OR b.search_latin LIKE '%' || interregio_romanize(${text}::text) || '%')`,
    },
  } as const;
  const source = sources[params.type];
  const where = text ? Prisma.sql`${archived} AND ${source.match}` : archived;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<{ id: number; title_en: string; title_ru: string; context: string | null; archived: boolean }[]>`
      SELECT x.id, ${source.titles}, x.archived_at IS NOT NULL AS archived
      FROM ${source.from} WHERE ${where} ORDER BY x.id DESC
      LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}`,
    db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${source.from} WHERE ${where}`,
  ]);
  return toPage(
    rows.map((row) => ({ id: row.id, titleEn: row.title_en, titleRu: row.title_ru, context: row.context, archived: row.archived })),
    counted[0]?.count ?? 0,
    params,
  );
}
