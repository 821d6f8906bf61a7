import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { previewImport } = await import("@/lib/import/preview");
const { createBatch, storedRows } = await import("@/lib/import/batch");
const { queueBatch, startImportWorker } = await import("@/lib/import/worker");
const { stopJobQueue } = await import("@/lib/jobs/queue");
const { createStaffUser, databaseUrl, prisma, seedOnce } = await import("./setup");
const { columnsOf, freshNumber, madeUpWord, sheetOf } = await import("../support/import-sheets");

// Issue 15: a queued import is committed by a worker of the PostgreSQL job queue (pg-boss), and a batch a
// stopped process left half-done is queued again when a worker starts, and finishes.

const HEADERS = ["Наименование", "Вид", "Регион", "ИНН/УНП", "ОКВЭД"];
let authorId = 0;
/** A name like no other organization's, so that no row waits for a decision on a likely duplicate. */
const fresh = () => `ООО «${madeUpWord(9)} ${madeUpWord(8)} ${madeUpWord(7)}»`;

async function previewed(names: string[]) {
  const sheet = sheetOf(
    HEADERS,
    names.map((name) => [name, "предприятие", "Курская обл.", freshNumber("RU"), "C28"]),
  );
  const preview = await previewImport({ type: "organizations", sheet, columns: columnsOf("organizations", sheet), locale: "en" });
  expect(preview.counts.create).toBe(names.length);
  return createBatch(prisma, {
    recordType: "organizations",
    fileName: "queue.xlsx",
    bytes: Buffer.from(names.join()),
    sheetName: sheet.name,
    authorId,
    mapping: columnsOf("organizations", sheet),
    rows: storedRows(preview.rows),
  });
}

async function statusOf(batchId: number) {
  return (await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } })).status;
}

beforeAll(async () => {
  await seedOnce();
  authorId = (await createStaffUser("editor")).id;
});

afterAll(async () => {
  await stopJobQueue();
  await prisma.$disconnect();
});

describe("the import's job queue", () => {
  it("commits a queued batch in the background, and resumes one a stopped process left", async () => {
    // A batch a process was committing when it stopped: no progress for two minutes.
    const stalledNames = [fresh(), fresh()];
    const stalled = await previewed(stalledNames);
    await prisma.importBatch.update({
      where: { id: stalled },
      data: { status: "committing", heartbeatAt: new Date(Date.now() - 120_000) },
    });

    await startImportWorker(prisma, databaseUrl);
    const names = [fresh(), fresh(), fresh()];
    const batchId = await previewed(names);
    expect(await queueBatch(prisma, databaseUrl, batchId)).toBe(true);
    // Queued once only: a second click does not queue it again.
    expect(await queueBatch(prisma, databaseUrl, batchId)).toBe(false);

    await expect.poll(() => statusOf(batchId), { timeout: 60_000, interval: 500 }).toBe("committed");
    expect(await prisma.organization.count({ where: { name: { in: names } } })).toBe(3);
    await expect.poll(() => statusOf(stalled), { timeout: 60_000, interval: 500 }).toBe("committed");
    expect(await prisma.organization.count({ where: { name: { in: stalledNames } } })).toBe(2);
  }, 150_000);
});
