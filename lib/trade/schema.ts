import { z } from "zod";
import { decimalText, optionalText, optionalUrl, pickedId, requiredText, Version, wholeNumber } from "@/lib/actions/fields";
import { listQuery, PageParamsSchema } from "@/lib/pagination";

/**
 * The staff form of a trade figure (lib/trade/actions.ts), client-safe. Amounts stay strings ("250000000.00")
 * from the form to the numeric column, so no float rounds them; they are compared here in whole cents.
 */

/** Ten trillion dollars: far above any pair of regions' trade, and well inside the numeric(18,2) column. */
export const MAX_AMOUNT_USD = 10_000_000_000_000;

/**
 * Turnover is exports plus imports. Sources round the three amounts separately ("$250 million" against
 * exports and imports to the dollar), so exports plus imports may exceed the turnover by up to 1% of it:
 * what rounding a turnover to two or three significant figures can hide. Above that the figures contradict
 * each other. Exports plus imports below the turnover is allowed, since one of them is often not reported.
 */
export const ROUNDING_ALLOWANCE_PERCENT = 1;

/** An amount as cents, exact: "250000000.5" → 25000000050n. */
export function toCents(amount: string): bigint {
  const [whole, fraction = ""] = amount.split(".");
  return BigInt(whole ?? "0") * 100n + BigInt((fraction + "00").slice(0, 2));
}

/** Whether exports and imports (either may be missing) fit in the turnover, with the rounding allowance. */
export function amountsAgree(turnover: string, exports: string | null, imports: string | null) {
  const parts = toCents(exports ?? "0") + toCents(imports ?? "0");
  const allowed = toCents(turnover) * BigInt(100 + ROUNDING_ALLOWANCE_PERCENT);
  return parts * 100n <= allowed;
}

const fields = {
  regionId: pickedId({ required: true }),
  partnerRegionId: pickedId({ required: true }),
  year: wholeNumber(1990, 2100),
  turnoverUsd: decimalText({ max: MAX_AMOUNT_USD, required: true }),
  exportsUsd: decimalText({ max: MAX_AMOUNT_USD }),
  importsUsd: decimalText({ max: MAX_AMOUNT_USD }),
  sourceTitle: requiredText(300),
  sourceTitleRu: optionalText(300),
  sourceUrl: optionalUrl(500),
};

type Checked = { regionId: number; partnerRegionId: number; turnoverUsd: string; exportsUsd: string | null; importsUsd: string | null };

const amountPattern = /^\d+(\.\d+)?$/;

/** zod runs this check even when a field failed, and then that field is raw input: only parsed values are compared. */
function checkFigure(data: Checked, ctx: z.RefinementCtx) {
  if (typeof data.regionId === "number" && data.regionId === data.partnerRegionId)
    ctx.addIssue({ code: "custom", message: "partnerSame", path: ["partnerRegionId"] });
  const parsed = [data.turnoverUsd, data.exportsUsd, data.importsUsd].every(
    (v) => v === null || (typeof v === "string" && amountPattern.test(v)),
  );
  if (parsed && !amountsAgree(data.turnoverUsd, data.exportsUsd, data.importsUsd)) {
    ctx.addIssue({ code: "custom", message: "partsExceedTurnover", path: ["turnoverUsd"] });
  }
}

export const TradeFormSchema = z.object(fields).superRefine(checkFigure);
export type TradeFormInput = z.output<typeof TradeFormSchema>;

/** The edit form: the same fields and the version it started from. */
export const TradeUpdateSchema = z.object({ ...fields, version: Version }).superRefine(checkFigure);

// ---- The public trade overview (URL parameters; nonsense falls back rather than fails) ----

/** How the overview ranks region pairs: by turnover of the chosen year, or by its growth on the year before. */
export const tradeSorts = ["turnover", "growth"] as const;
export type TradeSort = (typeof tradeSorts)[number];

export const TRADE_YEAR_MIN = 1990;
export const TRADE_YEAR_MAX = 2100;

/**
 * `?country=BY&year=2014&sort=growth&page=2`. Without `year` each pair is ranked by its latest recorded year;
 * with `year`, by that year's figure, and pairs with no figure that year are left out.
 */
export const TradeListSchema = PageParamsSchema.extend({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase())
    .optional()
    .catch(undefined),
  year: z.coerce.number().int().min(TRADE_YEAR_MIN).max(TRADE_YEAR_MAX).optional().catch(undefined),
  sort: z.enum(tradeSorts).catch("turnover").default("turnover"),
});
export type TradeListParams = z.infer<typeof TradeListSchema>;
export type TradeFilter = Pick<TradeListParams, "country" | "year" | "sort">;

/** The overview's URL query: defaults left out, so that equal views have equal URLs. */
export function tradeListQuery(params: Partial<TradeListParams>) {
  return listQuery(params, ["country", "year"], "turnover");
}
