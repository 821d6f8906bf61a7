import "server-only";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { createBatch, storedRows, type BatchCounts, type StoredRow } from "@/lib/import/batch";
import type { ColumnMapping } from "@/lib/import/check";
import { recordTypes, type RecordType } from "@/lib/import/fields";
import { guessRecordType, matchHeaders, type HeaderMatch } from "@/lib/import/headers";
import type { ImportMessage } from "@/lib/import/messages";
import { previewImport, type RowDecision } from "@/lib/import/preview";
import { readSpreadsheet, type ReadSource, type Sheet, type SkippedSheet } from "@/lib/import/read";

/**
 * The import as the workspace's pages go through it: an upload becomes one batch per sheet ("uploaded", its
 * sheet kept), the official's mapping previews it ("previewed", its checked rows kept), and the page follows
 * the batch through its commit (lib/import/batch.ts, worked by lib/import/worker.ts). Callers check who may.
 */

export const batchStatuses = ["uploaded", "previewed", "queued", "committing", "committed", "cancelled", "failed", "undone"] as const;
export type BatchStatus = (typeof batchStatuses)[number];

/** A sheet as an upload keeps it: what was read, and which of the file's sheets were left out and why. */
export type StoredSheet = Sheet & { skipped?: SkippedSheet[] };

/** The mapping as a batch keeps it: the columns, the header notes, and the official's decisions so far. */
export type StoredMapping = ColumnMapping & { notes?: HeaderMatch["notes"]; decisions?: Record<number, RowDecision> };

export type UploadOutcome = { ok: true; batchIds: number[] } | { ok: false; error: ImportMessage };

/**
 * Reads an upload and keeps each of its sheets as a batch to map, with the record type its headers suggest
 * (organizations when they suggest none) and the columns matched to it. Nothing is checked or written yet.
 */
export async function storeUpload(authorId: number, file: ReadSource): Promise<UploadOutcome> {
  const read = await readSpreadsheet(file);
  if (!read.ok) return { ok: false, error: read.error };
  const batchIds: number[] = [];
  for (const sheet of read.sheets) {
    const type = guessRecordType(sheet.headers)?.type ?? "organizations";
    const stored: StoredSheet = { ...sheet, skipped: read.skipped };
    batchIds.push(
      await createBatch(db(), {
        recordType: type,
        fileName: file.name,
        bytes: file.bytes,
        sheetName: sheet.name,
        authorId,
        mapping: mappingFor(type, sheet.headers),
        rows: [],
        status: "uploaded",
        sheet: stored,
      }),
    );
  }
  return { ok: true, batchIds };
}

/** The columns matched automatically from a sheet's headers to a record type's fields. */
export function mappingFor(type: RecordType, headers: readonly string[]): StoredMapping {
  const match = matchHeaders(type, headers);
  return { mapping: match.mapping, multipliers: match.multipliers, notes: match.notes };
}

const batchSelect = {
  id: true,
  recordType: true,
  fileName: true,
  fileHash: true,
  sheetName: true,
  authorId: true,
  status: true,
  mapping: true,
  counts: true,
  rowsTotal: true,
  rowsDone: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  undoneAt: true,
  author: { select: { name: true } },
  undoneBy: { select: { name: true } },
} as const;

export type BatchSummary = Omit<Awaited<ReturnType<typeof findBatches>>[number], "status" | "recordType" | "counts" | "mapping"> & {
  status: BatchStatus;
  recordType: RecordType;
  counts: Partial<BatchCounts>;
  mapping: StoredMapping;
};

async function findBatches(where: { id?: number; fileHash?: string; authorId?: number }, take: number) {
  return db().importBatch.findMany({ where, orderBy: { id: "desc" }, take, select: batchSelect });
}

function summary(row: Awaited<ReturnType<typeof findBatches>>[number]): BatchSummary {
  return {
    ...row,
    status: row.status as BatchStatus,
    recordType: (recordTypes as readonly string[]).includes(row.recordType) ? (row.recordType as RecordType) : "organizations",
    counts: (row.counts ?? {}) as Partial<BatchCounts>,
    mapping: (row.mapping ?? { mapping: {} }) as StoredMapping,
  };
}

/** The latest imports, everyone's, newest first. */
export async function listBatches(take = 20): Promise<BatchSummary[]> {
  return (await findBatches({}, take)).map(summary);
}

/** One batch without its rows; null when there is none. */
export async function findBatch(id: number): Promise<BatchSummary | null> {
  const [row] = await findBatches({ id }, 1);
  return row ? summary(row) : null;
}

/** The other sheets of the same upload (same file, same person, uploaded within a minute), to map in turn. */
export async function siblingSheets(batch: BatchSummary): Promise<BatchSummary[]> {
  const rows = await db().importBatch.findMany({
    where: {
      fileHash: batch.fileHash,
      authorId: batch.authorId,
      id: { not: batch.id },
      createdAt: { gte: new Date(batch.createdAt.getTime() - 60_000), lte: new Date(batch.createdAt.getTime() + 60_000) },
    },
    orderBy: { id: "asc" },
    take: 50,
    select: batchSelect,
  });
  return rows.map(summary);
}

