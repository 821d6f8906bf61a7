import "server-only";
import { createTranslator } from "next-intl";
import { ApiProblem, invalidParameters, problemResponse } from "@/lib/api/problem";
import { openQueryCursor, readSqlPool } from "@/lib/db/pg";
import type { ExportFormat } from "@/lib/export/columns";
import { exportFailure, exportResponse, instanceOf } from "@/lib/export/response";
import { arraySource } from "@/lib/export/write";
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
import { tradePairTable, tradeYearTable } from "@/lib/trade/export";
import {
  TradeExportQuerySchema,
  TradePairExportQuerySchema,
  TradePairXlsxExportQuerySchema,
  TradeXlsxExportQuerySchema,
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
 * as CSV and XLSX files (lib/export). Names in the API are given in both languages; ties in the ranking are broken by the English names.
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

const cors = { "Access-Control-Allow-Origin": "*" };

/** The query as the schemas read it: a parameter given once is a string, repeated a list; empty ones dropped. */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter((value) => value !== "");
    if (values.length > 0) query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** GET /api/v1/trade/{slug}/{partner}/export.{csv,xlsx}: the pair's every year, seen from the first region. */
export async function tradePairExportResponse(
  request: Request,
  params: { slug: string; partner: string },
  format: ExportFormat,
): Promise<Response> {
  const url = new URL(request.url);
  const instance = instanceOf(request);
  const parsed = (format === "csv" ? TradePairExportQuerySchema : TradePairXlsxExportQuerySchema).safeParse(queryOf(url));
  if (!parsed.success) return problemResponse(invalidParameters(parsed.error.issues).problem, cors, instance);
  try {
    const pair = await readPair(params);
    if (!pair) throw new ApiProblem("notFound", `There is no such pair of live regions at ${url.pathname}.`);
    const rows = toTradeYearDtos(pair.years).map((entry) => ({ ...entry, region: pair.region, partner: pair.partner }));
    return await exportResponse({
      request,
      format,
      table: tradeYearTable,
      source: arraySource(rows),
      options: parsed.data,
      fileStem: `trade-${pair.region.slug}-${pair.partner.slug}`,
      headers: cors,
    });
  } catch (error) {
    return exportFailure(error, instance, cors);
  }
}

/**
 * GET /api/v1/trade/export.{csv,xlsx}: every pair of the overview's ranking with these filters, streamed from a
 * database cursor. Bad filters are a 400 before any row is read.
 */
export async function tradePairsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  const instance = instanceOf(request);
  const parsed = (format === "csv" ? TradeExportQuerySchema : TradeXlsxExportQuerySchema).safeParse(queryOf(new URL(request.url)));
  if (!parsed.success) return problemResponse(invalidParameters(parsed.error.issues).problem, cors, instance);
  try {
    const cursor = await openQueryCursor<RawPairRow>(tradePairsExportQuery(parsed.data, API_LOCALE), {
      signal: request.signal,
      pool: readSqlPool(),
    });
    let rank = 0;
    const source = {
      read: async () => (await cursor.read()).map((row) => toTradePairRowDto(toTradePairRow(row), ++rank)),
      close: cursor.close,
    };
    return await exportResponse({ request, format, table: tradePairTable, source, options: parsed.data, headers: cors });
  } catch (error) {
    return exportFailure(error, instance, cors);
  }
}
