import "server-only";
import { cacheTags, invalidate } from "@/lib/cache";
import type { Db } from "@/lib/db/prisma-client";
import { commitBatch, stalledBatches } from "@/lib/import/batch";
import { rowWriters } from "@/lib/import/writers";
import { sendJob, workJobs } from "@/lib/jobs/queue";

/**
 * The import's background side: queue a previewed batch for its commit, and work the queue in this process.
 * Any process of any instance may take a batch's job (pg-boss); the batch itself makes two runs take turns.
 */

/** Queues a previewed batch for its commit; false if it was not waiting for one (already queued, committed…). */
export async function queueBatch(prisma: Db, url: string, batchId: number): Promise<boolean> {
  const queued = await prisma.importBatch.updateMany({
    where: { id: batchId, status: "previewed" },
    data: { status: "queued", heartbeatAt: new Date() },
  });
  if (queued.count === 0) return false;
  const jobId = await sendJob(url, "import.commit", { batchId });
  await prisma.importBatch.update({ where: { id: batchId }, data: { jobId } });
  return true;
}

/**
 * Works the import jobs in this process, and queues again the batches a stopped process left behind (no
 * progress for a minute), which then resume after their last chunk written.
 */
export async function startImportWorker(prisma: Db, url: string) {
  await workJobs(url, "import.commit", async ({ batchId }) => {
    const outcome = await commitBatch(prisma, batchId, rowWriters);
    // Public pages read through the cache: what the import wrote shows at once (a failed or cancelled commit
    // may have written its first chunks too).
    if (outcome.status !== "committed" || outcome.written > 0) invalidate(...cacheTags);
  });
  // A batch whose commit has written nothing for a minute lost its process (a chunk moves the heartbeat): it is
  // queued again, here at start and then every minute, and resumes after its last chunk on whichever process
  // takes it. Two runs of one batch take turns on its row, so a slow run queued again costs nothing twice.
  const requeue = async () => {
    for (const batchId of await stalledBatches(prisma)) await sendJob(url, "import.commit", { batchId });
  };
  await requeue();
  setInterval(() => void requeue().catch((error) => console.error("Could not queue stalled imports again:", error)), 60_000).unref();
}

/** Starts the import worker on `url` (the app's client); a database not yet up is tried again every 30 s. */
export async function startImportWorkerRetrying(url: string) {
  const [{ db }, { logger }] = await Promise.all([import("@/lib/db/client"), import("@/lib/log")]);
  for (;;) {
    try {
      await startImportWorker(db(), url);
      return;
    } catch (error) {
      logger().error({ err: error }, "the import worker could not start; trying again in 30 s");
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    }
  }
}