/** A batch's sheet, as uploaded. */
export async function batchSheet(id: number): Promise<StoredSheet | null> {
  const row = await db().importBatch.findUnique({ where: { id }, select: { sheet: true } });
  return (row?.sheet ?? null) as StoredSheet | null;
}

/** A batch's checked rows, as its preview left them. */
export async function batchRows(id: number): Promise<StoredRow[]> {
  const row = await db().importBatch.findUnique({ where: { id }, select: { rows: true } });
  return (row?.rows ?? []) as StoredRow[];
}

/** What the commit wrote, row by row, for the committed summary's list of records. */
export async function writtenRecords(id: number, take = 200) {
  const [records, total] = await Promise.all([
    db().importBatchRecord.findMany({ where: { batchId: id }, orderBy: { row: "asc" }, take }),
    db().importBatchRecord.count({ where: { batchId: id } }),
  ]);
  // Each record as its row named it, read for the rows listed only (a batch keeps every row of its file).
  const named = await db().$queryRaw<{ row: number; label: string | null }[]>`
    SELECT (item->>'row')::int AS row, item->>'label' AS label
      FROM import_batches, jsonb_array_elements(rows) AS item
     WHERE id = ${id} AND (item->>'row')::int = ANY(${records.map((record) => record.row)}::int[])`;
  const labels = new Map(named.map((entry) => [entry.row, entry.label ?? ""]));
  return { records: records.map((record) => ({ ...record, label: labels.get(record.row) ?? "" })), total };
}

/** What an undo found edited since and left alone: the rows, from the undo's audit event. */
export async function undoLeftAlone(id: number): Promise<number[]> {
  const event = await db().auditEvent.findFirst({ where: { importBatchId: id, action: "import.undo" }, select: { after: true } });
  const rows = (event?.after as { editedSince?: unknown } | null)?.editedSince;
  return Array.isArray(rows) ? rows.filter((row): row is number => typeof row === "number") : [];
}

/**
 * Checks the batch's sheet as `type` with `columns` (and the decisions made so far), and keeps the rows for the
 * preview and the commit. Only an upload or a preview can be checked again; false for anything further on.
 */
export async function previewBatch(id: number, input: { type: RecordType; columns: StoredMapping; locale: Locale }): Promise<boolean> {
  const [batch, sheet] = await Promise.all([findBatch(id), batchSheet(id)]);
  if (!batch || !sheet || (batch.status !== "uploaded" && batch.status !== "previewed")) return false;
  const preview = await previewImport({
    type: input.type,
    sheet,
    columns: input.columns,
    locale: input.locale,
    decisions: input.columns.decisions,
  });
  const rows = storedRows(preview.rows);
  const counts: BatchCounts = {
    created: preview.counts.create,
    updated: preview.counts.update,
    unchanged: preview.counts.unchanged,
    refused: preview.counts.refused,
    decide: preview.counts.decide,
    skip: preview.counts.skip,
  };
  const updated = await db().importBatch.updateMany({
    where: { id, status: { in: ["uploaded", "previewed"] } },
    data: {
      recordType: input.type,
      mapping: input.columns as object,
      rows: rows as object[],
      counts,
      rowsTotal: rows.length,
      status: "previewed",
    },
  });
  return updated.count === 1;
}

/** Sets a batch back to its mapping, as another record type, with the columns matched again for that type. */
export async function changeBatchType(id: number, type: RecordType): Promise<boolean> {
  const sheet = await batchSheet(id);
  if (!sheet) return false;
  const updated = await db().importBatch.updateMany({
    where: { id, status: { in: ["uploaded", "previewed"] } },
    data: { recordType: type, mapping: mappingFor(type, sheet.headers) as object, rows: [], counts: {}, status: "uploaded" },
  });
  return updated.count === 1;
}

/** Drops an import that was never committed: its batch stays, marked cancelled, with nothing written. */
export async function discardBatch(id: number): Promise<boolean> {
  const updated = await db().importBatch.updateMany({
    where: { id, status: { in: ["uploaded", "previewed"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  return updated.count === 1;
}

/** The progress of a commit, for the page's bar: rows done of all, and how long the rest should take. */
export async function batchProgress(id: number) {
  const row = await db().importBatch.findUnique({
    where: { id },
    select: { status: true, rowsDone: true, rowsTotal: true, startedAt: true },
  });
  if (!row) return null;
  const elapsed = row.startedAt ? Date.now() - row.startedAt.getTime() : 0;
  const rate = row.rowsDone > 0 && elapsed > 0 ? row.rowsDone / elapsed : 0;
  const secondsLeft = rate > 0 ? Math.ceil((row.rowsTotal - row.rowsDone) / rate / 1000) : null;
  return { status: row.status as BatchStatus, rowsDone: row.rowsDone, rowsTotal: row.rowsTotal, secondsLeft };
}
