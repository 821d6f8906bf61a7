import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db/prisma-client";
import type { StoredRow, WrittenRow } from "@/lib/import/batch";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { updateOrganization } = await import("@/lib/organizations/actions");
const { commitBatch, undoBatch } = await import("@/lib/import/batch");
const { rowUndoers, rowWriters } = await import("@/lib/import/writers");
const { getOrganizationForEdit } = await import("@/lib/organizations/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");
const { freshNumber, madeUpWord } = await import("../support/import-sheets");
const { stageBatch } = await import("../support/import-batches");

// Issue 15: an import committed as a batch writes through the forms' path (each change audited, naming the
// batch), a second import of the same file writes nothing, an interrupted commit resumes after the last chunk
// written without writing a row twice, and an undo takes back what the batch did except what was edited since.

const HEADERS = ["Наименование", "Вид", "Регион", "ИНН/УНП", "ОКВЭД", "Описание"];
const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
let editor: Awaited<ReturnType<typeof createStaffUser>>;

const name = () => `ООО «${madeUpWord(9)} ${madeUpWord(8)} ${madeUpWord(7)}»`;

const stageAs = (type: "organizations" | "trade", headers: string[], rows: string[][]) =>
  stageBatch(prisma, { type, headers, rows, authorId: editor.id, fileName: type === "trade" ? "trade.xlsx" : "kursk.xlsx" });

const stage = (rows: string[][]) => stageAs("organizations", HEADERS, rows);

const row = (values: { name?: string; number?: string; description?: string }) => [
  values.name ?? name(),
  "предприятие",
  "Курская обл.",
  values.number ?? freshNumber("RU"),
  "C28",
  values.description ?? "Сельхозмашины",
];

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  signInAs(getServerSession, editor);
});

afterAll(() => prisma.$disconnect());

/** What `write` leaves, seen inside its transaction, which is then rolled back: row by row, to compare with a chunk. */
async function seenRolledBack<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
  class Rollback {
    constructor(readonly seen: T) {}
  }
  return prisma
    .$transaction(async (tx) => {
      throw new Rollback(await write(tx));
    })
    .catch((error: unknown) => {
      if (error instanceof Rollback) return error.seen;
      throw error;
    });
}

describe("committing an import", () => {
  it("creates and updates through the audited write path, and a second import of the file writes nothing", async () => {
    const existing = row({ description: "Старое описание" });
    const { batchId: first } = await stage([existing]);
    expect(await commitBatch(prisma, first, rowWriters)).toEqual({ status: "committed", written: 1 });

    const changed = [...existing.slice(0, 5), "Новое описание"];
    const rows = [row({}), row({}), changed, ["", "предприятие", "Нигдешняя область", "", "C28", ""]];
    const { batchId, preview } = await stage(rows);
    expect(preview.counts).toMatchObject({ create: 2, update: 1, refused: 1 });
    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({ status: "committed", written: 3 });

    const records = await prisma.importBatchRecord.findMany({ where: { batchId }, orderBy: { row: "asc" } });
    expect(records.map((r) => [r.row, r.action])).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "update"],
    ]);
    const updated = await prisma.organization.findUniqueOrThrow({ where: { id: records[2]!.entityId } });
    expect(updated.descriptionRu).toBe("Новое описание");
    // Each change is audited as an edit of its record, naming the batch; the batch has its own event.
    const events = await prisma.auditEvent.findMany({ where: { importBatchId: batchId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["organization.create", "organization.create", "organization.update", "import.commit"]);
    expect(events.at(-1)!.after).toMatchObject({ file: "kursk.xlsx", created: 2, updated: 1 });
    const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ status: "committed", rowsDone: 4, rowsTotal: 4 });

    // The same file again: every written row is unchanged, the refused one still refused, nothing written.
    const before = await prisma.auditEvent.count();
    const again = await stage(rows);
    expect(again.preview.counts).toMatchObject({ create: 0, update: 0, unchanged: 3, refused: 1 });
    expect(await commitBatch(prisma, again.batchId, rowWriters)).toEqual({ status: "committed", written: 0 });
    expect(await prisma.auditEvent.count()).toBe(before + 1); // only the batch's own "import.commit"
  });

  it("resumes after the last chunk written when the commit dies midway, writing no row twice", async () => {
    const rows = Array.from({ length: 60 }, () => row({}));
    const { batchId } = await stage(rows);
    let calls = 0;
    const dying = {
      organizations: async (...args: Parameters<NonNullable<(typeof rowWriters)["organizations"]>>) => {
        calls += 1;
        if (calls === 55) throw new Error("connection terminated");
        return rowWriters.organizations!(...args);
      },
    };
    await expect(commitBatch(prisma, batchId, dying)).rejects.toThrow("connection terminated");
    // The first chunk of 50 is written; the second rolled back whole.
    expect(await prisma.importBatchRecord.count({ where: { batchId } })).toBe(50);
    expect((await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })).rowsDone).toBe(50);

    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({ status: "committed", written: 10 });
    expect(await prisma.importBatchRecord.count({ where: { batchId } })).toBe(60);
    const names = rows.map((r) => r[0]!);
    expect(await prisma.organization.count({ where: { name: { in: names } } })).toBe(60);
  });

  it("stops with the row and the form's message when a row is refused at commit time, keeping what was written", async () => {
    const rows = [row({}), row({})];
    const { batchId } = await stage(rows);
    // Between the preview and the commit, the region of the rows is archived.
    const region = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } });
    await prisma.region.update({ where: { id: region.id }, data: { archivedAt: new Date() } });
    try {
      expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({
        status: "failed",
        error: "row 2: checkFields; regionId: recordMissing",
      });
    } finally {
      await prisma.region.update({ where: { id: region.id }, data: { archivedAt: null } });
    }
    expect(await prisma.importBatchRecord.count({ where: { batchId } })).toBe(0);
  });
});

