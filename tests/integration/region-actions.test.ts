import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveRegion, createRegion, restoreRegion, updateRegion } = await import("@/lib/regions/actions");
const { getRegionPage } = await import("@/lib/regions/queries");
const { searchRegistry } = await import("@/lib/search/queries");
const { SearchParamsSchema } = await import("@/lib/search/schema");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
const run = `${Date.now()}`.slice(-7);
let editor: Awaited<ReturnType<typeof createStaffUser>>;

function regionForm(values: Record<string, string> = {}) {
  return form({
    nameEn: `Testshire ${run}`,
    nameRu: `Тестовская область ${run}`,
    level: "region",
    countryCode: "RU",
    isoCode: "",
    ...values,
  });
}

async function createTestRegion(values: Record<string, string> = {}) {
  await expect(createRegion({}, regionForm(values))).rejects.toMatchObject(redirected);
  return prisma.region.findFirstOrThrow({ where: { nameEn: values.nameEn ?? `Testshire ${run}` }, orderBy: { id: "desc" } });
}

beforeAll(async () => {
  await seedOnce();
  editor = await createStaffUser("editor");
});

afterAll(() => prisma.$disconnect());

describe("createRegion", () => {
  it("refuses the public and keeps what was typed", async () => {
    signInAs(getServerSession, null);
    const state = await createRegion({}, regionForm({ nameEn: "Nowhere" }));
    expect(state).toMatchObject({ ok: false, message: "signedOut", values: { nameEn: "Nowhere" } });
  });

  it("creates the region, its slug from the Russian name, and the audit event in one go", async () => {
    signInAs(getServerSession, editor);
    const region = await createTestRegion({ nameEn: `Created ${run}`, nameRu: `Созданная область ${run}` });
    expect(region.slug).toBe(`sozdannaya-oblast-${run}`);
    expect(region.createdById).toBe(editor.id);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "region", entityId: String(region.id) } });
    expect(event).toMatchObject({ action: "region.create", actorId: editor.id, before: null });
    expect(event.after).toMatchObject({ nameEn: `Created ${run}`, level: "region", version: 1, archived: false });
  });

  it("answers each bad field beside it, with the input echoed", async () => {
    signInAs(getServerSession, editor);
    const state = await createRegion(
      {},
      regionForm({ nameEn: "  ", nameRu: "x".repeat(201), level: "galaxy", countryCode: "ZZZ", isoCode: "kursk!" }),
    );
    expect(state.ok).toBe(false);
    expect(state.errors).toEqual({
      nameEn: ["required"],
      nameRu: ["tooLong|200"],
      level: ["chooseOne"],
      countryCode: ["chooseOne"],
      isoCode: ["isoCode"],
    });
    expect(state.values).toMatchObject({ nameRu: "x".repeat(201), isoCode: "kursk!" });
  });

  it("refuses a user who must still replace an admin's one-time password, and keeps the input", async () => {
    const newcomer = await createStaffUser("editor");
    await prisma.user.update({ where: { id: newcomer.id }, data: { mustChangePassword: true } });
    signInAs(getServerSession, newcomer);
    const state = await createRegion({}, regionForm({ nameEn: `Too early ${run}` }));
    expect(state).toMatchObject({ ok: false, message: "mustChangePassword", values: { nameEn: `Too early ${run}` } });
    expect(await prisma.region.count({ where: { nameEn: `Too early ${run}` } })).toBe(0);
  });

  it("takes a NUL for a field error, not a database error", async () => {
    signInAs(getServerSession, editor);
    const state = await createRegion({}, regionForm({ nameEn: "Bad\u0000name" }));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { nameEn: ["containsNul"] } });
  });

  it("maps a taken ISO code to its field by the constraint's name", async () => {
    signInAs(getServerSession, editor);
    const state = await createRegion({}, regionForm({ isoCode: "RU-KRS" }));
    expect(state).toMatchObject({ ok: false, errors: { isoCode: ["isoCodeTaken"] } });
  });

  it("refuses a parent in another country or one that does not exist, and writes nothing", async () => {
    signInAs(getServerSession, editor);
    const before = await prisma.auditEvent.count();
    const minsk = await prisma.region.findFirstOrThrow({ where: { countryCode: "BY" } });
    expect(await createRegion({}, regionForm({ parentId: String(minsk.id) }))).toMatchObject({ errors: { parentId: ["parentCountry"] } });
    expect(await createRegion({}, regionForm({ parentId: "2147483647" }))).toMatchObject({ errors: { parentId: ["recordMissing"] } });
    expect(await createRegion({}, regionForm({ parentId: "99999999999" }))).toMatchObject({ errors: { parentId: ["invalid"] } });
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});

