import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser, databaseUrl, prisma, seedOnce } from "./setup";
import { freshNumber, madeUpWord } from "../support/import-sheets";

// Issue 15: `npm run import` for IT, on the test database: a Windows-1251 CSV with `;` as ministries save it,
// the JSON summary, a dry run that writes nothing, and a second run that finds every row unchanged.

const run = promisify(execFile);
let folder = "";
let email = "";

async function importCommand(...args: string[]) {
  const { stdout } = await run(
    join("node_modules", ".bin", "tsx"),
    ["--import", "./scripts/server-modules.mjs", "scripts/import.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 120_000,
    },
  );
  return stdout.trim().split("\n");
}

beforeAll(async () => {
  await seedOnce();
  email = (await createStaffUser("editor")).email;
  folder = await mkdtemp(join(tmpdir(), "interregio-import-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await prisma.$disconnect();
});

describe("npm run import", () => {
  it("imports a Windows-1251 CSV, says what it refused in its JSON summary, and writes nothing the second time", async () => {
    const name = `ООО «${madeUpWord(9)} ${madeUpWord(8)} ${madeUpWord(7)}»`;
    const csv = `Наименование;Вид;Регион;ИНН/УНП;ОКВЭД\n${name};предприятие;Курская обл.;${freshNumber("RU")};C28\nООО «Никуда»;предприятие;Нигдешняя область;;C28\n`;
    const file = join(folder, "kursk.csv");
    await writeFile(file, iconv.encode(csv, "win1251"));

    const dry = JSON.parse((await importCommand(file, "--type", "organizations", "--dry-run", "--json")).at(-1)!);
    expect(dry).toMatchObject({ created: 1, refused: 1 });
    expect(await prisma.organization.count({ where: { name } })).toBe(0);

    const summary = JSON.parse((await importCommand(file, "--type", "organizations", "--as", email, "--json")).at(-1)!);
    expect(summary).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      refused: 1,
      errors: [{ row: 3, column: "Регион", message: expect.stringContaining("No region in the registry is called “Нигдешняя область”") }],
    });
    const created = await prisma.organization.findFirstOrThrow({
      where: { name },
      select: { id: true, region: { select: { slug: true } } },
    });
    expect(created.region.slug).toBe("kursk-oblast");
    const events = await prisma.auditEvent.findMany({ where: { entityType: "organization", entityId: String(created.id) } });
    expect(events).toHaveLength(1);
    expect(events[0]!.importBatchId).not.toBeNull();

    const again = JSON.parse((await importCommand(file, "--type", "organizations", "--as", email, "--json")).at(-1)!);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, refused: 1 });
  }, 300_000);

  it("refuses to write without a staff member to name, and says why", async () => {
    await expect(importCommand(join(folder, "missing.csv"), "--type", "organizations")).rejects.toMatchObject({
      stderr: expect.stringContaining("--as EMAIL is required"),
    });
  }, 120_000);
});
