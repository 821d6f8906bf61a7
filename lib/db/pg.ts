// No "server-only" here: the bench baseline (scripts/bench/baseline.ts) runs the same statements outside Next.
import { Pool, type PoolClient, type QueryConfig, type QueryResultRow } from "pg";
import Cursor from "pg-cursor";
import { createHash } from "node:crypto";
import { watchPool } from "@/lib/db/pools";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Plain `pg` for what Prisma cannot do: stream a large result through a database cursor, and run hand-written
 * SQL whose column types we want as pg gives them (numeric as text, json parsed): the search, the joint-venture
 * table and the exports. One pool of its own, beside Prisma's, so that long exports do not take the connections
 * of the pages Prisma reads; the health check (lib/db/health.ts) keeps one connection apart, so that it answers
 * while this pool is busy.
 *
 * Statements are `Prisma.sql` templates, as everywhere else: every value is a parameter by construction, and a
 * string cannot be passed where a statement is expected.
 */

type ReplicaPools = { pools: Pool[]; next: number };
const globalForPg = globalThis as unknown as { interregioSqlPool?: Pool; interregioReplicaSqlPools?: ReplicaPools };

/**
 * A pool like the app's, on `url`. No JIT compilation: these reads are short, or one long sequential scan (an
 * export), and compiling them cost more than it saved (EXPLAIN of the export at 25,000 ventures: 2.2 s of 2.5 s
 * in JIT).
 */
export function createSqlPool(url: string, size: number): Pool {
  const pool = new Pool({
    connectionString: url,
    max: size,
    // Fail fast when the database is down, as the Prisma pool does.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    // Typo correction finds candidate words by trigram similarity (`%`): at pg_trgm's default of 0.3, a swap of the
    // first two letters of a five-letter word ("ukrsk" for "kursk", 0.2) or two swaps in a nine-letter word (0.11)
    // would never be candidates.
    options: "-c jit=off -c pg_trgm.similarity_threshold=0.1",
  });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  return pool;
}

/** The process's plain-pg pool on the primary, DATABASE_POOL_SIZE connections, created on first use. */
export function sqlPool(): Pool {
  return (globalForPg.interregioSqlPool ??= watchPool("sql", createSqlPool(env().DATABASE_URL, env().DATABASE_POOL_SIZE)));
}

/**
 * The pool for the public's hand-written reads (the search, the joint-venture table, the exports), as `readDb()`
 * is for its Prisma reads (lib/db/client.ts): with DATABASE_REPLICA_URLS, each call hands out the next replica's
 * pool in turn, DATABASE_POOL_SIZE connections each; without, the primary's `sqlPool()`. An export's snapshot
 * stays on the one connection it started on, whichever replica that is.
 */
export function readSqlPool(): Pool {
  const urls = env().DATABASE_REPLICA_URLS;
  if (urls.length === 0) return sqlPool();
  const replicas = (globalForPg.interregioReplicaSqlPools ??= {
    pools: urls.map((url, index) => watchPool(`sql-replica-${index + 1}`, createSqlPool(url, env().DATABASE_POOL_SIZE))),
    next: 0,
  });
  const pool = replicas.pools[replicas.next]!;
  replicas.next = (replicas.next + 1) % replicas.pools.length;
  return pool;
}

/**
 * Plans, per statement. The search's statements want one plan made and reused: planning them costs more than
 * running them, and their plans do not hinge on the values (a reused generic plan gave the search 10 times the
 * throughput of a plan made for each run). Every other statement wants a plan made for its own values (a generic
 * plan made some joint-venture filters 5 to 15 times slower). Both kinds share the one pool: a connection is
 * switched to the mode its next statement wants, by one SET, only when it last served the other kind, so a
 * steady stream of either kind pays nothing.
 */
type Plans = "reused" | "own";
const reusingSessions = new WeakSet<PoolClient>();

