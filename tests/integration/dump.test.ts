import { createHash } from "node:crypto";
import unzipper from "unzipper";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, HEAD } from "@/app/api/v1/dump.zip/route";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlPool } from "@/lib/db/pg";
import { buildDump } from "@/lib/dump/build";
import { latestDump } from "@/lib/dump/store";
import { dumpTables } from "@/lib/dump/tables";
import { startDumpWorker } from "@/lib/dump/worker";
import { stopJobQueue } from "@/lib/jobs/queue";
import { createRegion } from "@/lib/regions/actions";
import { getServerSession } from "next-auth";
import { demoMeeting } from "@/prisma/demo-meetings";
import { parseTable, validateTables, type ParsedTable, type Resource } from "../support/table-schema";
import { createStaffUser, databaseUrl, form, prisma, seedOnce, signInAs } from "./setup";

// Hoisted above the imports: the staff action reads the session through next-auth and revalidates through Next.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** Issue 18: the full download, built in the background, stored in PostgreSQL, valid against its own datapackage.json. */

const url = "http://registry.test/api/v1/dump.zip";
const run = `${process.pid}-${Date.now()}`;
let stopWorker: (() => void) | undefined;
/** A live meeting and an archived one, each with participants and statements; a participant speaks for an archived region. */
let fixture: { live: number; archived: number; archivedRegion: number };

beforeAll(async () => {
  await seedOnce();
  await prisma.$executeRaw`DELETE FROM data_dumps`;
  const kursk = await prisma.region.findFirstOrThrow({ where: { slug: "kursk-oblast" }, select: { id: true } });
  const archivedRegion = await prisma.region.create({
    data: { slug: `dump-gone-${run}`, nameEn: `Dumpgone ${run}`, nameRu: `Дампгон ${run}`, level: "region", countryCode: "RU" },
    select: { id: true },
  });
  const meeting = (slug: string) => ({
    slug: `dump-${slug}-${run}`,
    titleEn: `Dumptest ${slug} ${run}`,
    titleRu: `Дамптест ${slug} ${run}`,
    date: new Date("2020-02-03"),
    level: "regional" as const,
    sourceTitle: "Dumptest source",
    sourceTitleRu: "Источник дамптеста",
    participants: {
      create: [
        { position: 1, personEn: "Anna Test", personRu: "Анна Тест", roleEn: "Governor", roleRu: "Губернатор", sideRegionId: kursk.id },
        { position: 2, personEn: "Boris Test", personRu: "Борис Тест", sideRegionId: archivedRegion.id },
      ],
    },
    statements: {
      create: [
        {
          position: 1,
          speakerEn: "Anna Test",
          speakerRu: "Анна Тест",
          textEn: 'We agreed, "firmly", on two things',
          textRu: "Договорились о двух вещах",
        },
        { position: 2, textEn: "Said by no one named", textRu: "Без имени" },
      ],
    },
  });
  const live = await prisma.meeting.create({ data: meeting("live"), select: { id: true } });
  const archived = await prisma.meeting.create({ data: meeting("archived"), select: { id: true } });
  await prisma.meeting.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  await prisma.region.update({ where: { id: archivedRegion.id }, data: { archivedAt: new Date() } });
  fixture = { live: live.id, archived: archived.id, archivedRegion: archivedRegion.id };
});

afterAll(async () => {
  stopWorker?.();
  await stopJobQueue();
  await prisma.meeting.deleteMany({ where: { id: { in: [fixture.live, fixture.archived] } } });
  await prisma.region.delete({ where: { id: fixture.archivedRegion } });
});

/** The ZIP's files by name, as text. */
async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const directory = await unzipper.Open.buffer(bytes);
  const files = new Map<string, string>();
  for (const file of directory.files) {
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream()) chunks.push(chunk as Buffer);
    files.set(file.path, Buffer.concat(chunks).toString("utf8"));
  }
  return files;
}

async function download() {
  const response = await GET(new Request(url));
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, files: await unzip(bytes) };
}

function tablesOf(files: Map<string, string>): ParsedTable[] {
  const descriptor = JSON.parse(files.get("datapackage.json")!) as { resources: Resource[] };
  return descriptor.resources.map((resource) => parseTable(resource, files.get(resource.path)!));
}

