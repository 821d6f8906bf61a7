import "server-only";
import type { z } from "zod";
import { issuesToErrors, readForm, type FormValues } from "@/lib/actions/form-state";
import { ActionRefusal } from "@/lib/actions/staff-action";
import { recordCreated, setArchived, updateVersioned, type SnapshotReader } from "@/lib/actions/versioned";
import type { AuditEntityType } from "@/lib/audit";
import { getCommitmentForEdit, snapshotCommitment } from "@/lib/commitments/queries";
import { CommitmentFormSchema, CommitmentUpdateSchema } from "@/lib/commitments/schema";
import { commitmentEdit, insertCommitment } from "@/lib/commitments/write";
import type { Tx } from "@/lib/db/client";
import type { RowUndoer, RowWriter, StoredRow, WriteContext } from "@/lib/import/batch";
import type { RecordType } from "@/lib/import/fields";
import { getLinkForEdit, getMeetingForEdit, snapshotDiscussionLink, snapshotMeeting } from "@/lib/meetings/queries";
import { LinkFormSchema, LinkUpdateSchema, MeetingFormSchema, MeetingUpdateSchema } from "@/lib/meetings/schema";
import { insertLink, insertMeeting, linkEdit, meetingEdit } from "@/lib/meetings/write";
import { getOrganizationForEdit, snapshotOrganization } from "@/lib/organizations/queries";
import { OrganizationFormSchema, OrganizationUpdateSchema } from "@/lib/organizations/schema";
import { checkNewOrganization, insertOrganization, organizationEdit } from "@/lib/organizations/write";
import { getTradeFigureForEdit, snapshotTradeFigure } from "@/lib/trade/queries";
import { TradeFormSchema, TradeUpdateSchema } from "@/lib/trade/schema";
import { insertTradeFigure, tradeFigureEdit } from "@/lib/trade/write";

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

/** A record type as its form writes it: the create and edit schemas and bodies the form's actions use. */
type FormWrite<Create extends z.ZodType, Update extends z.ZodType<{ version: number }>> = {
  type: AuditEntityType;
  snapshot: SnapshotReader;
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
    const beforeInput = found && Object.fromEntries(Object.entries(found.values).filter(([name]) => !name.endsWith("__label")));
    const after = await update(tx, row.targetId, row.input, context);
    return {
      entityType: record.type,
      entityId: row.targetId,
      action: "update",
      versionAfter: after.version,
      beforeInput: beforeInput ?? undefined,
    };
  };
  const undo: RowUndoer = {
    archive: async (tx, id, version, { user, importBatchId }) => {
      await setArchived(tx, { type: record.type, id, version, user, snapshot: record.snapshot, archived: true, importBatchId });
    },
    restore: async (tx, id, version, input, context) => {
      await update(tx, id, { ...input, version: String(version) }, context);
    },
  };
  return { write, undo };
}

const organizations = formWriter({
  type: "organization",
  snapshot: snapshotOrganization,
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

const trade = formWriter({
  type: "trade_figure",
  snapshot: snapshotTradeFigure,
  create: TradeFormSchema,
  update: TradeUpdateSchema,
  insert: insertTradeFigure,
  edit: tradeFigureEdit,
  formValues: (id) => getTradeFigureForEdit(id, "en"),
});

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
  organizations: organizations.write,
  partners,
  meetings: meetings.write,
  links: links.write,
  trade: trade.write,
  commitments: commitments.write,
};

/** How an undo takes back each kind of record the writers wrote (a partner's row wrote its venture, an organization). */
export const rowUndoers: Record<Exclude<AuditEntityType, "region" | "user">, RowUndoer> = {
  organization: organizations.undo,
  meeting: meetings.undo,
  discussion_link: links.undo,
  trade_figure: trade.undo,
  commitment: commitments.undo,
};
