import "server-only";
import { createTranslator } from "next-intl";
import { ApiProblem, apiUnavailableResponse, invalidParameters, problemResponse } from "@/lib/api/problem";
import { readSqlPool, streamQuery } from "@/lib/db/pg";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locale";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import {
  getTradePair,
  listTradePairs,
  toTradePairRow,
  tradePairsExportQuery,
  type RawPairRow,
  type TradePairRow,
} from "@/lib/trade/analysis";
import { exportContentTypes } from "@/lib/joint-ventures/csv";
import { tradeCsvHead, tradeCsvRow, tradeFileName, tradePairColumns, tradeYearsCsv } from "@/lib/trade/csv";
import {
  TradeExportQuerySchema,
  type TradePairDetailDto,
  type TradePairListDto,
  type TradePairRowDto,
  type TradeQuery,
  type TradeYearDto,
} from "@/lib/trade/dto";
import { growthBasis, type TradeYear } from "@/lib/trade/series";
import { summarizeTrade, type TradeTranslator } from "@/lib/trade/summary";

/**
 * The trade endpoints' reads and downloads: the ranked overview and a pair's series as the API's DTOs, and both
 * as CSV. Names in the API are given in both languages; ties in the ranking are broken by the English names.
 */

type RegionLike = { slug: string; nameEn: string; nameRu: string; countryCode: string };

const regionRef = (region: RegionLike) => ({
  slug: region.slug,
  nameEn: region.nameEn,
  nameRu: region.nameRu,
  countryCode: region.countryCode,
  url: paths.region(region.slug),
});

const basisOfRow = (row: TradePairRow) =>
  row.previousTurnoverUsd === null ? "previousMissing" : row.previousTurnoverUsd > 0 ? "recorded" : "previousZero";

export function toTradePairRowDto(row: TradePairRow, rank: number): TradePairRowDto {
  const { source, ...figures } = row;
  return {
    rank,
    ...figures,
    region: regionRef(row.region),
    partner: regionRef(row.partner),
    growthBasis: basisOfRow(row),
    source,
    url: paths.tradePair(row.region.slug, row.partner.slug),
  };
}

const API_LOCALE: Locale = "en";

/** GET /api/v1/trade */
export async function listTradePairsForApi(query: TradeQuery): Promise<TradePairListDto> {
  const page = await listTradePairs(query, API_LOCALE);
  const first = (page.page - 1) * page.perPage;
  return { ...page, items: page.items.map((row, i) => toTradePairRowDto(row, first + i + 1)) };
}

function toTradeYearDtos(years: readonly TradeYear[]): TradeYearDto[] {
  return years.map((entry) => ({ ...entry, growthBasis: growthBasis(years, entry.year) }));
}

function summaryIn(locale: Locale, years: readonly TradeYear[], region: RegionLike, partner: RegionLike) {
  // Untyped catalogue: the translator takes any key of the namespace.
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "trade" }) as unknown as TradeTranslator;
  const name = (r: RegionLike) => (locale === "ru" ? r.nameRu : r.nameEn);
  return summarizeTrade({ years, regionName: name(region), partnerName: name(partner), locale, t });
}

/** A pair by the path's slugs, or null (404) when a slug cannot be one, names no live region, or both are the same. */
async function readPair(params: { slug: string; partner: string }) {
  const slug = SlugSchema.safeParse(params.slug);
  const partner = SlugSchema.safeParse(params.partner);
  if (!slug.success || !partner.success) return null;
  return getTradePair(slug.data, partner.data);
}

/** GET /api/v1/trade/{slug}/{partner} */
export async function getTradePairForApi(params: { slug: string; partner: string }): Promise<TradePairDetailDto | null> {
  const pair = await readPair(params);
  if (!pair) return null;
  return {
    region: regionRef(pair.region),
    partner: regionRef(pair.partner),
    years: toTradeYearDtos(pair.years),
    summaryEn: summaryIn("en", pair.years, pair.region, pair.partner),
    summaryRu: summaryIn("ru", pair.years, pair.region, pair.partner),
    url: paths.tradePair(pair.region.slug, pair.partner.slug),
  };
}

function csvResponse(body: BodyInit, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": exportContentTypes.csv,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // A snapshot of a changing registry: always fresh, never kept by a shared cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Access-Control-Allow-Origin": "*",
    },
  });
}

const instanceOf = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

/** Another answer than the file: 404 for no such pair, 503 while the database is down, else a plain 500. */
function failure(error: unknown, instance: string): Response {
  if (error instanceof ApiProblem) return problemResponse(error.problem, { "Access-Control-Allow-Origin": "*" }, instance);
  console.error("trade export failed", instance, error);
  if (error instanceof Error && /connect|ECONNREFUSED|timeout|terminat/i.test(error.message)) return apiUnavailableResponse(instance);
  return problemResponse(
    new ApiProblem("internalError", "The export could not be made. Try again; if it fails again, tell the registry's team.").problem,
    { "Access-Control-Allow-Origin": "*" },
    instance,
  );
}

/** GET /api/v1/trade/{slug}/{partner}/export.csv: the pair's every year, seen from the first region. */
export async function tradePairCsvResponse(request: Request, params: { slug: string; partner: string }): Promise<Response> {
  const instance = instanceOf(request);
  try {
    if (new URL(request.url).searchParams.size > 0) {
      throw new ApiProblem("invalidParameters", "This download takes no parameters: leave out the query.", {
        errors: { query: ["This download takes no parameters."] },
      });
    }
    const pair = await readPair(params);
    if (!pair) throw new ApiProblem("notFound", `There is no such pair of live regions at ${new URL(request.url).pathname}.`);
    const body = tradeYearsCsv(
      toTradeYearDtos(pair.years).map((entry) => ({ ...entry, regionName: pair.region.nameEn, partnerName: pair.partner.nameEn })),
    );
    return csvResponse(body, tradeFileName(`${pair.region.slug}-${pair.partner.slug}`));
  } catch (error) {
    return failure(error, instance);
  }
}

/**
 * GET /api/v1/trade/export.csv: every pair of the overview's ranking with these filters, streamed from a
 * database cursor. Bad filters are a 400 before any row is read.
 */
export async function tradePairsCsvResponse(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const instance = instanceOf(request);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter((value) => value !== "");
    if (values.length > 0) query[key] = values.length === 1 ? values[0]! : values;
  }
  const parsed = TradeExportQuerySchema.safeParse(query);
  if (!parsed.success)
    return problemResponse(invalidParameters(parsed.error.issues).problem, { "Access-Control-Allow-Origin": "*" }, instance);
  try {
    const body = await streamQuery<RawPairRow>(
      tradePairsExportQuery(parsed.data, API_LOCALE),
      {
        head: tradeCsvHead(tradePairColumns),
        row: (row, index) => tradeCsvRow(toTradePairRowDto(toTradePairRow(row), index + 1), tradePairColumns),
        tail: () => "",
      },
      { signal: request.signal, pool: readSqlPool() },
    );
    return csvResponse(body, tradeFileName("pairs"));
  } catch (error) {
    return failure(error, instance);
  }
}
