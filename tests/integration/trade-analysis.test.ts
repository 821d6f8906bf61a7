import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as tradeRoute from "@/app/api/v1/trade/route";
import * as tradeExportRoute from "@/app/api/v1/trade/export.csv/route";
import * as tradeXlsxRoute from "@/app/api/v1/trade/export.xlsx/route";
import * as tradePairRoute from "@/app/api/v1/trade/[slug]/[partner]/route";
import * as tradePairExportRoute from "@/app/api/v1/trade/[slug]/[partner]/export.csv/route";
import * as tradePairXlsxRoute from "@/app/api/v1/trade/[slug]/[partner]/export.xlsx/route";
import { env } from "@/lib/env";
import { openApiDocument } from "@/lib/api/openapi";
import { paths } from "@/lib/paths";
import { getTradePair, listTradePairs, listTradeYears, readPairTrade } from "@/lib/trade/analysis";
import { growthBasis } from "@/lib/trade/series";
import { TradeListSchema } from "@/lib/trade/schema";
import { prisma, seedOnce } from "./setup";

/**
 * The trade analysis against hand-computed figures. The regions sit in two made-up countries (XA, XB) that no
 * other test uses, so the overview filtered to them holds only the pairs made here.
 */

type Region = { id: number; slug: string; nameEn: string; nameRu: string };
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
    select: { id: true, slug: true, nameEn: true, nameRu: true },
  });
}

type Figure = { year: number; turnover: string; exports?: string; imports?: string; url?: string; titleRu?: string };

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
      sourceTitleRu: figure.titleRu ?? null,
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
  await file(a, b, {
    year: 2013,
    turnover: "150000000",
    exports: "100000000",
    imports: "50000000",
    url: "https://example.org/2013",
    titleRu: "Источник 2013",
  });
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
        source: { title: "Source 2013", titleRu: "Источник 2013", url: "https://example.org/2013" },
      },
      // Filed by B: B's exports are A's imports.
      {
        year: 2014,
        turnoverUsd: 165_000_000,
        exportsUsd: 75_000_000,
        importsUsd: 90_000_000,
        growthPercent: expect.closeTo(10, 10),
        source: { title: "Source 2014", titleRu: null, url: null },
      },
      // 2015 is missing: no growth for 2016.
      {
        year: 2016,
        turnoverUsd: 120_000_000,
        exportsUsd: null,
        importsUsd: null,
        growthPercent: null,
        source: { title: "Source 2016", titleRu: null, url: null },
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

// ---- The API ----

const base = "http://localhost";
type PairParams = { slug: string; partner: string };
type Handler = (request: Request, context: { params: Promise<PairParams> }) => Promise<Response>;
/** Calls a route handler as Next would; list routes ignore the (empty) path parameters. */
const call = (handler: Handler, path: string, params?: PairParams) =>
  handler(new Request(`${base}${path}`), { params: Promise.resolve(params ?? ({} as PairParams)) });

const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: "https://interregio.test/openapi.json" });

/** The body against the 200 schema the OpenAPI document gives for `path`. */
function expectMatchesDocument(path: string, body: unknown) {
  const item = (
    document.paths as Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> } }>
  )[path];
  expect(item, `${path} is in the OpenAPI document`).toBeDefined();
  const schema = item!.get.responses["200"]!.content["application/json"]!.schema;
  const validate = schema.$ref ? ajv.getSchema(`https://interregio.test/openapi.json${schema.$ref}`) : ajv.compile(schema);
  expect(validate!(body) ? [] : validate!.errors).toEqual([]);
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { status: number; detail: string; errors?: Record<string, string[]> };
  expect(problem.status).toBe(status);
  expect(problem.detail).toBeTruthy();
  expect(JSON.stringify(problem)).not.toMatch(/prisma|select |stack|at .*\.ts/i);
  return problem;
}

/** A CSV answer as rows of cells, after checking that it starts with the BOM (which Response.text() drops). */
async function parseCsv(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder()
    .decode(bytes)
    .split("\r\n")
    .filter((line) => line !== "")
    .map(splitCsvLine);
}

