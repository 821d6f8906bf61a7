import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The commitments in the JSON API, as files and as a feed: the tracker's filters, public fields only. The
// commitment is made and its status changed by a staff member with a name no record holds, so that finding
// the name in any public answer can only mean a leak.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { changeCommitmentStatus, createCommitment } = await import("@/lib/commitments/actions");
const { listCommitments } = await import("@/lib/commitments/tracker");
const { commitmentTable } = await import("@/lib/commitments/export");
const { listPublicHistory } = await import("@/lib/workspace/queries");
const listRoute = await import("@/app/api/v1/commitments/route");
const detailRoute = await import("@/app/api/v1/commitments/[id]/route");
const { GET: exportCsv } = await import("@/app/api/v1/commitments/export.csv/route");
const { GET: exportXlsx } = await import("@/app/api/v1/commitments/export.xlsx/route");
const { GET: commitmentsFeed } = await import("@/app/feeds/commitments.atom/route");
const { document, expectMatchesDocument, expectProblem } = await import("@/tests/support/openapi");
const { parseAtom } = await import("@/tests/support/atom");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const run = `${process.pid}-${Date.now()}`;
const base = "http://registry.test";
let editor: { id: number; name: string; email: string };
let meeting: { id: number; slug: string };
let commitmentId: number;

const get = (
  route: { GET: (r: Request, c?: { params?: Promise<Record<string, string>> }) => Promise<Response> },
  path: string,
  params = {},
) => route.GET(new Request(`${base}${path}`), { params: Promise.resolve(params) });

beforeAll(async () => {
  await seedOnce();
  const staff = await createStaffUser("editor");
  editor = await prisma.user.update({
    where: { id: staff.id },
    data: { name: `Commitment keeper ${run}` },
    select: { id: true, name: true, email: true },
  });
  signInAs(getServerSession, { ...editor, role: "editor" });
  const region = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" }, select: { id: true } });
  meeting = await prisma.meeting.create({
    data: {
      slug: `api-commitments-${run}`,
      titleEn: `API meeting ${run}`,
      titleRu: `Встреча API ${run}`,
      date: new Date("2016-04-01"),
      level: "regional",
    },
    select: { id: true, slug: true },
  });
  await createCommitment(
    {},
    form({
      meetingId: String(meeting.id),
      textEn: `Open a trade house ${run}`,
      textRu: `Открыть торговый дом ${run}`,
      "parties.0.kind": "region",
      "parties.0.regionId": String(region.id),
      status: "proposed",
      dueDate: "2017-01-31",
    }),
  ).catch(() => undefined); // the action redirects (throws) once saved
  commitmentId = (await prisma.commitment.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true } })).id;
  await changeCommitmentStatus(commitmentId, {}, form({ newStatus: "agreed", statusNote: `Signed ${run}`, version: "1" })).catch(
    () => undefined,
  );
});

afterAll(() => prisma.$disconnect());

describe("GET /api/v1/commitments", () => {
  it("lists the tracker's commitments with its filters, as the OpenAPI document says", async () => {
    const response = await get(listRoute, `/api/v1/commitments?meeting=${meeting.slug}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expectMatchesDocument("/api/v1/commitments", body);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: commitmentId,
      textEn: `Open a trade house ${run}`,
      status: "agreed",
      dueDate: "2017-01-31",
      overdue: true,
      meeting: { slug: meeting.slug },
      parties: [{ organization: null, region: { slug: "kursk-oblast" } }],
      url: `/commitments/${commitmentId}`,
    });
    const none = await (await get(listRoute, `/api/v1/commitments?meeting=${meeting.slug}&status=fulfilled,lapsed`)).json();
    expect(none.items).toEqual([]);
  });

  it("walks every commitment the tracker counts, a cursor page at a time, and takes updatedSince", async () => {
    const tracker = await listCommitments({ region: ["kursk-oblast"], perPage: 100 }, "en");
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = await (
        await get(listRoute, `/api/v1/commitments?region=kursk-oblast&limit=3${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(tracker.total);
    expect(new Set(seen)).toEqual(new Set(tracker.items.map((item) => item.id)));
    const future = await (await get(listRoute, `/api/v1/commitments?updatedSince=${encodeURIComponent(new Date().toISOString())}`)).json();
    expect(future.items.map((item: { id: number }) => item.id)).not.toContain(commitmentId);
  });

  it("answers a bad filter, an unknown parameter or a foreign cursor with a 400 that names it", async () => {
    expect((await expectProblem(await get(listRoute, "/api/v1/commitments?status=done"), 400)).errors).toHaveProperty("status");
    expect((await expectProblem(await get(listRoute, "/api/v1/commitments?dueFrom=2015-02-30"), 400)).errors).toHaveProperty("dueFrom");
    expect((await expectProblem(await get(listRoute, "/api/v1/commitments?page=2"), 400)).errors).toHaveProperty("page");
    expect((await expectProblem(await get(listRoute, "/api/v1/commitments?cursor=xyz"), 400)).errors).toHaveProperty("cursor");
  });

  it("is in the OpenAPI document with the tracker's parameters", () => {
    const parameters = (document.paths as Record<string, { get: { parameters: { name: string }[] } }>)["/api/v1/commitments"]!.get
      .parameters;
    expect(parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "status",
        "region",
        "party",
        "meeting",
        "dueFrom",
        "dueTo",
        "overdue",
        "open",
        "updatedSince",
        "limit",
        "cursor",
      ]),
    );
  });
});

