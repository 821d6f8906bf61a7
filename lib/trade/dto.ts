import { z } from "zod";
import { exportOptionFields } from "@/lib/export/columns";
import { CountryParamSchema } from "@/lib/api/schema";
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from "@/lib/pagination";
import { TRADE_YEAR_MAX, TRADE_YEAR_MIN, tradeSorts } from "@/lib/trade/schema";

/**
 * The trade endpoints of the JSON API (lib/api/operations.ts): their query parameters, strict like the rest
 * of the API (a bad value is a 400 naming the parameter, an unknown parameter is refused), and their response
 * schemas, from which the OpenAPI document is built and against which every answer is checked.
 */

const regionRef = z.object({
  slug: z.string(),
  nameEn: z.string(),
  nameRu: z.string(),
  countryCode: z.string().describe("ISO 3166-1 alpha-2 code of the region's country."),
  url: z.string().describe("The path of the region's public page."),
});

const amount = (what: string) => z.number().nullable().describe(`${what}, in US dollars; null where the source does not say.`);
const source = z
  .object({
    title: z.string().describe("The source's title as filed."),
    titleRu: z.string().nullable().describe("The source's title in Russian, where the figure has one."),
    url: z.string().nullable(),
  })
  .describe("Where the figure comes from.");
const growthPercent = z
  .number()
  .nullable()
  .describe("Change of turnover on the year before, in percent, from the stored figures only; null when growthBasis is not `recorded`.");
const growthBasis = z
  .enum(["recorded", "previousMissing", "previousZero"])
  .describe("recorded: growth is computed; previousMissing: the year before is not recorded; previousZero: its turnover was zero.");

export const TradeYearDtoSchema = z.object({
  year: z.number().int(),
  turnoverUsd: z.number().describe("Turnover (exports plus imports), in US dollars."),
  exportsUsd: amount("What the first region sold to the partner"),
  importsUsd: amount("What the first region bought from the partner"),
  growthPercent,
  growthBasis,
  source,
});

export const TradePairDetailDtoSchema = z.object({
  region: regionRef.describe("The region the figures are seen from: exports are its exports."),
  partner: regionRef,
  years: z.array(TradeYearDtoSchema).describe("Every recorded year, oldest first; years with no figure are left out."),
  summaryEn: z.string().describe("The latest year and its growth in words, in English."),
  summaryRu: z.string().describe("The same in Russian."),
  url: z.string().describe("The path of the pair's trade page."),
});

export const TradePairRowDtoSchema = z.object({
  rank: z.number().int().describe("The pair's place in this ranking, from 1."),
  region: regionRef.describe("The side named first: the one in the chosen country, else as the figure was filed."),
  partner: regionRef,
  year: z.number().int().describe("The year ranked: the pair's latest, or the chosen year."),
  turnoverUsd: z.number(),
  exportsUsd: amount("The first region's exports"),
  importsUsd: amount("The first region's imports"),
  previousTurnoverUsd: z.number().nullable().describe("The stored turnover of the year before; null when it is not recorded."),
  growthPercent,
  growthBasis,
  source,
  url: z.string().describe("The path of the pair's trade page."),
});

export const TradePairListDtoSchema = z.object({
  items: z.array(TradePairRowDtoSchema),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  pageCount: z.number().int(),
});

export type TradeYearDto = z.infer<typeof TradeYearDtoSchema>;
export type TradePairDetailDto = z.infer<typeof TradePairDetailDtoSchema>;
export type TradePairRowDto = z.infer<typeof TradePairRowDtoSchema>;
export type TradePairListDto = z.infer<typeof TradePairListDtoSchema>;

/** A whole number in a range, with one message that names the parameter and the range. */
function wholeNumberParam(name: string, min: number, max: number) {
  const message = `${name} must be a whole number from ${min} to ${max}.`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const tradeFilterFields = {
  country: CountryParamSchema.optional().describe("Pairs where either region is in this country (ISO 3166-1 alpha-2, such as BY)."),
  year: wholeNumberParam("year", TRADE_YEAR_MIN, TRADE_YEAR_MAX)
    .optional()
    .describe("Rank by this year's figures (pairs without one are left out); without it, by each pair's latest recorded year."),
  sort: z
    .enum(tradeSorts, { error: `sort must be one of: ${tradeSorts.join(", ")}.` })
    .default("turnover")
    .describe("turnover: largest first; growth: largest growth on the year before first, pairs without growth last."),
};

/** GET /api/v1/trade: the overview's filters and a numbered page (a ranking has no stable key for a cursor). */
export const TradeQuerySchema = z.strictObject({
  ...tradeFilterFields,
  page: wholeNumberParam("page", 1, MAX_PAGE).default(1).describe("The page of the ranking, from 1."),
  perPage: wholeNumberParam("perPage", 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Pairs per page, 1-${MAX_PAGE_SIZE}.`),
});

/** GET /api/v1/trade/export.csv: the same filters and order, every matching pair; the file's language and separator. */
export const TradeExportQuerySchema = z.strictObject({ ...tradeFilterFields, ...exportOptionFields("csv") });
/** GET /api/v1/trade/export.xlsx */
export const TradeXlsxExportQuerySchema = z.strictObject({ ...tradeFilterFields, ...exportOptionFields("xlsx") });
/** GET /api/v1/trade/{slug}/{partner}/export.{csv,xlsx}: no filters, only the file's language (and separator). */
export const TradePairExportQuerySchema = z.strictObject(exportOptionFields("csv"));
export const TradePairXlsxExportQuerySchema = z.strictObject(exportOptionFields("xlsx"));

/** The two regions of a pair; a value that cannot be a slug is simply not found. */
export const TradePairPathSchema = z.object({
  slug: z.string().min(1).max(160).describe("The slug of the region the figures are seen from."),
  partner: z.string().min(1).max(160).describe("The slug of the partner region."),
});

export type TradeQuery = z.output<typeof TradeQuerySchema>;
export type TradeExportQuery = z.output<typeof TradeExportQuerySchema>;
