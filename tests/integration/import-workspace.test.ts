import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: vi.fn(async () => "en"),
}));

const { getServerSession } = await import("next-auth");
const { NextRequest } = await import("next/server");
const { cancelImport, commitImport, decideImportRows, mapImportColumns, undoImport } = await import("@/lib/import/actions");
const { commitBatch } = await import("@/lib/import/batch");
const { rowWriters } = await import("@/lib/import/writers");
const { batchRows, findBatch, siblingSheets, storeUpload, writtenRecords } = await import("@/lib/import/workspace");
const { POST: upload } = await import("@/app/api/staff/imports/route");
const { GET: report } = await import("@/app/api/staff/imports/[id]/report/route");
const { importFileBytes } = await import("@/lib/http/body-size");
const { stopJobQueue } = await import("@/lib/jobs/queue");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");
const { freshNumber, madeUpWord } = await import("../support/import-sheets");
const { workbook } = await import("../support/spreadsheets");
const ExcelJS = (await import("exceljs")).default;

// Issue 15: the import as the workspace's pages drive it — the upload route, the mapping, the decisions, the
// commit, the cancel and the undo — through the real actions and routes, as an editor and as others.

type Staff = { id: number; role: "admin" | "editor" };
let editor: Staff;
let otherEditor: Staff;
let admin: Staff;

/** A successful action ends in `redirect()`, which throws this. */
const redirected = (path: string) => ({ digest: expect.stringContaining(path) });
const fresh = () => `ООО «${madeUpWord(9)} ${madeUpWord(8)}»`;

/** The upload's columns as the mapping form posts them: the sixth ("Примечание") left out. */
const columns = {
  type: "organizations",
  "columns.0": "name",
  "columns.1": "kind",
  "columns.2": "region",
  "columns.3": "registrationNumber",
  "columns.4": "primarySector",
  "columns.5": "",
};

function csv(rows: string[][]) {
  return Buffer.from(["Наименование;Вид;Регион;ИНН;ОКВЭД;Примечание", ...rows.map((row) => row.join(";"))].join("\r\n"));
}

async function uploaded(rows: string[][], user: Staff = editor) {
  const stored = await storeUpload(user.id, { name: "kursk.csv", bytes: csv(rows) });
  if (!stored.ok) throw new Error(stored.error.key);
  return stored.batchIds[0]!;
}

/** Posts a file to the upload route as the browser's form does; `length` overrides the declared size. */
async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new NextRequest("http://localhost:3000/api/staff/imports", { method: "POST", body, headers, duplex: "half" } as never);
  const response = await upload(request);
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

function fileForm(name: string, bytes: Buffer) {
  const data = new FormData();
  data.set("file", new File([new Uint8Array(bytes)], name));
  return data;
}

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  otherEditor = await createStaffUser("editor");
  admin = await createStaffUser("admin");
});

afterAll(async () => {
  await stopJobQueue();
  await prisma.$disconnect();
});

describe("the upload route", () => {
  it("keeps each sheet of a workbook as an import to map, and sends the editor to the first", async () => {
    signInAs(getServerSession, editor);
    const bytes = await workbook((book) => {
      book.addWorksheet("Предприятия").addRows([
        ["Наименование", "Вид", "Регион", "ОКВЭД"],
        [fresh(), "предприятие", "Курская обл.", "28"],
      ]);
      book.addWorksheet("Торговля").addRows([
        ["Регион", "Регион-партнёр", "Год", "Оборот"],
        ["Курская область", "Беларусь", "2014", "250"],
      ]);
    });
    const { status, location } = await post(fileForm("two sheets.xlsx", bytes));
    expect(status).toBe(303);
    const id = Number(/\/workspace\/import\/(\d+)$/.exec(location)?.[1]);
    const batch = await findBatch(id);
    expect(batch).toMatchObject({ status: "uploaded", recordType: "organizations", sheetName: "Предприятия", fileName: "two sheets.xlsx" });
    expect(batch!.mapping.mapping).toMatchObject({ 0: "name", 1: "kind", 2: "region", 3: "primarySector" });
    const [other] = await siblingSheets(batch!);
    expect(other).toMatchObject({ sheetName: "Торговля", recordType: "trade", status: "uploaded" });
  });

  it("sends the editor back with the reason for a file it cannot take, and keeps nothing", async () => {
    signInAs(getServerSession, editor);
    const before = await prisma.importBatch.count();
    expect((await post(fileForm("scan.pdf", Buffer.from("%PDF-1.7 not a table")))).location).toContain(
      "/workspace/import?error=notSpreadsheet",
    );
    expect((await post(new FormData())).location).toContain("/workspace/import?error=fileMissing");
    // Declared too large: refused before the body is read.
    const declared = await post(fileForm("big.csv", csv([])), { "content-length": String(importFileBytes + 1024 * 1024) });
    expect(declared.location).toContain("error=fileTooLarge&limit=20");
    // Sent in chunks with no length: refused once the body passes the limit, without reading the rest.
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = await post(endless, { "content-type": "multipart/form-data; boundary=x" });
    expect(chunked.location).toContain("error=fileTooLarge");
    expect(sent).toBeLessThan(importFileBytes + 4 * 1024 * 1024);
    expect(await prisma.importBatch.count()).toBe(before);
  });
});

