import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { getRegionPair, listRegionPartners, canonicalPair } = await import("@/lib/regions/pair");
const { readPairTrade } = await import("@/lib/trade/analysis");
const { listCommitments } = await import("@/lib/commitments/tracker");
const { getBriefing } = await import("@/lib/briefing/queries");
const { SIDE_DEPTH } = await import("@/lib/regions/sides");
const { prisma, seedOnce } = await import("./setup");

// Regions of this file's own, so that every count is of rows it made:
//   A (an oblast), B (a country) with its part B1, C (another oblast), and D (archived).
const run = `${process.pid}-${Date.now()}`;
const slug = (name: string) => `pair-${name}-${run}`;
const ids: Record<string, number> = {};

async function region(name: string, data: { level: "country" | "region"; countryCode: string; parent?: string; archived?: boolean }) {
  const row = await prisma.region.create({
    data: {
      slug: slug(name),
      nameEn: `Pair ${name.toUpperCase()} ${run}`,
      nameRu: `Пара ${name.toUpperCase()} ${run}`,
      level: data.level,
      countryCode: data.countryCode,
      parentId: data.parent ? ids[data.parent] : undefined,
      archivedAt: data.archived ? new Date() : undefined,
    },
    select: { id: true },
  });
  ids[name] = row.id;
}

async function organization(name: string, kind: "enterprise" | "university" | "joint_venture", regionName: string, countryCode: string) {
  const row = await prisma.organization.create({
    data: {
      slug: slug(name),
      kind,
      name: `ООО «${name} ${run}»`,
      nameEn: `${name} ${run}`,
      regionId: ids[regionName]!,
      countryCode,
      status: "active",
    },
    select: { id: true },
  });
  ids[name] = row.id;
}

async function meeting(name: string, date: string, regions: string[], archived = false) {
  const row = await prisma.meeting.create({
    data: {
      slug: slug(name),
      titleEn: `Meeting ${name}`,
      titleRu: `Встреча ${name}`,
      date: new Date(`${date}T00:00:00Z`),
      level: "regional",
      archivedAt: archived ? new Date() : undefined,
      regions: { create: regions.map((r) => ({ regionId: ids[r]! })) },
    },
    select: { id: true },
  });
  ids[name] = row.id;
}

type Partner = { org?: string; region?: string; share: number };
async function venture(name: string, regionName: string, partners: Partner[]) {
  await organization(name, "joint_venture", regionName, regionName.startsWith("b") ? "BY" : "RU");
  await prisma.jointVenturePartner.createMany({
    data: partners.map((p) => ({
      ventureId: ids[name]!,
      partnerOrganizationId: p.org ? ids[p.org] : null,
      partnerRegionId: p.region ? ids[p.region] : null,
      sharePercent: p.share,
    })),
  });
}

const link = (meetingName: string, org: string) =>
  prisma.discussionLink.create({ data: { meetingId: ids[meetingName]!, organizationId: ids[org]!, note: "Discussed." } });

