/**
 * Another app process, for tests/integration/cache-bus.test.ts: it joins the cache bus on DATABASE_URL and
 * answers each line "read" on stdin with a cached read of the number of regions, as a public page would.
 */
import { createInterface } from "node:readline";
import pg from "pg";
import { cached, connectCacheBus } from "../../lib/cache.ts";

const url = process.env.DATABASE_URL ?? "";
const pool = new pg.Pool({ connectionString: url, max: 1 });
const countRegions = cached("test:regions", ["regions"], async () => {
  const { rows } = await pool.query<{ count: string }>("SELECT count(*) FROM regions");
  return Number(rows[0]!.count);
});

await connectCacheBus(url);
console.log("ready");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "read") console.log(await countRegions());
}
await pool.end();
process.exit(0);
