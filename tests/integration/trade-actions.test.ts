import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { revalidatePath } = await import("next/cache");
const { archiveTradeFigure, createTradeFigure, restoreTradeFigure, updateTradeFigure } = await import("@/lib/trade/actions");
const { getRegionPage } = await import("@/lib/regions/queries");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

/** A successful action ends in `redirect()`, which throws this. */
const redirected = (path: string) => ({ digest: expect.stringContaining(path) });
/** Makes the audit insert fail for a figure whose source carries it: the write before it must roll back. */
const FAIL_MARKER = "FAIL-AUDIT-TRADE";

type Region = { id: number; slug: string; nameEn: string };
let region: Region;
let partner: Region;
let editor: { id: number; role: "admin" | "editor" };
let sequence = 0;

async function newRegion(label: string): Promise<Region> {
  sequence += 1;
  const slug = `test-trade-${label}-${process.pid}-${Date.now()}-${sequence}`;
  return prisma.region.create({
    data: {
      slug,
      nameEn: `Trade ${label} ${sequence} ${Date.now()}`,
      nameRu: `Торговля ${label} ${sequence}`,
      level: "region",
      countryCode: "RU",
    },
    select: { id: true, slug: true, nameEn: true },
  });
}

function values(overrides: Record<string, string> = {}) {
  return {
    regionId: String(region.id),
    regionId__label: region.nameEn,
    partnerRegionId: String(partner.id),
    partnerRegionId__label: partner.nameEn,
    year: "2014",
    turnoverUsd: "250 000 000",
    exportsUsd: "",
    importsUsd: "",
    sourceTitle: "Press service of the President of Belarus, 10 March 2015",
    sourceUrl: "",
    ...overrides,
  };
}

async function create(overrides: Record<string, string> = {}) {
  await expect(createTradeFigure({}, form(values(overrides)))).rejects.toMatchObject(redirected("/workspace/trade/"));
  return prisma.tradeFigure.findFirstOrThrow({
    where: {
      regionId: Number(values(overrides).regionId),
      partnerRegionId: Number(values(overrides).partnerRegionId),
      year: Number(values(overrides).year),
    },
  });
}

/** Audit events of one figure, or of any figure of this test's region (other test files write at the same time). */
const auditCount = (id?: number) =>
  prisma.auditEvent.count({
    where: { entityType: "trade_figure", ...(id ? { entityId: String(id) } : { after: { path: ["region"], equals: region.nameEn } }) },
  });
const figureCount = () => prisma.tradeFigure.count({ where: { regionId: region.id } });

beforeAll(async () => {
  await seedOnce();
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION trade_test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.after::text LIKE '%${FAIL_MARKER}%' THEN RAISE EXCEPTION 'audit refused by the test'; END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS trade_test_fail_audit ON audit_events`);
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER trade_test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION trade_test_fail_audit()`,
  );
});

beforeEach(async () => {
  // Fresh regions for each test: no test depends on another's figures, and reruns find nothing in the way.
  region = await newRegion("a");
  partner = await newRegion("b");
  const user = await createStaffUser("editor");
  editor = user;
  signInAs(getServerSession, user);
  vi.mocked(revalidatePath).mockClear();
});

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS trade_test_fail_audit ON audit_events`);
  await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS trade_test_fail_audit()`);
  await prisma.$disconnect();
});