beforeAll(async () => {
  await seedOnce();
  await region("a", { level: "region", countryCode: "RU" });
  await region("b", { level: "country", countryCode: "BY" });
  await region("b1", { level: "region", countryCode: "BY", parent: "b" });
  await region("c", { level: "region", countryCode: "RU" });
  await region("d", { level: "region", countryCode: "BY", archived: true });

  await organization("a-plant", "enterprise", "a", "RU");
  await organization("a-university", "university", "a", "RU");
  await organization("b1-plant", "enterprise", "b1", "BY");
  await organization("b-plant", "enterprise", "b", "BY");
  await organization("c-plant", "enterprise", "c", "RU");

  // Both sides: an organization of A with one of B's part B1; A's plant with B's government.
  await venture("jv-both", "a", [
    { org: "a-plant", share: 50 },
    { org: "b1-plant", share: 50 },
  ]);
  await venture("jv-government", "b1", [
    { org: "a-plant", share: 40 },
    { region: "b", share: 60 },
  ]);
  // One side only: A with A, B1 with C. Neither is the pair's.
  await venture("jv-a-only", "a", [
    { org: "a-plant", share: 30 },
    { org: "a-university", share: 30 },
  ]);
  await venture("jv-b-c", "b1", [
    { org: "b1-plant", share: 50 },
    { org: "c-plant", share: 50 },
  ]);

  await meeting("m-2020", "2020-05-01", ["a", "b1"]);
  await meeting("m-2021", "2021-06-01", ["a", "b"]);
  await meeting("m-a-c", "2022-01-01", ["a", "c"]);
  await meeting("m-archived", "2023-01-01", ["a", "b"], true);
  await link("m-2020", "a-plant");
  await link("m-2021", "b-plant");
  await link("m-a-c", "c-plant");
  await link("m-archived", "a-university");

  const commitment = (text: string, status: "proposed" | "fulfilled" | "in_progress", parties: string[]) =>
    prisma.commitment.create({
      data: {
        meetingId: ids["m-2021"]!,
        textEn: `${text} ${run}`,
        textRu: `${text} ${run}`,
        status,
        parties: { create: parties.map((p) => ({ regionId: ids[p]! })) },
      },
    });
  await commitment("Open both", "proposed", ["a", "b"]);
  await commitment("In progress both", "in_progress", ["a", "b"]);
  await commitment("Fulfilled both", "fulfilled", ["a", "b"]);

  // Filed from both sides on purpose: the pair reads the same whichever side a year was filed from.
  await prisma.tradeFigure.create({
    data: {
      regionId: ids.a!,
      partnerRegionId: ids.b!,
      year: 2019,
      turnoverUsd: "100.00",
      exportsUsd: "60.00",
      importsUsd: "40.00",
      sourceTitle: "Test",
    },
  });
  await prisma.tradeFigure.create({
    data: {
      regionId: ids.b!,
      partnerRegionId: ids.a!,
      year: 2020,
      turnoverUsd: "120.00",
      exportsUsd: "50.00",
      importsUsd: "70.00",
      sourceTitle: "Test",
    },
  });
});

afterAll(() => prisma.$disconnect());

const slugsOf = (items: { slug: string }[]) => items.map((item) => item.slug);

