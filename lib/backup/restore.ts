import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { quoteName, readCatalog, type Catalog, type CatalogTable } from "./catalog.ts";
import {
  BackupFileError,
  ManifestSchema,
  parseJsonFrame,
  readFrames,
  TableEndSchema,
  TableTally,
  TrailerSchema,
  type Manifest,
  type TableEnd,
  type Trailer,
} from "./format.ts";

/** The target database is not one to restore into (not empty, another schema): nothing in it was changed. */
export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

export type CheckedBackup = { manifest: Manifest; tables: TableEnd[]; trailer: Trailer; fileSha256: string };

type ManifestTable = Manifest["tables"][number];

/**
 * Reads a backup file through, checking every frame (format.ts), and calls `onTable` with each table's COPY data
 * as it streams by. The data iterable throws when the table's rows, bytes or hash differ from those recorded,
 * before it ends, so a COPY fed from it fails rather than completes.
 */
async function readBackup(
  file: string,
  onManifest: (manifest: Manifest) => Promise<void>,
  onTable: (table: ManifestTable, data: AsyncIterable<Buffer>) => Promise<void>,
): Promise<CheckedBackup> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new BackupFileError(`There is no file ${file}.`);
  if (size === 0) throw new BackupFileError(`${file} is empty.`);

  const fileHash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      fileHash.update(chunk);
      done(null, chunk);
    },
  });
  let result: Omit<CheckedBackup, "fileSha256"> | undefined;

  async function readAll(source: AsyncIterable<Buffer>) {
    const frames = readFrames(source)[Symbol.asyncIterator]();
    const first = await frames.next();
    if (first.done || first.value.kind !== "M")
      throw new BackupFileError("This is not an Interregio backup: it does not start with a manifest.");
    const manifest = parseJsonFrame(ManifestSchema, first.value.payload, "manifest");
    await onManifest(manifest);

    const tables: TableEnd[] = [];
    for (const table of manifest.tables) {
      let ended = false;
      const tally = new TableTally();
      async function* data(): AsyncGenerator<Buffer> {
        for (;;) {
          const next = await frames.next();
          if (next.done) throw new BackupFileError(`The backup ends inside the table ${table.name}: the file is incomplete.`);
          const { kind, payload } = next.value;
          if (kind === "D") {
            tally.add(payload);
            yield payload;
            continue;
          }
          if (kind !== "E") throw new BackupFileError(`The backup is damaged: a frame ${kind} inside the table ${table.name}.`);
          const recorded = parseJsonFrame(TableEndSchema, payload, `end of the table ${table.name}`);
          const counted = tally.end(table.name);
          if (
            recorded.table !== table.name ||
            recorded.rows !== counted.rows ||
            recorded.bytes !== counted.bytes ||
            recorded.sha256 !== counted.sha256
          )
            throw new BackupFileError(
              `The backup is damaged: the rows of the table ${table.name} differ from the count and hash recorded with them.`,
            );
          tables.push(recorded);
          ended = true;
          return;
        }
      }
      await onTable(table, data());
      if (!ended) throw new Error(`The table ${table.name} was not read to its end.`);
    }

    const last = await frames.next();
    if (last.done) throw new BackupFileError("The backup ends before its closing frame: the file is incomplete.");
    if (last.value.kind !== "Z") throw new BackupFileError(`The backup is damaged: a frame ${last.value.kind} after the last table.`);
    const trailer = parseJsonFrame(TrailerSchema, last.value.payload, "closing frame");
    if (trailer.tables !== manifest.tables.length)
      throw new BackupFileError("The backup is damaged: its closing frame counts other tables.");
    // Reading on to the end lets gzip check its CRC over the whole file.
    if (!(await frames.next()).done) throw new BackupFileError("The backup is damaged: it goes on after its closing frame.");
    result = { manifest, tables, trailer };
  }

  try {
    await pipeline(createReadStream(file), hashing, createGunzip(), readAll);
  } catch (error) {
    if (isZlibError(error))
      throw new BackupFileError(`${file} is not a whole gzip stream: the file is cut short or damaged (${(error as Error).message}).`);
    throw error;
  }
  if (!result) throw new Error("The backup was not read to its end.");
  return { ...result, fileSha256: fileHash.digest("hex") };
}

