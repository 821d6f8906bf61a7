import type { Pool } from "pg";

/** Reading the stored full download (lib/dump/build.ts writes it): the newest complete one, and its bytes. */

export type StoredDump = { id: number; completedAt: Date; sizeBytes: number; sha256: string; registryUpdatedAt: Date | null };

/** The newest complete dump, or null while none has been built. */
export async function latestDump(pool: Pool): Promise<StoredDump | null> {
  const { rows } = await pool.query<{
    id: number;
    completedAt: string;
    sizeBytes: string;
    sha256: string;
    registryUpdatedAt: string | null;
  }>(
    `SELECT id, to_char(completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completedAt",
       size_bytes AS "sizeBytes", sha256,
       to_char(registry_updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "registryUpdatedAt"
     FROM data_dumps WHERE completed_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    completedAt: new Date(row.completedAt),
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    registryUpdatedAt: row.registryUpdatedAt ? new Date(row.registryUpdatedAt) : null,
  };
}

/**
 * The dump's bytes as a web stream, one stored chunk (1 MiB) per read, each read only when the client has taken
 * the one before: a slow download holds no connection and no more than a chunk of memory.
 */
export function dumpBody(pool: Pool, dump: Pick<StoredDump, "id" | "sizeBytes">): ReadableStream<Uint8Array> {
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { rows } = await pool.query<{ bytes: Buffer }>("SELECT bytes FROM data_dump_chunks WHERE dump_id = $1 AND seq = $2", [
          dump.id,
          seq,
        ]);
        const chunk = rows[0];
        if (!chunk) {
          // A dump deleted under a very long download (superseded long ago): fail it rather than end it short.
          if (sent < dump.sizeBytes) controller.error(new Error("The full download was replaced while it was sent."));
          else controller.close();
          return;
        }
        seq += 1;
        sent += chunk.bytes.byteLength;
        controller.enqueue(new Uint8Array(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength));
      },
    },
    { highWaterMark: 0 },
  );
}
