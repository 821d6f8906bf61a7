import { constants } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { quoteName, readCatalog } from "./catalog.ts";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  encodeFrame,
  encodeJsonFrame,
  FRAME_LIMITS,
  TableTally,
  type Manifest,
  type TableEnd,
  type Trailer,
} from "./format.ts";

export type BackupSummary = { file: string; bytes: number; tables: TableEnd[]; migrations: number };

/** Small COPY pieces are gathered up to this before they become a frame; larger ones are cut at FRAME_LIMITS. */
const GATHER_BYTES = 256 * 1024;

/**
 * Writes a backup of the database at `url` to `file` (see format.ts): every table of the app, read in one
 * REPEATABLE READ READ ONLY transaction, so that the file is one consistent moment of the registry while the app
 * goes on writing. Streamed from COPY to gzip to disk, so memory stays small whatever the size. The file is
 * written under a temporary name and renamed when whole; an existing file is never overwritten. It holds
 * password hashes: it is created readable by its owner only.
 */
export async function writeBackup(url: string, file: string): Promise<BackupSummary> {
  // Claims the name first: fails when the file exists, rather than replacing an older backup.
  const claimed = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600).catch((error: unknown) => {
    if ((error as { code?: string }).code === "EEXIST") throw new Error(`${file} exists already: a backup never replaces a file.`);
    throw error;
  });
  await claimed.close();
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url, application_name: "interregio-backup" });
  const tables: TableEnd[] = [];
  let migrationCount = 0;
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const catalog = await readCatalog(client);
    if (catalog.migrations === null)
      throw new Error("This database has no migration history (_prisma_migrations): it is not an Interregio database.");
    migrationCount = catalog.migrations.length;
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      server: (rows[0]?.version ?? "").slice(0, 300),
      migrations: catalog.migrations,
      tables: catalog.tables.map((table) => ({ name: table.name, columns: table.columns })),
    };

    async function* frames() {
      yield encodeJsonFrame("M", manifest);
      for (const table of catalog.tables) {
        const tally = new TableTally();
        const columns = table.columns.map(quoteName).join(", ");
        const copy = client.query(copyTo(`COPY ${quoteName(table.name)} (${columns}) TO STDOUT`));
        let gathered: Buffer[] = [];
        let gatheredBytes = 0;
        function* flush() {
          const data = Buffer.concat(gathered);
          gathered = [];
          gatheredBytes = 0;
          for (let at = 0; at < data.length; at += FRAME_LIMITS.maxDataBytes) {
            const piece = data.subarray(at, at + FRAME_LIMITS.maxDataBytes);
            tally.add(piece);
            yield encodeFrame("D", piece);
          }
        }
        for await (const chunk of copy as AsyncIterable<Buffer>) {
          gathered.push(chunk);
          gatheredBytes += chunk.length;
          if (gatheredBytes >= GATHER_BYTES) yield* flush();
        }
        yield* flush();
        const end = tally.end(table.name);
        tables.push(end);
        yield encodeJsonFrame("E", end);
      }
      const trailer: Trailer = {
        tables: catalog.tables.length,
        sequences: catalog.sequences.flatMap(({ table, column, lastValue }) => (lastValue === null ? [] : [{ table, column, lastValue }])),
      };
      yield encodeJsonFrame("Z", trailer);
    }

    const output = await open(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
    await pipeline(Readable.from(frames()), createGzip(), output.createWriteStream());
    await client.query("COMMIT");
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    await rm(file, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  return { file, bytes: (await stat(file)).size, tables, migrations: migrationCount };
}
