import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { openApiDocument } from "@/lib/api/openapi";
import { loadMessages } from "@/lib/i18n/catalogue";
import { arraySource, writeCsv } from "@/lib/export/write";
import { tradePairTable, tradeYearTable, type TradeYearExportRow } from "@/lib/trade/export";
import { TradeQuerySchema } from "@/lib/trade/dto";
import { TradeListSchema, tradeListQuery } from "@/lib/trade/schema";
import { buildTradeSeries, growthBasis, growthPercent, valueTicks, yearSpan, type StoredTradeFigure } from "@/lib/trade/series";
import { summarizeTrade, type TradeTranslator } from "@/lib/trade/summary";

const KURSK = 10;
const BELARUS = 1;

const figure = (year: number, regionId: number, turnoverUsd: number, exportsUsd: number | null = null, importsUsd: number | null = null) =>
  ({ year, regionId, turnoverUsd, exportsUsd, importsUsd, sourceTitle: `Source ${year}`, sourceUrl: null }) satisfies StoredTradeFigure;

const translator = (locale: "en" | "ru") =>
  createTranslator({ locale, messages: loadMessages(locale), namespace: "trade" }) as unknown as TradeTranslator;

describe("growthPercent", () => {
  it("is the change on the year before in percent", () => {
    expect(growthPercent(275, 250)).toBeCloseTo(10, 10);
    expect(growthPercent(200, 250)).toBeCloseTo(-20, 10);
    expect(growthPercent(250, 250)).toBe(0);
    expect(growthPercent(0, 250)).toBe(-100);
  });

  it("is null where the year before is missing, or was zero: growth from nothing has no percentage", () => {
    expect(growthPercent(250, null)).toBeNull();
    expect(growthPercent(250, undefined)).toBeNull();
    expect(growthPercent(250, 0)).toBeNull();
    expect(growthPercent(0, 0)).toBeNull();
    expect(growthPercent(250, Number.NaN)).toBeNull();
  });
});

describe("buildTradeSeries", () => {
  it("joins a pair filed from both sides, 2013 by Kursk and 2014 by Belarus, into one series seen from either side", () => {
    const figures = [figure(2014, BELARUS, 275, 200, 75), { ...figure(2013, KURSK, 250, 100, 150), sourceTitleRu: "Источник 2013" }];
    expect(buildTradeSeries(figures, KURSK)).toEqual([
      {
        year: 2013,
        turnoverUsd: 250,
        exportsUsd: 100,
        importsUsd: 150,
        growthPercent: null,
        source: { title: "Source 2013", titleRu: "Источник 2013", url: null },
      },
      // Belarus filed 2014: its exports (200) are Kursk's imports.
      {
        year: 2014,
        turnoverUsd: 275,
        exportsUsd: 75,
        importsUsd: 200,
        growthPercent: expect.closeTo(10, 10),
        source: { title: "Source 2014", titleRu: null, url: null },
      },
    ]);
    expect(buildTradeSeries(figures, BELARUS).map((y) => [y.year, y.exportsUsd, y.importsUsd])).toEqual([
      [2013, 150, 100],
      [2014, 200, 75],
    ]);
  });

  it("computes growth only from the stored year just before", () => {
    const years = buildTradeSeries(
      [figure(2012, KURSK, 100), figure(2013, KURSK, 0), figure(2014, KURSK, 50), figure(2016, BELARUS, 80)],
      KURSK,
    );
    expect(years.map((y) => [y.year, y.growthPercent])).toEqual([
      [2012, null],
      [2013, -100],
      [2014, null],
      [2016, null],
    ]);
    expect(years.map((y) => growthBasis(years, y.year))).toEqual(["previousMissing", "recorded", "previousZero", "previousMissing"]);
    expect(yearSpan(years)).toEqual([2012, 2013, 2014, 2015, 2016]);
  });
});

describe("valueTicks", () => {
  it("steps from zero to at least the largest value by 1, 2 or 5 times a power of ten", () => {
    expect(valueTicks(250_000_000)).toEqual([0, 50_000_000, 100_000_000, 150_000_000, 200_000_000, 250_000_000]);
    expect(valueTicks(140_000_000)).toEqual([0, 50_000_000, 100_000_000, 150_000_000]);
    expect(valueTicks(0)).toEqual([0]);
  });
});

describe("summarizeTrade", () => {
  const demo = buildTradeSeries([figure(2014, KURSK, 250_000_000)], KURSK);
  const names = { regionName: "Kursk Oblast", partnerName: "Belarus" };

  it("says the demo pair's 2014 trade and that growth on 2013 is not recorded, in English and Russian", () => {
    expect(summarizeTrade({ years: demo, ...names, locale: "en", t: translator("en") })).toBe(
      "Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded.",
    );
    expect(summarizeTrade({ years: demo, regionName: "Курская область", partnerName: "Беларусь", locale: "ru", t: translator("ru") })).toBe(
      "Торговля между «Курская область» и «Беларусь»: 250\u00a0млн долл. США в 2014 году; рост к 2013 году не записан.",
    );
  });

  it("says up, down, unchanged, or why growth is missing", () => {
    const say = (turnovers: [number, number][]) =>
      summarizeTrade({
        years: buildTradeSeries(
          turnovers.map(([y, t]) => figure(y, KURSK, t)),
          KURSK,
        ),
        ...names,
        locale: "en",
        t: translator("en"),
      });
    expect(
      say([
        [2013, 250_000_000],
        [2014, 275_000_000],
      ]),
    ).toBe("Trade between Kursk Oblast and Belarus: $275 million in 2014; up 10% on 2013.");
    expect(
      say([
        [2013, 250_000_000],
        [2014, 200_000_000],
      ]),
    ).toBe("Trade between Kursk Oblast and Belarus: $200 million in 2014; down 20% on 2013.");
    expect(
      say([
        [2013, 250_000_000],
        [2014, 250_000_000],
      ]),
    ).toBe("Trade between Kursk Oblast and Belarus: $250 million in 2014; unchanged on 2013.");
    expect(
      say([
        [2013, 0],
        [2014, 250_000_000],
      ]),
    ).toBe("Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded, as turnover in 2013 was zero.");
    expect(summarizeTrade({ years: [], ...names, locale: "en", t: translator("en") })).toBe(
      "No trade between Kursk Oblast and Belarus is recorded.",
    );
  });
});