/**
 * gunzip failed on the file: its own error, or the abort the pipeline hands the reading stage when gunzip fails
 * while that stage is waiting for data (no other signal aborts this pipeline).
 */
function isZlibError(error: unknown) {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return (typeof code === "string" && (code.startsWith("Z_") || code === "ABORT_ERR")) || name === "AbortError";
}

/** Reads the whole file and checks it, touching no database: `npm run restore -- FILE --check`. */
export function checkBackup(file: string): Promise<CheckedBackup> {
  return readBackup(
    file,
    async () => {},
    async (_table, data) => {
      for await (const piece of data) void piece;
    },
  );
}

function listDifference(name: string, from: string[], to: string[]) {
  const missing = from.filter((item) => !to.includes(item));
  const extra = to.filter((item) => !from.includes(item));
  return [
    missing.length ? `${name} lacks ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}` : "",
    extra.length ? `${name} also has ${extra.slice(0, 5).join(", ")}${extra.length > 5 ? ` and ${extra.length - 5} more` : ""}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

function sameList(a: string[], b: string[]) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * The database's own table for each table of the backup, in the backup's order: the same tables, the same
 * columns, and an order in which every foreign key finds its rows. A name from the file is only ever compared
 * with the catalog's names; the catalog's name is what reaches SQL.
 */
function matchTables(catalog: Catalog, manifest: Manifest): { table: CatalogTable; columns: CatalogTable["columns"] }[] {
  const byName = new Map(catalog.tables.map((table) => [table.name as string, table]));
  const names = manifest.tables.map((table) => table.name);
  if (names.length !== catalog.tables.length || names.some((name) => !byName.has(name)))
    throw new RestoreRefusedError(
      `The backup's tables are not this database's: ${listDifference(
        "the database",
        names,
        catalog.tables.map((table) => table.name),
      )}.`,
    );
  const seen = new Set<string>();
  return manifest.tables.map((entry) => {
    const table = byName.get(entry.name)!;
    const columnByName = new Map(table.columns.map((column) => [column as string, column]));
    const columns = entry.columns.map((name) => columnByName.get(name));
    if (
      entry.columns.length !== table.columns.length ||
      new Set(entry.columns).size !== entry.columns.length ||
      columns.includes(undefined)
    )
      throw new RestoreRefusedError(
        `The backup's columns of the table ${table.name} are not this database's: ${listDifference("the table", entry.columns, table.columns)}.`,
      );
    const unmet = table.references.filter((name) => !seen.has(name));
    if (unmet.length) throw new RestoreRefusedError(`The backup holds ${table.name} before ${unmet.join(", ")}, which it references.`);
    seen.add(table.name);
    return { table, columns: columns as CatalogTable["columns"] };
  });
}

export type RestoreOptions = {
  /** Replaces what the database holds; without it, a database with any row in the app's tables is refused. */
  force?: boolean;
  /** The migrations of this version of the app (prisma/migrations), applied to an empty database first. */
  migrationsOnDisk: string[];
  migrate: (url: string) => Promise<void>;
  log?: (line: string) => void;
};

/**
 * Restores a backup into the database at `url`. The file is read through and checked first, before anything
 * touches the database; then the database must have the backup's migrations (an empty one gets them, when this
 * version of the app has the same), its tables must be empty unless `force`, and the rows are copied in within
 * one transaction, the foreign keys, checks and triggers all in force (no superuser needed), with the sequences
 * set past the restored ids and every table's row count checked before it commits. Any failure rolls it all back.
 */
export async function restoreBackup(url: string, file: string, options: RestoreOptions): Promise<CheckedBackup> {
  const log = options.log ?? (() => {});
  const checked = await checkBackup(file);
  const { manifest } = checked;
  log(`${file}: a whole backup of ${manifest.tables.length} tables, made ${manifest.createdAt}.`);

  const client = new pg.Client({ connectionString: url, application_name: "interregio-restore" });
  await client.connect();
  let inTransaction = false;
  try {
    let catalog = await readCatalog(client);
    if (catalog.migrations === null) {
      if (catalog.tables.length > 0)
        throw new RestoreRefusedError(
          `The database has tables (${catalog.tables
            .slice(0, 5)
            .map((table) => table.name)
            .join(", ")}) but no migration history: restore into a new, empty database.`,
        );
      if (!sameList(manifest.migrations, options.migrationsOnDisk))
        throw new RestoreRefusedError(
          `The backup was made by another version of Interregio (${listDifference("this version", manifest.migrations, options.migrationsOnDisk)}): restore it with the version that made it, then upgrade.`,
        );
      log("Applying the migrations to the empty database...");
      await options.migrate(url);
      catalog = await readCatalog(client);
    }
    if (!sameList(catalog.migrations ?? [], manifest.migrations))
      throw new RestoreRefusedError(
        `The database's migrations are not the backup's (${listDifference("the database", manifest.migrations, catalog.migrations ?? [])}): restore into a database of the version that made the backup.`,
      );
    const targets = matchTables(catalog, manifest);

    const filled: string[] = [];
    for (const { table } of targets) {
      const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteName(table.name)}) AS any`);
      if (rows[0]?.any) filled.push(table.name);
    }
    if (filled.length > 0 && !options.force)
      throw new RestoreRefusedError(
        `The database is not empty (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ` and ${filled.length - 5} more tables` : ""} have rows). Restore into an empty database, or add --force to replace everything in it.`,
      );

    await client.query("BEGIN");
    inTransaction = true;
    // A running app holding a table would block the TRUNCATE: say so rather than wait for ever.
    await client.query("SET LOCAL lock_timeout = '10s'");
    await client.query("SET LOCAL statement_timeout = 0");
    if (filled.length > 0) {
      log(`Emptying ${filled.length} tables (--force)...`);
      await client.query(`TRUNCATE ${targets.map(({ table }) => quoteName(table.name)).join(", ")} RESTART IDENTITY`);
    }

    const byName = new Map(targets.map((target) => [target.table.name as string, target]));
    const again = await readBackup(
      file,
      async (reread) => {
        if (JSON.stringify(reread) !== JSON.stringify(manifest)) throw new BackupFileError(`${file} changed while it was being restored.`);
      },
      async (entry, data) => {
        const { table, columns } = byName.get(entry.name)!;
        const copy = client.query(copyFrom(`COPY ${quoteName(table.name)} (${columns.map(quoteName).join(", ")}) FROM STDIN`));
        await pipeline(Readable.from(data), copy);
      },
    );
    if (again.fileSha256 !== checked.fileSha256) throw new BackupFileError(`${file} changed while it was being restored.`);

    for (const sequence of catalog.sequences) {
      const recorded = again.trailer.sequences.find((entry) => entry.table === sequence.table && entry.column === sequence.column);
      // Past every restored id, and past the backup's own value, so that no id the registry ever gave out comes back.
      await client.query(
        `WITH used AS (SELECT greatest($2::bigint, coalesce(max(${quoteName(sequence.column)}), 0)) AS value FROM ${quoteName(sequence.table)})
         SELECT setval(format('%I.%I', 'public', $1::text)::regclass, greatest(value, 1), value > 0) FROM used`,
        [sequence.sequence, recorded?.lastValue ?? "0"],
      );
    }
    for (const end of again.tables) {
      const { table } = byName.get(end.table)!;
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quoteName(table.name)}`);
      if (Number(rows[0]?.count) !== end.rows)
        throw new Error(`The table ${table.name} holds ${rows[0]?.count} rows after the restore, not the backup's ${end.rows}.`);
    }
    await client.query("COMMIT");
    inTransaction = false;
    return again;
  } catch (error) {
    if (inTransaction) await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
