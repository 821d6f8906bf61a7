"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { RecordId } from "@/lib/actions/fields";
import { ActionRefusal, staffAction } from "@/lib/actions/staff-action";
import { cacheTags, invalidate } from "@/lib/cache";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { cancelBatch, undoBatch } from "@/lib/import/batch";
import { missingRequiredFields } from "@/lib/import/check";
import { importFields, recordTypes, type RecordType } from "@/lib/import/fields";
import type { RowDecision } from "@/lib/import/preview";
import { queueBatch } from "@/lib/import/worker";
import { batchRows, changeBatchType, discardBatch, findBatch, previewBatch, type BatchSummary } from "@/lib/import/workspace";
import { rowUndoers } from "@/lib/import/writers";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";

/**
 * The import's steps after the upload (app/api/staff/imports): confirm the columns, decide the likely
 * duplicates, commit, cancel, undo. Editors and admins; an undo only by the import's author or an admin.
 * Each checks the batch's status itself: a step the batch has moved past is refused with "importMoved".
 */

const ImportMappingSchema = z.object({
  type: z.enum(recordTypes, { error: "invalid" }),
  // One field name per column of the sheet, "" for a column left out (a sheet has at most 100).
  columns: z.array(z.string().max(60, { error: "invalid" })).max(100, { error: "tooMany|100" }),
});

const DecisionsSchema = z.object({
  decisions: z
    .array(
      z.object({
        row: z.coerce.number().int().min(1).max(10_000_000),
        choice: z.union([z.enum(["create", "skip", ""]), z.string().regex(/^update:\d{1,10}$/)], { error: "invalid" }),
      }),
    )
    .max(200, { error: "tooMany|200" }),
});

const Nothing = z.object({});

async function batchIn(id: number, statuses: readonly BatchSummary["status"][]): Promise<BatchSummary> {
  const batch = await findBatch(id);
  if (!batch) throw new ActionRefusal({ message: "recordMissing" });
  if (!statuses.includes(batch.status)) throw new ActionRefusal({ message: "importMoved" });
  return batch;
}

/**
 * Back to the import's page, read afresh. (With an anchor the router would take the same page's URL for a jump
 * within it and keep the old page.)
 */
function backTo(id: number): never {
  revalidatePath(paths.staff.importBatch(id));
  redirect(paths.staff.importBatch(id));
}

/** Confirms the columns and checks every row; another record type instead matches the columns again for it. */
export const mapImportColumns = staffAction(
  { roles: ["editor"], schema: ImportMappingSchema, bound: RecordId },
  async (data, { bound: id }) => {
    const batch = await batchIn(id, ["uploaded", "previewed"]);
    if (data.type !== batch.recordType) {
      await changeBatchType(id, data.type);
      backTo(id);
    }
    const mapping = columnMapping(data.type, data.columns);
    const keepDecisions = batch.status === "previewed" && sameMapping(batch.mapping.mapping, mapping);
    const locale = toLocale(await getLocale());
    const done = await previewBatch(id, {
      type: data.type,
      columns: {
        mapping,
        multipliers: batch.mapping.multipliers,
        notes: batch.mapping.notes,
        decisions: keepDecisions ? batch.mapping.decisions : undefined,
      },
      locale,
    });
    if (!done) throw new ActionRefusal({ message: "importMoved" });
    backTo(id);
  },
);

/** The columns as chosen: each field at most once, every required field given. */
function columnMapping(type: RecordType, columns: string[]): Record<number, string> {
  const known = new Set(importFields[type].map((field) => field.name));
  const mapping: Record<number, string> = {};
  const errors: Record<string, string[]> = {};
  const seen = new Map<string, number>();
  columns.forEach((field, index) => {
    if (!field) return;
    if (!known.has(field)) errors[`columns.${index}`] = ["invalid"];
    else if (seen.has(field)) errors[`columns.${index}`] = ["importFieldTwice"];
    else {
      seen.set(field, index);
      mapping[index] = field;
    }
  });
  if (Object.keys(errors).length > 0) throw new ActionRefusal({ message: "importColumns", errors });
  const missing = missingRequiredFields(type, mapping);
  if (missing.length > 0) throw new ActionRefusal({ message: `importFieldsMissing|${missing.map((field) => field.label.en).join(", ")}` });
  return mapping;
}

function sameMapping(a: Record<number, string>, b: Record<number, string>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[Number(key)] === b[Number(key)]);
}

/** Records the official's choices for rows that may be records already in the registry, and checks again. */
export const decideImportRows = staffAction(
  { roles: ["editor"], schema: DecisionsSchema, bound: RecordId },
  async (data, { bound: id }) => {
    const batch = await batchIn(id, ["previewed"]);
    const rows = new Map((await batchRows(id)).map((row) => [row.row, row]));
    const decisions: Record<number, RowDecision> = { ...batch.mapping.decisions };
    for (const { row, choice } of data.decisions) {
      const stored = rows.get(row);
      if (!stored || !choice) continue;
      if (choice === "create" || choice === "skip") {
        decisions[row] = { action: choice };
        continue;
      }
      const target = Number(choice.slice("update:".length));
      // Only a record the preview offered may be updated: an id typed into the form is tampering.
      if (!stored.candidates?.some((candidate) => candidate.id === target)) throw new ActionRefusal({ message: "invalid" });
      decisions[row] = { action: "update", id: target };
    }
    const locale = toLocale(await getLocale());
    const done = await previewBatch(id, { type: batch.recordType, columns: { ...batch.mapping, decisions }, locale });
    if (!done) throw new ActionRefusal({ message: "importMoved" });
    backTo(id);
  },
);

/** Queues the previewed rows for their commit by the background worker; the page then follows its progress. */
export const commitImport = staffAction({ roles: ["editor"], schema: Nothing, bound: RecordId }, async (_data, { bound: id }) => {
  const batch = await batchIn(id, ["previewed"]);
  if ((batch.counts.decide ?? 0) > 0) throw new ActionRefusal({ message: `importDecideFirst|${batch.counts.decide}` });
  if ((batch.counts.created ?? 0) + (batch.counts.updated ?? 0) === 0) throw new ActionRefusal({ message: "importNothingToWrite" });
  if (!(await queueBatch(db(), env().DATABASE_URL, id))) throw new ActionRefusal({ message: "importMoved" });
  backTo(id);
});

/** Stops an import: before its commit nothing is written; during it, after the rows in flight, which stay (undoable). */
export const cancelImport = staffAction({ roles: ["editor"], schema: Nothing, bound: RecordId }, async (_data, { user, bound: id }) => {
  const batch = await batchIn(id, ["uploaded", "previewed", "queued", "committing"]);
  const done = batch.status === "uploaded" || batch.status === "previewed" ? await discardBatch(id) : await cancelBatch(db(), id, user.id);
  if (!done) throw new ActionRefusal({ message: "importMoved" });
  backTo(id);
});

/** Takes an import back: what it created is archived, what it updated restored; records edited since are left alone. */
export const undoImport = staffAction({ roles: ["editor"], schema: Nothing, bound: RecordId }, async (_data, { user, bound: id }) => {
  const batch = await batchIn(id, ["committed", "cancelled", "failed"]);
  if (batch.authorId !== user.id && user.role !== "admin") throw new ActionRefusal({ message: "importUndoNotYours" });
  const outcome = await undoBatch(db(), id, user, rowUndoers);
  if (!outcome) throw new ActionRefusal({ message: "importMoved" });
  invalidate(...cacheTags);
  backTo(id);
});
