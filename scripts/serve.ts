/**
 * The app's server: Next's request handler behind node:http, so that every request passes through
 * `prepareIncoming` (lib/http/incoming.ts) first: the client's real address from the socket, forwarded headers
 * only from trusted proxies, a request id, no chunked bodies. `npm start`, the end-to-end tests and the
 * benchmark serve through it; in production run `npm run serve` (after `npm run build`) rather than `next start`.
 *
 * It answers the operators' routes itself (/healthz, /readyz, /metrics: lib/http/operator-routes.ts), before
 * Next: they stay out of the proxy (no CSP, session or database redirect), and cost no routing or rendering.
 * Every request gets one JSON log line (lib/http/request-log.ts). On SIGTERM or SIGINT it shuts down gracefully:
 * /readyz answers 503 at once, no new connection is taken, requests in flight have 10 s to finish, then the job
 * queue and the database pools close and the process exits 0.
 *
 * It runs one server process per core (WEB_CONCURRENCY sets how many) on one port, through Node's cluster: a
 * process that dies is replaced, and SIGTERM is passed to every process, each finishing what it serves. The
 * processes share the build (its server-actions key and deployment id) and agree on the read cache through
 * PostgreSQL (lib/cache.ts), so any of them, or of another instance, can answer any request. Unless JOB_WORKER=off,
 * a cluster also runs the job worker (the imports' commits) in a process of its own, without Next
 * (lib/jobs/worker-process.ts), and its page servers run with JOB_WORKER=off; a single process works the queue itself.
 *
 *   PORT=3000 HOST=0.0.0.0 npm run serve          the production build
 *   WEB_CONCURRENCY=4 npm run serve               four processes
 *   tsx scripts/serve.ts --dev                    next dev, the same way (one process)
 *
 * The same script serves the standalone build (`output: "standalone"`): `npm run build` (scripts/build.ts) bundles it
 * into .next/standalone/scripts/serve.mjs, beside Next's own minimal server.js, which it replaces; the image's entry
 * (scripts/docker-entry.ts) runs it there.
 */
import cluster from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import next from "next";
import { closePools } from "../lib/db/pools.ts";
import { prepareIncoming, trustedProxyHops } from "../lib/http/incoming.ts";
import { answerOperatorRoute, operatorRouteOf, type ServerState } from "../lib/http/operator-routes.ts";
import { pathOf, trackRequest } from "../lib/http/request-log.ts";
import { stopJobQueue } from "../lib/jobs/queue.ts";
import { logger, requestContext } from "../lib/log.ts";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
/** How many server processes: WEB_CONCURRENCY, else one per core; one in development. */
const processes = dev ? 1 : Math.min(64, Math.max(1, Number(process.env.WEB_CONCURRENCY) || availableParallelism()));
/** What a process of the cluster is, from its environment: the job worker's is set by the first process. */
const ROLE = "INTERREGIO_PROCESS";
/**
 * The job worker's module, loaded from the sources by tsx. The standalone bundle (scripts/build.ts) has no sources
 * (bundled in, the worker's modules would import Next's own, which the bundle cannot resolve): there each page server
 * works the queue itself, as a single process does.
 */
const jobModule = join(projectRoot, "lib", "jobs", "worker-process.ts");

/** How long requests in flight may take to finish after SIGTERM, and then the queue and pools to close. */
const drainMs = 10_000;
const closeMs = 5_000;

