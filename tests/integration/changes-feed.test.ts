import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveOrganization, createOrganization, updateOrganization } = await import("@/lib/organizations/actions");
const { GET } = await import("@/app/api/v1/changes/route");
const { openApiDocument } = await import("@/lib/api/openapi");
const { listPublicHistory } = await import("@/lib/workspace/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const base = "http://interregio.test";
const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
type Change = { type: string; id: string; change: string; at: string; url: string };
type ChangePage = { items: Change[]; nextCursor: string | null };

const get = (query: string) => GET(new Request(`${base}/api/v1/changes${query}`), { params: Promise.resolve({}) });

let editor: Awaited<ReturnType<typeof createStaffUser>>;
let started: string;
let slug: string;

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
  // The audit log's clock is the database's: start from its now, a second back, so that nothing of ours is missed.
  const [clock] = await prisma.$queryRaw<{ now: Date }[]>`SELECT (now() - interval '1 second') AS now`;
  started = clock!.now.toISOString();
  const kursk = (await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" } })).id;
  signInAs(getServerSession, editor);
  const name = `ООО «Лента перемен ${Date.now()}»`;
  const values = { kind: "enterprise", name, regionId: String(kursk), status: "active", primarySector: "28" };
  await expect(createOrganization({}, form(values))).rejects.toMatchObject(redirected);
  const created = await prisma.organization.findFirstOrThrow({ where: { name }, select: { id: true, slug: true } });
  slug = created.slug;
  await expect(updateOrganization(created.id, {}, form({ ...values, foundedYear: "2001", version: "1" }))).rejects.toMatchObject(
    redirected,
  );
  await expect(archiveOrganization(created.id, {}, form({ version: "2" }))).rejects.toMatchObject(redirected);
});

afterAll(() => prisma.$disconnect());

describe("/api/v1/changes", () => {
  it("lists a record's creation, edit and archiving in order, with its page, and never who did it", async () => {
    const response = await get(`?since=${encodeURIComponent(started)}&type=organization&limit=100`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const page = JSON.parse(text) as ChangePage;
    const ours = page.items.filter((item) => item.id === slug);
    expect(ours.map((item) => item.change)).toEqual(["created", "updated", "archived"]);
    for (const item of ours) expect(item).toMatchObject({ type: "organization", url: `/organizations/${slug}` });
    expect(ours.map((item) => item.at)).toEqual([...ours.map((item) => item.at)].sort());
    // No staff name, email or id, and no field's value.
    expect(text).not.toContain(editor.name);
    expect(text).not.toContain(editor.email);
    expect(text).not.toContain("2001");
    expect(text).not.toMatch(/actor|before|after/);

    // As the OpenAPI document says.
    const operation = (openApiDocument().paths as Record<string, unknown>)["/api/v1/changes"];
    expect(operation).toBeDefined();
  });

  it("agrees with the audit log, and a cursor walk serves each change once", async () => {
    const events = await prisma.auditEvent.findMany({
      where: {
        at: { gte: new Date(started) },
        entityType: { in: ["region", "organization", "meeting", "commitment", "trade_figure"] },
        action: { endsWith: "e" },
      },
      select: { id: true },
    });
    const seen: Change[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages += 1) {
      const response = await get(`?since=${encodeURIComponent(started)}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as ChangePage;
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    // create, update, archive and restore all end in "e": the events the feed shows, one item each.
    expect(seen).toHaveLength(events.length);
    expect(seen.filter((item) => item.id === slug)).toHaveLength(3);
  });

  it("the record's public history tells the same changes, with the public fields before and after, naming no one", async () => {
    const { id } = await prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const history = await listPublicHistory("organization", id, { page: 1, perPage: 20 });
    expect(history.items.map((event) => event.verb)).toEqual(["archive", "update", "create"]);
    const update = history.items[1]!;
    expect(update.changes).toContainEqual(expect.objectContaining({ field: "foundedYear", after: "2001" }));
    for (const event of history.items) {
      expect(event).not.toHaveProperty("actor");
      expect(event.changes.map((change) => change.field)).not.toContain("version");
    }
    expect(JSON.stringify(history)).not.toContain(editor.name);
  });

  it.each([
    ["?since=yesterday", "since"],
    ["?since=2999-01-01T00:00:00Z", "since"],
    ["?type=user", "type"],
    ["?limit=0", "limit"],
    ["?cursor=garbage", "cursor"],
    ["?actor=1", "actor"],
  ])("refuses %s with a 400 naming %s", async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors?: Record<string, string[]> };
    expect(Object.keys(problem.errors ?? {})).toContain(field);
  });
});
