import "server-only";
import type { z } from "zod";
import { issuesToErrors, readForm, type FormValues } from "@/lib/actions/form-state";
import { ActionRefusal } from "@/lib/actions/staff-action";
import {
  bumpVersions,
  lockVersions,
  recordCreated,
  setArchivedMany,
  snapshotsOneByOne,
  updateVersioned,
  versionConflict,
  type SnapshotReader,
  type SnapshotsReader,
} from "@/lib/actions/versioned";
import { recordAuditEvents, type AuditEntityType, type AuditEntry } from "@/lib/audit";
import { getCommitmentForEdit, snapshotCommitment } from "@/lib/commitments/queries";
import { CommitmentFormSchema, CommitmentUpdateSchema } from "@/lib/commitments/schema";
import { commitmentEdit, insertCommitment } from "@/lib/commitments/write";
import type { Tx } from "@/lib/db/client";
import type { ChunkWriter, RowUndoer, RowWriter, StoredRow, WriteContext, WrittenRow } from "@/lib/import/batch";
import type { RecordType } from "@/lib/import/fields";
import { getLinkForEdit, getMeetingForEdit, snapshotDiscussionLink, snapshotMeeting } from "@/lib/meetings/queries";
import { LinkFormSchema, LinkUpdateSchema, MeetingFormSchema, MeetingUpdateSchema } from "@/lib/meetings/schema";
import { insertLink, insertMeeting, linkEdit, meetingEdit } from "@/lib/meetings/write";
import { getOrganizationForEdit, getOrganizationsForEdit, snapshotOrganization, snapshotOrganizations } from "@/lib/organizations/queries";
import { OrganizationFormSchema, OrganizationUpdateSchema, type OrganizationFormInput } from "@/lib/organizations/schema";
import {
  checkNewOrganization,
  checkOrganizations,
  insertOrganization,
  insertOrganizations,
  organizationEdit,
  updateOrganizations,
} from "@/lib/organizations/write";
import { getTradeFigureForEdit, getTradeFiguresForEdit, snapshotTradeFigure, snapshotTradeFigures } from "@/lib/trade/queries";
import { TradeFormSchema, TradeUpdateSchema, type TradeFormInput } from "@/lib/trade/schema";
import { checkFigures, insertTradeFigure, insertTradeFigures, readCurrents, tradeFigureEdit, updateTradeFigures } from "@/lib/trade/write";

/**
 * How the commit job writes a previewed row, per record type: the row's form values go through the form's
 * own schema again (the registry may have moved since the preview) and then through the same checks and
 * writes as the form's action, versioned and audited, the audit event naming the batch. A refusal stops the
 * batch with the row's number and the form's message (lib/import/batch.ts).
 */

/** The row's form values parsed by `schema`, or the form's refusal. */
function parseRow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const form = readForm((input ?? {}) as FormValues);
  const parsed = schema.safeParse(form.data);
  if (!parsed.success || Object.keys(form.errors).length) {
    throw new ActionRefusal({
      message: "checkFields",
      errors: { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...form.errors },
    });
  }
  return parsed.data;
}

/** The form's values of a record as an undo saves them back: without the pickers' labels. */
const withoutLabels = (values: FormValues) => Object.fromEntries(Object.entries(values).filter(([name]) => !name.endsWith("__label")));

/** A record type as its form writes it: the create and edit schemas and bodies the form's actions use. */
type FormWrite<Create extends z.ZodType, Update extends z.ZodType<{ version: number }>> = {
  type: AuditEntityType;
  snapshot: SnapshotReader;
  /** Many snapshots in one query, where the record type has one (an undo archives hundreds at a time). */
  snapshots?: SnapshotsReader;
  create: Create;
  update: Update;
  insert: (tx: Tx, data: z.output<Create>, user: WriteContext["user"]) => Promise<number>;
  edit: (
    tx: Tx,
    data: z.output<Update>,
    context: { id: number; user: WriteContext["user"] },
  ) => Promise<{ apply: (tx: Tx) => Promise<unknown> }>;
  /** The record's edit form values (labels and all), what an undo of an update saves back. */
  formValues: (id: number) => Promise<{ values: FormValues } | null>;
};