describe("importing trade statistics", () => {
  const headers = ["Регион", "Партнер", "Год", "Оборот, тыс. долл. США", "Экспорт, тыс. долл. США", "Импорт, тыс. долл. США", "Источник"];

  const tradeBatch = (rows: string[][]) => stageAs("trade", headers, rows);

  it("files a new year, corrects it from the other side of the pair, and an undo puts the first figure back", async () => {
    const pair = await prisma.region.findMany({
      where: { slug: { in: ["bryansk-oblast", "gomel-region"] } },
      select: { id: true, slug: true },
    });
    const [bryansk, gomel] = ["bryansk-oblast", "gomel-region"].map((slug) => pair.find((r) => r.slug === slug)!.id);
    // A year the pair has no figure for, filed either way round (other tests file some).
    const taken = await prisma.tradeFigure.findMany({
      where: {
        OR: [
          { regionId: bryansk, partnerRegionId: gomel },
          { regionId: gomel, partnerRegionId: bryansk },
        ],
      },
      select: { year: true },
    });
    const year = String([...Array(40).keys()].map((i) => 1991 + i).find((y) => !taken.some((t) => t.year === y)));
    const first = await tradeBatch([["Брянская область", "Гомельская обл.", `${year} г.`, "1 000", "400", "600", "Belstat"]]);
    expect(first.preview.counts).toMatchObject({ create: 1 });
    expect(await commitBatch(prisma, first.batchId, rowWriters)).toEqual({ status: "committed", written: 1 });
    const figure = await prisma.tradeFigure.findFirstOrThrow({ where: { regionId: bryansk, partnerRegionId: gomel, year: Number(year) } });
    expect(figure.turnoverUsd?.toString()).toBe("1000000");

    // The same pair and year seen from Gomel: the figure is updated, exports and imports swapped back.
    const second = await tradeBatch([["BY-HO", "RU-BRY", year, "1 100", "650", "450", "Belstat"]]);
    expect(second.preview.counts).toMatchObject({ update: 1 });
    expect(await commitBatch(prisma, second.batchId, rowWriters)).toEqual({ status: "committed", written: 1 });
    const corrected = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect([corrected.turnoverUsd?.toString(), corrected.exportsUsd?.toString(), corrected.importsUsd?.toString()]).toEqual([
      "1100000",
      "450000",
      "650000",
    ]);
    const filed = {
      year: Number(year),
      OR: [
        { regionId: bryansk, partnerRegionId: gomel },
        { regionId: gomel, partnerRegionId: bryansk },
      ],
    };
    expect(await prisma.tradeFigure.count({ where: filed })).toBe(1);

    expect(await undoBatch(prisma, second.batchId, editor, rowUndoers)).toEqual({ undone: 1, editedSince: [] });
    const restored = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect([restored.turnoverUsd?.toString(), restored.exportsUsd?.toString(), restored.importsUsd?.toString()]).toEqual([
      "1000000",
      "400000",
      "600000",
    ]);
    expect(restored.archivedAt).toBeNull();
  });

  it("writes a chunk of figures exactly as row by row: figures, versions, audit events and undo notes", async () => {
    const pair = await prisma.region.findMany({ where: { slug: { in: ["kursk-oblast", "gomel-region"] } }, select: { id: true } });
    const taken = await prisma.tradeFigure.findMany({
      where: { regionId: { in: pair.map((r) => r.id) }, partnerRegionId: { in: pair.map((r) => r.id) } },
      select: { year: true },
    });
    const [y0, y1, y2] = [...Array(40).keys()].map((i) => String(1991 + i)).filter((y) => !taken.some((t) => String(t.year) === y));
    const seeded = await tradeBatch([["Курская область", "Гомельская обл.", y0!, "2 000", "900", "1 100", "Belstat"]]);
    await commitBatch(prisma, seeded.batchId, rowWriters);
    // With the source's Russian title, which the chunk writes in its own statement.
    const { batchId, preview } = await stageAs(
      "trade",
      [...headers, "Источник (рус.)"],
      [
        ["Курская область", "Гомельская обл.", y1!, "1 000", "400", "600", "Belstat", "Белстат"],
        ["BY-HO", "RU-KRS", y0!, "2 500", "1 200", "1 300", "Belstat", "Белстат"],
        ["Курская область", "Гомельская обл.", y2!, "3 000", "", "", "Rosstat", ""],
      ],
    );
    expect(preview.counts).toMatchObject({ create: 2, update: 1 });
    const stored = (await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })).rows as StoredRow[];
    const context = { user: { id: editor.id }, importBatchId: batchId, at: () => undefined };
    const seenOf = async (tx: Tx, written: (WrittenRow & { row: number })[]) =>
      Promise.all(
        [...written]
          .sort((a, b) => a.row - b.row)
          .map(async ({ entityId, ...row }) => {
            const { id, createdAt, updatedAt, ...figure } = await tx.tradeFigure.findUniqueOrThrow({ where: { id: entityId } });
            const events = await tx.auditEvent.findMany({
              where: { entityType: "trade_figure", entityId: String(id), importBatchId: batchId },
              select: { action: true, actorId: true, before: true, after: true, importBatchId: true },
            });
            return { row, figure: { ...figure, updatedAt: updatedAt >= createdAt }, events };
          }),
      );
    const rowByRow = await seenRolledBack(async (tx) => {
      const written: (WrittenRow & { row: number })[] = [];
      for (const r of stored) written.push({ ...(await rowWriters.trade(tx, r, context))!, row: r.row });
      return seenOf(tx, written);
    });
    const together = await prisma.$transaction(async (tx) => seenOf(tx, await rowWriters.trade.chunk!(tx, stored, context)));

    expect(together).toEqual(rowByRow);
    expect(together.map((r) => r.figure.sourceTitleRu)).toEqual(["Белстат", "Белстат", null]);
    expect(together.map((r) => [r.row.action, r.figure.version, r.events.map((e) => e.action)])).toEqual([
      ["create", 1, ["trade_figure.create"]],
      ["update", 2, ["trade_figure.update"]],
      ["create", 1, ["trade_figure.create"]],
    ]);
    expect(together[1]!.row.beforeInput).toMatchObject({ year: y0, turnoverUsd: "2000000.00" });
  });
});