describe("the region pair", () => {
  it("lists the meetings whose regions include both sides, a part counting for its region, newest first", async () => {
    const pair = await getRegionPair(slug("a"), slug("b"));
    expect(pair).not.toBeNull();
    expect(slugsOf(pair!.meetings.items)).toEqual([slug("m-2021"), slug("m-2020")]);
    expect(pair!.meetings.total).toBe(2);
  });

  it("lists the joint ventures with a partner on each side and leaves out one-sided ones", async () => {
    const pair = await getRegionPair(slug("a"), slug("b"));
    expect(new Set(slugsOf(pair!.ventures.items))).toEqual(new Set([slug("jv-both"), slug("jv-government")]));
    expect(pair!.ventures.total).toBe(2);
    const government = pair!.ventures.items.find((v) => v.slug === slug("jv-government"));
    expect(government?.partners).toEqual([
      expect.objectContaining({
        side: "partner",
        organization: null,
        region: expect.objectContaining({ slug: slug("b") }),
        sharePercent: 60,
      }),
      expect.objectContaining({ side: "region", organization: expect.objectContaining({ slug: slug("a-plant") }), sharePercent: 40 }),
    ]);
  });

  it("names each side's enterprises and universities that took part, with how", async () => {
    const pair = await getRegionPair(slug("a"), slug("b"));
    expect(pair!.organizations.region.items.map((o) => [o.slug, o.meetings, o.ventures])).toEqual([[slug("a-plant"), 1, 2]]);
    expect(pair!.organizations.region.total).toBe(1);
    // B's side: B's own plant (discussed) and its part B1's plant (a venture partner); not C's plant.
    expect(new Set(pair!.organizations.partner.items.map((o) => [o.slug, o.meetings, o.ventures].join()))).toEqual(
      new Set([[slug("b-plant"), 1, 0].join(), [slug("b1-plant"), 0, 1].join()]),
    );
    expect(pair!.organizations.partner.total).toBe(2);
  });

  it("shows the same content from either side, the sides swapped", async () => {
    const ab = (await getRegionPair(slug("a"), slug("b")))!;
    const ba = (await getRegionPair(slug("b"), slug("a")))!;
    expect(ba.region.slug).toBe(slug("b"));
    expect(ba.partner.slug).toBe(slug("a"));
    expect(ba.canonical).toEqual(ab.canonical);
    expect(ba.canonical).toEqual(canonicalPair(slug("a"), slug("b")));
    expect(ba.meetings).toEqual(ab.meetings);
    expect(slugsOf(ba.ventures.items)).toEqual(slugsOf(ab.ventures.items));
    const sides = (pair: typeof ab) => pair.ventures.items.flatMap((v) => v.partners.map((p) => `${p.region.slug}:${p.side}`));
    expect(sides(ba)).toEqual(sides(ab).map((s) => s.replace(":region", ":x").replace(":partner", ":region").replace(":x", ":partner")));
    expect(ba.organizations.region).toEqual(ab.organizations.partner);
    expect(ba.organizations.partner).toEqual(ab.organizations.region);
  });

  it("reads the same open commitments from either side, and the trade with exports and imports swapped", async () => {
    const open = async (regions: string[]) =>
      (await listCommitments({ region: regions, open: true }, "en")).items.map((c) => c.text).sort();
    const expected = [`In progress both ${run}`, `Open both ${run}`];
    expect(await open([slug("a"), slug("b")])).toEqual(expected);
    expect(await open([slug("b"), slug("a")])).toEqual(expected);

    const fromA = await readPairTrade(ids.a!, ids.b!);
    const fromB = await readPairTrade(ids.b!, ids.a!);
    expect(fromA.map((y) => [y.year, y.turnoverUsd, y.exportsUsd, y.importsUsd])).toEqual([
      [2019, 100, 60, 40],
      [2020, 120, 70, 50],
    ]);
    expect(fromB.map((y) => [y.year, y.turnoverUsd, y.exportsUsd, y.importsUsd])).toEqual([
      [2019, 100, 40, 60],
      [2020, 120, 50, 70],
    ]);
  });

  it("is no pair for an unknown or archived region, a region with itself, or a region with its own part", async () => {
    expect(await getRegionPair(slug("a"), slug("a"))).toBeNull();
    expect(await getRegionPair(slug("a"), "no-such-region")).toBeNull();
    expect(await getRegionPair("no-such-region", slug("a"))).toBeNull();
    expect(await getRegionPair(slug("a"), slug("d"))).toBeNull();
    expect(await getRegionPair(slug("b"), slug("b1"))).toBeNull();
    expect(await getRegionPair(slug("b1"), slug("b"))).toBeNull();
  });

  it("gives an empty pair with nothing in common, not an error", async () => {
    const pair = await getRegionPair(slug("c"), slug("b"));
    expect(pair).not.toBeNull();
    expect(pair!.meetings).toEqual({ items: [], total: 0 });
    // jv-b-c: B1's plant with C's: a venture of the pair C-B.
    expect(slugsOf(pair!.ventures.items)).toEqual([slug("jv-b-c")]);
  });
});

describe("a region's partners", () => {
  it("names the regions met, shared in ventures or traded with, as recorded and as the regions they are part of", async () => {
    const partners = await listRegionPartners(ids.a!);
    const bySlug = new Map(partners.items.map((p) => [p.slug, [p.meetings, p.ventures, p.tradeYears]]));
    // B with its part B1: the meetings with B1 and with B, the ventures with B1's plant and B's government.
    expect(bySlug.get(slug("b"))).toEqual([2, 2, 2]);
    expect(bySlug.get(slug("b1"))).toEqual([1, 1, 0]);
    expect(bySlug.get(slug("c"))).toEqual([1, 0, 0]);
    expect(partners.total).toBe(3);
    expect(partners.items[0]?.slug).toBe(slug("b"));

    // B counts with its part B1, and never lists B1 as a partner of its own.
    const ofB = await listRegionPartners(ids.b!);
    expect(ofB.items.map((p) => p.slug)).not.toContain(slug("b1"));
    expect(ofB.items.find((p) => p.slug === slug("a"))).toMatchObject({ meetings: 2, ventures: 2, tradeYears: 2 });
    expect(ofB.items.find((p) => p.slug === slug("c"))).toMatchObject({ meetings: 0, ventures: 1 });
  });

  it("counts for each partner what the pair page shows", async () => {
    const demo = await prisma.region.findMany({ where: { slug: { in: ["kursk-oblast", "belarus"] } }, select: { id: true, slug: true } });
    const regions = [...["a", "b", "b1", "c"].map((name) => ({ id: ids[name]!, slug: slug(name) })), ...demo];
    expect(regions).toHaveLength(6);
    for (const region of regions) {
      const partners = await listRegionPartners(region.id);
      expect(partners.items.length).toBeGreaterThan(0);
      for (const partner of partners.items) {
        const pair = await getRegionPair(region.slug, partner.slug);
        expect(pair, `${region.slug} with ${partner.slug}`).not.toBeNull();
        expect([pair!.meetings.total, pair!.ventures.total], `${region.slug} with ${partner.slug}`).toEqual([
          partner.meetings,
          partner.ventures,
        ]);
      }
    }
  });
});

