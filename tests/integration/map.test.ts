import { beforeAll, describe, expect, it } from "vitest";

const { readMapRegions } = await import("@/lib/map/queries");
const { layoutMap, placePartners } = await import("@/lib/map/layout");
const { listRegionPartners } = await import("@/lib/regions/pair");
const { listActivePairs } = await import("@/lib/regions/queries");
const { getRegionPair } = await import("@/lib/regions/pair");
const { readLatestTrade } = await import("@/lib/trade/queries");
const { listMeetings } = await import("@/lib/meetings/queries");
const { MeetingListSchema } = await import("@/lib/meetings/schema");
const { listJointVentures } = await import("@/lib/joint-ventures/queries");
const { parseJointVentureFilterLenient } = await import("@/lib/joint-ventures/schema");
const { paths } = await import("@/lib/paths");
const { prisma, seedOnce } = await import("./setup");

/**
 * The map's figures and the home page's reads against the demo registry: each region's figures equal the totals
 * of the lists they name (the list's own query, parsed by its own schema) and the database counted directly; the
 * home page's pairs are pairs with a page, counted as the page counts them.
 */

const queryOf = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

beforeAll(async () => {
  await seedOnce();
});

describe("the map's figures", () => {
  it("lists every live region once, with the figures of the lists it names", async () => {
    const regions = await readMapRegions();
    const live = await prisma.region.count({ where: { archivedAt: null } });
    expect(regions).toHaveLength(live);
    expect(new Set(regions.map((region) => region.slug)).size).toBe(live);
    for (const region of regions) {
      const meetings = await listMeetings(MeetingListSchema.parse(queryOf(paths.meetings({ region: region.slug }))));
      expect(region.meetings, `${region.slug} meetings`).toBe(meetings.total);
      const ventures = await listJointVentures(parseJointVentureFilterLenient({ region: region.slug }), { page: 1, perPage: 1 });
      expect(region.ventures, `${region.slug} joint ventures`).toBe(ventures.total);
    }
  });

  it("counts Kursk Oblast's meetings, joint ventures and latest trade as the database holds them", async () => {
    const regions = await readMapRegions();
    const kursk = regions.find((region) => region.slug === "kursk-oblast")!;
    const [counted] = await prisma.$queryRaw<{ meetings: number; ventures: number }[]>`
      SELECT
        (SELECT count(*)::int FROM meetings m WHERE m.archived_at IS NULL AND m.id IN (
           SELECT mr.meeting_id FROM meeting_regions mr JOIN regions r ON r.id = mr.region_id WHERE r.slug = 'kursk-oblast'
           UNION SELECT dl.meeting_id FROM discussion_links dl JOIN regions r ON r.id = dl.region_id
                 WHERE r.slug = 'kursk-oblast' AND dl.archived_at IS NULL)) AS meetings,
        (SELECT count(DISTINCT v.id)::int FROM organizations v
           JOIN joint_venture_partners p ON p.venture_id = v.id AND p.archived_at IS NULL
           LEFT JOIN organizations po ON po.id = p.partner_organization_id
           JOIN regions r ON r.id = coalesce(p.partner_region_id, po.region_id)
         WHERE v.kind = 'joint_venture' AND v.archived_at IS NULL AND r.slug = 'kursk-oblast') AS ventures`;
    expect(kursk.meetings).toBe(counted!.meetings);
    expect(kursk.ventures).toBe(counted!.ventures);
    expect(kursk.meetings).toBeGreaterThan(0);
    expect(kursk.ventures).toBeGreaterThan(0);
    // Each region's latest year of trade and its turnover that year, either side of the pair, counted directly
    // (other test files may have filed figures of their own in this database).
    const trade = await prisma.$queryRaw<{ slug: string; year: number | null; usd: number | null }[]>`
      SELECT r.slug, l.year, l.usd FROM regions r LEFT JOIN LATERAL (
        SELECT t.year, sum(t.turnover_usd)::float8 AS usd FROM trade_figures t
        WHERE t.archived_at IS NULL AND r.id IN (t.region_id, t.partner_region_id)
        GROUP BY t.year ORDER BY t.year DESC LIMIT 1) l ON true
      WHERE r.slug IN ('kursk-oblast', 'belarus', 'gomel-region')`;
    for (const row of trade) {
      const region = regions.find((candidate) => candidate.slug === row.slug)!;
      expect({ year: region.tradeYear, usd: region.tradeUsd }, row.slug).toEqual({ year: row.year, usd: row.usd });
    }
    // The demo's trade figure at least: Kursk Oblast with Belarus, 2014, as the meeting of 10 March 2015 reported it.
    expect(kursk.tradeYear).toBeGreaterThanOrEqual(2014);
  });

  it("leaves out an archived meeting", async () => {
    const before = (await readMapRegions()).find((region) => region.slug === "bryansk-oblast")!.meetings;
    const bryansk = await prisma.region.findUniqueOrThrow({ where: { slug: "bryansk-oblast" }, select: { id: true } });
    const slug = `map-archived-${process.pid}-${Date.now()}`;
    await prisma.meeting.create({
      data: {
        slug,
        titleEn: "Archived",
        titleRu: "В архиве",
        date: new Date("2020-01-01"),
        level: "agency",
        archivedAt: new Date(),
        regions: { create: [{ regionId: bryansk.id }] },
      },
    });
    const { invalidate } = await import("@/lib/cache");
    invalidate("meetings");
    expect((await readMapRegions()).find((region) => region.slug === "bryansk-oblast")!.meetings).toBe(before);
  });
});