describe("undoing an import", () => {
  it("archives what it created and saves back what it updated, leaving alone a record edited since", async () => {
    const existing = row({ description: "Описание до импорта" });
    const seeded = await stage([existing]);
    await commitBatch(prisma, seeded.batchId, rowWriters);

    const edited = row({});
    const kept = row({});
    const { batchId } = await stage([edited, kept, [...existing.slice(0, 5), "Описание из импорта"]]);
    await commitBatch(prisma, batchId, rowWriters);
    const records = await prisma.importBatchRecord.findMany({ where: { batchId }, orderBy: { row: "asc" } });

    // An editor changes the first created record through its form after the import.
    const editedId = records[0]!.entityId;
    const values = (await getOrganizationForEdit(editedId))!.values;
    const data = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join("\n") : v]));
    await expect(updateOrganization(editedId, {}, form({ ...data, descriptionRu: "Правка редактора" }))).rejects.toMatchObject(redirected);

    const outcome = await undoBatch(prisma, batchId, editor, rowUndoers);
    expect(outcome).toEqual({ undone: 2, editedSince: [{ row: 2, entityType: "organization", entityId: editedId }] });
    const after = await prisma.organization.findMany({ where: { id: { in: records.map((r) => r.entityId) } }, orderBy: { id: "asc" } });
    const byId = new Map(after.map((o) => [o.id, o]));
    expect(byId.get(editedId)).toMatchObject({ archivedAt: null, descriptionRu: "Правка редактора" });
    expect(byId.get(records[1]!.entityId)!.archivedAt).not.toBeNull();
    expect(byId.get(records[2]!.entityId)).toMatchObject({ archivedAt: null, descriptionRu: "Описание до импорта" });
    const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ status: "undone", undoneById: editor.id });
    const undoEvents = await prisma.auditEvent.findMany({
      where: { importBatchId: batchId, action: { not: "import.commit" } },
      orderBy: { id: "asc" },
    });
    expect(undoEvents.map((e) => e.action).slice(-3)).toEqual(["organization.update", "organization.archive", "import.undo"]);
    // Undone once, it cannot be undone again.
    expect(await undoBatch(prisma, batchId, editor, rowUndoers)).toBeNull();
  });
});