describe("createTradeFigure", () => {
  it("refuses an anonymous request and writes nothing", async () => {
    signInAs(getServerSession, null);
    const state = await createTradeFigure({}, form(values()));
    expect(state).toMatchObject({ ok: false, message: "signedOut" });
    expect(await figureCount()).toBe(0);
  });

  it("adds a figure with exact amounts, an audit event with readable values, and refreshes both regions' pages", async () => {
    const figure = await create({ exportsUsd: "150000000", importsUsd: "100 000 000,50", turnoverUsd: "250000000.50" });
    expect(figure).toMatchObject({
      year: 2014,
      sourceUrl: null,
      createdById: editor.id,
      updatedById: editor.id,
      version: 1,
      archivedAt: null,
    });
    expect(figure.turnoverUsd.toFixed(2)).toBe("250000000.50");
    expect(figure.importsUsd?.toFixed(2)).toBe("100000000.50");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "trade_figure", entityId: String(figure.id) } });
    expect(audit).toMatchObject({ actorId: editor.id, action: "trade_figure.create", before: null });
    expect(audit.after).toEqual({
      region: region.nameEn,
      partnerRegion: partner.nameEn,
      year: 2014,
      turnoverUsd: "250000000.50",
      exportsUsd: "150000000.00",
      importsUsd: "100000000.50",
      sourceTitle: values().sourceTitle,
      sourceTitleRu: null,
      sourceUrl: null,
      version: 1,
      archived: false,
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/regions/${region.slug}`);
    expect(revalidatePath).toHaveBeenCalledWith(`/regions/${partner.slug}`);
    const page = await getRegionPage(partner.slug);
    expect(page?.trade.map((t) => [t.year, t.turnoverUsd, t.partner.slug])).toEqual([[2014, 250000000.5, region.slug]]);
  });

  it("accepts exports plus imports above the turnover by up to 1% for rounding", async () => {
    const figure = await create({ turnoverUsd: "250000000", exportsUsd: "200000000", importsUsd: "52500000" });
    expect(figure.exportsUsd?.toFixed(2)).toBe("200000000.00");
  });

  it.each([
    ["regionId", { regionId: "", regionId__label: "" }, "chooseOne"],
    ["partnerRegionId", { partnerRegionId: "", partnerRegionId__label: "" }, "chooseOne"],
    ["year", { year: "" }, "required"],
    ["year", { year: "1989" }, "tooSmall|1990"],
    ["year", { year: "2101" }, "tooLarge|2100"],
    ["year", { year: "2014.5" }, "wholeNumber"],
    ["year", { year: "twenty" }, "notANumber"],
    ["turnoverUsd", { turnoverUsd: "" }, "required"],
    ["turnoverUsd", { turnoverUsd: "-250000000" }, "decimal|2"],
    ["turnoverUsd", { turnoverUsd: "250000000.005" }, "decimal|2"],
    ["turnoverUsd", { turnoverUsd: "10000000000001" }, "tooLarge|10000000000000"],
    ["turnoverUsd", { turnoverUsd: "250000000", exportsUsd: "200000000", importsUsd: "52500001" }, "partsExceedTurnover"],
    ["turnoverUsd", { turnoverUsd: "100", importsUsd: "102" }, "partsExceedTurnover"],
    ["exportsUsd", { exportsUsd: "-1" }, "decimal|2"],
    ["importsUsd", { importsUsd: "a lot" }, "decimal|2"],
    ["sourceTitle", { sourceTitle: "   " }, "required"],
    ["sourceTitle", { sourceTitle: "x".repeat(301) }, "tooLong|300"],
    ["sourceTitle", { sourceTitle: "bad\u0000title" }, "containsNul"],
    ["sourceUrl", { sourceUrl: "javascript:alert(1)" }, "invalidUrl"],
  ])("refuses %s %j with %s, keeps what was typed and writes nothing", async (field, overrides, message) => {
    const before = await auditCount();
    const state = await createTradeFigure({}, form(values(overrides)));
    expect(state).toMatchObject({ ok: false, message: "checkFields" });
    // The first message is the one that applies: decimalText also runs its range check on a non-number ("a lot" gets tooLarge too).
    expect(state.errors?.[field]?.[0]).toBe(message);
    expect(state.values).toMatchObject(values(overrides));
    expect(await figureCount()).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a partner that is the region itself", async () => {
    const state = await createTradeFigure({}, form(values({ partnerRegionId: String(region.id) })));
    expect(state.errors).toEqual({ partnerRegionId: ["partnerSame"] });
    expect(await figureCount()).toBe(0);
  });

  it.each([["abc"], ["1; DROP TABLE trade_figures"], ["2147483648"], ["0"], ["-3"]])(
    "answers a tampered region id %j with invalid",
    async (id) => {
      const state = await createTradeFigure({}, form(values({ regionId: id })));
      expect(state.errors).toEqual({ regionId: ["invalid"] });
      expect(await prisma.tradeFigure.count({ where: { partnerRegionId: partner.id } })).toBe(0);
    },
  );

  it("refuses a region that does not exist or is archived", async () => {
    await prisma.region.update({ where: { id: partner.id }, data: { archivedAt: new Date() } });
    const state = await createTradeFigure({}, form(values({ regionId: "2147483647" })));
    expect(state.errors).toEqual({ regionId: ["regionMissing"], partnerRegionId: ["regionMissing"] });
    expect(await prisma.tradeFigure.count({ where: { partnerRegionId: partner.id } })).toBe(0);
  });

  it("maps the unique (region, partner, year) to a field error on the year", async () => {
    await create();
    const before = await auditCount();
    const state = await createTradeFigure({}, form(values({ turnoverUsd: "1" })));
    expect(state).toMatchObject({ ok: false, message: "checkFields", errors: { year: ["tradeYearTaken"] } });
    expect(await figureCount()).toBe(1);
    expect(await auditCount()).toBe(before);
  });

  it("refuses the same pair filed the other way round for the same year, but not for another year", async () => {
    await create();
    const reversed = { regionId: String(partner.id), partnerRegionId: String(region.id) };
    const state = await createTradeFigure({}, form(values(reversed)));
    expect(state.errors).toEqual({ year: ["tradeYearReversed"] });
    expect(await prisma.tradeFigure.count({ where: { regionId: partner.id } })).toBe(0);
    const other = await create({ ...reversed, year: "2013" });
    expect(other.regionId).toBe(partner.id);
  });

  it("writes the figure and its audit event together: a failed audit insert leaves no figure", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await createTradeFigure({}, form(values({ sourceTitle: `Source ${FAIL_MARKER}` })));
    error.mockRestore();
    expect(state).toMatchObject({ ok: false, message: "unavailable", values: { sourceTitle: `Source ${FAIL_MARKER}` } });
    expect(await figureCount()).toBe(0);
    expect(await auditCount()).toBe(0);
  });
});

describe("updateTradeFigure", () => {
  it("saves the edit, bumps the version and records before and after", async () => {
    const figure = await create();
    const other = await newRegion("c");
    vi.mocked(revalidatePath).mockClear();
    await expect(
      updateTradeFigure(
        figure.id,
        {},
        form(values({ version: "1", partnerRegionId: String(other.id), turnoverUsd: "260000000", sourceUrl: "https://president.gov.by/" })),
      ),
    ).rejects.toMatchObject(redirected(`/workspace/trade/${figure.id}?saved=updated`));
    const saved = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect(saved).toMatchObject({ partnerRegionId: other.id, version: 2, sourceUrl: "https://president.gov.by/", updatedById: editor.id });
    expect(saved.turnoverUsd.toFixed(2)).toBe("260000000.00");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "trade_figure", entityId: String(figure.id), action: "trade_figure.update" },
    });
    expect(audit.before).toMatchObject({ partnerRegion: partner.nameEn, turnoverUsd: "250000000.00", version: 1 });
    expect(audit.after).toMatchObject({ partnerRegion: other.nameEn, turnoverUsd: "260000000.00", version: 2 });
    // The old partner's page loses the figure, the new one's gains it.
    expect(revalidatePath).toHaveBeenCalledWith(`/regions/${partner.slug}`);
    expect(revalidatePath).toHaveBeenCalledWith(`/regions/${other.slug}`);
  });

  it("lets a figure be turned round without refusing it as its own reversed pair", async () => {
    const figure = await create();
    await expect(
      updateTradeFigure(figure.id, {}, form(values({ version: "1", regionId: String(partner.id), partnerRegionId: String(region.id) }))),
    ).rejects.toMatchObject(redirected("saved=updated"));
    expect(await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).toMatchObject({
      regionId: partner.id,
      partnerRegionId: region.id,
    });
  });

  it("refuses to move a figure onto a pair and year that another figure holds, either way round", async () => {
    const figure = await create();
    await create({ year: "2013" });
    const same = await updateTradeFigure(figure.id, {}, form(values({ version: "1", year: "2013" })));
    expect(same.errors).toEqual({ year: ["tradeYearTaken"] });
    const turned = await updateTradeFigure(
      figure.id,
      {},
      form(values({ version: "1", year: "2013", regionId: String(partner.id), partnerRegionId: String(region.id) })),
    );
    expect(turned.errors).toEqual({ year: ["tradeYearReversed"] });
    expect(await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).toMatchObject({ year: 2014, version: 1 });
  });

  it("refuses a field error without changing the record", async () => {
    const figure = await create();
    const state = await updateTradeFigure(figure.id, {}, form(values({ version: "1", exportsUsd: "300000000" })));
    expect(state.errors).toEqual({ turnoverUsd: ["partsExceedTurnover"] });
    expect(state.values).toMatchObject({ exportsUsd: "300000000" });
    expect((await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).version).toBe(1);
  });

  it("refuses a save from an old version, listing what the other editor changed, and keeps the input", async () => {
    const figure = await create();
    await expect(updateTradeFigure(figure.id, {}, form(values({ version: "1", turnoverUsd: "260000000" })))).rejects.toMatchObject(
      redirected("saved=updated"),
    );
    const before = await auditCount(figure.id);
    const state = await updateTradeFigure(figure.id, {}, form(values({ version: "1", year: "2015", sourceTitle: "Mine" })));
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 } });
    expect(state.conflict?.changes).toEqual([{ field: "turnoverUsd", before: "250000000.00", after: "260000000.00" }]);
    expect(state.values).toMatchObject({ year: "2015", sourceTitle: "Mine" });
    expect(await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).toMatchObject({ year: 2014, version: 2 });
    expect(await auditCount(figure.id)).toBe(before);
  });

  it.each([["abc"], ["2147483648"], ["1.5"], [""], [null]])("answers a tampered bound id %j with invalid", async (id) => {
    const state = await updateTradeFigure(id as never, {}, form(values({ version: "1" })));
    expect(state).toMatchObject({ ok: false, message: "invalid" });
  });

  it("answers an id that does not exist with recordMissing", async () => {
    const state = await updateTradeFigure(2147483647, {}, form(values({ version: "1", year: "1999" })));
    expect(state).toMatchObject({ ok: false, message: "recordMissing" });
  });

  it("refuses to edit an archived figure", async () => {
    const figure = await create();
    await expect(archiveTradeFigure(figure.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected("saved=archived"));
    const state = await updateTradeFigure(figure.id, {}, form(values({ version: "2", turnoverUsd: "1" })));
    expect(state).toMatchObject({ ok: false, message: "recordArchived" });
    expect((await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).turnoverUsd.toFixed(2)).toBe("250000000.00");
  });
});

describe("archiveTradeFigure and restoreTradeFigure", () => {
  it("archive takes the figure off the region pages, restore brings it back; both versioned and audited", async () => {
    const figure = await create();
    expect((await getRegionPage(region.slug))?.trade).toHaveLength(1);

    await expect(archiveTradeFigure(figure.id, {}, form({ version: "1" }))).rejects.toMatchObject(
      redirected(`/workspace/trade/${figure.id}?saved=archived`),
    );
    const archived = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.version).toBe(2);
    expect((await getRegionPage(region.slug))?.trade).toHaveLength(0);
    const archiveEvent = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: String(figure.id), action: "trade_figure.archive" },
    });
    expect(archiveEvent.before).toMatchObject({ archived: false, version: 1 });
    expect(archiveEvent.after).toMatchObject({ archived: true, version: 2 });

    expect(await archiveTradeFigure(figure.id, {}, form({ version: "2" }))).toMatchObject({ ok: false, message: "recordArchived" });

    await expect(restoreTradeFigure(figure.id, {}, form({ version: "2" }))).rejects.toMatchObject(redirected("saved=restored"));
    const restored = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
    expect((await getRegionPage(region.slug))?.trade).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { entityId: String(figure.id), action: "trade_figure.restore" } })).toBe(1);
    expect(await restoreTradeFigure(figure.id, {}, form({ version: "3" }))).toMatchObject({ ok: false, message: "recordLive" });
  });

  it("refuses to archive from an old version, listing the change it has not seen", async () => {
    const figure = await create();
    await expect(updateTradeFigure(figure.id, {}, form(values({ version: "1", sourceTitle: "Newer source" })))).rejects.toMatchObject(
      redirected("saved=updated"),
    );
    const state = await archiveTradeFigure(figure.id, {}, form({ version: "1" }));
    expect(state).toMatchObject({ ok: false, message: "conflict", conflict: { version: 2 } });
    expect(state.conflict?.changes).toEqual([{ field: "sourceTitle", before: values().sourceTitle, after: "Newer source" }]);
    expect((await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).archivedAt).toBeNull();
  });

  it("answers a tampered id or version with invalid and an anonymous request with signedOut", async () => {
    const figure = await create();
    expect(await archiveTradeFigure("x" as never, {}, form({ version: "1" }))).toMatchObject({ message: "invalid" });
    expect(await archiveTradeFigure(figure.id, {}, form({ version: "one" }))).toMatchObject({
      message: "checkFields",
      errors: { version: ["invalid"] },
    });
    expect(await restoreTradeFigure(-1 as never, {}, form({ version: "1" }))).toMatchObject({ message: "invalid" });
    signInAs(getServerSession, null);
    expect(await archiveTradeFigure(figure.id, {}, form({ version: "1" }))).toMatchObject({ message: "signedOut" });
    expect((await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } })).archivedAt).toBeNull();
  });
});
