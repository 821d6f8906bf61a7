/**
 * `npm run bench -- import`: the spreadsheet import at scale (issue: 10,000 organization rows from an XLSX on
 * 2 cores, preview under 15 s, commit under 60 s, server memory under 300 MB above idle, the public page's p95
 * during the commit within 2x of idle). On a copy of the generated registry, made anew each run so that every
 * run imports the same file into the same registry, it writes an XLSX of 10,000 organizations (most new, a
 * tenth updating ones the registry has by registration number), reads and previews it in this process as the
 * upload screen does, stores the batch, queues it on the real job queue, and lets the app's server (its
 * import worker, as shipped) commit it while readers load an organization page and the server's memory is
 * sampled. With --commit-here the commit runs in this process instead (commitBatch, as `npm run import`
 * does): for trying a change to the import without building the app again.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Db } from "../../lib/db/prisma-client.ts";
import { importFields } from "../../lib/import/fields.ts";
import { checkRegistrationNumber } from "../../lib/organizations/registration-number.ts";
import { paths } from "../../lib/paths.ts";
import { projectRoot, withDatabaseName } from "../database.ts";
import { treeProcesses } from "./export.ts";
import { createRandom, type Random } from "./generate-organizations.ts";
import { percentile, round } from "./measure.ts";

export const IMPORT_TARGETS = { previewSeconds: 15, commitSeconds: 60, rssGrowthMb: 300, p95Ratio: 2 } as const;

const ROWS = 10_000;
const UPDATES = 1_000;

export type ImportOptions = {
  /** Readers of the organization page: connections and requests a second in all. */
  pageConnections: number;
  pageRate: number;
  /** How long the page is read alone, for the idle p95. */
  idleSeconds: number;
  /** Commit in this process (commitBatch) instead of the app's worker. */
  commitHere: boolean;
};

/**
 * A copy of the generated registry for one run (`<database>_import`), made from it as a template: each run
 * imports into the registry as it was generated, so that rows new in one run are new in the next too.
 */
export async function copyRegistry(url: string): Promise<string> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  const copy = `${source}_import`;
  const admin = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await admin.connect();
  try {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    await admin.query(`DROP DATABASE IF EXISTS ${quote(copy)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quote(copy)} TEMPLATE ${quote(source)}`);
  } finally {
    await admin.end();
  }
  return withDatabaseName(url, copy);
}

// ---- The file ----

const CONSONANTS_RU = "бвгдзклмнпрстф";
const CONSONANTS_EN = "bvgdzklmnprstf";
const VOWELS_RU = "аеиоу";
const VOWELS_EN = "aeiou";

/** A made-up word in both scripts (its romanised Russian is its English), unlike the generated registry's names. */
function madeUpWord(random: Random, length: number): { ru: string; en: string } {
  let ru = "";
  let en = "";
  for (let i = 0; i < length; i += 1) {
    const [from, to] = i % 2 ? [VOWELS_RU, VOWELS_EN] : [CONSONANTS_RU, CONSONANTS_EN];
    const at = random.int(0, from.length - 1);
    ru += from[at];
    en += to[at];
  }
  const title = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  return { ru: title(ru), en: title(en) };
}

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const UNP_WEIGHTS = [29, 23, 19, 17, 13, 7, 5, 3];

/**
 * The `n`th new registration number of the country, with its check digit: INNs from 7700000000 and UNPs from
 * 700000000, ranges the generated registry (46…, 1…) does not use. A UNP whose remainder is 10 is never issued:
 * the next one is taken.
 */
function newNumber(country: "RU" | "BY", n: number): string {
  if (country === "RU") {
    const digits = `77${String(n).padStart(7, "0")}`;
    const sum = INN_WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
    return `${digits}${(sum % 11) % 10}`;
  }
  for (let k = n * 2; ; k += 1) {
    const digits = `7${String(k).padStart(7, "0")}`;
    const remainder = UNP_WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), 0) % 11;
    if (remainder < 10) return `${digits}${remainder}`;
  }
}

const KINDS = { enterprise: "enterprise", university: "university", joint_venture: "joint venture" } as const;

type FileRow = Record<"name" | "nameEn" | "kind" | "region" | "registrationNumber" | "primarySector" | "foundedYear" | "website", string>;

