import "server-only";
import { issuesToErrors, readForm, type FormValues } from "@/lib/actions/form-state";
import { ActionRefusal } from "@/lib/actions/staff-action";
import { recordCreated, setArchived, updateVersioned } from "@/lib/actions/versioned";
import type { Tx } from "@/lib/db/client";
import type { RowUndoer, RowWriter, StoredRow, WriteContext } from "@/lib/import/batch";
import type { RecordType } from "@/lib/import/fields";
import { getOrganizationForEdit, snapshotOrganization } from "@/lib/organizations/queries";
import { OrganizationFormSchema, OrganizationUpdateSchema } from "@/lib/organizations/schema";
import { checkNewOrganization, insertOrganization, organizationEdit } from "@/lib/organizations/write";
import type { z } from "zod";

/**
 * How the commit job writes a previewed row, per record type: the row's form values go through the form's
 * own schema again (the registry may have moved since the preview) and then through the same checks and
 * writes as the form's action, versioned and audited, the audit event naming the batch. A refusal stops the
 * batch with the row's number and the form's message (lib/import/batch.ts).
 */

/** The row's form values parsed by `schema`, or the form's refusal. */
function parseRow<Schema extends z.ZodType>(schema: Schema, row: StoredRow): z.output<Schema> {
  const form = readForm((row.input ?? {}) as FormValues);
  const parsed = schema.safeParse(form.data);
  if (!parsed.success || Object.keys(form.errors).length) {
    throw new ActionRefusal({
      message: "checkFields",
      errors: { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...form.errors },
    });
  }
  return parsed.data;
}

/** An organization as its edit form holds it, without the pickers' labels: what an undo saves back. */
async function organizationFormValues(id: number): Promise<Record<string, string> | null> {
  const found = await getOrganizationForEdit(id);
  if (!found) return null;
  const values = Object.entries(found.values).filter(([name]) => !name.endsWith("__label"));
  return Object.fromEntries(values.map(([name, value]) => [name, Array.isArray(value) ? value.join("\n") : value]));
}

async function updateOrganization(tx: Tx, id: number, data: z.output<typeof OrganizationUpdateSchema>, context: WriteContext) {
  const edit = await organizationEdit(tx, data, { id, user: context.user });
  return updateVersioned(tx, {
    type: "organization",
    id,
    version: data.version,
    user: context.user,
    snapshot: snapshotOrganization,
    apply: async (tx) => void (await edit.apply(tx)),
    importBatchId: context.importBatchId,
  });
}

const writeOrganization: RowWriter = async (tx, row, context) => {
  if (row.action === "create") {
    // The preview asked about likely duplicates already: a row still "create" was decided to be a new one.
    const data = { ...parseRow(OrganizationFormSchema, row), confirmNotDuplicate: true };
    const countryCode = await checkNewOrganization(tx, data);
    const id = await insertOrganization(tx, data, countryCode, context.user);
    const after = await recordCreated(tx, "organization", id, context.user, snapshotOrganization, context.importBatchId);
    return { entityType: "organization", entityId: id, action: "create", versionAfter: after.version };
  }
  if (row.targetId === undefined) throw new ActionRefusal({ message: "recordMissing" });
  const beforeInput = await organizationFormValues(row.targetId);
  const after = await updateOrganization(tx, row.targetId, parseRow(OrganizationUpdateSchema, row), context);
  return {
    entityType: "organization",
    entityId: row.targetId,
    action: "update",
    versionAfter: after.version,
    beforeInput: beforeInput ?? undefined,
  };
};

const undoOrganization: RowUndoer = {
  archive: async (tx, id, version, context) => {
    const { user, importBatchId } = context;
    await setArchived(tx, { type: "organization", id, version, user, snapshot: snapshotOrganization, archived: true, importBatchId });
  },
  restore: async (tx, id, version, input, context) => {
    const data = parseRow(OrganizationUpdateSchema, { row: 0, action: "update", input: { ...input, version: String(version) } });
    await updateOrganization(tx, id, data, context);
  },
};

/** The record types the commit job can write so far; a batch of another type fails at once, saying so. */
export const rowWriters: Partial<Record<RecordType, RowWriter>> = { organizations: writeOrganization };

/** How an undo takes back each kind of record the writers wrote. */
export const rowUndoers: Partial<Record<string, RowUndoer>> = { organization: undoOrganization };
