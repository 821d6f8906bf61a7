import { assertConfigured } from "@/lib/env";
import { closePools } from "@/lib/db/pools";
import { stopJobQueue } from "@/lib/jobs/queue";

/**
 * The job worker's own process, beside the page servers of a cluster (scripts/serve.ts): it renders no page and
 * loads no Next, so a commit's chunks (10,000 rows in 20 transactions) neither share an event loop with the pages
 * nor leave their garbage in a heap sized for them, and the pages' processes run with JOB_WORKER=off. It joins the
 * cache bus, so that what an import wrote shows at once on every process's pages. SIGTERM or SIGINT stops it after
 * the chunk in flight (the queue's graceful stop); a batch stopped mid-way resumes after its last chunk written.
 */
export async function runJobProcess() {
  const config = assertConfigured();
  const { connectCacheBus } = await import("@/lib/cache");
  if (process.env.INTERREGIO_CACHE !== "off") void connectCacheBus(config.DATABASE_URL);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.race([
      (async () => {
        await stopJobQueue();
        await closePools();
      })(),
      new Promise((done) => setTimeout(done, 15_000).unref()),
    ]);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  await startJobWorkers(config.DATABASE_URL);
}

/**
 * Starts this process's job workers without holding up its caller: the import's commits and the full download's
 * rebuilds (lib/dump/worker.ts). A database not yet up is tried again every 30 s.
 */
export async function startJobWorkers(url: string) {
  const [{ startImportWorker }, { startDumpWorker }, { db }, { sqlPool }, { env }, { logger }] = await Promise.all([
    import("@/lib/import/worker"),
    import("@/lib/dump/worker"),
    import("@/lib/db/client"),
    import("@/lib/db/pg"),
    import("@/lib/env"),
    import("@/lib/log"),
  ]);
  const keepTrying = async (worker: string, start: () => Promise<unknown>) => {
    for (;;) {
      try {
        await start();
        return;
      } catch (error) {
        logger().error({ err: error }, `the ${worker} worker could not start; trying again in 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 30_000));
      }
    }
  };
  await Promise.all([
    keepTrying("import", () => startImportWorker(db(), url)),
    keepTrying("full download", () => startDumpWorker(url, { pool: sqlPool(), licence: env().DATA_LICENCE })),
  ]);
}
