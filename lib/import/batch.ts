import { createHash } from "node:crypto";
import { auditEntityTypes, recordAuditEvent, type AuditEntityType } from "@/lib/audit";
import { ActionRefusal, VersionConflict } from "@/lib/actions/staff-action";
import { lockVersions } from "@/lib/actions/versioned";
import type { Db, Tx } from "@/lib/db/prisma-client";
import type { RecordType } from "@/lib/import/fields";
import type { PreviewRow } from "@/lib/import/preview";

/**
 * An import's life after its preview: stored as a batch (the checked rows, as the preview showed them), queued,
 * committed by a background job a chunk of rows per transaction, cancellable between chunks, and undoable.
 * Each chunk's transaction writes its rows through the record types' own write path (versioned and audited,
 * the audit events naming the batch), notes each written row in import_batch_records, and moves `rows_done` on:
 * a job that dies mid-way loses at most the chunk in flight, which rolls back, and the next run (pg-boss
 * retries it, or the app's start re-queues a stalled batch) starts after the last chunk written.
 *
 * Takes the Prisma client as an argument: the app passes `db()`, the command line and tests their own.
 */

/** A row as the preview left it and the commit reads it back (stored as JSON in import_batches.rows). */
export type StoredRow = {
  /** The row's number in the file, as Excel shows it. */
  row: number;
  action: "create" | "update" | "unchanged" | "refused" | "decide" | "skip";
  /** The form input the row was checked into (the forms' schema output, as JSON). */
  input?: unknown;
  /** For an update: the record, and the version the preview saw (a record edited since is a conflict). */
  targetId?: number;
  version?: number;
  /** What the preview showed of the row, kept for the batch's page: its label, changes, issues, candidates. */
  label?: string;
  changes?: PreviewRow["changes"];
  issues?: PreviewRow["issues"];
  warnings?: PreviewRow["warnings"];
  candidates?: PreviewRow["candidates"];
};

export type WrittenRow = {
  entityType: AuditEntityType;
  entityId: number;
  action: "create" | "update";
  versionAfter: number;
  /** For an update: the record as a form input before this row changed it, which an undo saves back. */
  beforeInput?: object;
};

/** What the batch's audit events need to know of who is writing and for which batch. */
export type WriteContext = { user: { id: number }; importBatchId: number };

/**
 * How one record type writes a checked row: the same checks and write path as its form's action. A writer with
 * `chunk` writes a chunk's rows together instead, set-based (a statement for all of them where the row-by-row path
 * has one a row), with the same checks, records and audit events; a row it refuses is named through `at` first.
 */
export type RowWriter = ((tx: Tx, row: StoredRow, context: WriteContext) => Promise<WrittenRow | null>) & { chunk?: ChunkWriter };

export type ChunkWriter = (
  tx: Tx,
  rows: StoredRow[],
  context: WriteContext & { at: (row: number) => void },
) => Promise<(WrittenRow & { row: number })[]>;

/**
 * How many rows one transaction commits: small enough to keep locks short, large enough to go fast. Written
 * together, a chunk costs a few statements whatever its size, so it is larger: 500 rows hold their locks for
 * well under a second.
 */
export const chunkRows = 50;
export const setChunkRows = 500;

/**
 * How long one chunk's transaction may take. Prisma's default (5 s) is 100 ms a row, which a busy machine
 * exceeds: the chunk then rolls back, the job is retried on the same chunk, and the batch never moves.
 */
const chunkTimeoutMs = 120_000;

export type BatchCounts = { created: number; updated: number; unchanged: number; refused: number; decide: number; skip: number };

/** The preview's rows as the batch keeps them: what the commit writes, and the rest counted. */
export function storedRows(rows: PreviewRow[]): StoredRow[] {
  return rows.map((row) => ({
    row: row.row,
    action: row.status,
    input: row.form,
    targetId: row.target?.id,
    version: row.target?.version,
    label: row.label,
    changes: row.changes,
    issues: row.issues,
    warnings: row.warnings,
    candidates: row.candidates,
  }));
}

export function countRows(rows: StoredRow[]): BatchCounts {
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0, refused: 0, decide: 0, skip: 0 };
  for (const row of rows) {
    if (row.action === "create") counts.created += 1;
    else if (row.action === "update") counts.updated += 1;
    else counts[row.action] += 1;
  }
  return counts;
}

