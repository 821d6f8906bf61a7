import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";

const { listLatestMeetings, listMeetings, getMeetingPage } = await import("@/lib/meetings/queries");
const { lookupRecords } = await import("@/lib/search/queries");
const { listOrganizations } = await import("@/lib/organizations/queries");
const { getRegionPage, listRegions } = await import("@/lib/regions/queries");
const { countOrganizationsBySector, listSectorsWithCounts, getSector } = await import("@/lib/sectors/queries");
const { OrganizationListSchema } = await import("@/lib/organizations/schema");
const { MeetingListSchema } = await import("@/lib/meetings/schema");
const { prisma, seedOnce } = await import("./setup");

// A fresh region of its own per run, so that counts are checked against rows this file made and knows.
const run = `${process.pid}-${Date.now()}`;
const regionSlug = `browse-test-${run}`;
let regionId: number;
const ORGANIZATIONS = 60;

/** The n-th of a few values, round and round. */
const cycle = <T>(values: readonly [T, ...T[]], n: number): T => values[n % values.length] ?? values[0];

/** Organization n: a mix of kinds, statuses, founding years and sectors; every fourth has no English name. */
function organizationData(n: number) {
  return {
    slug: `browse-org-${run}-${n}`,
    kind: cycle(["enterprise", "university", "joint_venture"] as const, n),
    name: `ООО «Браузер ${String.fromCharCode(0x410 + (n % 32))}${n} ${run}»`,
    nameEn: n % 4 === 0 ? null : `Browse ${String.fromCharCode(65 + ((n * 7) % 26))}${n}`,
    regionId,
    countryCode: "RU",
    status: cycle(["active", "planned", "closed"] as const, n),
    foundedYear: n % 5 === 0 ? null : 1990 + (n % 30),
  };
}

/** Division of organization n: 25 (section C), 10 (section C) or 01 (section A). */
const divisionOf = (n: number) => cycle(["25", "10", "01"] as const, n);

