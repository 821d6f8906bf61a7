/**
 * The baseline of `npm run bench`: a bare `node:http` server that answers GET /search?q=... by running the
 * very SQL of the app's search (`buildSearchQuery` from lib/search/sql.ts) through `pg` and returning the
 * rows as JSON. What the app spends beyond this server's time is the framework's and the ORM's share.
 *
 *   DATABASE_URL=... BASELINE_PORT=4000 tsx scripts/bench/baseline.ts
 */
import { createServer } from "node:http";
import { SearchParamsSchema } from "../../lib/search/schema.ts";
import { buildSearchQuery } from "../../lib/search/sql.ts";
import { createSqlPool, queryPrepared } from "../../lib/db/pg.ts";

const url = process.env.DATABASE_URL;
const port = Number(process.env.BASELINE_PORT ?? 0);
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}

// The app's pool and statement handling (lib/db/pg.ts), of the same size (DATABASE_POOL_SIZE, default 10), so
// that neither side queues more and both reuse their plans alike.
const pool = createSqlPool(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));

function send(response: import("node:http").ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}

const server = createServer((request, response) => {
  const requestUrl = new URL(request.url ?? "/", "http://baseline");
  if (request.method !== "GET" || requestUrl.pathname !== "/search") return send(response, 404, { error: "not found" });
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(requestUrl.searchParams.keys())) {
    const values = requestUrl.searchParams.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  const parsed = SearchParamsSchema.safeParse(raw);
  if (!parsed.success) return send(response, 400, { error: "bad parameters" });
  const sql = buildSearchQuery(parsed.data);
  queryPrepared<{ total: string }>(sql, pool).then(
    (rows) => {
      const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
      send(response, 200, { items: rows, total, page: parsed.data.page, perPage: parsed.data.perPage });
    },
    (error: unknown) => {
      console.error(error);
      send(response, 500, { error: "query failed" });
    },
  );
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === "object" && address ? address.port : port}`);
});

function stop() {
  server.close();
  void pool.end().finally(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