function formWriter<Create extends z.ZodType, Update extends z.ZodType<{ version: number }>>(record: FormWrite<Create, Update>) {
  const update = async (tx: Tx, id: number, input: unknown, context: WriteContext) => {
    const data = parseRow(record.update, input);
    const edit = await record.edit(tx, data, { id, user: context.user });
    const { user, importBatchId } = context;
    return updateVersioned(tx, {
      type: record.type,
      id,
      version: data.version,
      user,
      snapshot: record.snapshot,
      apply: async (tx) => void (await edit.apply(tx)),
      importBatchId,
    });
  };
  const write: RowWriter = async (tx, row: StoredRow, context) => {
    if (row.action === "create") {
      const id = await record.insert(tx, parseRow(record.create, row.input), context.user);
      const after = await recordCreated(tx, record.type, id, context.user, record.snapshot, context.importBatchId);
      return { entityType: record.type, entityId: id, action: "create", versionAfter: after.version };
    }
    if (row.targetId === undefined) throw new ActionRefusal({ message: "recordMissing" });
    const found = await record.formValues(row.targetId);
    const beforeInput = found && withoutLabels(found.values);
    const after = await update(tx, row.targetId, row.input, context);
    return {
      entityType: record.type,
      entityId: row.targetId,
      action: "update",
      versionAfter: after.version,
      beforeInput: beforeInput ?? undefined,
    };
  };
  const snapshots = record.snapshots ?? snapshotsOneByOne(record.snapshot);
  const undo: RowUndoer = {
    archive: async (tx, records, { user, importBatchId }) => {
      await setArchivedMany(tx, { type: record.type, records, user, snapshots, archived: true, importBatchId });
    },
    restore: async (tx, records, context) => {
      for (const { id, version, input } of records) await update(tx, id, { ...input, version: String(version) }, context);
    },
  };
  return { write, undo };
}

const organizations = formWriter({
  type: "organization",
  snapshot: snapshotOrganization,
  snapshots: snapshotOrganizations,
  create: OrganizationFormSchema,
  update: OrganizationUpdateSchema,
  // The preview asked about likely duplicates already: a row still "create" was decided to be a new one.
  insert: async (tx, data, user) => {
    const confirmed = { ...data, confirmNotDuplicate: true };
    return insertOrganization(tx, confirmed, await checkNewOrganization(tx, confirmed), user);
  },
  edit: organizationEdit,
  formValues: (id) => getOrganizationForEdit(id),
});

/** Why a chunk's update of a record is refused at its lock, as `updateVersioned` refuses it: missing, edited since, archived. */
function versionRefusal(
  tx: Tx,
  type: AuditEntityType,
  snapshot: SnapshotReader,
  lock: { version: number; archived: boolean } | undefined,
  current: { id: number; version: number },
): (() => Promise<Error>) | undefined {
  if (!lock) return async () => new ActionRefusal({ message: "recordMissing" });
  if (lock.version !== current.version)
    return () => versionConflict(tx, { type, id: current.id, version: current.version, snapshot }, lock.version);
  if (lock.archived) return async () => new ActionRefusal({ message: "recordArchived" });
}

/** A chunk's row, checked: new, or an update of `current` from its version. */
type CheckedRow<Data> = { row: StoredRow; data: Data; current?: { id: number; version: number } };

/** How a record type writes a chunk's checked rows set-based; the versions, snapshots and audit events are shared. */
type SetWrites<Data> = {
  type: AuditEntityType;
  snapshots: SnapshotsReader;
  /** Writes the new records; their ids in order. */
  insert: (tx: Tx, rows: CheckedRow<Data>[], user: WriteContext["user"]) => Promise<number[]>;
  update: (tx: Tx, rows: (CheckedRow<Data> & { current: { id: number } })[]) => Promise<void>;
  /** The edit form's values before the change, what an undo saves back. */
  formValues: (ids: number[]) => Promise<Map<number, { values: FormValues }>>;
};