async function directCount(condition: Prisma.Sql) {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM organizations o WHERE o.archived_at IS NULL AND o.region_id = ${regionId} AND ${condition}`;
  return row?.n ?? 0;
}

const list = (query: Record<string, string>, locale: "en" | "ru" = "en") =>
  listOrganizations(OrganizationListSchema.parse({ region: regionSlug, ...query }), locale);

beforeAll(async () => {
  await seedOnce();
  regionId = (
    await prisma.region.create({
      data: { slug: regionSlug, nameEn: `Browse Test ${run}`, nameRu: `Тестовая ${run}`, level: "region", countryCode: "RU" },
      select: { id: true },
    })
  ).id;
  await prisma.organization.createMany({ data: Array.from({ length: ORGANIZATIONS }, (_, i) => organizationData(i + 1)) });
  // One archived organization: lists and counts leave it out.
  await prisma.organization.create({ data: { ...organizationData(999), archivedAt: new Date() } });
  const created = await prisma.organization.findMany({ where: { regionId }, select: { id: true, slug: true } });
  await prisma.organizationSector.createMany({
    data: created.map((org) => {
      const n = Number(org.slug.split("-").pop());
      return { organizationId: org.id, sectorCode: divisionOf(n), isPrimary: true };
    }),
  });
  // Some organizations sit in two divisions of section C: the section counts them once.
  await prisma.organizationSector.createMany({
    data: created.filter((org) => Number(org.slug.split("-").pop()) % 3 === 0).map((org) => ({ organizationId: org.id, sectorCode: "10" })),
  });
});

afterAll(() => prisma.$disconnect());

describe("listOrganizations", () => {
  it("serves at most a page of rows, with the total of the filter, and pages neither repeat nor skip", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list({ page: String(page) })));
    expect(pages.map((p) => p.items.length)).toEqual([25, 25, 10]);
    expect(pages[0]?.total).toBe(ORGANIZATIONS);
    expect(pages[0]?.pageCount).toBe(3);
    const slugs = pages.flatMap((p) => p.items.map((o) => o.slug));
    expect(new Set(slugs).size).toBe(ORGANIZATIONS);
    expect(slugs).not.toContain(`browse-org-${run}-999`);
    expect((await list({ page: "4" })).items).toEqual([]);
  });

  it("gives the row the list shows: region and primary sector", async () => {
    const { items } = await list({ perPage: "100" });
    const first = items.find((o) => o.slug === `browse-org-${run}-1`);
    expect(first).toMatchObject({ kind: "university", status: "planned", region: { slug: regionSlug }, primarySector: { code: "10" } });
    // Organization 3 is in divisions 25 (primary) and 10: one row, its primary sector shown.
    expect(items.filter((o) => o.slug === `browse-org-${run}-3`).map((o) => o.primarySector?.code)).toEqual(["25"]);
  });

  it.each([
    [{ kind: "university" }, Prisma.sql`o.kind = 'university'`],
    [{ status: "closed" }, Prisma.sql`o.status = 'closed'`],
    [{ country: "RU", kind: "joint_venture" }, Prisma.sql`o.country_code = 'RU' AND o.kind = 'joint_venture'`],
    [{ sector: "25" }, Prisma.sql`o.id IN (SELECT organization_id FROM organization_sectors WHERE sector_code = '25')`],
    [{ sector: "A" }, Prisma.sql`o.id IN (SELECT organization_id FROM organization_sectors WHERE sector_code = '01')`],
    [
      { sector: "C", status: "active" },
      Prisma.sql`o.status = 'active' AND o.id IN (SELECT organization_id FROM organization_sectors WHERE sector_code IN ('10', '25'))`,
    ],
  ])("counts %o as SQL does", async (query, condition) => {
    const expected = await directCount(condition);
    expect(expected).toBeGreaterThan(0);
    const result = await list({ ...query, perPage: "10" });
    expect(result.total).toBe(expected);
    expect(result.items.length).toBe(Math.min(10, expected));
  });

  it("includes the organizations of a section's divisions when filtered by the section", async () => {
    const { items, total } = await list({ sector: "C", perPage: "100" });
    const divisions = new Set(items.map((o) => o.primarySector?.code));
    expect(divisions).toEqual(new Set(["25", "10"]));
    expect(total).toBe(40);
  });

  it("matches nothing for a region or sector that does not exist", async () => {
    expect((await listOrganizations(OrganizationListSchema.parse({ region: "no-such-region" }), "en")).total).toBe(0);
    expect((await list({ sector: "99" })).total).toBe(0);
  });

  it("sorts by the name the reader sees: English (else registered) in English, registered in Russian", async () => {
    const en = (await list({ perPage: "100" }, "en")).items;
    const expectedEn = await prisma.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM organizations WHERE region_id = ${regionId} AND archived_at IS NULL ORDER BY coalesce(name_en, name), id`;
    expect(en.map((o) => o.slug)).toEqual(expectedEn.map((o) => o.slug));

    const ru = (await list({ perPage: "100" }, "ru")).items;
    const expectedRu = await prisma.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM organizations WHERE region_id = ${regionId} AND archived_at IS NULL ORDER BY name, id`;
    expect(ru.map((o) => o.slug)).toEqual(expectedRu.map((o) => o.slug));
    expect(ru.map((o) => o.slug)).not.toEqual(en.map((o) => o.slug));

    const descending = (await list({ perPage: "100", sort: "name-desc" }, "ru")).items;
    expect(descending.map((o) => o.slug)).toEqual(expectedRu.map((o) => o.slug).reverse());
  });

  it("sorts by founding year either way, unknown years last", async () => {
    const years = (sort: string) => list({ perPage: "100", sort }).then((r) => r.items.map((o) => o.foundedYear));
    const ascending = await years("founded-asc");
    const known = ascending.filter((y): y is number => y !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(ascending.slice(known.length).every((y) => y === null)).toBe(true);
    const descending = await years("founded-desc");
    expect(descending.filter((y) => y !== null)).toEqual([...known].reverse());
  });
});

describe("sectors", () => {
  it("counts live organizations per division and distinct ones per section, as SQL does", async () => {
    const counts = await countOrganizationsBySector();
    const direct = await prisma.$queryRaw<{ code: string; n: number }[]>`
      SELECT x.code, count(DISTINCT x.organization_id)::int AS n FROM (
        SELECT os.sector_code AS code, os.organization_id FROM organization_sectors os
        UNION ALL
        SELECT s.section_code, os.organization_id FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code WHERE s.section_code IS NOT NULL
      ) x JOIN organizations o ON o.id = x.organization_id AND o.archived_at IS NULL
      WHERE x.code IN ('C', '10', '25', 'A', '01', 'B')
      GROUP BY x.code`;
    expect(direct.length).toBeGreaterThan(3);
    for (const row of direct) expect([row.code, counts.get(row.code)]).toEqual([row.code, row.n]);
  });

  it("lists the 21 sections with their 88 divisions", async () => {
    const sections = await listSectorsWithCounts();
    expect(sections).toHaveLength(21);
    expect(sections.flatMap((s) => s.divisions)).toHaveLength(88);
    const c = sections.find((s) => s.code === "C");
    expect(c?.divisions.find((d) => d.code === "25")?.organizations).toBeGreaterThanOrEqual(20);
    // Section C: the 40 organizations of this file in 10 or 25 (some in both), plus any from the seed.
    expect(c?.organizations).toBeGreaterThanOrEqual(40);
  });

  it("finds a section with its divisions and a division with its section, and nothing for other codes", async () => {
    expect((await getSector("C"))?.divisions.map((d) => d.code)).toContain("25");
    expect((await getSector("25"))?.section?.code).toBe("C");
    expect(await getSector("ZZ")).toBeNull();
  });
});

describe("meetings", () => {
  const meetingSlug = (n: number) => `browse-meeting-${run}-${n}`;
  beforeAll(async () => {
    // Twelve meetings with the test region, one a month of 2031 and 2032; the region is discussed at each.
    for (let n = 1; n <= 12; n++) {
      const meeting = await prisma.meeting.create({
        data: {
          slug: meetingSlug(n),
          titleEn: `Browse meeting ${n}`,
          titleRu: `Встреча ${n}`,
          date: new Date(Date.UTC(n <= 6 ? 2031 : 2032, n % 12, 15)),
          level: n % 2 === 0 ? "regional" : "government",
          regions: { create: { regionId } },
        },
        select: { id: true },
      });
      await prisma.discussionLink.create({ data: { meetingId: meeting.id, regionId, note: `Note ${n}` } });
    }
  });

  it("lists the newest first, bounded, with the total", async () => {
    const page = await listMeetings(MeetingListSchema.parse({ region: regionSlug, perPage: "5" }));
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);
    const dates = page.items.map((m) => m.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(page.items[0]?.discussed).toBe(1);
  });

  it("filters by year and level and sorts oldest first on request", async () => {
    const in2031 = await listMeetings(MeetingListSchema.parse({ region: regionSlug, year: "2031", perPage: "100" }));
    expect(in2031.total).toBe(6);
    expect(in2031.items.every((m) => m.date.getUTCFullYear() === 2031)).toBe(true);
    const regional = await listMeetings(
      MeetingListSchema.parse({ region: regionSlug, level: "regional", sort: "date-asc", perPage: "100" }),
    );
    expect(regional.total).toBe(6);
    const dates = regional.items.map((m) => m.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it("gives the home page the five latest meetings only", async () => {
    const latest = await listLatestMeetings();
    expect(latest).toHaveLength(5);
    const [newest] = await prisma.meeting.findMany({ where: { archivedAt: null }, orderBy: [{ date: "desc" }, { id: "desc" }], take: 1 });
    expect(latest[0]?.slug).toBe(newest?.slug);
  });

  it("bounds a region's page: the ten latest meetings of its timeline and the total", async () => {
    const page = await getRegionPage(regionSlug);
    expect(page?.timeline).toHaveLength(10);
    expect(page?.timelineTotal).toBe(12);
    expect(page?.timeline[0]?.meeting.slug).toBe(meetingSlug(12 - 1)); // 15 Dec 2032 is n = 11 (month index 11).
    expect(page?.trade.length).toBeLessThanOrEqual(50);
  });

  it("pages what was discussed at a meeting", async () => {
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { slug: meetingSlug(1) }, select: { id: true } });
    const organizations = await prisma.organization.findMany({ where: { regionId, archivedAt: null }, select: { id: true }, take: 55 });
    await prisma.discussionLink.createMany({
      data: organizations.map((o) => ({ meetingId: meeting.id, organizationId: o.id, note: "Discussed" })),
    });
    const first = await getMeetingPage(meetingSlug(1), 1);
    const second = await getMeetingPage(meetingSlug(1), 2);
    expect(first?.discussed).toMatchObject({ total: 56, pageCount: 2 });
    expect(first?.discussed.items).toHaveLength(50);
    expect(second?.discussed.items).toHaveLength(6);
  });
});

describe("listRegions", () => {
  it("counts each region's live organizations in SQL", async () => {
    const page = await listRegions({ country: "RU", level: "region", page: 1, perPage: 100 }, "en");
    const row = page.items.find((r) => r.slug === regionSlug);
    expect(row?.organizations).toBe(ORGANIZATIONS);
    expect(page.items.every((r) => r.country.code === "RU" && r.level === "region")).toBe(true);
    const [direct] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM regions WHERE archived_at IS NULL AND country_code = 'RU' AND level = 'region'`;
    expect(page.total).toBe(direct?.n);
  });
});