describe("a region page's map of its partners", () => {
  async function kurskMap() {
    const regions = await readMapRegions();
    const kursk = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" }, select: { id: true } });
    // The partners as the table beside the map lists them.
    const slugs = (await listRegionPartners(kursk.id)).items.map((partner) => partner.slug);
    const layout = layoutMap(regions, new Set(["kursk-oblast", ...slugs]));
    return { regions, slugs, layout, placed: placePartners(layout, slugs, (slug) => slug === "kursk-oblast") };
  }

  it("shows each partner of Kursk Oblast once: a region by its shape, Belarus as a mark amid its regions, none left out", async () => {
    const { slugs, layout, placed } = await kurskMap();
    expect(slugs).toContain("belarus");
    const shown = [...placed.drawn.map((area) => area.slug), ...placed.marked.map((country) => country.slug), ...placed.offMap];
    expect([...shown].sort()).toEqual([...slugs].sort());
    expect(placed.drawn.map((area) => area.slug)).toContain("gomel-region");
    expect(placed.offMap).not.toContain("belarus");

    // Belarus is marked at the middle of its regions drawn in the frame, inside the span of their centres.
    const belarus = placed.marked.find((country) => country.slug === "belarus")!;
    expect(belarus).toBeDefined();
    const centres = layout.areas.filter((area) => area.countryCode === "BY").map((area) => area.centroid);
    expect(centres.length).toBeGreaterThan(1);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(belarus.centroid[0]).toBeCloseTo(mean(centres.map(([x]) => x)), 0);
    expect(belarus.centroid[1]).toBeCloseTo(mean(centres.map(([, y]) => y)), 0);
    expect(belarus.centroid[0]).toBeGreaterThan(Math.min(...centres.map(([x]) => x)));
    expect(belarus.centroid[0]).toBeLessThan(Math.max(...centres.map(([x]) => x)));
  });

  it("lists under the map a partner country with none of its regions in the frame, and never the region itself", async () => {
    const { regions } = await kurskMap();
    const elsewhere = {
      slug: "atlantis",
      nameEn: "Atlantis",
      nameRu: "Атлантида",
      isoCode: null,
      level: "country" as const,
      countryCode: "AQ",
    };
    const layout = layoutMap([...regions, { ...regions[0]!, ...elsewhere }], new Set(["kursk-oblast", "gomel-region"]));
    const placed = placePartners(layout, ["atlantis", "gomel-region", "kursk-oblast"], (slug) => slug === "kursk-oblast");
    expect(placed.offMap).toEqual(["atlantis"]);
    expect(placed.marked).toEqual([]);
    expect(placed.drawn.map((area) => area.slug)).toEqual(["gomel-region"]);
  });
});

describe("the home page's reads", () => {
  it("ranks region pairs that have a page, with the figures their page shows", async () => {
    const pairs = await listActivePairs();
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair.region.slug < pair.partner.slug).toBe(true);
      const page = await getRegionPair(pair.region.slug, pair.partner.slug);
      expect(page, `${pair.region.slug} with ${pair.partner.slug}`).not.toBeNull();
      expect(pair.meetings).toBe(page!.meetings.total);
      expect(pair.ventures).toBe(page!.ventures.total);
    }
    const activity = pairs.map((pair) => pair.meetings + pair.ventures + pair.tradeYears);
    expect(activity).toEqual([...activity].sort((a, b) => b - a));
    // Belarus and Kursk Oblast: the demo's meetings, ventures and its year of trade (other files may add more).
    const belarusKursk = pairs.find((pair) => pair.region.slug === "belarus" && pair.partner.slug === "kursk-oblast");
    expect(belarusKursk?.tradeYears).toBeGreaterThanOrEqual(1);
  });

  it("reads the latest year of trade with its total turnover", async () => {
    const [latest] = await prisma.$queryRaw<{ year: number; turnoverUsd: number; pairs: number }[]>`
      SELECT year, sum(turnover_usd)::float8 AS "turnoverUsd", count(*)::int AS pairs FROM trade_figures
      WHERE archived_at IS NULL GROUP BY year ORDER BY year DESC LIMIT 1`;
    expect(latest).toBeDefined();
    expect(await readLatestTrade()).toEqual(latest);
  });
});
