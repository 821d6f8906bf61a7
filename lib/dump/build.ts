import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Pool, PoolClient } from "pg";
import Cursor from "pg-cursor";
import yazl from "yazl";
import { registryUpdatedAtSql } from "@/lib/dashboard/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeCsv, type RowSource } from "@/lib/export/write";
import { ccBy40LegalCode } from "./cc-by-4.0";
import { dataPackage, licenceOf } from "./datapackage";
import { dumpTables, type DumpRow, type DumpTable } from "./tables";

/**
 * Builds the full download: one ZIP (yazl, streamed) of a CSV a table, `datapackage.json`, the licence and a
 * metadata file, written as it is made into `data_dumps` / `data_dump_chunks` (1 MiB a row), so that every
 * instance serves the same file. The tables are read in one read-only REPEATABLE READ snapshot through database
 * cursors, one table after the other and a batch at a time, and the ZIP's bytes leave for the database as they
 * come: memory holds about a batch of rows and a chunk of bytes, whatever the registry's size.
 *
 * A build becomes visible only when complete (its `completed_at`, size and sha256 set in one statement); a
 * failed build deletes its rows. The previous dump stays until a newer one has been complete for a while, so a
 * download that began on it can finish.
 */

export const CHUNK_BYTES = 1024 * 1024;
const BATCH_ROWS = 1_000;
/** How long a superseded dump is kept for the downloads that began on it. */
const KEEP_SUPERSEDED = "15 minutes";
/** A build left incomplete this long lost its process: its rows go. */
const ABANDONED = "2 hours";

export type BuiltDump = { id: number; sizeBytes: number; sha256: string; registryUpdatedAt: Date | null };

/** The rows of one query, a batch at a time, from a cursor on the snapshot's connection. */
function cursorSource(client: PoolClient, query: Prisma.Sql): RowSource<DumpRow> {
  const cursor = client.query(new Cursor<DumpRow>(query.text, query.values));
  let closed = false;
  return {
    read: () => (closed ? Promise.resolve([]) : cursor.read(BATCH_ROWS)),
    close: async () => {
      if (closed) return;
      closed = true;
      await cursor.close();
    },
  };
}