describe("lookupRecords (the staff pickers)", () => {
  const organizations = (q: string, kind?: "enterprise" | "university" | "joint_venture") =>
    lookupRecords({ type: "organization", q, kind });

  it("offers nothing for nothing typed, and at most 10 matches of a search in either script", async () => {
    expect(await organizations("")).toEqual([]);
    expect((await organizations("browse")).length).toBe(10);
    expect((await organizations("Браузер")).length).toBe(10);
    // Organization 1 is "ООО «Браузер Б1 <run>»": found by its Cyrillic name, case-folded, and by its romanised form.
    for (const term of [`браузер Б1 ${run}`, `BRAUZER B1 ${run}`]) {
      expect((await organizations(term))[0]?.labelRu).toBe(`ООО «Браузер Б1 ${run}»`);
    }
  });

  it("narrows to one kind, leaves archived records out, and takes % and _ literally", async () => {
    const ventures = await organizations(`Браузер ${run}`, "joint_venture");
    expect(ventures.length).toBeGreaterThan(0);
    const kinds = await prisma.organization.findMany({ where: { id: { in: ventures.map((v) => Number(v.id)) } }, select: { kind: true } });
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["joint_venture"]));
    const archived = await prisma.organization.findFirstOrThrow({ where: { slug: `browse-org-${run}-1` } });
    await prisma.organization.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    expect((await organizations(`браузер Б1 ${run}`)).map((o) => o.id)).not.toContain(archived.id);
    await prisma.organization.update({ where: { id: archived.id }, data: { archivedAt: null } });
    expect(await organizations("%")).toEqual([]);
    expect(await organizations("_")).toEqual([]);
  });

  it("finds regions, meetings and sectors", async () => {
    expect((await lookupRecords({ type: "region", q: "Курск" })).map((r) => r.labelEn)).toContain("Kursk Oblast");
    expect((await lookupRecords({ type: "meeting", q: "Lukashenko" })).length).toBeGreaterThan(0);
    expect((await lookupRecords({ type: "sector", q: "28" }))[0]).toMatchObject({ id: "28" });
  });
});

