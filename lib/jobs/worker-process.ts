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
  const [{ connectCacheBus }, { startImportWorkerRetrying }] = await Promise.all([import("@/lib/cache"), import("@/lib/import/worker")]);
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
  await startImportWorkerRetrying(config.DATABASE_URL);
}