describe("GET /api/v1/commitments/{id}", () => {
  it("has its follow-ups and its status history with the reason, never who changed it", async () => {
    const response = await get(detailRoute, `/api/v1/commitments/${commitmentId}`, { id: String(commitmentId) });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text);
    expectMatchesDocument("/api/v1/commitments/{id}", body);
    expect(body.followUps).toEqual([]);
    expect(body.statusHistory).toMatchObject([
      { from: null, to: "proposed" },
      { from: "proposed", to: "agreed", note: `Signed ${run}` },
    ]);
    expect(text).not.toContain(editor.name);
    expect(text).not.toContain(editor.email);
  });

  it("is a 404 for an unknown or impossible id", async () => {
    await expectProblem(await get(detailRoute, "/api/v1/commitments/2147483000", { id: "2147483000" }), 404);
    await expectProblem(await get(detailRoute, "/api/v1/commitments/abc", { id: "abc" }), 404);
  });
});

describe("the commitments' public history", () => {
  it("tells the creation and the change of status with public fields only, naming no one", async () => {
    const history = await listPublicHistory("commitment", commitmentId, { page: 1, perPage: 20 });
    expect(history.items.map((event) => event.verb)).toEqual(["update", "create"]);
    expect(history.items[0]!.changes).toContainEqual(expect.objectContaining({ field: "status", before: "proposed", after: "agreed" }));
    const fields = history.items.flatMap((event) => event.changes.map((change) => change.field));
    expect(fields).not.toContain("version");
    expect(fields).not.toContain("archived");
    const text = JSON.stringify(history);
    expect(text).not.toContain(editor.name);
    expect(text).not.toContain(editor.email);
  });
});

describe("the commitments exports", () => {
  const request = (format: "csv" | "xlsx", query: string) => new Request(`${base}/api/v1/commitments/export.${format}?${query}`);

  it("CSV in Russian with semicolons: Russian headers and statuses, the tracker's commitments", async () => {
    const response = await exportCsv(request("csv", `meeting=${meeting.slug}&lang=ru&sep=;`));
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines[0]).toBe(commitmentTable.columns.map((column) => column.header.ru).join(";"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Открыть торговый дом ${run}`);
    expect(lines[1]).toContain(";согласовано;2017-01-31;да;");
  });

  it("XLSX in Russian: as many rows as the tracker counts, in its order, statuses in Russian, days as dates", async () => {
    const response = await exportXlsx(request("xlsx", "region=kursk-oblast&lang=ru"));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Обязательства");
    expect(sheet.getRow(1).getCell(1).value).toBe("номер");
    const tracker = await listCommitments({ region: ["kursk-oblast"], perPage: 100 }, "ru");
    expect(sheet.rowCount - 1).toBe(tracker.total);
    const column = (key: string) => commitmentTable.columns.findIndex((c) => c.key === key) + 1;
    const ids = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(column("id")).value);
    expect(ids.slice(0, tracker.items.length)).toEqual(tracker.items.map((item) => item.id));
    const ours = ids.indexOf(commitmentId) + 2;
    expect(sheet.getRow(ours).getCell(column("status")).value).toBe("согласовано");
    expect(sheet.getRow(ours).getCell(column("dueDate")).value).toEqual(new Date("2017-01-31T00:00:00Z"));
  });

  it("refuses bad and unknown parameters with a 400 that names them, before any row", async () => {
    const problem = await (await exportXlsx(request("xlsx", "lang=de&status=maybe&perPage=5"))).json();
    expect(Object.keys(problem.errors).sort()).toEqual(["lang", "perPage", "status"]);
    expect((await exportCsv(request("csv", "sep=|"))).status).toBe(400);
  });
});

describe("the commitments feed", () => {
  it("holds the tracker's newest commitments for its filters, in the feed's language", async () => {
    const response = await commitmentsFeed(new Request(`${base}/feeds/commitments.atom?meeting=${meeting.slug}&lang=ru`));
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseAtom(await response.text());
    expect(feed.title).toBe("Интеррегио: новые обязательства");
    expect(feed.entries).toEqual([
      expect.objectContaining({ title: `Открыть торговый дом ${run}`, link: `${base}/commitments/${commitmentId}` }),
    ]);
  });

  it("answers a bad parameter with a 400 problem+json naming it", async () => {
    const response = await commitmentsFeed(new Request(`${base}/feeds/commitments.atom?status=done&lang=xx`));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys((await response.json()).errors).sort()).toEqual(["lang", "status"]);
  });
});
