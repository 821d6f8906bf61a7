import { beforeAll, describe, expect, it } from "vitest";

const { readMapRegions } = await import("@/lib/map/queries");
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
    // The demo's one trade figure: Kursk Oblast with Belarus, 2014, as the meeting of 10 March 2015 reported it.
    expect({ year: kursk.tradeYear, usd: kursk.tradeUsd }).toEqual({ year: 2014, usd: 250_000_000 });
    const belarus = regions.find((region) => region.slug === "belarus")!;
    expect({ year: belarus.tradeYear, usd: belarus.tradeUsd }).toEqual({ year: 2014, usd: 250_000_000 });
    expect(regions.find((region) => region.slug === "gomel-region")!.tradeUsd).toBeNull();
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
    // Belarus and Kursk Oblast: the demo's meetings, ventures and its one year of trade.
    expect(pairs[0]).toMatchObject({ region: { slug: "belarus" }, partner: { slug: "kursk-oblast" }, tradeYears: 1 });
  });

  it("reads the latest year of trade with its total turnover", async () => {
    expect(await readLatestTrade()).toEqual({ year: 2014, turnoverUsd: 250_000_000, pairs: 1 });
  });
});