/** What the file is made of: live regions of both countries, the NACE divisions, and organizations to update. */
async function registryParts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const regions = await client.query<{ nameEn: string; countryCode: "RU" | "BY" }>(
      `SELECT name_en AS "nameEn", country_code AS "countryCode" FROM regions
        WHERE archived_at IS NULL AND level <> 'country' AND country_code IN ('RU', 'BY') ORDER BY id`,
    );
    const sectors = await client.query<{ code: string }>(`SELECT code FROM sectors WHERE code ~ '^[0-9]{2}$' ORDER BY code`);
    // Organizations with a number whose check digits pass (the generated numbers mostly do not): each one an update.
    const numbered = await client.query<{
      name: string;
      nameEn: string | null;
      kind: keyof typeof KINDS;
      region: string;
      countryCode: string;
      registrationNumber: string;
      primarySector: string;
    }>(
      `SELECT o.name, o.name_en AS "nameEn", o.kind::text AS kind, r.name_en AS region, o.country_code AS "countryCode",
              o.registration_number AS "registrationNumber", s.sector_code AS "primarySector"
         FROM organizations o JOIN regions r ON r.id = o.region_id
         JOIN organization_sectors s ON s.organization_id = o.id AND s.is_primary
        WHERE o.archived_at IS NULL AND o.registration_number IS NOT NULL AND o.kind <> 'joint_venture'
        ORDER BY o.id`,
    );
    const updatable = numbered.rows.filter((o) => checkRegistrationNumber(o.countryCode, o.registrationNumber) === null);
    return { regions: regions.rows, sectors: sectors.rows.map((s) => s.code), updatable: updatable.slice(0, UPDATES) };
  } finally {
    await client.end();
  }
}

/** The rows of the file: updates spread among new organizations, from a fixed seed. */
function fileRows(parts: Awaited<ReturnType<typeof registryParts>>): FileRow[] {
  const random = createRandom(20261208);
  const rows: FileRow[] = [];
  const every = Math.floor(ROWS / Math.max(1, parts.updatable.length));
  let updates = 0;
  for (let i = 0; i < ROWS; i += 1) {
    const existing = i % every === 0 ? parts.updatable[updates] : undefined;
    if (existing) {
      updates += 1;
      // The same record, founded in another year and with a website: an update of two fields.
      rows.push({
        name: existing.name,
        nameEn: existing.nameEn ?? "",
        kind: KINDS[existing.kind],
        region: existing.region,
        registrationNumber: existing.registrationNumber,
        primarySector: existing.primarySector,
        foundedYear: String(random.int(1950, 2025)),
        website: `https://import-${i}.example`,
      });
      continue;
    }
    const region = random.pick(parts.regions);
    const university = random.chance(0.2);
    const [first, second] = [madeUpWord(random, 9), madeUpWord(random, 7)];
    rows.push({
      name: university ? `${first.ru}ский университет ${second.ru}` : `ООО «${first.ru} ${second.ru}»`,
      nameEn: university ? `${first.en}sky University ${second.en}` : `${first.en} ${second.en}`,
      kind: university ? KINDS.university : KINDS.enterprise,
      region: region.nameEn,
      registrationNumber: newNumber(region.countryCode, i),
      primarySector: university ? "85" : random.pick(parts.sectors),
      foundedYear: random.chance(0.7) ? String(random.int(1950, 2025)) : "",
      website: random.chance(0.3) ? `https://${first.en.toLowerCase()}-${i}.example` : "",
    });
  }
  return rows;
}

