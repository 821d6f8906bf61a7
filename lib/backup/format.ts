import { createHash, type Hash } from "node:crypto";
import { z } from "zod";

/**
 * The backup file of `npm run backup` (scripts/backup.ts): a gzip stream of frames, each a kind byte, a 32-bit
 * big-endian length and that many bytes.
 *
 *   M  the manifest (JSON): format version, the migrations applied, the tables in restore order with their columns
 *   D  a piece of one table's rows in PostgreSQL's COPY text format (the tables in manifest order, each whole)
 *   E  the end of a table (JSON): its row count, byte count and SHA-256 of its COPY data
 *   Z  the end of the file (JSON): the sequences' values
 *
 * A file is read as a stream (bounded memory whatever its size), and checked as it is read: every length against
 * a bound before its bytes are awaited, every JSON frame by a schema, every table's rows and hash. A file cut
 * short lacks its Z frame (and gzip's own check fails); a changed byte fails gzip's CRC or a table's hash.
 */

export const BACKUP_FORMAT = "interregio-backup";
export const BACKUP_VERSION = 1;

export const FRAME_LIMITS = {
  /** A JSON frame: the manifest of a schema far larger than ours fits in a fraction of this. */
  maxJsonBytes: 4 * 1024 * 1024,
  /** A data frame; the writer cuts a table's COPY stream into pieces of at most this. */
  maxDataBytes: 1024 * 1024,
} as const;

/** A PostgreSQL identifier as the file names it; it is used only once found among the database's own. */
const identifier = z.string().min(1).max(63);

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  server: z.string().max(300),
  migrations: z.array(z.string().min(1).max(255)).max(10_000),
  tables: z
    .array(z.object({ name: identifier, columns: z.array(identifier).min(1).max(1600) }))
    .min(1)
    .max(1000)
    .refine((tables) => new Set(tables.map((table) => table.name)).size === tables.length, { error: "a table is listed twice" }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const TableEndSchema = z.object({
  table: identifier,
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TableEnd = z.infer<typeof TableEndSchema>;

export const TrailerSchema = z.object({
  tables: z.number().int().nonnegative(),
  sequences: z.array(z.object({ table: identifier, column: identifier, lastValue: z.string().regex(/^\d{1,19}$/) })).max(10_000),
});
export type Trailer = z.infer<typeof TrailerSchema>;

export type FrameKind = "M" | "D" | "E" | "Z";
const kinds = new Set<string>(["M", "D", "E", "Z"]);
const HEADER_BYTES = 5;

/** A damaged, cut or foreign file: the message says what is wrong, for IT, and nothing was restored. */
export class BackupFileError extends Error {
  override name = "BackupFileError";
}

export function encodeFrame(kind: FrameKind, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(kind, 0, "latin1");
  header.writeUInt32BE(payload.byteLength, 1);
  return Buffer.concat([header, payload]);
}

export function encodeJsonFrame(kind: Exclude<FrameKind, "D">, value: unknown): Buffer {
  return encodeFrame(kind, Buffer.from(JSON.stringify(value), "utf8"));
}

/** The frames of a decompressed backup stream, each length checked against its kind's bound before it is read. */
export async function* readFrames(source: AsyncIterable<Buffer>): AsyncGenerator<{ kind: FrameKind; payload: Buffer }> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= HEADER_BYTES) {
      const kind = pending.toString("latin1", 0, 1);
      if (!kinds.has(kind)) throw new BackupFileError("This is not an Interregio backup, or it is damaged (an unknown frame).");
      const length = pending.readUInt32BE(1);
      const limit = kind === "D" ? FRAME_LIMITS.maxDataBytes : FRAME_LIMITS.maxJsonBytes;
      if (length > limit) throw new BackupFileError(`The backup is damaged: a frame of ${length} bytes is over the limit of ${limit}.`);
      if (pending.length < HEADER_BYTES + length) break;
      yield { kind: kind as FrameKind, payload: pending.subarray(HEADER_BYTES, HEADER_BYTES + length) };
      pending = pending.subarray(HEADER_BYTES + length);
    }
  }
  if (pending.length > 0) throw new BackupFileError("The backup ends in the middle of a frame: the file is incomplete.");
}

export function parseJsonFrame<Schema extends z.ZodType>(schema: Schema, payload: Buffer, what: string): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    throw new BackupFileError(`The backup is damaged: its ${what} is not JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupFileError(
      `The backup is damaged: its ${what} is not as expected (${issue?.path.join(".") || "top"}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}

/** Counts a table's rows and hashes its bytes as its COPY data passes: COPY text ends every row with a newline. */
export class TableTally {
  rows = 0;
  bytes = 0;
  private readonly hash: Hash = createHash("sha256");

  add(data: Uint8Array) {
    this.bytes += data.byteLength;
    for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) this.rows += 1;
    this.hash.update(data);
  }

  end(table: string): TableEnd {
    return { table, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}
