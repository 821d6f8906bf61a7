import "server-only";
import type { Tx } from "@/lib/db/client";
import type { FieldChange } from "@/lib/actions/form-state";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The kinds of record the audit log knows, as stored in `audit_events.entity_type`. */
export const auditEntityTypes = ["region", "organization", "meeting", "commitment", "trade_figure", "discussion_link", "user"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** What can be done to a record; every audit event is one of these, never a free string. */
export const auditVerbs = ["create", "update", "archive", "restore"] as const;
export type AuditVerb = (typeof auditVerbs)[number];

/** What happens to a staff account besides its edits: sign-ins, lockouts, role and password changes. */
export const accountVerbs = [
  "sign_in",
  "sign_in_failed",
  "lockout",
  "sign_out",
  "role_change",
  "password_change",
  "password_reset",
  "disable",
  "enable",
] as const;
export type AccountVerb = (typeof accountVerbs)[number];

/** What happens to a spreadsheet import as a whole (lib/import); its rows are audited as the records' own edits. */
export const importVerbs = ["commit", "cancel", "undo"] as const;
export type ImportVerb = (typeof importVerbs)[number];

export type AuditAction = `${AuditEntityType}.${AuditVerb}` | `user.${AccountVerb}` | `import.${ImportVerb}`;

export const auditActions: AuditAction[] = [
  ...auditEntityTypes.flatMap((type) => auditVerbs.map((verb) => `${type}.${verb}` as const)),
  ...accountVerbs.map((verb) => `user.${verb}` as const),
  ...importVerbs.map((verb) => `import.${verb}` as const),
];

/** A record as the audit log keeps it: plain values with readable labels, so a diff reads without lookups. */
export type Snapshot = Record<string, Prisma.InputJsonValue | null>;

export type AuditEntry = {
  actorId: number;
  action: AuditAction;
  entityId: number | string;
  before?: Snapshot | null;
  after?: Snapshot | null;
  /** Why, in the editor's words (a commitment's status change or follow-up): the status history shows it. */
  note?: string | null;
  /** The import that made this change, if one did. */
  importBatchId?: number | null;
};

const eventRow = (entry: AuditEntry) => ({
  actorId: entry.actorId,
  action: entry.action,
  entityType: entry.action.split(".")[0] as AuditEntityType | "import",
  entityId: String(entry.entityId),
  before: entry.before ?? undefined,
  after: entry.after ?? undefined,
  note: entry.note ?? null,
  importBatchId: entry.importBatchId ?? null,
});

/** Appends an audit event inside the caller's transaction, so the change and its record land together. */
export async function recordAuditEvent(tx: Tx, entry: AuditEntry) {
  await tx.auditEvent.create({ data: eventRow(entry) });
}

/**
 * Appends many audit events in one statement, in their order (an import's chunk: an event a record, as each
 * form's): as JSON in one parameter, where Prisma's createMany would compile one per value.
 */
export async function recordAuditEvents(tx: Tx, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after, note, import_batch_id)
    SELECT (e.doc->>'actorId')::int, e.doc->>'action', e.doc->>'entityType', e.doc->>'entityId', e.doc->'before', e.doc->'after',
           e.doc->>'note', (e.doc->>'importBatchId')::int
      FROM jsonb_array_elements(${JSON.stringify(entries.map(eventRow))}::jsonb) WITH ORDINALITY AS e(doc, ord)
     ORDER BY e.ord`;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(display).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export type { FieldChange };

/** What differs between two snapshots, as text for people (lists joined with "; ", blanks as ""), in the order of the fields; the version is left out. */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  // The later snapshot's order first: one read back from jsonb has its keys sorted by length, not as the form has them.
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((field) => field !== "version");
  return fields
    .map((field) => ({ field, before: display(a[field]), after: display(b[field]) }))
    .filter((change) => change.before !== change.after);
}

/**
 * What others changed since `version`: the record as it was at that version (the `before` of the audit event
 * that left it) against the record now. Empty when the log has no event from that version.
 */
export async function changesSince(tx: Tx, type: AuditEntityType, id: number, version: number, current: Snapshot): Promise<FieldChange[]> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType: type, entityId: String(id), before: { path: ["version"], equals: version } },
    orderBy: { id: "asc" },
    select: { before: true },
  });
  return event ? diffSnapshots(event.before, current) : [];
}