/** A table's rows as objects by field name, every value as its CSV text. */
function recordsOf(tables: readonly ParsedTable[], name: string): Record<string, string>[] {
  const table = tables.find((candidate) => candidate.resource.name === name)!;
  return table.rows.map((row) => Object.fromEntries(table.header.map((field, index) => [field, row[index]!])));
}

/** A database value as the CSV writes it: empty for null. */
const cell = (value: string | number | null) => (value === null ? "" : String(value));

describe("the full download", () => {
  it("answers 503 with Retry-After before the first build, and never serves a build that is not complete", async () => {
    const response = await GET(new Request(url));
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("60");
    expect(((await response.json()) as { detail: string }).detail).toMatch(/being prepared/);

    // A build under way (its first chunk written, not complete) is not served either.
    const [half] = await prisma.$queryRaw<{ id: number }[]>`INSERT INTO data_dumps DEFAULT VALUES RETURNING id`;
    await prisma.$executeRaw`INSERT INTO data_dump_chunks (dump_id, seq, bytes) VALUES (${half!.id}, 0, ${Buffer.from("PK half")})`;
    expect((await GET(new Request(url))).status).toBe(503);
    await prisma.$executeRaw`DELETE FROM data_dumps WHERE id = ${half!.id}`;
  });

  it("holds every public record type as CSV, each valid against datapackage.json, with the licence and the last update", async () => {
    // Other test files write beside this one: what was live both before and after the build must be in it, and
    // nothing that was live at neither moment. Live as the download has it: a record whose region, meeting or
    // venture is archived is left out with it.
    const liveIds = async () => {
      const [ids] = await prisma.$queryRaw<
        Record<"organizations" | "meetings" | "participants" | "statements" | "commitments" | "partners", string[]>[]
      >`
        WITH live_organizations AS (
          SELECT o.id FROM organizations o JOIN regions r ON r.id = o.region_id AND r.archived_at IS NULL WHERE o.archived_at IS NULL)
        SELECT ARRAY(SELECT id::text FROM live_organizations) AS organizations,
          ARRAY(SELECT id::text FROM meetings WHERE archived_at IS NULL) AS meetings,
          ARRAY(SELECT p.id::text FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id AND m.archived_at IS NULL)
            AS participants,
          ARRAY(SELECT s.id::text FROM meeting_statements s JOIN meetings m ON m.id = s.meeting_id AND m.archived_at IS NULL)
            AS statements,
          ARRAY(SELECT c.id::text FROM commitments c JOIN meetings m ON m.id = c.meeting_id AND m.archived_at IS NULL
                 WHERE c.archived_at IS NULL) AS commitments,
          ARRAY(SELECT p.id::text FROM joint_venture_partners p WHERE p.archived_at IS NULL
                   AND p.venture_id IN (SELECT id FROM live_organizations)
                   AND (p.partner_organization_id IN (SELECT id FROM live_organizations)
                     OR p.partner_region_id IN (SELECT id FROM regions WHERE archived_at IS NULL))) AS partners`;
      return ids!;
    };
    const before = await liveIds();
    const built = await buildDump(sqlPool(), { licence: "CC BY 4.0" });
    const { response, bytes, files } = await download();

    expect([...files.keys()].sort()).toEqual(
      [...dumpTables.map((table) => `${table.name}.csv`), "datapackage.json", "LICENSE.txt", "metadata.json"].sort(),
    );
    const tables = tablesOf(files);
    expect(validateTables(tables)).toEqual([]);

    // Everything live is there: the organizations, meetings, commitments and partners the registry holds, in UTF-8.
    const rowsOf = (name: string) => tables.find((table) => table.resource.name === name)!.rows;
    const after = await liveIds();
    const tableOf = {
      organizations: "organizations",
      meetings: "meetings",
      participants: "meeting-participants",
      statements: "meeting-statements",
      commitments: "commitments",
      partners: "joint-venture-partners",
    };
    for (const [key, name] of Object.entries(tableOf) as [keyof typeof tableOf, string][]) {
      const idColumn = tables.find((table) => table.resource.name === name)!.header.indexOf("id");
      const dumped = new Set(rowsOf(name).map((row) => row[idColumn]!));
      const stable = before[key].filter((id) => after[key].includes(id));
      expect(
        stable.filter((id) => !dumped.has(id)),
        `${name} live throughout but missing`,
      ).toEqual([]);
      expect(
        [...dumped].filter((id) => !before[key].includes(id) && !after[key].includes(id)),
        `${name} never live but dumped`,
      ).toEqual([]);
      expect(dumped.size).toBeGreaterThan(0);
    }
    expect(rowsOf("regions").some((row) => row.includes("Курская область"))).toBe(true);

    // The licence: named in the package and metadata, its text in the ZIP; the last update as the registry has it.
    const descriptor = JSON.parse(files.get("datapackage.json")!) as { licenses: { name: string }[] };
    expect(descriptor.licenses[0]!.name).toBe("CC-BY-4.0");
    expect(files.get("LICENSE.txt")).toMatch(/^Attribution 4\.0 International/);
    const metadata = JSON.parse(files.get("metadata.json")!) as { licence: { name: string }; registryUpdatedAt: string };
    expect(metadata.licence.name).toBe("CC-BY-4.0");
    const [latest] = await prisma.$queryRaw<{ at: Date }[]>`
      SELECT greatest((SELECT max(updated_at) FROM regions), (SELECT max(updated_at) FROM organizations),
        (SELECT max(updated_at) FROM meetings), (SELECT max(updated_at) FROM commitments),
        (SELECT max(updated_at) FROM trade_figures)) AS at`;
    expect(metadata.registryUpdatedAt).toBe(latest!.at.toISOString());

    // The headers: the file's SHA-256 as ETag, its size, its date; a client holding it gets 304.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(built.sha256).toBe(sha256);
    expect(response.headers.get("etag")).toBe(`"${sha256}"`);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="interregio-\d{4}-\d{2}-\d{2}\.zip"$/);
    const stored = (await latestDump(sqlPool()))!;
    expect(response.headers.get("last-modified")).toBe(stored.completedAt.toUTCString());
    expect((await GET(new Request(url, { headers: { "If-None-Match": `"${sha256}"` } }))).status).toBe(304);
    expect((await GET(new Request(url, { headers: { "If-Modified-Since": stored.completedAt.toUTCString() } }))).status).toBe(304);
    const head = await HEAD(new Request(url, { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
    expect(await head.text()).toBe("");
    expect((await GET(new Request(`${url}?format=tar`))).status).toBe(400);
  });

  it("holds each live meeting's participants and statements as the database has them, and no archived meeting's", async () => {
    const tables = tablesOf((await download()).files);
    const [participants, statements] = await Promise.all([
      prisma.meetingParticipant.findMany({ where: { meetingId: fixture.live }, orderBy: { position: "asc" } }),
      prisma.meetingStatement.findMany({ where: { meetingId: fixture.live }, orderBy: { position: "asc" } }),
    ]);
    expect(participants).toHaveLength(2);
    expect(recordsOf(tables, "meeting-participants").filter((row) => row.meetingId === String(fixture.live))).toEqual(
      participants.map((p) => ({
        id: cell(p.id),
        meetingId: cell(p.meetingId),
        position: cell(p.position),
        personEn: p.personEn,
        personRu: p.personRu,
        roleEn: cell(p.roleEn),
        roleRu: cell(p.roleRu),
        // A side whose region is archived is left empty: the regions table holds live regions only.
        sideRegionId: p.sideRegionId === fixture.archivedRegion ? "" : cell(p.sideRegionId),
      })),
    );
    expect(participants[1]!.sideRegionId).toBe(fixture.archivedRegion);
    expect(recordsOf(tables, "meeting-statements").filter((row) => row.meetingId === String(fixture.live))).toEqual(
      statements.map((s) => ({
        id: cell(s.id),
        meetingId: cell(s.meetingId),
        position: cell(s.position),
        speakerEn: cell(s.speakerEn),
        speakerRu: cell(s.speakerRu),
        textEn: s.textEn,
        textRu: s.textRu,
      })),
    );
    // The archived meeting takes its participants and statements out with it.
    for (const name of ["meeting-participants", "meeting-statements"]) {
      expect(recordsOf(tables, name).filter((row) => row.meetingId === String(fixture.archived))).toEqual([]);
    }
    // The demo meeting's participants, in the meeting page's order.
    const demo = await prisma.meeting.findFirstOrThrow({ where: { slug: demoMeeting.slug }, select: { id: true } });
    expect(
      recordsOf(tables, "meeting-participants")
        .filter((row) => row.meetingId === String(demo.id))
        .map((row) => row.personEn),
    ).toEqual(["Aleksandr Lukashenko", "Alexander Mikhailov"]);
  });

  it("gives the sources' Russian titles beside the titles as filed, for meetings and trade figures", async () => {
    const tables = tablesOf((await download()).files);
    const meeting = recordsOf(tables, "meetings").find((row) => row.id === String(fixture.live))!;
    expect(meeting).toMatchObject({ sourceTitle: "Dumptest source", sourceTitleRu: "Источник дамптеста" });
    const [figure] = await prisma.$queryRaw<{ id: number; sourceTitle: string; sourceTitleRu: string | null }[]>`
      SELECT t.id, t.source_title AS "sourceTitle", t.source_title_ru AS "sourceTitleRu" FROM trade_figures t
      JOIN regions r ON r.id = t.region_id JOIN regions p ON p.id = t.partner_region_id
      WHERE r.slug = 'kursk-oblast' AND p.slug = 'belarus' AND t.year = 2014`;
    expect(figure!.sourceTitleRu).toBe(demoMeeting.sourceTitleRu);
    expect(recordsOf(tables, "trade-figures").find((row) => row.id === String(figure!.id))).toMatchObject({
      sourceTitle: figure!.sourceTitle,
      sourceTitleRu: figure!.sourceTitleRu,
    });
  });

  it("the checks of the schema fail on a broken table, so that a pass means something", async () => {
    const { files } = await download();
    const tables = tablesOf(files);
    const broken = tables.map((table) => {
      if (table.resource.name !== "organizations") return table;
      const [first, ...rest] = table.rows;
      const regionId = table.header.indexOf("regionId");
      const foundedYear = table.header.indexOf("foundedYear");
      const dangling = [...first!];
      dangling[regionId] = "999999";
      dangling[foundedYear] = "nineteen";
      return { ...table, rows: [first!, first!, dangling, ...rest] };
    });
    const problems = validateTables(broken).join("\n");
    expect(problems).toMatch(/primary key .* repeats/);
    expect(problems).toMatch(/regionId .*999999.* is not in regions\.csv/);
    expect(problems).toMatch(/"nineteen" is not a year/);
  });

  it("a build that fails half-way leaves nothing behind, and the complete file is still served", async () => {
    const before = (await latestDump(sqlPool()))!;
    // A table whose statement fails after the first tables were written into the ZIP.
    const failing = { ...dumpTables[1]!, name: "failing", query: Prisma.sql`SELECT 1 / (id - id) AS "id" FROM regions` };
    await expect(buildDump(sqlPool(), { licence: "CC BY 4.0", tables: [dumpTables[0]!, failing] })).rejects.toThrow(/division by zero/);
    expect(await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM data_dumps WHERE id > ${before.id}`).toEqual([]);
    const response = await GET(new Request(url));
    expect(response.headers.get("etag")).toBe(`"${before.sha256}"`);
    await response.body?.cancel();
  });

  it("is rebuilt by the job queue after a staff write, and the previous file is served until the new one is complete", async () => {
    const before = (await latestDump(sqlPool()))!;
    stopWorker = await startDumpWorker(databaseUrl, { pool: sqlPool(), licence: "CC BY 4.0", delaySeconds: 0 });
    // A staff write through its server action, as the workspace makes it.
    signInAs(getServerSession, await createStaffUser("editor"));
    const nameEn = `Dumpshire ${Date.now()}`;
    const created = createRegion(
      {},
      form({ nameEn, nameRu: `Дампская область ${Date.now()}`, level: "region", countryCode: "RU", isoCode: "" }),
    );
    await expect(created).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });

    // A rebuild already asked for (by an earlier write) may come first: the one after this write follows it.
    await expect
      .poll(async () => (await download()).files.get("regions.csv")?.includes(nameEn), { timeout: 90_000, interval: 1_000 })
      .toBe(true);
    const { response, files } = await download();
    expect(response.headers.get("etag")).not.toBe(`"${before.sha256}"`);
    expect(validateTables(tablesOf(files))).toEqual([]);
    // The superseded build is kept for the downloads that began on it.
    expect(await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM data_dumps WHERE id = ${before.id}`).toHaveLength(1);
  }, 120_000);
});