describe("the import's steps", () => {
  it("refuses a mapping with a field twice or a required field missing, beside the column, and checks the rows once right", async () => {
    signInAs(getServerSession, editor);
    const id = await uploaded([[fresh(), "предприятие", "Курская обл.", freshNumber("RU"), "C28", ""]]);
    const twice = await mapImportColumns(
      id,
      {},
      form({
        type: "organizations",
        "columns.0": "name",
        "columns.1": "name",
        "columns.2": "region",
        "columns.3": "",
        "columns.4": "primarySector",
        "columns.5": "",
      }),
    );
    expect(twice).toMatchObject({ ok: false, message: "importColumns", errors: { "columns.1": ["importFieldTwice"] } });
    const missing = await mapImportColumns(
      id,
      {},
      form({
        type: "organizations",
        "columns.0": "name",
        "columns.1": "kind",
        "columns.2": "",
        "columns.3": "",
        "columns.4": "primarySector",
        "columns.5": "",
      }),
    );
    expect(missing).toMatchObject({ ok: false, message: "importFieldsMissing|Region" });
    expect((await findBatch(id))!.status).toBe("uploaded");

    await expect(mapImportColumns(id, {}, form(columns))).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    expect(await findBatch(id)).toMatchObject({ status: "previewed", counts: { created: 1, refused: 0 } });
    // A field the record type has not is tampering.
    expect(await mapImportColumns(id, {}, form({ ...columns, "columns.5": "__proto__" }))).toMatchObject({
      ok: false,
      errors: { "columns.5": ["invalid"] },
    });
  });

  it("asks about a likely duplicate, takes only an offered record, and commits, then only its author or an admin undoes it", async () => {
    signInAs(getServerSession, editor);
    // A demo enterprise of Kursk Oblast, named in the row by its English name: like it, not the same.
    const existing = await prisma.organization.findFirstOrThrow({
      where: { archivedAt: null, nameEn: "Tuskar Agromash LLC" },
      select: { id: true, nameEn: true },
    });
    const newName = fresh();
    const id = await uploaded([
      [existing.nameEn!, "предприятие", "Курская обл.", "", "C28", ""],
      [newName, "предприятие", "Курская обл.", freshNumber("RU"), "C28", ""],
    ]);
    await expect(mapImportColumns(id, {}, form(columns))).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    const decide = (await batchRows(id)).find((row) => row.action === "decide");
    expect(decide?.candidates?.map((candidate) => candidate.id)).toContain(existing.id);

    expect(await commitImport(id, {}, form({}))).toMatchObject({ ok: false, message: "importDecideFirst|1" });
    const notOffered = await decideImportRows(
      id,
      {},
      form({ "decisions.0.row": String(decide!.row), "decisions.0.choice": "update:1999999999" }),
    );
    expect(notOffered).toMatchObject({ ok: false, message: "invalid" });
    await expect(
      decideImportRows(id, {}, form({ "decisions.0.row": String(decide!.row), "decisions.0.choice": "skip" })),
    ).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    expect(await findBatch(id)).toMatchObject({ counts: { created: 1, skip: 1, decide: 0 } });

    await expect(commitImport(id, {}, form({}))).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    expect((await findBatch(id))!.status).toBe("queued");
    // A second commit of the same import (a double click, another tab) is refused: the import has moved on.
    expect(await commitImport(id, {}, form({}))).toMatchObject({ ok: false, message: "importMoved" });
    expect(await commitBatch(prisma, id, rowWriters)).toMatchObject({ status: "committed", written: 1 });
    const created = await prisma.organization.findFirstOrThrow({ where: { name: newName }, select: { id: true, archivedAt: true } });
    // The page lists what was written, each record named as its row named it.
    expect(await writtenRecords(id)).toMatchObject({ total: 1, records: [{ entityId: created.id, action: "create", label: newName }] });
    expect(created.archivedAt).toBeNull();

    signInAs(getServerSession, otherEditor);
    expect(await undoImport(id, {}, form({}))).toMatchObject({ ok: false, message: "importUndoNotYours" });
    signInAs(getServerSession, admin);
    await expect(undoImport(id, {}, form({}))).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    expect((await findBatch(id))!.status).toBe("undone");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: created.id } })).archivedAt).not.toBeNull();
  });

  it("discards an import before its commit, writing nothing", async () => {
    signInAs(getServerSession, editor);
    const name = fresh();
    const id = await uploaded([[name, "предприятие", "Курская обл.", "", "C28", ""]]);
    await expect(cancelImport(id, {}, form({}))).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    expect((await findBatch(id))!.status).toBe("cancelled");
    expect(await commitImport(id, {}, form({}))).toMatchObject({ ok: false, message: "importMoved" });
    expect(await prisma.organization.count({ where: { name } })).toBe(0);
  });

  it("gives the refused rows back as an XLSX with what to fix, in the reader's language", async () => {
    signInAs(getServerSession, editor);
    const id = await uploaded([
      [fresh(), "предприятие", "Нигде", "", "C28", ""],
      [fresh(), "предприятие", "Курская обл.", "", "C28", ""],
    ]);
    await expect(mapImportColumns(id, {}, form(columns))).rejects.toMatchObject(redirected(`/workspace/import/${id}`));
    const response = await report(new NextRequest(`http://localhost:3000/api/staff/imports/${id}/report?lang=ru`), {
      params: Promise.resolve({ id: String(id) }),
    });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe("Нигде");
    expect(String(rows[1]!.at(-1))).toMatch(/Регион: .*Нигде/);
  });
});
