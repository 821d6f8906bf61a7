import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTradePair, listTradePairs, listTradeYears, readPairTrade } from "@/lib/trade/analysis";
import { growthBasis } from "@/lib/trade/series";
import { TradeListSchema } from "@/lib/trade/schema";
import { prisma, seedOnce } from "./setup";

/**
 * The trade analysis against hand-computed figures. The regions sit in two made-up countries (XA, XB) that no
 * other test uses, so the overview filtered to them holds only the pairs made here.
 */

type Region = { id: number; slug: string; nameEn: string };
const run = `${process.pid}-${Date.now()}`;
let n = 0;

async function region(label: string, countryCode: "XA" | "XB", nameEn = label): Promise<Region> {
  n += 1;
  return prisma.region.create({
    data: {
      slug: `trade-an-${label.toLowerCase().replace(/\W+/g, "-")}-${run}-${n}`,
      nameEn: `${nameEn} ${run}`,
      nameRu: `${nameEn} ${run} (рус.)`,
      level: "region",
      countryCode,
    },
    select: { id: true, slug: true, nameEn: true },
  });
}

type Figure = { year: number; turnover: string; exports?: string; imports?: string; url?: string };

async function file(from: Region, to: Region, figure: Figure) {
  return prisma.tradeFigure.create({
    data: {
      regionId: from.id,
      partnerRegionId: to.id,
      year: figure.year,
      turnoverUsd: figure.turnover,
      exportsUsd: figure.exports ?? null,
      importsUsd: figure.imports ?? null,
      sourceTitle: `Source ${figure.year}`,
      sourceUrl: figure.url ?? null,
    },
    select: { id: true },
  });
}

const list = (query: Record<string, string>) => listTradePairs(TradeListSchema.parse(query), "en");

// A–B: 2013 filed from A, 2014 filed from B (one series), 2016 after a missing 2015.
let a: Region, b: Region;
// C–D: a zero year, then growth from it; E–F: the same turnover as C–D; G–H: archived.
let c: Region, d: Region, e: Region, f: Region, g: Region, h: Region;

beforeAll(async () => {
  await seedOnce();
  await prisma.country.createMany({
    data: [
      { code: "XA", nameEn: "Testland A", nameRu: "Тестовая страна А" },
      { code: "XB", nameEn: "Testland B", nameRu: "Тестовая страна Б" },
    ],
    skipDuplicates: true,
  });
  a = await region("Alpha", "XA");
  b = await region("Beta", "XB");
  c = await region("Gamma", "XA");
  d = await region("Delta", "XA");
  e = await region("Epsilon", "XA");
  f = await region("Zeta", "XB");
  g = await region("Eta", "XA");
  h = await region("Theta", "XB");
  await file(a, b, { year: 2013, turnover: "150000000", exports: "100000000", imports: "50000000", url: "https://example.org/2013" });
  await file(b, a, { year: 2014, turnover: "165000000", exports: "90000000", imports: "75000000" });
  await file(a, b, { year: 2016, turnover: "120000000" });
  await file(c, d, { year: 2013, turnover: "0" });
  await file(d, c, { year: 2014, turnover: "165000000" });
  await file(f, e, { year: 2013, turnover: "200000000" });
  await file(e, f, { year: 2014, turnover: "165000000" });
  const archived = await file(g, h, { year: 2014, turnover: "900000000" });
  await prisma.tradeFigure.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  await file(g, h, { year: 2013, turnover: "800000000" });
});

afterAll(() => prisma.$disconnect());