/**
 * Writes a chunk's checked rows as the form writes each (`recordCreated`, `updateVersioned`): the records, a version
 * bump of each update, the snapshots before and after and an audit event a record naming the batch, in file order.
 */
async function writeCheckedRows<Data>(
  tx: Tx,
  rows: CheckedRow<Data>[],
  { user, importBatchId }: WriteContext,
  writes: SetWrites<Data>,
): Promise<(WrittenRow & { row: number })[]> {
  const creates = rows.filter((p) => !p.current);
  const updates = rows.filter((p): p is CheckedRow<Data> & { current: { id: number; version: number } } => p.current !== undefined);
  const createdIds = await writes.insert(tx, creates, user);
  const updatedIds = updates.map((p) => p.current.id);
  const beforeInputs = await writes.formValues(updatedIds);
  const before = await writes.snapshots(tx, updatedIds);
  await writes.update(tx, updates);
  await bumpVersions(tx, writes.type, updatedIds, user.id);
  const after = await writes.snapshots(tx, [...createdIds, ...updatedIds]);

  const idOf = new Map([
    ...creates.map((p, i) => [p.row.row, createdIds[i]!] as const),
    ...updates.map((p) => [p.row.row, p.current.id] as const),
  ]);
  const events: AuditEntry[] = [];
  const results: (WrittenRow & { row: number })[] = [];
  for (const { row, current } of [...rows].sort((a, b) => a.row.row - b.row.row)) {
    const id = idOf.get(row.row)!;
    const snapshot = after.get(id)!;
    events.push({
      actorId: user.id,
      action: `${writes.type}.${current ? "update" : "create"}`,
      entityId: id,
      before: current ? before.get(id) : undefined,
      after: snapshot,
      importBatchId,
    });
    const found = current && beforeInputs.get(id);
    results.push({
      row: row.row,
      entityType: writes.type,
      entityId: id,
      action: current ? "update" : "create",
      versionAfter: snapshot.version,
      beforeInput: found ? withoutLabels(found.values) : undefined,
    });
  }
  await recordAuditEvents(tx, events);
  return results;
}

/**
 * A chunk of organizations' rows written together: the same parsing (the forms' schemas), checks, versions,
 * records and audit events (one an organization, naming the batch) as `organizations.write` gives each row, in
 * a few statements for the whole chunk instead of eight or twenty a row. A row that touches a joint venture's
 * partners (its form has some, or its record has) goes through the form's own path alone, as before. When rows
 * are refused, the first of them is the one named, and the rows before it are written first, as row by row.
 */