async function main() {
  // Read by lib/log.ts: people read development's log pretty-printed, machines read JSON.
  if (dev) (process.env as Record<string, string>).NODE_ENV ??= "development";
  const log = logger();
  if (!dev) serveBuildConfig();
  const app = next({ dev, dir: projectRoot, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hops = trustedProxyHops();
  const state: ServerState = { shuttingDown: false, migrationsDir: join(projectRoot, "prisma", "migrations") };

  const server = createServer((request, response) => {
    const accepted = prepareIncoming(request, response, hops);
    const operatorRoute = operatorRouteOf(pathOf(request));
    const context = trackRequest(request, response, operatorRoute);
    if (!accepted) return;
    if (operatorRoute) return void answerOperatorRoute(operatorRoute, request, response, state);
    // Inside the context, the pages can add what the log line should know (lib/log.ts: the staff user).
    requestContext.run(context, () =>
      handle(request, response).catch((error: unknown) => {
        log.error({ err: error, requestId: context.requestId }, "request failed");
        if (!response.headersSent) response.writeHead(500).end();
        else response.destroy();
      }),
    );
  });
  server.listen(port, hostname, () => log.info({ address: `http://${hostname}:${port}`, dev }, "serving"));

  let shutdownStarted = 0;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (state.shuttingDown) {
      // Ctrl-C reaches every process of a cluster from the terminal and again from the first process: one stop.
      if (Date.now() - shutdownStarted < 2_000) return;
      log.warn({ signal }, "second signal: exiting at once");
      process.exit(1);
    }
    state.shuttingDown = true;
    shutdownStarted = Date.now();
    log.info({ signal }, "shutting down: finishing the requests in flight");
    // close() stops taking connections and ends those idle now; a keep-alive connection goes idle when its
    // request is answered, so idle ones are closed again until none is left.
    const closed = new Promise<void>((done) => server.close(() => done()));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const drained = await Promise.race([closed.then(() => true), delay(drainMs).then(() => false)]);
    clearInterval(idle);
    if (!drained) {
      log.warn({ afterMs: drainMs }, "requests still in flight: closing their connections");
      server.closeAllConnections();
    }
    const clients = (async () => {
      await stopJobQueue();
      await closePools();
    })();
    const clientsClosed = await Promise.race([clients.then(() => true), delay(closeMs).then(() => false)]);
    if (!clientsClosed) log.warn({ afterMs: closeMs }, "the job queue or a database pool did not close in time");
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", (signal) => void shutDown(signal));
  process.on("SIGINT", (signal) => void shutDown(signal));
}

/**
 * Serves with the configuration the build serialized (.next/required-server-files.json), as Next's standalone
 * server.js does: the standalone output has no next.config.ts, and the production server needs only what the build
 * resolved. Without it Next would also warn that `output: "standalone"` is not for `next start`.
 */
function serveBuildConfig() {
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) return;
  const file = join(projectRoot, ".next", "required-server-files.json");
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms).unref());

/**
 * The first process starts the others and replaces any that dies; when they keep dying (a configuration that
 * cannot start, say) it stops rather than start them forever.
 */
function supervise() {
  let stopping = false;
  const deaths: number[] = [];
  // The page servers leave the queue to the job worker's process; each process that dies is replaced by its like.
  const jobProcess = process.env.JOB_WORKER !== "off" && existsSync(jobModule);
  type Role = { env: Record<string, string>; execArgv: string[] };
  const roles = new Map<number, Role>();
  const fork = (role: Role) => {
    cluster.setupPrimary({ execArgv: role.execArgv });
    roles.set(cluster.fork(role.env).id, role);
  };
  const pages: Role = { env: jobProcess ? { JOB_WORKER: "off" } : {}, execArgv: process.execArgv };
  // The job worker collects each chunk's garbage before the next (lib/import/batch.ts): its heap stays a chunk's size.
  const jobs: Role = { env: { [ROLE]: "jobs" }, execArgv: [...process.execArgv, "--expose-gc"] };
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
    const role = roles.get(worker.id) ?? pages;
    roles.delete(worker.id);
    fork(role);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    // Each process finishes its requests in flight; one that hangs does not keep the machine's stop waiting.
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (let i = 0; i < processes; i += 1) fork(pages);
  if (jobProcess) fork(jobs);
}

/** The job worker's process: the app's server modules outside Next, which resolves "server-only" for its own. */
async function runJobs() {
  await import("./server-modules.mjs");
  const { runJobProcess } = (await import(pathToFileURL(jobModule).href)) as typeof import("../lib/jobs/worker-process.ts");
  await runJobProcess();
}

if (cluster.isPrimary && processes > 1) {
  supervise();
} else if (process.env[ROLE] === "jobs") {
  runJobs().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