/** A sink that stores the bytes written to it as numbered chunks of dump `dumpId`, hashing and counting them. */
function chunkSink(pool: Pool, dumpId: number) {
  const hash = createHash("sha256");
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let size = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await pool.query("INSERT INTO data_dump_chunks (dump_id, seq, bytes) VALUES ($1, $2, $3)", [dumpId, seq, bytes]);
    seq += 1;
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      // The callback waits for the insert, so the ZIP (and behind it the cursors) waits for the database.
      if (pendingBytes >= CHUNK_BYTES) flush().then(() => callback(), callback);
      else callback();
    },
    final(callback) {
      flush().then(() => callback(), callback);
    },
  });
  return { sink, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/** `metadata.json`: what the download is, under which licence, as of when. */
function metadata(licence: string, built: Date, registryUpdatedAt: Date | null, tables: readonly DumpTable[]) {
  const { name, title, path } = licenceOf(licence);
  return {
    title: { en: "Interregio: the registry's full download", ru: "Interregio: полная выгрузка реестра" },
    licence: { name, title, ...(path ? { path } : {}), file: "LICENSE.txt" },
    attribution: {
      en: "Data: Interregio, a registry of interregional cooperation. Say so, with the licence, when you reuse it.",
      ru: "Данные: Interregio, реестр межрегионального сотрудничества. Указывайте источник и лицензию при повторном использовании.",
    },
    registryUpdatedAt: registryUpdatedAt?.toISOString() ?? null,
    builtAt: built.toISOString(),
    files: tables.map((table) => `${table.name}.csv`),
    description: "datapackage.json",
  };
}

/** LICENSE.txt: the CC BY 4.0 legal code, or for another licence its name as DATA_LICENCE gives it. */
function licenceText(licence: string): string {
  const { name, title } = licenceOf(licence);
  if (name === "CC-BY-4.0") return ccBy40LegalCode;
  return `${title}\n\nThe registry's data is offered under this licence; ask the registry's team for its text.\n`;
}

/** Builds a new dump from `tables` into the store and completes it; returns what was stored. */
export async function buildDump(pool: Pool, options: { licence: string; tables?: readonly DumpTable[] }): Promise<BuiltDump> {
  const tables = options.tables ?? dumpTables;
  const {
    rows: [created],
  } = await pool.query<{ id: number }>("INSERT INTO data_dumps DEFAULT VALUES RETURNING id");
  const dumpId = created!.id;
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL jit = off");
    const updatedQuery = Prisma.sql`SELECT to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM (${registryUpdatedAtSql}) latest`;
    const { rows } = await client.query<{ at: string | null }>(updatedQuery.text, updatedQuery.values);
    const registryUpdatedAt = rows[0]?.at ? new Date(rows[0].at) : null;
    const built = new Date();

    const zip = new yazl.ZipFile();
    const { sink, result } = chunkSink(pool, dumpId);
    let fail: (error: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    // Raced below; an error after the end has nothing left to fail.
    failed.catch(() => undefined);
    zip.on("error", fail);
    sink.on("error", fail);
    zip.outputStream.pipe(sink);
    const entry = { mtime: built, compress: true };
    for (const table of tables) {
      // Each CSV is made when the ZIP reaches it, so that only one cursor is open on the snapshot at a time.
      zip.addReadStreamLazy(`${table.name}.csv`, entry, (callback) => {
        const csv = writeCsv(table, cursorSource(client, table.query), { locale: "en", forPrograms: true, about: noAbout });
        // yazl does not listen for its streams' errors: a failed statement fails the build here.
        csv.on("error", fail);
        callback(null, csv);
      });
    }
    const descriptor = dataPackage(tables, { licence: options.licence, created: built, registryUpdatedAt });
    zip.addBuffer(Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`), "datapackage.json", entry);
    zip.addBuffer(Buffer.from(licenceText(options.licence)), "LICENSE.txt", entry);
    const about = metadata(options.licence, built, registryUpdatedAt, tables);
    zip.addBuffer(Buffer.from(`${JSON.stringify(about, null, 2)}\n`), "metadata.json", entry);
    zip.end();
    await Promise.race([finished(sink), failed]);
    await client.query("COMMIT");

    const { size, sha256 } = result();
    await pool.query("UPDATE data_dumps SET completed_at = now(), size_bytes = $2, sha256 = $3, registry_updated_at = $4 WHERE id = $1", [
      dumpId,
      size,
      sha256,
      registryUpdatedAt,
    ]);
    await pruneDumps(pool, dumpId);
    return { id: dumpId, sizeBytes: size, sha256, registryUpdatedAt };
  } catch (error) {
    // The snapshot's connection may still be busy with a cursor: it is closed (which ends the transaction), not
    // asked to roll back behind it.
    broken = true;
    await pool.query("DELETE FROM data_dumps WHERE id = $1", [dumpId]).catch(() => undefined);
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}

/** The CSV writer's About fields, which only the XLSX writes. */
const noAbout = { licence: "", registryUpdatedAt: null, sourceUrl: "", filters: [] };

/**
 * Deletes the dumps superseded for a while (a newer one complete for KEEP_SUPERSEDED) and builds abandoned
 * half-way; never the newest complete one, nor `current`.
 */
async function pruneDumps(pool: Pool, current: number) {
  await pool.query(
    `DELETE FROM data_dumps d
     WHERE d.id <> $1 AND (
       (d.completed_at IS NULL AND d.started_at < now() - $2::interval)
       OR EXISTS (SELECT 1 FROM data_dumps n WHERE n.id > d.id AND n.completed_at < now() - $3::interval))`,
    [current, ABANDONED, KEEP_SUPERSEDED],
  );
}