const writeOrganizationChunk: ChunkWriter = async (tx, rows, context) => {
  type Plain = { row: StoredRow; data: OrganizationFormInput; current?: { id: number; regionId: number; version: number } };
  const targetIds = rows.flatMap((row) => (row.action === "update" && row.targetId !== undefined ? [row.targetId] : []));
  const locked = await lockVersions(tx, "organization", targetIds);
  const targets = await tx.organization.findMany({
    where: { id: { in: targetIds } },
    select: { id: true, regionId: true, partners: { where: { archivedAt: null }, select: { id: true }, take: 1 } },
  });
  const targetOf = new Map(targets.map((target) => [target.id, target]));

  const refusals = new Map<number, () => Promise<Error>>();
  const alone: StoredRow[] = [];
  const plain: Plain[] = [];
  for (const row of rows) {
    try {
      if (row.action === "create") {
        const data = parseRow(OrganizationFormSchema, row.input);
        if (data.partners.length > 0) alone.push(row);
        else plain.push({ row, data });
        continue;
      }
      if (row.targetId === undefined) throw new ActionRefusal({ message: "recordMissing" });
      const data = parseRow(OrganizationUpdateSchema, row.input);
      const target = targetOf.get(row.targetId);
      if (!target) throw new ActionRefusal({ message: "recordMissing" });
      if (data.partners.length > 0 || target.partners.length > 0) alone.push(row);
      else plain.push({ row, data, current: { id: target.id, regionId: target.regionId, version: data.version } });
    } catch (error) {
      if (!(error instanceof ActionRefusal)) throw error;
      refusals.set(row.row, async () => error);
    }
  }

  // The form's checks, then (for an edit) its version and whether it is archived, as `updateVersioned` checks them.
  const checked = await checkOrganizations(tx, plain);
  const countries = new Map<number, string>();
  plain.forEach(({ row, current }, i) => {
    const check = checked[i]!;
    if ("refusal" in check) return refusals.set(row.row, async () => check.refusal);
    countries.set(row.row, check.countryCode);
    const refusal = current && versionRefusal(tx, "organization", snapshotOrganization, locked.get(current.id), current);
    if (refusal) refusals.set(row.row, refusal);
  });

  const firstRefused = Math.min(...refusals.keys());
  const results: (WrittenRow & { row: number })[] = [];
  for (const row of alone) {
    if (row.row > firstRefused) break;
    context.at(row.row);
    const result = await organizations.write(tx, row, context);
    if (result) results.push({ ...result, row: row.row });
  }
  if (refusals.size > 0) {
    context.at(firstRefused);
    throw await refusals.get(firstRefused)!();
  }

  results.push(
    ...(await writeCheckedRows(tx, plain, context, {
      type: "organization",
      snapshots: snapshotOrganizations,
      insert: (tx, creates, user) =>
        insertOrganizations(
          tx,
          creates.map((p) => ({ data: p.data, countryCode: countries.get(p.row.row)! })),
          user,
        ),
      update: (tx, updates) =>
        updateOrganizations(
          tx,
          updates.map((p) => ({ id: p.current.id, data: p.data, countryCode: countries.get(p.row.row)! })),
        ),
      formValues: (ids) => getOrganizationsForEdit(ids),
    })),
  );
  for (const row of alone) {
    if (results.some((r) => r.row === row.row)) continue;
    context.at(row.row);
    const result = await organizations.write(tx, row, context);
    if (result) results.push({ ...result, row: row.row });
  }
  return results.sort((a, b) => a.row - b.row);
};

const trade = formWriter({
  type: "trade_figure",
  snapshot: snapshotTradeFigure,
  snapshots: snapshotTradeFigures,
  create: TradeFormSchema,
  update: TradeUpdateSchema,
  insert: insertTradeFigure,
  edit: tradeFigureEdit,
  formValues: (id) => getTradeFigureForEdit(id, "en"),
});

/**
 * A chunk of trade figures' rows written together (ten years of a region's trade is thousands of rows): the forms'
 * schemas, checks (`checkFigures`: the regions live, no figure filed the other way round, the pairs locked), versions,
 * records and audit events, as `trade.write` gives each row, in a few statements for the whole chunk.
 */
const writeTradeChunk: ChunkWriter = async (tx, rows, context) => {
  const targetIds = rows.flatMap((row) => (row.action === "update" && row.targetId !== undefined ? [row.targetId] : []));
  const currents = await readCurrents(tx, targetIds);
  const locked = await lockVersions(tx, "trade_figure", targetIds);
  const refusals = new Map<number, () => Promise<Error>>();
  const plain: CheckedRow<TradeFormInput>[] = [];
  for (const row of rows) {
    try {
      if (row.action === "create") {
        plain.push({ row, data: parseRow(TradeFormSchema, row.input) });
        continue;
      }
      const data = parseRow(TradeUpdateSchema, row.input);
      if (row.targetId === undefined || !currents.has(row.targetId)) throw new ActionRefusal({ message: "recordMissing" });
      plain.push({ row, data, current: { id: row.targetId, version: data.version } });
    } catch (error) {
      if (!(error instanceof ActionRefusal)) throw error;
      refusals.set(row.row, async () => error);
    }
  }
  const checked = await checkFigures(
    tx,
    plain.map(({ data, current }) => ({ data, id: current?.id, current: current && currents.get(current.id) })),
  );
  plain.forEach(({ row, current }, i) => {
    const check = checked[i]!;
    if ("refusal" in check) return refusals.set(row.row, async () => check.refusal);
    const refusal = current && versionRefusal(tx, "trade_figure", snapshotTradeFigure, locked.get(current.id), current);
    if (refusal) refusals.set(row.row, refusal);
  });
  if (refusals.size > 0) {
    const first = Math.min(...refusals.keys());
    context.at(first);
    throw await refusals.get(first)!();
  }
  const written = await writeCheckedRows(tx, plain, context, {
    type: "trade_figure",
    snapshots: snapshotTradeFigures,
    insert: (tx, creates, user) =>
      insertTradeFigures(
        tx,
        creates.map((p) => p.data),
        user,
      ),
    update: (tx, updates) =>
      updateTradeFigures(
        tx,
        updates.map((p) => ({ id: p.current.id, data: p.data })),
      ),
    formValues: (ids) => getTradeFiguresForEdit(ids),
  });
  return written.sort((a, b) => a.row - b.row);
};

