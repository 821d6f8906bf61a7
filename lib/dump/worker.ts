import type { Pool } from "pg";
import { onInvalidation } from "@/lib/cache";
import { jobQueue, workJobs } from "@/lib/jobs/queue";
import { buildDump } from "./build";
import { latestDump } from "./store";

/**
 * The full download's background side. It is rebuilt after writes, never per request: every invalidation of the
 * read cache (each write makes one, here or, through the cache bus, in any other process) asks the job queue for
 * a rebuild that starts `delaySeconds` later, and the queue keeps at most one waiting (pg-boss's "stately"
 * policy, lib/jobs/queue.ts), so a burst of writes costs one build. A process that starts while no dump is
 * complete asks for one at once.
 */

/** Asks for a rebuild `delaySeconds` from now; null when one is already waiting, which will see this write too. */
export async function queueDumpBuild(url: string, delaySeconds: number): Promise<string | null> {
  return (await jobQueue(url)).send("dump.build", {}, { startAfter: delaySeconds });
}

/** Works the rebuilds in this process and asks for them after writes; `pool` is the primary's. */
export async function startDumpWorker(url: string, options: { pool: Pool; licence: string; delaySeconds?: number }) {
  const delaySeconds = options.delaySeconds ?? 30;
  await workJobs(url, "dump.build", async () => {
    await buildDump(options.pool, { licence: options.licence });
  });
  const stop = onInvalidation(() => {
    void queueDumpBuild(url, delaySeconds).catch((error: unknown) =>
      console.error("Could not ask for the full download's rebuild:", error instanceof Error ? error.message : error),
    );
  });
  if (!(await latestDump(options.pool))) await queueDumpBuild(url, 0);
  return stop;
}