async function connect(pool: Pool, plans: Plans): Promise<PoolClient> {
  const client = await pool.connect();
  const reuse = plans === "reused";
  if (reusingSessions.has(client) === reuse) return client;
  try {
    await client.query(reuse ? "SET plan_cache_mode = force_generic_plan" : "RESET plan_cache_mode");
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
  if (reuse) reusingSessions.add(client);
  else reusingSessions.delete(client);
  return client;
}

async function run<Row extends QueryResultRow>(pool: Pool, plans: Plans, query: QueryConfig): Promise<Row[]> {
  const client = await connect(pool, plans);
  try {
    const result = await client.query<Row>(query);
    client.release();
    return result.rows;
  } catch (error) {
    // As pool.query does: a connection whose statement failed is closed, not handed out again.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

/** Runs one read on the pool, planned for its own values. */
export function queryRows<Row extends QueryResultRow>(query: Prisma.Sql, pool: Pool = sqlPool()): Promise<Row[]> {
  return run<Row>(pool, "own", { text: query.text, values: query.values });
}

/**
 * Runs a read as a named prepared statement, its name derived from its text, so that each connection parses
 * and plans each distinct statement once and reuses the plan (see `Plans`). For SQL built from a bounded set of
 * fragments (the search), whose plans do not hinge on the values; not for text that varies without bound.
 */
export function queryPrepared<Row extends QueryResultRow>(query: Prisma.Sql, pool: Pool = sqlPool()): Promise<Row[]> {
  const name = `s_${createHash("sha1").update(query.text).digest("base64url").slice(0, 20)}`;
  return run<Row>(pool, "reused", { name, text: query.text, values: query.values });
}

export type RowEncoder<Row> = {
  /** Text sent before the first row (a header, a BOM, an opening bracket). */
  head: string;
  /** The text of one row; `index` counts from 0. */
  row: (row: Row, index: number) => string;
  /** Text sent after the last row. */
  tail: (count: number) => string;
};

export type StreamOptions = {
  /** Rows fetched per round trip; one batch is one chunk of the response. */
  batchSize?: number;
  /** Aborts the stream (the request's signal: the client went away). */
  signal?: AbortSignal;
  pool?: Pool;
  /** Runs before the first row is read (loading what the encoder needs); its failure fails the stream. */
  prepare?: () => Promise<void>;
};

/** Rows read from an open database cursor, batch by batch, inside one read-only snapshot. */
export type QueryCursor<Row> = {
  /** The next batch; an empty one at the end, when the connection has already gone back to the pool. */
  read: () => Promise<Row[]>;
  /** Ends the snapshot and gives the connection back, once; `broken` drops the connection instead of reusing it. */
  close: (broken: boolean) => Promise<void>;
};

/**
 * Opens a database cursor over the query inside one read-only REPEATABLE READ transaction, so that everything
 * read through it is one snapshot. Rows are fetched only when asked for, so a slow reader holds the cursor still
 * instead of filling memory. The connection goes back to the pool at the end, on `close`, or when the signal
 * aborts. Rejects when the database cannot be reached or the statement fails to start.
 */
export async function openQueryCursor<Row>(
  query: Prisma.Sql,
  options: Pick<StreamOptions, "batchSize" | "signal" | "pool"> = {},
): Promise<QueryCursor<Row>> {
  const batchSize = options.batchSize ?? 500;
  const client = await connect(options.pool ?? sqlPool(), "own");
  let cursor: Cursor<Row> | undefined;
  let finished = false;

  async function close(broken: boolean) {
    if (finished) return;
    finished = true;
    options.signal?.removeEventListener("abort", onAbort);
    try {
      await cursor?.close();
      await client.query(broken ? "ROLLBACK" : "COMMIT");
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }
  function onAbort() {
    void close(true);
  }

  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A client that stops reading must not hold a snapshot open for ever.
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '10min'");
    cursor = client.query(new Cursor<Row>(query.text, query.values));
  } catch (error) {
    await close(true);
    throw error;
  }
  if (options.signal?.aborted) await close(true);
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  return {
    close,
    async read() {
      if (finished) return [];
      try {
        const rows = await cursor!.read(batchSize);
        if (rows.length === 0) await close(false);
        return rows;
      } catch (error) {
        await close(true);
        throw error;
      }
    },
  };
}

/**
 * A byte stream of the query's rows, read from a database cursor (`openQueryCursor`): one snapshot, rows fetched
 * only when the reader asks for more (the stream's `pull`), the connection given back when the last row is sent,
 * on an error, or when the reader cancels or the signal aborts.
 *
 * Resolves once the first batch is read: a database that is down or a query that fails rejects here, while the
 * caller can still answer with an error status, rather than as a download cut short.
 */
export async function streamQuery<Row>(
  query: Prisma.Sql,
  encoder: RowEncoder<Row>,
  options: StreamOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const bytes = new TextEncoder();
  let count = 0;
  await options.prepare?.();
  const cursor = await openQueryCursor<Row>(query, options);
  let closed = false;

  /** The text of the next batch, or of the end (the tail) once the cursor runs dry. */
  async function nextText(): Promise<{ text: string; done: boolean }> {
    const rows = await cursor.read();
    if (rows.length === 0) return { text: encoder.tail(count), done: true };
    let text = "";
    for (const row of rows) text += encoder.row(row, count++);
    return { text, done: false };
  }

  let first: { text: string; done: boolean };
  try {
    first = await nextText();
  } catch (error) {
    await cursor.close(true);
    throw error;
  }
  options.signal?.addEventListener("abort", () => (closed = true), { once: true });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(bytes.encode(encoder.head + first.text));
        if (first.done) controller.close();
      },
      async pull(controller) {
        if (closed || options.signal?.aborted) {
          // The client went away (abort) while this stream still had a reader: end it.
          controller.error(new Error("The export was stopped."));
          return;
        }
        try {
          const next = await nextText();
          controller.enqueue(bytes.encode(next.text));
          if (next.done) controller.close();
        } catch (error) {
          await cursor.close(true);
          controller.error(error);
        }
      },
      async cancel() {
        closed = true;
        await cursor.close(true);
      },
    },
    // At most two batches read ahead of the client (the database works while the client receives), and no more:
    // memory stays at a few batches whatever the row count.
    { highWaterMark: 2 },
  );
}