describe("the trade CSV", () => {
  it("declares each column once and writes a text that looks like a formula as text", async () => {
    const row: TradeYearExportRow = {
      region: { nameEn: "=cmd|' /C calc'!A0", nameRu: "=cmd" },
      partner: { nameEn: "Belarus, Republic of", nameRu: "Республика Беларусь" },
      year: 2014,
      turnoverUsd: 250_000_000,
      exportsUsd: null,
      importsUsd: null,
      growthPercent: -10.123456,
      growthBasis: "recorded",
      source: { title: "@SUM(1+1)", titleRu: "+источник", url: "https://example.org/a?b=1" },
    };
    const about = { licence: "CC BY 4.0", registryUpdatedAt: null, sourceUrl: "", filters: [] };
    const csv = async (locale: "en" | "ru", separator: "," | ";") =>
      Buffer.concat(await writeCsv(tradeYearTable, arraySource([row]), { locale, separator, about }).toArray()).toString("utf8");
    const [head, line, end] = (await csv("en", ",")).split("\r\n");
    expect(head).toBe(
      "\uFEFFregion,partner,year,turnover (USD),exports of region (USD),imports of region (USD),growth on year before (%),growth basis,source,source in Russian,source url",
    );
    // A negative growth is a number, not a formula; the texts that could run are quoted.
    expect(line).toBe(
      `'=cmd|' /C calc'!A0,"Belarus, Republic of",2014,250000000,,,-10.12,recorded,'@SUM(1+1),'+источник,https://example.org/a?b=1`,
    );
    expect(end).toBe("");
    const [headRu, lineRu] = (await csv("ru", ";")).split("\r\n");
    expect(headRu).toContain("\uFEFFрегион;партнёр;год;товарооборот (долл. США);");
    expect(lineRu).toBe(`'=cmd;Республика Беларусь;2014;250000000;;;-10.12;рассчитан;'@SUM(1+1);'+источник;https://example.org/a?b=1`);
    for (const table of [tradePairTable, tradeYearTable])
      expect(new Set(table.columns.map((column) => column.key)).size).toBe(table.columns.length);
  });
});

describe("the overview's parameters", () => {
  it("on the page, drops what it cannot use and keeps the rest", () => {
    expect(TradeListSchema.parse({ country: "by", year: "2014", sort: "growth", page: "2" })).toMatchObject({
      country: "BY",
      year: 2014,
      sort: "growth",
      page: 2,
    });
    expect(TradeListSchema.parse({ country: "Belarus", year: "1800", sort: "size", page: "-1", perPage: "1000" })).toEqual({
      country: undefined,
      year: undefined,
      sort: "turnover",
      page: 1,
      perPage: 25,
    });
    expect(tradeListQuery(TradeListSchema.parse({ sort: "turnover", page: "1" }))).toEqual({
      country: undefined,
      year: undefined,
      sort: undefined,
      perPage: undefined,
      page: 1,
    });
  });

  it("in the API, refuses a bad value and an unknown parameter, naming it", () => {
    const refused = (query: Record<string, string>) => {
      const parsed = TradeQuerySchema.safeParse(query);
      return parsed.success
        ? []
        : parsed.error.issues.map((issue) => (issue.code === "unrecognized_keys" ? issue.keys : issue.path).join());
    };
    expect(refused({ sort: "size" })).toEqual(["sort"]);
    expect(refused({ year: "2014.5" })).toEqual(["year"]);
    expect(refused({ perPage: "0" })).toEqual(["perPage"]);
    expect(refused({ limit: "5" })).toEqual(["limit"]);
    expect(TradeQuerySchema.parse({ country: "ru", year: "2014" })).toEqual({
      country: "RU",
      year: 2014,
      sort: "turnover",
      page: 1,
      perPage: 25,
    });
  });
});

describe("the trade operations in the OpenAPI document", () => {
  type Get = {
    parameters?: { name: string; in: string; required: boolean }[];
    responses: Record<string, { content?: Record<string, unknown> }>;
  };
  const document = openApiDocument();
  const get = (path: string) => (document.paths as unknown as Record<string, { get: Get }>)[path]?.get;

  it("lists the ranking, the pair and both downloads, with their parameters and errors", () => {
    const list = get("/api/v1/trade")!;
    expect(list.parameters!.map((p) => p.name)).toEqual(["country", "year", "sort", "page", "perPage"]);
    expect(list.responses["400"]).toBeDefined();
    for (const path of ["/api/v1/trade/{slug}/{partner}", "/api/v1/trade/{slug}/{partner}/export.csv"]) {
      const pair = get(path)!;
      expect(pair.parameters!.filter((p) => p.in === "path").map((p) => p.name)).toEqual(["slug", "partner"]);
      expect(pair.responses["404"], path).toBeDefined();
    }
    expect(Object.keys(get("/api/v1/trade/export.csv")!.responses["200"]!.content!)).toEqual(["text/csv"]);
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(["TradePairList", "TradePairDetail"]));
  });
});
