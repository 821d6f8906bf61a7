/**
 * One build of the full download (lib/dump) on `DATABASE_URL`, in a process of its own so that `npm run bench`
 * can sample this process's memory alone (scripts/bench/export.ts). Prints one JSON line: seconds, bytes, RSS at
 * the start. Run with `tsx --import ./scripts/server-modules.mjs`.
 */
import { createSqlPool } from "../../lib/db/pg.ts";
import { buildDump } from "../../lib/dump/build.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is needed");
const pool = createSqlPool(url, 2);
const rssStartMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
try {
  const dump = await buildDump(pool, { licence: "CC BY 4.0" });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, sizeBytes: dump.sizeBytes, rssStartMb }));
} finally {
  await pool.end();
}
