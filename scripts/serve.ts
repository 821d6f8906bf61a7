/**
 * The app's server: Next's request handler behind node:http, so that every request passes through
 * `prepareIncoming` (lib/http/incoming.ts) first: the client's real address from the socket, forwarded headers
 * only from trusted proxies, no chunked bodies. `npm start`, the end-to-end tests and the benchmark serve
 * through it; in production run `npm run serve` (after `npm run build`) rather than `next start`.
 *
 * It runs one server process per core (WEB_CONCURRENCY sets how many) on one port, through Node's cluster: a
 * process that dies is replaced, and SIGTERM is passed to every process, each finishing what it serves. The
 * processes share the build (its server-actions key and deployment id) and agree on the read cache through
 * PostgreSQL (lib/cache.ts), so any of them, or of another instance, can answer any request.
 *
 *   PORT=3000 HOST=0.0.0.0 npm run serve          the production build
 *   WEB_CONCURRENCY=4 npm run serve               four processes
 *   tsx scripts/serve.ts --dev                    next dev, the same way (one process)
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { prepareIncoming, trustedProxyHops } from "../lib/http/incoming.ts";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
/** How many server processes: WEB_CONCURRENCY, else one per core; one in development. */
const processes = dev ? 1 : Math.min(64, Math.max(1, Number(process.env.WEB_CONCURRENCY) || availableParallelism()));

async function main() {
  const app = next({ dev, dir: projectRoot, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hops = trustedProxyHops();
  const server = createServer((request, response) => {
    if (prepareIncoming(request, response, hops)) void handle(request, response);
  });
  server.listen(port, hostname, () => console.log(`Serving on http://${hostname}:${port}${dev ? " (development)" : ""}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * The first process starts the others and replaces any that dies; when they keep dying (a configuration that
 * cannot start, say) it stops rather than start them forever.
 */
function supervise() {
  let stopping = false;
  const deaths: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length > processes * 3) {
      console.error(`Server processes stopped ${deaths.length} times in a minute; stopping.`);
      process.exit(1);
    }
    console.error(`Server process ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    // Each process finishes its requests in flight; one that hangs does not keep the machine's stop waiting.
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (let i = 0; i < processes; i += 1) cluster.fork();
}

if (cluster.isPrimary && processes > 1) {
  supervise();
} else {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