describe("alternative names", () => {
  it("are saved one a line, recorded in the history, and find the region in the search", async () => {
    signInAs(getServerSession, editor);
    const region = await createTestRegion({ nameEn: `Aliased ${run}`, nameRu: `Псевдонимная область ${run}` });
    const alias = `Qwzalias ${run}`;
    const form = regionForm({
      nameEn: `Aliased ${run}`,
      nameRu: `Псевдонимная область ${run}`,
      otherNames: ` ${alias}\n\nПсевдонимская обл. ${run} `,
      version: "1",
    });
    await expect(updateRegion(region.id, {}, form)).rejects.toMatchObject(redirected);
    const saved = await prisma.region.findUniqueOrThrow({ where: { id: region.id } });
    expect(saved.otherNames).toEqual([alias, `Псевдонимская обл. ${run}`]);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "region", entityId: String(region.id), action: "region.update" },
    });
    expect(event.after).toMatchObject({ otherNames: [alias, `Псевдонимская обл. ${run}`] });
    const { items } = await searchRegistry(SearchParamsSchema.parse({ q: alias, type: "region" }));
    expect(items.map((item) => item.slug)).toEqual([region.slug]);
  });

  it("are bounded: 20 names of 200 characters at most", async () => {
    signInAs(getServerSession, editor);
    const state = await createRegion(
      {},
      regionForm({ nameEn: `Too many ${run}`, otherNames: Array.from({ length: 21 }, (_, i) => `Name ${i}`).join("\n") }),
    );
    expect(state).toMatchObject({ ok: false, errors: { otherNames: [expect.stringContaining("tooMany")] } });
  });
});

describe("updateRegion", () => {
  it("saves from the current version, bumps it, and records before and after", async () => {
    signInAs(getServerSession, editor);
    const region = await createTestRegion({ nameEn: `Updated ${run}` });
    await expect(updateRegion(region.id, {}, regionForm({ nameEn: `Renamed ${run}`, version: "1" }))).rejects.toMatchObject(redirected);
    const saved = await prisma.region.findUniqueOrThrow({ where: { id: region.id } });
    expect(saved).toMatchObject({ nameEn: `Renamed ${run}`, version: 2, slug: region.slug });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "region", entityId: String(region.id), action: "region.update" },
    });
    expect(event.before).toMatchObject({ nameEn: `Updated ${run}`, version: 1 });
    expect(event.after).toMatchObject({ nameEn: `Renamed ${run}`, version: 2 });
  });

  it("refuses a save from an old version and lists what the other person changed", async () => {
    signInAs(getServerSession, editor);
    const region = await createTestRegion({ nameEn: `Contested ${run}` });
    await expect(updateRegion(region.id, {}, regionForm({ nameEn: `Theirs ${run}`, version: "1" }))).rejects.toMatchObject(redirected);
    const state = await updateRegion(region.id, {}, regionForm({ nameEn: `Mine ${run}`, version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "conflict", values: { nameEn: `Mine ${run}` } });
    expect(state.conflict).toEqual({ version: 2, changes: [{ field: "nameEn", before: `Contested ${run}`, after: `Theirs ${run}` }] });
    expect((await prisma.region.findUniqueOrThrow({ where: { id: region.id } })).nameEn).toBe(`Theirs ${run}`);
  });

  it("takes a tampered bound id for an invalid request, before any query", async () => {
    signInAs(getServerSession, editor);
    for (const id of ["1e3", "99999999999", "-1", "abc", "1; DROP TABLE regions"]) {
      expect(await updateRegion(id as never, {}, regionForm({ version: "1" }))).toMatchObject({ ok: false, message: "invalid" });
    }
  });
});

describe("archiveRegion and restoreRegion", () => {
  it("take the region off the public pages and back, each versioned and audited", async () => {
    signInAs(getServerSession, editor);
    const region = await createTestRegion({ nameEn: `Archived ${run}` });
    expect(await getRegionPage(region.slug)).not.toBeNull();
    await expect(archiveRegion(region.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await prisma.region.findUniqueOrThrow({ where: { id: region.id } })).toMatchObject({ version: 2, archivedAt: expect.any(Date) });
    // Archiving again from the same version is a conflict, not a second archive.
    expect(await archiveRegion(region.id, {}, form({ version: "1" }))).toMatchObject({ message: "conflict" });
    // An archived record is not edited until it is restored.
    expect(await updateRegion(region.id, {}, regionForm({ version: "2" }))).toMatchObject({ message: "recordArchived" });
    await expect(restoreRegion(region.id, {}, form({ version: "2" }))).rejects.toMatchObject(redirected);
    expect(await prisma.region.findUniqueOrThrow({ where: { id: region.id } })).toMatchObject({ version: 3, archivedAt: null });
    const actions = await prisma.auditEvent.findMany({
      where: { entityType: "region", entityId: String(region.id) },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["region.create", "region.archive", "region.restore"]);
  });
});