export const fileHash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Stores a previewed import; nothing is written to the registry yet. */
export async function createBatch(
  prisma: Db,
  batch: {
    recordType: RecordType;
    fileName: string;
    bytes: Uint8Array;
    sheetName: string | null;
    authorId: number;
    mapping: unknown;
    rows: StoredRow[];
    /** An upload not yet mapped keeps its sheet, for the mapping screen and the preview to read. */
    status?: "uploaded" | "previewed";
    sheet?: unknown;
  },
) {
  const created = await prisma.importBatch.create({
    data: {
      recordType: batch.recordType,
      fileName: batch.fileName.slice(0, 255),
      fileHash: fileHash(batch.bytes),
      sheetName: batch.sheetName?.slice(0, 100) ?? null,
      authorId: batch.authorId,
      mapping: batch.mapping as object,
      rows: batch.rows as object[],
      counts: countRows(batch.rows),
      // An upload not yet checked counts its sheet's rows.
      rowsTotal: batch.rows.length || ((batch.sheet as { rows?: unknown[] } | undefined)?.rows?.length ?? 0),
      status: batch.status ?? "previewed",
      sheet: batch.sheet === undefined ? undefined : (batch.sheet as object),
    },
    select: { id: true },
  });
  return created.id;
}

export type CommitOutcome = { status: "committed" | "cancelled"; written: number } | { status: "failed"; error: string };

/**
 * Commits a queued batch from the row after the last chunk written. `writers` maps the record type to its
 * writer. Rows that are not create or update are passed over (the preview said why). A row whose write is
 * refused (a record edited since the preview, a region archived meanwhile) stops the batch as failed, with
 * what was written so far kept and listed, and the refusal named: the official previews again.
 */