// A country of its own (BZ) with a chain of parts, each the part of the one before, and an oblast (PZ) that met
// and shares a venture with two of them: the part SIDE_DEPTH levels down, as deep as a side reaches, and the one
// below it, past that. The pair page, the briefing and a region's partners must all count the first and not the second.
describe("a side as deep as it reaches, the same on the pair page, in the briefing and among a region's partners", () => {
  const chain = Array.from({ length: SIDE_DEPTH + 1 }, (_, i) => `bz${i + 1}`);
  const deepest = chain[SIDE_DEPTH - 1]!;
  const tooDeep = chain[SIDE_DEPTH]!;

  beforeAll(async () => {
    await region("bz", { level: "country", countryCode: "BY" });
    for (const [i, part] of chain.entries())
      await region(part, { level: "region", countryCode: "BY", parent: i === 0 ? "bz" : chain[i - 1] });
    await region("pz", { level: "region", countryCode: "RU" });
    await organization("pz-plant", "enterprise", "pz", "RU");
    for (const part of [deepest, tooDeep]) {
      await organization(`${part}-plant`, "enterprise", part, "BY");
      await meeting(`${part}-meeting`, "2024-03-01", [part, "pz"]);
      await link(`${part}-meeting`, `${part}-plant`);
      await venture(`${part}-venture`, part, [
        { org: `${part}-plant`, share: 50 },
        { org: "pz-plant", share: 50 },
      ]);
    }
  });

  it(`counts a part ${SIDE_DEPTH} levels down on the pair page, and none deeper`, async () => {
    const pair = await getRegionPair(slug("bz"), slug("pz"));
    expect(slugsOf(pair!.meetings.items)).toEqual([slug(`${deepest}-meeting`)]);
    expect(slugsOf(pair!.ventures.items)).toEqual([slug(`${deepest}-venture`)]);
    expect(slugsOf(pair!.organizations.region.items)).toEqual([slug(`${deepest}-plant`)]);
  });

  it(`counts a part ${SIDE_DEPTH} levels down in the briefing, of the pair and of the country alone, and none deeper`, async () => {
    const ofPair = await getBriefing(slug("bz"), slug("pz"));
    expect(slugsOf(ofPair!.meetings.items)).toEqual([slug(`${deepest}-meeting`)]);
    expect(ofPair!.meetings.total).toBe(1);
    expect(slugsOf(ofPair!.jointVentures.items)).toEqual([slug(`${deepest}-venture`)]);
    expect(ofPair!.jointVentures.total).toBe(1);
    expect(slugsOf(ofPair!.organizations)).toEqual([slug(`${deepest}-plant`)]);

    const alone = await getBriefing(slug("bz"));
    expect(slugsOf(alone!.meetings.items)).toEqual([slug(`${deepest}-meeting`)]);
    expect(slugsOf(alone!.jointVentures.items)).toEqual([slug(`${deepest}-venture`)]);
  });

  it(`names the country among the oblast's partners for what its part ${SIDE_DEPTH} levels down did`, async () => {
    const partners = await listRegionPartners(ids.pz!);
    const bySlug = new Map(partners.items.map((p) => [p.slug, [p.meetings, p.ventures]]));
    // The country for its deepest part's meeting and venture only; its first part, for both parts'.
    expect(bySlug.get(slug("bz"))).toEqual([1, 1]);
    expect(bySlug.get(slug(chain[0]!))).toEqual([2, 2]);
    expect(bySlug.get(slug(tooDeep))).toEqual([1, 1]);
  });
});