describe("a pair's series", () => {
  it("joins figures filed from either side into one series, exports and imports seen from the first region", async () => {
    const fromA = await readPairTrade(a.id, b.id);
    expect(fromA).toEqual([
      {
        year: 2013,
        turnoverUsd: 150_000_000,
        exportsUsd: 100_000_000,
        importsUsd: 50_000_000,
        growthPercent: null,
        source: { title: "Source 2013", url: "https://example.org/2013" },
      },
      // Filed by B: B's exports are A's imports.
      {
        year: 2014,
        turnoverUsd: 165_000_000,
        exportsUsd: 75_000_000,
        importsUsd: 90_000_000,
        growthPercent: expect.closeTo(10, 10),
        source: { title: "Source 2014", url: null },
      },
      // 2015 is missing: no growth for 2016.
      {
        year: 2016,
        turnoverUsd: 120_000_000,
        exportsUsd: null,
        importsUsd: null,
        growthPercent: null,
        source: { title: "Source 2016", url: null },
      },
    ]);
    expect(growthBasis(fromA, 2013)).toBe("previousMissing");
    expect(growthBasis(fromA, 2014)).toBe("recorded");
    expect(growthBasis(fromA, 2016)).toBe("previousMissing");

    const fromB = await readPairTrade(b.id, a.id);
    expect(fromB.map((y) => [y.year, y.exportsUsd, y.importsUsd])).toEqual([
      [2013, 50_000_000, 100_000_000],
      [2014, 90_000_000, 75_000_000],
      [2016, null, null],
    ]);
    expect(fromB[1]!.growthPercent).toBeCloseTo(10, 10);
  });

  it("gives no growth on a year whose turnover was zero, and says why", async () => {
    const years = await readPairTrade(c.id, d.id);
    expect(years.map((y) => [y.year, y.turnoverUsd, y.growthPercent])).toEqual([
      [2013, 0, null],
      [2014, 165_000_000, null],
    ]);
    expect(growthBasis(years, 2014)).toBe("previousZero");
  });

  it("leaves out archived figures, and archived regions' pairs altogether", async () => {
    expect((await readPairTrade(g.id, h.id)).map((y) => y.year)).toEqual([2013]);
    const lone = await region("Iota", "XA");
    await file(lone, a, { year: 2013, turnover: "5000" });
    expect(await readPairTrade(lone.id, a.id)).toHaveLength(1);
    await prisma.region.update({ where: { id: lone.id }, data: { archivedAt: new Date() } });
    expect(await readPairTrade(a.id, lone.id)).toEqual([]);
    expect(await getTradePair(a.slug, lone.slug)).toBeNull();
  });

  it("finds a pair by slugs in either order; an unknown slug or a region with itself is no pair", async () => {
    const pair = await getTradePair(b.slug, a.slug);
    expect(pair?.region.slug).toBe(b.slug);
    expect(pair?.partner.slug).toBe(a.slug);
    expect(pair?.years.map((y) => y.year)).toEqual([2013, 2014, 2016]);
    expect(await getTradePair(a.slug, a.slug)).toBeNull();
    expect(await getTradePair(a.slug, "no-such-region")).toBeNull();
  });

  it("shows the demo pair's 2014 figure without inventing 2013", async () => {
    const pair = await getTradePair("belarus", "kursk-oblast");
    expect(pair?.years).toEqual([
      expect.objectContaining({ year: 2014, turnoverUsd: 250_000_000, exportsUsd: null, importsUsd: null, growthPercent: null }),
    ]);
  });
});

describe("the overview", () => {
  const pairOf = (row: { region: { slug: string }; partner: { slug: string } }) => [row.region.slug, row.partner.slug];

  it("ranks pairs by their latest year's turnover, equal turnovers by the names", async () => {
    const page = await list({ country: "XA" });
    // G–H's 2014 is archived, so its latest is 2013 (800M); A–B's latest is 2016 (120M); D–C (filed from D)
    // and E–F tie at 165M in 2014 and go by the first region's name: Delta before Epsilon.
    expect(page.items.map(pairOf)).toEqual([
      [g.slug, h.slug],
      [d.slug, c.slug],
      [e.slug, f.slug],
      [a.slug, b.slug],
    ]);
    expect(page.total).toBe(4);
    expect(page.items.map((row) => row.year)).toEqual([2013, 2014, 2014, 2016]);
  });

  it("ranks by growth with pairs that have no growth last", async () => {
    const page = await list({ country: "XA", sort: "growth", year: "2014" });
    // In 2014: A–B +10% (filed from B, turned to face A, the side in XA), E–F −17.5%; D–C grew from zero
    // (no growth), G–H's 2014 is archived (left out).
    expect(page.items.map(pairOf)).toEqual([
      [a.slug, b.slug],
      [e.slug, f.slug],
      [d.slug, c.slug],
    ]);
    expect(page.items[0]!.growthPercent).toBeCloseTo(10, 10);
    expect(page.items[1]!.growthPercent).toBeCloseTo(-17.5, 10);
    expect(page.items[1]!.previousTurnoverUsd).toBe(200_000_000);
    expect(page.items[2]).toMatchObject({ growthPercent: null, previousTurnoverUsd: 0 });
  });

  it("puts the side in the chosen country first, turning exports and imports with it", async () => {
    const page = await list({ country: "XB", year: "2013" });
    const ab = page.items.find((row) => row.partner.slug === a.slug);
    // Filed from A (XA) in 2013; filtered to XB, B comes first and A's exports are B's imports.
    expect(ab).toMatchObject({ region: { slug: b.slug }, exportsUsd: 50_000_000, importsUsd: 100_000_000 });
  });

  it("pages the ranking and keeps ties in the same order on every page", async () => {
    const whole = await list({ country: "XA", perPage: "100" });
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(...(await list({ country: "XA", perPage: "1", page: String(page) })).items);
    expect(pages.map(pairOf)).toEqual(whole.items.map(pairOf));
    const past = await list({ country: "XA", perPage: "1", page: "9" });
    expect(past).toMatchObject({ items: [], total: 4, pageCount: 4 });
  });

  it("lists the years with figures for the year filter", async () => {
    expect(await listTradeYears()).toEqual(expect.arrayContaining([2016, 2014, 2013]));
  });
});