describe("a region's trade", () => {
  it("derives growth from the year before whichever way each year was filed, seen from the region's side", async () => {
    const [region, partner] = await Promise.all(
      ["a", "b"].map((side) =>
        prisma.region.create({
          data: {
            slug: `trade-${side}-${run}`,
            nameEn: `Trade ${side} ${run}`,
            nameRu: `Торговля ${side} ${run}`,
            level: "region",
            countryCode: "RU",
          },
          select: { id: true, slug: true },
        }),
      ),
    );
    if (!region || !partner) throw new Error("regions not created");
    const source = { sourceTitle: "Customs statistics" };
    await prisma.tradeFigure.createMany({
      data: [
        // 2013 filed from the region, 2014 from the partner: one pair, one series.
        { regionId: region.id, partnerRegionId: partner.id, year: 2013, turnoverUsd: "200000000.00", ...source },
        {
          regionId: partner.id,
          partnerRegionId: region.id,
          year: 2014,
          turnoverUsd: "250000000.00",
          exportsUsd: "100000000.00",
          importsUsd: "150000000.00",
          ...source,
        },
      ],
    });
    const page = await getRegionPage(region.slug);
    const [latest, earlier] = page?.trade ?? [];
    expect(latest).toMatchObject({ year: 2014, turnoverUsd: 250_000_000, exportsUsd: 150_000_000, importsUsd: 100_000_000 });
    expect(latest?.growthPercent).toBeCloseTo(25, 10);
    expect(earlier).toMatchObject({ year: 2013, growthPercent: null });
  });
});
