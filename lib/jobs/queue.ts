import PgBoss from "pg-boss";
import type { Pool } from "pg";
import { watchPool } from "@/lib/db/pools";

/**
 * The background job queue: pg-boss, in PostgreSQL's `pgboss` schema, so that every app process and instance
 * shares one queue with no server beside the database (a job is taken by one worker, with SKIP LOCKED). A job
 * left active by a process that died is retried once it expires; a job's own work must be resumable (the
 * import commits its rows in numbered chunks and starts again after the last one written).
 *
 * No "server-only" here: the import command (scripts/) and the tests use it outside Next.
 */

/** Every job the app runs, with its data. A name not listed here cannot be sent. */
export type Jobs = {
  "import.commit": { batchId: number };
  /** Rebuild the full download (lib/dump/worker.ts). */
  "dump.build": Record<string, never>;
};
export type JobName = keyof Jobs;

/** The queues' policies: how long a job may run before it counts as abandoned, and how often it is retried. */
const queues: Record<JobName, { expireInSeconds: number; retryLimit: number; retryDelay: number; policy?: "stately" }> = {
  // A 10,000-row import may commit for many minutes on a busy machine (bench/README.md); a job whose process
  // died is found sooner by its batch's heartbeat (lib/import/worker.ts), so the expiry is only the last resort.
  "import.commit": { expireInSeconds: 7_200, retryLimit: 5, retryDelay: 5 },
  // At most one rebuild waiting and one running, across every instance (pg-boss's "stately" policy): the writes
  // of a busy minute ask for one rebuild, and a write during a build asks for one more, after it.
  "dump.build": { expireInSeconds: 3_600, retryLimit: 3, retryDelay: 60, policy: "stately" },
};

const globalForJobs = globalThis as unknown as { interregioJobs?: { url: string; boss: Promise<PgBoss> } };

/** The process's queue client on `url`, started (and its schema migrated) on first use. */
export function jobQueue(url: string): Promise<PgBoss> {
  const current = globalForJobs.interregioJobs;
  if (current?.url === url) return current.boss;
  const boss = (async () => {
    const client = new PgBoss({ connectionString: url, max: 2, schema: "pgboss", application_name: "interregio-jobs" });
    // A lost connection is reported here and retried by pg-boss; it must not crash the process.
    client.on("error", (error) => console.error("Job queue:", error instanceof Error ? error.message : error));
    await client.start();
    // pg-boss keeps its pool on its Db, which it does not type; watched for the metrics' pool gauges.
    const { pool } = client.getDb() as unknown as { pool?: Pool };
    if (pool) watchPool("jobs", pool);
    for (const [name, policy] of Object.entries(queues)) await createQueueRetrying(client, name, policy);
    return client;
  })();
  globalForJobs.interregioJobs = { url, boss };
  // A failed start is not kept: the next call tries again.
  boss.catch(() => {
    if (globalForJobs.interregioJobs?.boss === boss) globalForJobs.interregioJobs = undefined;
  });
  return boss;
}

/** Puts a job on its queue; returns its id. */
export async function sendJob<Name extends JobName>(url: string, name: Name, data: Jobs[Name]): Promise<string> {
  const id = await (await jobQueue(url)).send(name, data);
  if (!id) throw new Error(`The job queue refused a ${name} job`);
  return id;
}

/** Runs `handler` for each job of `name`, one at a time in this process; a throw fails the job for a retry. */
export async function workJobs<Name extends JobName>(url: string, name: Name, handler: (data: Jobs[Name], jobId: string) => Promise<void>) {
  const boss = await jobQueue(url);
  return boss.work<Jobs[Name]>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await handler(job.data, job.id);
  });
}

/** Stops this process's workers and closes the queue's connections (tests, a clean shutdown). */
export async function stopJobQueue() {
  const current = globalForJobs.interregioJobs;
  globalForJobs.interregioJobs = undefined;
  if (current) await (await current.boss.catch(() => null))?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

/**
 * Creates a queue (pg-boss does nothing if it exists). On a fresh database every process of the cluster creates
 * the queues at the same moment, and PostgreSQL may pick one of two creations as a deadlock's victim (40P01):
 * that one tries again a moment later and finds the queue made, instead of leaving its worker down for 30 s.
 */
async function createQueueRetrying(client: PgBoss, name: string, policy: (typeof queues)[keyof typeof queues]) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.createQueue(name, { name, ...policy });
      return;
    } catch (error) {
      if (attempt >= 5 || (error as { code?: string }).code !== "40P01") throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}