/** The XLSX as an official would fill in the template: headed in both languages, one organization a row. */
async function writeWorkbook(rows: FileRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Организации");
  const names = Object.keys(rows[0]!) as (keyof FileRow)[];
  const header = names.map((name) => {
    const field = importFields.organizations.find((f) => f.name === name)!;
    return `${field.label.ru} / ${field.label.en}`;
  });
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(names.map((name) => row[name]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The bench's file for the registry at `url`: the same bytes every run on the same generated registry. */
export async function writeImportWorkbook(url: string): Promise<Uint8Array> {
  return writeWorkbook(fileRows(await registryParts(url)));
}

// ---- The readers ----

type PageReaders = { stop: () => Promise<{ p50Ms: number; p95Ms: number; requests: number; non2xx: number; errors: number }> };

/** Readers of one page at a steady rate until stopped: the latencies of every answer. */
function readPage(url: string, options: ImportOptions): PageReaders {
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon(
    { url, connections: options.pageConnections, overallRate: options.pageRate, duration: 3600, timeout: 30 },
    () => undefined,
  );
  const finished = new Promise<autocannon.Result>((done) => instance.once("done", done));
  // autocannon emits (client, statusCode, resBytes, responseTime) although its types omit the client.
  (instance as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status < 200 || status >= 300) non2xx += 1;
  });
  return {
    stop: async () => {
      instance.stop();
      const result = await finished;
      latencies.sort((a, b) => a - b);
      return {
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
        requests: latencies.length,
        non2xx,
        errors: result.errors,
      };
    },
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Reads the page until every connection is answered twice within two seconds, for at most two minutes. */
async function warmPage(url: string, options: ImportOptions) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const readers = readPage(url, options);
    await sleep(2000);
    const { requests, non2xx } = await readers.stop();
    if (requests >= options.pageConnections * 2 && non2xx === 0) return;
  }
  throw new Error(`The page ${url} did not answer steadily within two minutes`);
}

/**
 * The resident memory of the processes that commit: the app's server and every process under it (the cluster's
 * primary, the page servers, the job worker), or this process; one entry a process, and their sum.
 */
function committerMemory(serverPid: number | null) {
  const processes = serverPid === null ? [{ pid: process.pid, name: "bench", rss: process.memoryUsage().rss }] : treeProcesses(serverPid);
  return { rss: processes.reduce((sum, p) => sum + p.rss, 0), processes };
}

/** Samples a memory reading every 100 ms until stopped: the reading at the start and the one at the peak. */
function sampleMemory<Reading extends { rss: number }>(read: () => Reading) {
  const idle = read();
  let peak = idle;
  const timer = setInterval(() => {
    const now = read();
    if (now.rss > peak.rss) peak = now;
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      const now = read();
      if (now.rss > peak.rss) peak = now;
      return { idle, peak };
    },
  };
}

const mb = (bytes: number) => round(bytes / 2 ** 20);

/** Each process's growth from idle to the sum's peak, for the report: where the memory went. */
const byProcess = (idle: ReturnType<typeof committerMemory>, peak: ReturnType<typeof committerMemory>) =>
  peak.processes.map((p) => {
    const before = idle.processes.find((q) => q.pid === p.pid)?.rss ?? 0;
    return { pid: p.pid, name: p.name, idleMb: mb(before), peakMb: mb(p.rss), growthMb: mb(p.rss - before) };
  });

// ---- The run ----

/**
 * Measures the import on `url` (the run's copy of the registry): the app at `app` serves the page and, unless
 * `commitHere`, commits through its import worker.
 */
export async function measureImport(
  url: string,
  app: { origin: string; pid: number },
  organizationSlug: string,
  authorEmail: string,
  options: ImportOptions,
) {
  // The app's modules read their configuration from the environment, as in `npm run import`.
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "bench-import-signs-no-session-000000000000";
  const [{ readSpreadsheet }, { matchHeaders }, { previewImport }, batch, { queueBatch }, { rowWriters, rowUndoers }, { db }] =
    await Promise.all([
      import("../../lib/import/read.ts"),
      import("../../lib/import/headers.ts"),
      import("../../lib/import/preview.ts"),
      import("../../lib/import/batch.ts"),
      import("../../lib/import/worker.ts"),
      import("../../lib/import/writers.ts"),
      import("../../lib/db/client.ts"),
    ]);
  const prisma = db();

  console.log(`  import: writing an XLSX of ${ROWS} organizations ...`);
  const bytes = await writeImportWorkbook(url);

  // The preview runs in this process, as the upload screen's action runs it in the server's: its memory is this process's.
  const previewMemory = sampleMemory(() => process.memoryUsage());
  const readStarted = performance.now();
  const read = await readSpreadsheet({ bytes, name: "bench-organizations.xlsx" });
  if (!read.ok) throw new Error(`The bench's XLSX was not read: ${JSON.stringify(read.error)}`);
  const sheet = read.sheets[0]!;
  const columns = matchHeaders("organizations", sheet.headers);
  const readSeconds = (performance.now() - readStarted) / 1000;
  const previewStarted = performance.now();
  const preview = await previewImport({ type: "organizations", sheet, columns, locale: "ru" });
  const previewSeconds = (performance.now() - previewStarted) / 1000;
  const previewRss = previewMemory.stop();
  console.log(`  import: read ${round(readSeconds, 2)} s, preview ${round(previewSeconds, 2)} s: ${JSON.stringify(preview.counts)}`);

  const author = await prisma.user.findUniqueOrThrow({ where: { email: authorEmail }, select: { id: true } });
  const storeStarted = performance.now();
  const batchId = await batch.createBatch(prisma, {
    recordType: "organizations",
    fileName: "bench-organizations.xlsx",
    bytes,
    sheetName: sheet.name,
    authorId: author.id,
    mapping: columns,
    rows: batch.storedRows(preview.rows),
  });
  const storeSeconds = (performance.now() - storeStarted) / 1000;

  const pageUrl = app.origin + paths.organization(organizationSlug);
  // Warms the page (its route loaded in every server process, the pool, the cache), then reads it alone: a cold
  // route at a high load takes longer than the idle window, which then measured nothing and took the warming up
  // for memory growth during the commit.
  await warmPage(pageUrl, options);
  await sleep(2000);
  const idleReaders = readPage(pageUrl, options);
  await sleep(options.idleSeconds * 1000);
  const idle = await idleReaders.stop();

  const serverPid = options.commitHere ? null : app.pid;
  const sampler = sampleMemory(() => committerMemory(serverPid));
  let commitMemory: ReturnType<typeof sampler.stop> | undefined;
  const duringReaders = readPage(pageUrl, options);
  const commitStarted = performance.now();
  let outcome: string;
  try {
    if (options.commitHere) {
      await prisma.importBatch.update({ where: { id: batchId }, data: { status: "queued" } });
      const result = await batch.commitBatch(prisma, batchId, rowWriters);
      outcome = result.status === "failed" ? `failed: ${result.error}` : result.status;
    } else {
      if (!(await queueBatch(prisma, url, batchId))) throw new Error(`Batch ${batchId} was not queued`);
      outcome = await waitForBatch(prisma, batchId);
    }
  } finally {
    commitMemory = sampler.stop();
  }
  const commitSeconds = (performance.now() - commitStarted) / 1000;
  const during = await duringReaders.stop();
  const written = await prisma.importBatchRecord.groupBy({ by: ["action"], where: { batchId }, _count: true });

  // The undo of the whole import, as the batch page's button runs it (undoBatch in one transaction), here in this
  // process: its memory is this process's, the server's sampled beside it.
  const undoMemory = sampleMemory(() => process.memoryUsage());
  const undoServerMemory = sampleMemory(() => committerMemory(app.pid));
  const undoStarted = performance.now();
  const undone = await batch.undoBatch(prisma, batchId, author, rowUndoers);
  const undoSeconds = (performance.now() - undoStarted) / 1000;
  const [undoRss, undoServerRss] = [undoMemory.stop(), undoServerMemory.stop()];
  const { stopJobQueue } = await import("../../lib/jobs/queue.ts");
  await stopJobQueue();
  await prisma.$disconnect();

  return {
    rows: sheet.rows.length,
    fileBytes: bytes.byteLength,
    readSeconds: round(readSeconds, 2),
    previewSeconds: round(previewSeconds, 2),
    counts: preview.counts,
    storeSeconds: round(storeSeconds, 2),
    committedBy: options.commitHere ? "this process (commitBatch)" : "the app's import worker (pg-boss)",
    outcome,
    written: Object.fromEntries(written.map((w) => [w.action, w._count])),
    commitSeconds: round(commitSeconds, 2),
    rssIdleMb: mb(commitMemory.idle.rss),
    rssPeakMb: mb(commitMemory.peak.rss),
    rssGrowthMb: mb(commitMemory.peak.rss - commitMemory.idle.rss),
    rssByProcess: byProcess(commitMemory.idle, commitMemory.peak),
    previewRssGrowthMb: mb(previewRss.peak.rss - previewRss.idle.rss),
    undo: {
      seconds: round(undoSeconds, 2),
      undone: undone?.undone ?? null,
      editedSince: undone?.editedSince.length ?? null,
      rssGrowthMb: mb(undoRss.peak.rss - undoRss.idle.rss),
      serverRssGrowthMb: mb(undoServerRss.peak.rss - undoServerRss.idle.rss),
    },
    page: paths.organization(organizationSlug),
    idle,
    during,
    p95Ratio: round(during.p95Ms / idle.p95Ms, 2),
  };
}

/**
 * Waits for the worker to finish the batch: its final status (and error), or what stopped it. A job the queue
 * gave up on (its retries failed) leaves the batch committing: the job's own error is the answer then.
 */
async function waitForBatch(prisma: Db, batchId: number, deadlineSeconds = 900): Promise<string> {
  const deadline = Date.now() + deadlineSeconds * 1000;
  let said = Date.now();
  for (;;) {
    const found = await prisma.importBatch.findUnique({
      where: { id: batchId },
      select: { status: true, error: true, rowsDone: true, jobId: true },
    });
    if (!found) throw new Error(`Batch ${batchId} vanished`);
    if (["committed", "failed", "cancelled"].includes(found.status)) return found.error ? `${found.status}: ${found.error}` : found.status;
    const [job] = found.jobId
      ? await prisma.$queryRaw<
          { state: string; output: unknown }[]
        >`SELECT state::text, output FROM pgboss.job WHERE id = ${found.jobId}::uuid`
      : [];
    if (job?.state === "failed")
      return `job failed after its retries at row ${found.rowsDone}: ${JSON.stringify(job.output).slice(0, 300)}`;
    if (Date.now() > deadline) return `not done after ${deadlineSeconds} s (${found.rowsDone} rows)`;
    if (Date.now() - said > 10_000) {
      said = Date.now();
      console.log(`  import: ${found.rowsDone} rows committed ...`);
    }
    await sleep(250);
  }
}

export type ImportResult = Awaited<ReturnType<typeof measureImport>>;

/** Prints each figure with its target, and writes bench/import.json. */
export function reportImport(result: ImportResult, loadBefore: number[], loadAfter: number[]) {
  const verdict = (met: boolean) => (met ? "PASS" : "MISS");
  const preview = round(result.readSeconds + result.previewSeconds, 2);
  const checks = [
    {
      target: `read + preview under ${IMPORT_TARGETS.previewSeconds} s`,
      value: `${preview} s (read ${result.readSeconds}, preview ${result.previewSeconds})`,
      met: preview < IMPORT_TARGETS.previewSeconds,
    },
    {
      target: `commit under ${IMPORT_TARGETS.commitSeconds} s`,
      value: `${result.commitSeconds} s`,
      met: result.commitSeconds < IMPORT_TARGETS.commitSeconds && result.outcome === "committed",
    },
    {
      target: `memory under ${IMPORT_TARGETS.rssGrowthMb} MB above idle`,
      value: `${result.rssGrowthMb} MB (${result.rssIdleMb} idle, ${result.rssPeakMb} peak)`,
      met: result.rssGrowthMb < IMPORT_TARGETS.rssGrowthMb,
    },
    {
      target: `page p95 during the commit within ${IMPORT_TARGETS.p95Ratio}x idle`,
      value: `${result.p95Ratio}x (${result.idle.p95Ms} ms idle, ${result.during.p95Ms} ms during)`,
      met: result.p95Ratio <= IMPORT_TARGETS.p95Ratio,
    },
  ];
  console.log(
    `\nImport of ${result.rows} organizations (${round(result.fileBytes / 2 ** 20, 2)} MB XLSX), committed by ${result.committedBy}: ${result.outcome}`,
  );
  console.log(
    `  preview: ${JSON.stringify(result.counts)}; written: ${JSON.stringify(result.written)}; batch stored in ${result.storeSeconds} s`,
  );
  console.log(
    `  page ${result.page}: idle p50 ${result.idle.p50Ms} ms (${result.idle.requests} requests), during p50 ${result.during.p50Ms} ms (${result.during.requests} requests, ${result.during.non2xx} non-2xx)`,
  );
  console.log(
    `  load average (1 min): ${round(loadBefore[0] ?? 0, 2)} before, ${round(loadAfter[0] ?? 0, 2)} after, on a machine shared with other work: figures are noisy`,
  );
  for (const check of checks) console.log(`  ${verdict(check.met)}  ${check.target}: ${check.value}`);
  console.log(
    `  memory by process (MB idle → peak): ${result.rssByProcess.map((p) => `${p.name} ${p.pid} ${p.idleMb} → ${p.peakMb}`).join("; ")}`,
  );
  console.log(`  the preview's memory (this process, as the upload screen's action): ${result.previewRssGrowthMb} MB above before`);
  console.log(
    `  undo of the import (undoBatch, this process): ${result.undo.seconds} s, ${result.undo.undone} rows undone, ${result.undo.editedSince} left alone; memory ${result.undo.rssGrowthMb} MB above before here, the server's ${result.undo.serverRssGrowthMb} MB`,
  );
  const file = join(projectRoot, "bench", "import.json");
  mkdirSync(join(projectRoot, "bench"), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...result, checks, loadBefore, loadAfter, measuredAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}