describe("writing a chunk of organizations together", () => {
  type Written = (WrittenRow & { row: number })[];
  /** What a commit leaves of each written row: the record, its sectors, its audit events and the batch's note of it, ids left out. */
  const seenOf = async (tx: Tx, batchId: number, written: Written) =>
    Promise.all(
      [...written]
        .sort((a, b) => a.row - b.row)
        .map(async ({ entityId, ...row }) => {
          const { id, createdAt, updatedAt, ...record } = await tx.organization.findUniqueOrThrow({ where: { id: entityId } });
          const sectors = await tx.organizationSector.findMany({
            where: { organizationId: id },
            select: { sectorCode: true, isPrimary: true },
            orderBy: { sectorCode: "asc" },
          });
          const events = await tx.auditEvent.findMany({
            where: { entityType: "organization", entityId: String(id), importBatchId: batchId },
            select: { action: true, actorId: true, before: true, after: true, note: true, importBatchId: true },
            orderBy: { id: "asc" },
          });
          return { row, record: { ...record, createdAt: createdAt.getTime() > 0, updatedAt: updatedAt >= createdAt }, sectors, events };
        }),
    );

  it("writes exactly what the row-by-row path writes: records, slugs, sectors, versions, audit events and undo notes", async () => {
    const [first, second] = [row({ description: "Первое до импорта" }), row({ description: "Второе до импорта" })];
    const seeded = await stage([first, second]);
    await commitBatch(prisma, seeded.batchId, rowWriters);
    // Two new ones of one name (slugs "x" and "x-2"), a new one, and both seeded ones changed (one's sector too).
    const twin = name();
    const rows = [
      row({ name: twin }),
      [...first.slice(0, 4), "C29", "Первое из импорта"],
      row({ name: twin }),
      row({}),
      [...second.slice(0, 5), "Второе из импорта"],
    ];
    const { batchId, preview } = await stage(rows);
    expect(preview.counts).toMatchObject({ create: 3, update: 2 });
    const stored = (await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })).rows as StoredRow[];
    const writing = stored.filter((r) => r.action === "create" || r.action === "update");
    const context = { user: { id: editor.id }, importBatchId: batchId, at: () => undefined };

    // Row by row through the form's path, in a transaction rolled back after a look at what it wrote.
    const rowByRow = await seenRolledBack(async (tx) => {
      const written: Written = [];
      for (const r of writing) written.push({ ...(await rowWriters.organizations(tx, r, context))!, row: r.row });
      return seenOf(tx, batchId, written);
    });
    const together = await prisma.$transaction(async (tx) =>
      seenOf(tx, batchId, await rowWriters.organizations.chunk!(tx, writing, context)),
    );

    expect(together).toEqual(rowByRow);
    expect(together.map((r) => [r.row.action, r.record.version, r.events.map((e) => e.action)])).toEqual([
      ["create", 1, ["organization.create"]],
      ["update", 2, ["organization.update"]],
      ["create", 1, ["organization.create"]],
      ["create", 1, ["organization.create"]],
      ["update", 2, ["organization.update"]],
    ]);
    expect(together[2]!.record.slug).toBe(`${together[0]!.record.slug}-2`);
    expect(together[1]!.sectors).toEqual([{ sectorCode: "29", isPrimary: true }]);
    expect(together[1]!.row.beforeInput).toMatchObject({ descriptionRu: "Первое до импорта", primarySector: "28" });
  });

  it("stops at an organization edited since the preview, naming its row and writing none of the chunk", async () => {
    const existing = row({ description: "До импорта" });
    const seeded = await stage([existing]);
    await commitBatch(prisma, seeded.batchId, rowWriters);
    const fresh = row({});
    const { batchId } = await stage([fresh, [...existing.slice(0, 5), "Из импорта"]]);
    // An editor saves the record through its form after the preview.
    const id = (await prisma.importBatchRecord.findFirstOrThrow({ where: { batchId: seeded.batchId } })).entityId;
    const values = (await getOrganizationForEdit(id))!.values;
    const data = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join("\n") : v]));
    await expect(updateOrganization(id, {}, form({ ...data, descriptionRu: "Правка редактора" }))).rejects.toMatchObject(redirected);

    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({ status: "failed", error: "row 3: conflict" });
    expect(await prisma.importBatchRecord.count({ where: { batchId } })).toBe(0);
    expect(await prisma.organization.count({ where: { name: fresh[0]! } })).toBe(0);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id } })).descriptionRu).toBe("Правка редактора");
  });

  it("resumes after the last chunk of 500 written when the commit dies midway, writing no row twice", async () => {
    const rows = Array.from({ length: 540 }, () => row({}));
    const { batchId } = await stage(rows);
    let chunks = 0;
    const dying = {
      organizations: Object.assign((...args: Parameters<(typeof rowWriters)["organizations"]>) => rowWriters.organizations(...args), {
        chunk: async (...args: Parameters<NonNullable<(typeof rowWriters)["organizations"]["chunk"]>>) => {
          chunks += 1;
          const written = await rowWriters.organizations.chunk!(...args);
          if (chunks === 2) throw new Error("connection terminated");
          return written;
        },
      }),
    };
    await expect(commitBatch(prisma, batchId, dying)).rejects.toThrow("connection terminated");
    expect(await prisma.importBatchRecord.count({ where: { batchId } })).toBe(500);
    expect((await prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })).rowsDone).toBe(500);

    expect(await commitBatch(prisma, batchId, rowWriters)).toEqual({ status: "committed", written: 40 });
    const names = rows.map((r) => r[0]!);
    expect(await prisma.organization.count({ where: { name: { in: names } } })).toBe(540);
    expect(await prisma.auditEvent.count({ where: { importBatchId: batchId, action: "organization.create" } })).toBe(540);

    // Its undo takes back both chunks' records, each archived and audited.
    expect(await undoBatch(prisma, batchId, editor, rowUndoers)).toEqual({ undone: 540, editedSince: [] });
    expect(await prisma.organization.count({ where: { name: { in: names }, archivedAt: null } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { importBatchId: batchId, action: "organization.archive" } })).toBe(540);
  }, 120_000);
});