/** One line's cells as written (a quoted cell keeps its quotes): commas inside quotes do not split. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

describe("GET /api/v1/trade", () => {
  it("answers the ranking as the OpenAPI document describes it, with ranks across pages", async () => {
    const response = await call(tradeRoute.GET, paths.api.trade({ country: "XA", perPage: 2, page: 2 }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expectMatchesDocument("/api/v1/trade", body);
    expect(body).toMatchObject({ total: 4, page: 2, perPage: 2, pageCount: 2 });
    expect(body.items.map((item: { rank: number; region: { slug: string } }) => [item.rank, item.region.slug])).toEqual([
      [3, e.slug],
      [4, a.slug],
    ]);
    expect(body.items[1]).toMatchObject({ url: paths.tradePair(a.slug, b.slug), growthBasis: "previousMissing", growthPercent: null });
  });

  it("says why a pair has no growth: the year before missing, or zero", async () => {
    const body = await (await call(tradeRoute.GET, paths.api.trade({ country: "XA", year: 2014, sort: "growth" }))).json();
    expect(body.items.map((item: { growthBasis: string }) => item.growthBasis)).toEqual(["recorded", "recorded", "previousZero"]);
  });

  it("refuses bad values with a problem naming each parameter", async () => {
    for (const [query, name] of [
      ["?sort=size", "sort"],
      ["?year=1800", "year"],
      ["?year=twenty", "year"],
      ["?country=Belarus", "country"],
      ["?page=0", "page"],
      ["?perPage=1000", "perPage"],
      ["?limit=5", "limit"],
      ["?year=2013&year=2014", "year"],
    ] as const) {
      const problem = await expectProblem(await call(tradeRoute.GET, `/api/v1/trade${query}`), 400);
      expect(Object.keys(problem.errors ?? {}), query).toContain(name);
    }
  });
});

describe("GET /api/v1/trade/{slug}/{partner}", () => {
  it("answers the series from the first region's side, growth and summary included, as documented", async () => {
    const response = await call(tradePairRoute.GET, paths.api.tradePair(b.slug, a.slug), { slug: b.slug, partner: a.slug });
    expect(response.status).toBe(200);
    const body = await response.json();
    expectMatchesDocument("/api/v1/trade/{slug}/{partner}", body);
    expect(
      body.years.map((y: { year: number; exportsUsd: number | null; growthBasis: string }) => [y.year, y.exportsUsd, y.growthBasis]),
    ).toEqual([
      [2013, 50_000_000, "previousMissing"],
      [2014, 90_000_000, "recorded"],
      [2016, null, "previousMissing"],
    ]);
    expect(body.years.map((y: { source: unknown }) => y.source)).toEqual([
      { title: "Source 2013", titleRu: "Источник 2013", url: "https://example.org/2013" },
      { title: "Source 2014", titleRu: null, url: null },
      { title: "Source 2016", titleRu: null, url: null },
    ]);
    expect(JSON.stringify(document.components.schemas.TradePairDetail)).toContain('"titleRu"');
    expect(body.summaryEn).toBe(`Trade between ${b.nameEn} and ${a.nameEn}: $120 million in 2016; growth on 2015 not recorded.`);
    expect(body.summaryRu).toMatch(/: 120\sмлн долл\. США в 2016 году; рост к 2015 году не записан\.$/);
  });

  it("gives the demo pair's $250 million in 2014 and no growth on 2013", async () => {
    const body = await (
      await call(tradePairRoute.GET, "/api/v1/trade/kursk-oblast/belarus", { slug: "kursk-oblast", partner: "belarus" })
    ).json();
    expect(body.summaryEn).toBe("Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded.");
    expect(body.years).toEqual([
      expect.objectContaining({ year: 2014, turnoverUsd: 250_000_000, growthPercent: null, growthBasis: "previousMissing" }),
    ]);
  });

  it("is 404 for an unknown region, a region with itself and a value that cannot be a slug", async () => {
    for (const [slug, partner] of [
      [a.slug, "no-such-region"],
      [a.slug, a.slug],
      ["Kursk Oblast!", "belarus"],
      ["x".repeat(200), "belarus"],
    ]) {
      await expectProblem(
        await call(tradePairRoute.GET, `/api/v1/trade/${encodeURIComponent(slug!)}/${partner}`, { slug: slug!, partner: partner! }),
        404,
      );
    }
  });
});

describe("the CSV downloads", () => {
  it("gives a pair's years with exports and imports turned to face the first region", async () => {
    const response = await call(tradePairExportRoute.GET, paths.api.tradePairExport(b.slug, a.slug), { slug: b.slug, partner: a.slug });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="trade-${b.slug}-${a.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    const rows = await parseCsv(response);
    expect(rows[0]).toEqual([
      "region",
      "partner",
      "year",
      "turnover (USD)",
      "exports of region (USD)",
      "imports of region (USD)",
      "growth on year before (%)",
      "growth basis",
      "source",
      "source in Russian",
      "source url",
    ]);
    expect(rows.slice(1)).toEqual([
      [
        b.nameEn,
        a.nameEn,
        "2013",
        "150000000",
        "50000000",
        "100000000",
        "",
        "no figure for the year before",
        "Source 2013",
        "Источник 2013",
        "https://example.org/2013",
      ],
      [b.nameEn, a.nameEn, "2014", "165000000", "90000000", "75000000", "10", "recorded", "Source 2014", "", ""],
      [b.nameEn, a.nameEn, "2016", "120000000", "", "", "", "no figure for the year before", "Source 2016", "", ""],
    ]);
  });

  it("gives a pair's years in Russian: semicolons in the CSV, typed cells in the XLSX", async () => {
    const params = { slug: b.slug, partner: a.slug };
    const csv = await call(tradePairExportRoute.GET, paths.api.tradePairExport(b.slug, a.slug, "csv", { lang: "ru", sep: ";" }), params);
    expect(csv.status).toBe(200);
    const [header, first] = new TextDecoder().decode(await csv.arrayBuffer()).split("\r\n");
    expect(header).toBe(
      "регион;партнёр;год;товарооборот (долл. США);экспорт региона (долл. США);импорт региона (долл. США);рост к предыдущему году (%);основа расчёта роста;источник;источник на русском;ссылка на источник",
    );
    expect(first).toBe(
      `${b.nameRu};${a.nameRu};2013;150000000;50000000;100000000;;нет данных за предыдущий год;Source 2013;Источник 2013;https://example.org/2013`,
    );

    const xlsx = await call(tradePairXlsxRoute.GET, paths.api.tradePairExport(b.slug, a.slug, "xlsx", { lang: "ru" }), params);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toMatch(new RegExp(`filename="trade-${b.slug}-${a.slug}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("регион");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((sheet.getRow(3).values as unknown[]).slice(1, 8)).toEqual([b.nameRu, a.nameRu, 2014, 165000000, 90000000, 75000000, 10]);
    expect(sheet.rowCount).toBe(4);
    expect(workbook.getWorksheet("О данных")!.getRow(1).getCell(2).value).toBe(env().DATA_LICENCE);
    await expectProblem(await call(tradePairXlsxRoute.GET, paths.api.tradePairExport(b.slug, a.slug, "xlsx", { sep: ";" }), params), 400);
  });

  it("gives the whole ranking as XLSX: as many rows as the API's total, numbers as numbers", async () => {
    const api = await (await call(tradeRoute.GET, paths.api.trade({ perPage: 100 }))).json();
    const response = await call(tradeXlsxRoute.GET, paths.api.tradeExport({}, "xlsx"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(api.total).toBeGreaterThan(0);
    expect(sheet.rowCount - 1).toBe(api.total);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(typeof sheet.getRow(2).getCell(7).value).toBe("number");
    await expectProblem(await call(tradeXlsxRoute.GET, "/api/v1/trade/export.xlsx?sort=size"), 400);
  });

  it("gives the ranking in its order, and a source that looks like a formula stays text", async () => {
    const x = await region("Kappa", "XA");
    const y = await region("Lambda", "XB");
    const figure = await file(x, y, { year: 1995, turnover: "1000" });
    await prisma.tradeFigure.update({
      where: { id: figure.id },
      data: { sourceTitle: '=HYPERLINK("http://evil.example","Click")', sourceTitleRu: "Таможенная статистика" },
    });
    const response = await call(tradeExportRoute.GET, paths.api.tradeExport({ country: "XA", year: 1995 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const rows = await parseCsv(response);
    expect(rows[0]!.slice(0, 3)).toEqual(["rank", "region", "region country"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 7)).toEqual(["1", x.nameEn, "XA", y.nameEn, "XB", "1995", "1000"]);
    expect(rows[1]![12]).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect([rows[0]![13], rows[1]![13]]).toEqual(["source in Russian", "Таможенная статистика"]);
    const ranked = await (await call(tradeRoute.GET, paths.api.trade({ country: "XA", year: 1995 }))).json();
    expect(ranked.items[0].source).toEqual({
      title: '=HYPERLINK("http://evil.example","Click")',
      titleRu: "Таможенная статистика",
      url: null,
    });

    const whole = await parseCsv(await call(tradeExportRoute.GET, paths.api.tradeExport({ country: "XA" })));
    const api = await (await call(tradeRoute.GET, paths.api.trade({ country: "XA", perPage: 99 }))).json();
    expect(whole.slice(1).map((row) => row[1])).toEqual(api.items.map((item: { region: { nameEn: string } }) => item.region.nameEn));
  });

  it("refuses bad filters and unknown pairs with problems", async () => {
    await expectProblem(await call(tradeExportRoute.GET, "/api/v1/trade/export.csv?sort=size"), 400);
    await expectProblem(await call(tradeExportRoute.GET, "/api/v1/trade/export.csv?page=2"), 400);
    await expectProblem(
      await call(tradePairExportRoute.GET, `/api/v1/trade/${a.slug}/${a.slug}/export.csv`, { slug: a.slug, partner: a.slug }),
      404,
    );
    await expectProblem(
      await call(tradePairExportRoute.GET, `/api/v1/trade/${a.slug}/nowhere/export.csv`, { slug: a.slug, partner: "nowhere" }),
      404,
    );
  });
});
