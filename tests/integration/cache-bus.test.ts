import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announce, connectCacheBus, disconnectCacheBus, invalidate } from "@/lib/cache";
import { databaseUrl, prisma, seedOnce } from "./setup";

// Issue 16: a write in one process is seen by reads in every other within a second. The other process is a
// real one (tests/support/cache-node.ts) with its own in-memory cache, joined to this one through PostgreSQL.

let child: ChildProcessWithoutNullStreams;
let lines: AsyncIterator<string>;

async function nextLine(): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new Error("The other process stopped.");
  return value;
}

/** What the other process's cached read answers now. */
async function readThere(): Promise<number> {
  child.stdin.write("read\n");
  return Number(await nextLine());
}

/** Asks the other process until it answers `expected` or a second has passed; the answers it gave. */
async function seenWithinASecond(expected: number) {
  const started = Date.now();
  let answer = await readThere();
  while (answer !== expected && Date.now() - started < 1_000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer = await readThere();
  }
  return { answer, ms: Date.now() - started };
}

let sequence = 0;
async function addRegionBehindTheCache() {
  sequence += 1;
  await prisma.region.create({
    data: {
      slug: `bus-${process.pid}-${Date.now()}-${sequence}`,
      nameEn: `Bus ${sequence}`,
      nameRu: `Шина ${sequence}`,
      level: "region",
      countryCode: "RU",
    },
  });
  return prisma.region.count();
}

beforeAll(async () => {
  await seedOnce();
  child = spawn("node_modules/.bin/tsx", ["tests/support/cache-node.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  child.stderr.on("data", (chunk) => process.stderr.write(chunk));
  lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect(await nextLine()).toBe("ready");
  await connectCacheBus(databaseUrl);
});

afterAll(async () => {
  child.kill();
  await disconnectCacheBus();
  await prisma.$disconnect();
});

describe("the cache bus", () => {
  it("makes another process drop what a write here changed, within a second", async () => {
    const before = await readThere();
    const after = await addRegionBehindTheCache();
    // Without a notice the other process keeps serving what it read: the cache is real.
    expect(await readThere()).toBe(before);
    invalidate("regions");
    const { answer, ms } = await seenWithinASecond(after);
    expect(answer).toBe(after);
    expect(ms).toBeLessThan(1_000);
  });

  it("ignores tags nobody cached, and hears a process that only announces (the import command)", async () => {
    const before = await readThere();
    const after = await addRegionBehindTheCache();
    invalidate("trade");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readThere()).toBe(before);
    await announce(databaseUrl, ["regions"]);
    expect((await seenWithinASecond(after)).answer).toBe(after);
  });

  it("does not serve what it may have missed while its connection was lost", async () => {
    const before = await readThere();
    expect(await readThere()).toBe(before);
    // The listening connections are cut (a restarted database, a proxy's idle timeout); a write happens
    // meanwhile whose notice nobody hears.
    await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN interregio_cache'`;
    const after = await addRegionBehindTheCache();
    const started = Date.now();
    let answer = await readThere();
    while (answer !== after && Date.now() - started < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await readThere();
    }
    expect(answer).toBe(after);
    // Listening again, it caches again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const cachedNow = await readThere();
    await addRegionBehindTheCache();
    expect(await readThere()).toBe(cachedNow);
  });
});