export async function commitBatch(prisma: Db, batchId: number, writers: Partial<Record<RecordType, RowWriter>>): Promise<CommitOutcome> {
  const batch = await prisma.importBatch.findUnique({
    where: { id: batchId },
    select: { recordType: true, status: true, authorId: true },
  });
  if (!batch || batch.status === "committed" || batch.status === "undone") return { status: "committed", written: 0 };
  if (batch.status === "cancelled") return { status: "cancelled", written: 0 };
  const writer = writers[batch.recordType as RecordType];
  if (!writer) return fail(prisma, batchId, `No writer for ${batch.recordType}`);
  await prisma.importBatch.update({
    where: { id: batchId },
    data: { status: "committing", startedAt: new Date(), heartbeatAt: new Date() },
  });

  const size = writer.chunk ? setChunkRows : chunkRows;
  const context = { user: { id: batch.authorId }, importBatchId: batchId };
  let written = 0;
  let inFlight = 0;
  for (;;) {
    const run = () =>
      prisma.$transaction(
        async (tx) => {
          // The batch row's lock makes two runs of the same job (a retry racing a slow first run) take turns.
          const [current] = await tx.$queryRaw<{ status: string; rows_done: number }[]>`
        SELECT status, rows_done FROM import_batches WHERE id = ${batchId} FOR UPDATE`;
          if (!current || current.status !== "committing") return { done: true, cancelled: current?.status === "cancelled" };
          const chunk = await chunkOf(tx, batchId, current.rows_done, size);
          if (chunk.length === 0) return { done: true, cancelled: false };
          const writing = chunk.filter((row) => row.action === "create" || row.action === "update");
          const results: (WrittenRow & { row: number })[] = [];
          if (writer.chunk) results.push(...(await writer.chunk(tx, writing, { ...context, at: (row) => (inFlight = row) })));
          else {
            for (const row of writing) {
              inFlight = row.row;
              const result = await writer(tx, row, context);
              if (result) results.push({ ...result, row: row.row });
            }
          }
          // As JSON in one parameter: Prisma's createMany would compile one per value, and a chunk has thousands.
          const records = results.map((r) => ({
            batch_id: batchId,
            row: r.row,
            entity_type: r.entityType,
            entity_id: r.entityId,
            action: r.action,
            version_after: r.versionAfter,
            before_input: r.beforeInput ?? null,
          }));
          await tx.$executeRaw`
            INSERT INTO import_batch_records (batch_id, "row", entity_type, entity_id, action, version_after, before_input)
            SELECT batch_id, "row", entity_type, entity_id, action, version_after, before_input
              FROM jsonb_populate_recordset(NULL::import_batch_records, ${JSON.stringify(records)}::jsonb)`;
          const count = results.length;
          await tx.importBatch.update({
            where: { id: batchId },
            data: { rowsDone: current.rows_done + chunk.length, heartbeatAt: new Date() },
          });
          return { done: false, cancelled: false, count };
        },
        { timeout: chunkTimeoutMs },
      );
    let step: Awaited<ReturnType<typeof run>>;
    try {
      step = await run();
    } catch (error) {
      // A row the write path refuses stops the batch for the official; anything else (the database gone)
      // is thrown for the queue to retry from the last chunk written.
      if (error instanceof VersionConflict) return fail(prisma, batchId, `row ${inFlight}: conflict`);
      if (error instanceof ActionRefusal) {
        const fields = Object.entries(error.state.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(", ")}`);
        return fail(prisma, batchId, `row ${inFlight}: ${[error.state.message, ...fields].filter(Boolean).join("; ")}`);
      }
      throw error;
    }
    if (step.done) {
      if (step.cancelled) return { status: "cancelled", written };
      break;
    }
    written += step.count ?? 0;
    collectGarbage();
  }
  await prisma.$transaction(async (tx) => {
    const counts = await tx.importBatchRecord.groupBy({ by: ["action"], where: { batchId }, _count: true });
    const batchRow = await tx.importBatch.update({
      where: { id: batchId },
      data: { status: "committed", finishedAt: new Date() },
      select: { fileName: true, fileHash: true, recordType: true, counts: true },
    });
    await recordAuditEvent(tx, {
      actorId: batch.authorId,
      action: "import.commit",
      entityId: batchId,
      after: {
        file: batchRow.fileName,
        sha256: batchRow.fileHash,
        type: batchRow.recordType,
        created: counts.find((c) => c.action === "create")?._count ?? 0,
        updated: counts.find((c) => c.action === "update")?._count ?? 0,
        preview: batchRow.counts as object,
      },
      importBatchId: batchId,
    });
  });
  return { status: "committed", written };
}

/**
 * Collects the chunk's garbage before the next chunk, where the process allows it: the job worker's process runs
 * with --expose-gc (scripts/serve.ts). A chunk's statements carry its rows as JSON strings (the records, the audit
 * events' snapshots), which Prisma copies again; strings that large live in V8's old generation, so they piled up
 * until its limit, 200 MB more in a 10,000-row commit, before one collection took them all. Elsewhere (the tests,
 * the command line, the bench's --commit-here) there is no `gc` and this does nothing.
 */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * The batch's stored rows from `from` on, `size` of them: each chunk reads only its own rows, so that the process
 * committing holds one chunk's rows at a time, not the batch's (10,000 rows with their previews).
 */
async function chunkOf(tx: Tx, batchId: number, from: number, size: number): Promise<StoredRow[]> {
  const [found] = await tx.$queryRaw<{ rows: StoredRow[] | null }[]>`
    SELECT jsonb_path_query_array(rows, '$[$from to $to]', jsonb_build_object('from', ${from}::int, 'to', ${from + size - 1}::int)) AS rows
      FROM import_batches WHERE id = ${batchId}`;
  return found?.rows ?? [];
}

async function fail(prisma: Db, batchId: number, error: string): Promise<CommitOutcome> {
  await prisma.importBatch.update({
    where: { id: batchId },
    data: { status: "failed", error: error.slice(0, 2000), finishedAt: new Date() },
  });
  return { status: "failed", error };
}

/** Asks a queued or running batch to stop after the chunk in flight; what was written stays, listed, and can be undone. */
export async function cancelBatch(prisma: Db, batchId: number, userId: number) {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.importBatch.updateMany({
      where: { id: batchId, status: { in: ["queued", "committing"] } },
      data: { status: "cancelled", finishedAt: new Date() },
    });
    if (changed.count === 0) return false;
    await recordAuditEvent(tx, { actorId: userId, action: "import.cancel", entityId: batchId, importBatchId: batchId });
    return true;
  });
}

/** Batches left committing by a process that stopped (no progress for `staleMs`): to queue again. */
export async function stalledBatches(prisma: Db, staleMs = 60_000) {
  const rows = await prisma.importBatch.findMany({
    where: {
      status: { in: ["queued", "committing"] },
      OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(Date.now() - staleMs) } }],
    },
    select: { id: true },
    take: 100,
  });
  return rows.map((row) => row.id);
}

/**
 * How a record type takes back what an import wrote, many records at a time: archive what it created, save back
 * what it updated (each record at the version the import left it).
 */
export type RowUndoer = {
  archive: (tx: Tx, records: UndoRecord[], context: WriteContext) => Promise<void>;
  restore: (tx: Tx, records: (UndoRecord & { input: object })[], context: WriteContext) => Promise<void>;
};

/** A record to take back: the batch row that wrote it last, and the version that row left. */
export type UndoRecord = { row: number; id: number; version: number };

export type UndoOutcome = { undone: number; editedSince: { row: number; entityType: string; entityId: number }[] };

/**
 * Undoes a committed (or cancelled, or failed) batch, in one transaction: each record it created is archived,
 * each it updated is saved back as it was; a record edited since the import (its version moved past the one
 * the import left) is listed and left alone. Only the batch's author or an admin may (the caller checks).
 *
 * A record several rows wrote (a venture, one row a partner) is taken back once, the latest row's version
 * checked and the earliest row's before saved back: row by row, each restore would move the version the next
 * one expects. The records are locked and checked a type at a time, then taken back `setChunkRows` at a time
 * (what was updated first, then what was created), so that 10,000 rows cost statements by the chunk, not by
 * the row, and a chunk's snapshots are garbage before the next is read.
 */
export async function undoBatch(
  prisma: Db,
  batchId: number,
  user: { id: number },
  undoers: Partial<Record<string, RowUndoer>>,
): Promise<UndoOutcome | null> {
  return prisma.$transaction(
    async (tx) => {
      const [batch] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM import_batches WHERE id = ${batchId} FOR UPDATE`;
      if (!batch || !["committed", "cancelled", "failed"].includes(batch.status)) return null;
      const records = await tx.importBatchRecord.findMany({
        where: { batchId },
        orderBy: { row: "desc" },
        select: { row: true, entityType: true, entityId: true, action: true, versionAfter: true, beforeInput: true },
      });
      // Each record's rows, latest first.
      const byRecord = new Map<string, typeof records>();
      for (const record of records) {
        const key = `${record.entityType}:${record.entityId}`;
        const rows = byRecord.get(key);
        if (rows) rows.push(record);
        else byRecord.set(key, [record]);
      }
      const locked = new Map<string, Map<number, { version: number }>>();
      for (const type of new Set(records.map((record) => record.entityType))) {
        const ids = records.filter((record) => record.entityType === type).map((record) => record.entityId);
        locked.set(type, isAuditEntityType(type) ? await lockVersions(tx, type, [...new Set(ids)]) : new Map());
      }
      const context = { user, importBatchId: batchId };
      const outcome: UndoOutcome = { undone: 0, editedSince: [] };
      const archives = new Map<string, UndoRecord[]>();
      const restores = new Map<string, (UndoRecord & { input: object })[]>();
      const add = <T>(lists: Map<string, T[]>, type: string, item: T) => {
        const list = lists.get(type);
        if (list) list.push(item);
        else lists.set(type, [item]);
      };
      for (const written of byRecord.values()) {
        const [latest, earliest] = [written[0]!, written.at(-1)!];
        const current = locked.get(latest.entityType)?.get(latest.entityId);
        if (!undoers[latest.entityType] || !current || current.version !== latest.versionAfter) {
          outcome.editedSince.push(...written.map((r) => ({ row: r.row, entityType: r.entityType, entityId: r.entityId })));
          continue;
        }
        const record = { row: latest.row, id: latest.entityId, version: latest.versionAfter };
        if (earliest.action === "create") add(archives, latest.entityType, record);
        else if (earliest.beforeInput) add(restores, latest.entityType, { ...record, input: earliest.beforeInput as object });
        outcome.undone += written.length;
      }
      for (const [type, list] of restores)
        for (let at = 0; at < list.length; at += setChunkRows) await undoers[type]!.restore(tx, list.slice(at, at + setChunkRows), context);
      for (const [type, list] of archives)
        for (let at = 0; at < list.length; at += setChunkRows) await undoers[type]!.archive(tx, list.slice(at, at + setChunkRows), context);
      await tx.importBatch.update({ where: { id: batchId }, data: { status: "undone", undoneAt: new Date(), undoneById: user.id } });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "import.undo",
        entityId: batchId,
        after: { undone: outcome.undone, editedSince: outcome.editedSince.map((r) => r.row) },
        importBatchId: batchId,
      });
      return outcome;
    },
    { timeout: 120_000 },
  );
}

const isAuditEntityType = (type: string): type is AuditEntityType => (auditEntityTypes as readonly string[]).includes(type);