const meetings = formWriter({
  type: "meeting",
  snapshot: snapshotMeeting,
  create: MeetingFormSchema,
  update: MeetingUpdateSchema,
  insert: insertMeeting,
  edit: meetingEdit,
  formValues: (id) => getMeetingForEdit(id, "en"),
});

// A link created is taken back as the form's unlink does: archived. A link updated had its note changed.
const links = formWriter({
  type: "discussion_link",
  snapshot: snapshotDiscussionLink,
  create: LinkFormSchema,
  update: LinkUpdateSchema,
  insert: async (tx, { meetingId, entity, note }, user) =>
    (await insertLink(tx, { meetingId, entity, note }, user, { meeting: "meetingId", entity: `${entity.type}Id` })).id,
  edit: linkEdit,
  formValues: getLinkForEdit,
});

const commitments = formWriter({
  type: "commitment",
  snapshot: snapshotCommitment,
  create: CommitmentFormSchema,
  update: CommitmentUpdateSchema,
  insert: insertCommitment,
  edit: commitmentEdit,
  formValues: (id) => getCommitmentForEdit(id, "en"),
});

/**
 * A partner's row, new or changed, is an edit of its venture through the venture's own form (the preview put the
 * row in it), recorded as an update of the venture: an undo saves the venture's partners back as they were, which
 * archives a partner the import added, as the form does when a partner is taken off.
 */
const partners: RowWriter = (tx, row, context) => organizations.write(tx, { ...row, action: "update" }, context);

/** The record types the commit job writes, each as its form does. */
export const rowWriters: Record<RecordType, RowWriter> = {
  organizations: Object.assign<RowWriter, Pick<RowWriter, "chunk">>((tx, row, context) => organizations.write(tx, row, context), {
    chunk: writeOrganizationChunk,
  }),
  partners,
  meetings: meetings.write,
  links: links.write,
  trade: Object.assign<RowWriter, Pick<RowWriter, "chunk">>((tx, row, context) => trade.write(tx, row, context), {
    chunk: writeTradeChunk,
  }),
  commitments: commitments.write,
};

/**
 * Organizations updated by an import are saved back a chunk at a time (undoBatch gives `setChunkRows`) as the commit
 * wrote them: each restore is an update of the record, from the version the import left, to its form values before.
 */
const restoreOrganizations: RowUndoer["restore"] = async (tx, records, context) => {
  const rows = records.map(({ row, id, version, input }) => ({
    row,
    action: "update" as const,
    input: { ...input, version: String(version) },
    targetId: id,
    version,
  }));
  await writeOrganizationChunk(tx, rows, { ...context, at: () => undefined });
};

/** How an undo takes back each kind of record the writers wrote (a partner's row wrote its venture, an organization). */
export const rowUndoers: Record<Exclude<AuditEntityType, "region" | "user">, RowUndoer> = {
  organization: { ...organizations.undo, restore: restoreOrganizations },
  meeting: meetings.undo,
  discussion_link: links.undo,
  trade_figure: trade.undo,
  commitment: commitments.undo,
};
