import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor } from "@/lib/pagination";

/**
 * The parts every endpoint's parameters and answers are made of; each domain declares its own in its `dto.ts`.
 * Unlike the pages, which fall back to a sensible view on nonsense, the API refuses a bad value with a 400 that
 * names the parameter: a client should learn of its mistake rather than receive an unfiltered list. Unknown
 * parameters are refused for the same reason (a misspelt filter would otherwise be ignored silently).
 */

/** The same fields with descriptions for the OpenAPI document (the owning schemas keep theirs in comments). */
export function describeFields<S extends Record<string, z.ZodType>>(shape: S, descriptions: Partial<Record<keyof S, string>>): S {
  const out: Record<string, z.ZodType> = { ...shape };
  for (const [key, description] of Object.entries(descriptions)) {
    if (description && out[key]) out[key] = out[key].describe(description);
  }
  return out as S;
}

/** `z.enum` with a message that lists the allowed values. */
export function oneOf<const T extends Record<string, string>>(values: T, name: string) {
  return z.enum(values, { error: `${name} must be one of: ${Object.values(values).join(", ")}.` });
}

/** How a filter that takes several values says so. */
export const several = "Several values: repeat the parameter or separate them with commas.";

const limitMessage = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`;
export const LimitParamSchema = z.coerce
  .number({ error: limitMessage })
  .int({ error: limitMessage })
  .min(1, { error: limitMessage })
  .max(MAX_PAGE_SIZE, { error: limitMessage })
  .default(DEFAULT_PAGE_SIZE)
  .describe(`How many items a page holds, 1-${MAX_PAGE_SIZE}.`);

export const cursorMessage = "cursor is not one this API gave out: start again without it.";

/**
 * `?cursor=`: opaque to clients, decoded here into the sort key of the last item served, so that a cursor
 * that is not one of ours is refused before any query runs.
 */
export function cursorParam<K extends z.ZodType>(key: K) {
  return z
    .string()
    .max(500, { error: cursorMessage })
    .optional()
    .transform((value, ctx): z.infer<K> | undefined => {
      if (value === undefined) return undefined;
      const decoded = decodeCursor(value, key);
      if (decoded === null) {
        ctx.addIssue({ code: "custom", message: cursorMessage });
        return z.NEVER;
      }
      return decoded;
    })
    .describe("The nextCursor of the previous page; leave out for the first page.");
}

/** Record ids are PostgreSQL integers: a larger number in a crafted cursor must be refused here, not by the database. */
const INT4_MAX = 2_147_483_647;
export const RecordIdSchema = z.number().int().positive().max(INT4_MAX);
export const IdKeySchema = z.tuple([RecordIdSchema]);

const slugMessage = "must be the slug of a record, such as kursk-oblast.";
export const slugParam = (name: string) =>
  z
    .string()
    .max(160, { error: `${name} ${slugMessage}` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${name} ${slugMessage}` });

export const CountryParamSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { error: "country must be a two-letter ISO 3166-1 code, such as BY or RU." })
  .transform((value) => value.toUpperCase())
  .describe("ISO 3166-1 alpha-2 country code, such as BY or RU.");

/** `limit` and `cursor` of a list walked by record id. */
export const idPageParams = { limit: LimitParamSchema, cursor: cursorParam(IdKeySchema) };

/**
 * A moment a client last looked (`since`, `updatedSince`): an ISO 8601 date-time with its offset, not in the
 * future (a minute of clock skew allowed), which would ask for nothing real. The error names the parameter.
 */
export function pastMomentSchema(name: string) {
  const error = `${name} must be a date-time in ISO 8601 with its offset (such as 2026-12-01T00:00:00Z), not in the future.`;
  return z.iso.datetime({ offset: true, error }).refine((value) => Date.parse(value) <= Date.now() + 60_000, { error });
}

/** `?updatedSince=`: only records changed at or after this moment. */
export const UpdatedSinceParamSchema = pastMomentSchema("updatedSince")
  .transform((value) => new Date(value))
  .optional()
  .describe("Only records changed at or after this moment (ISO 8601 date-time with offset).");

/** Path parameters. A value that cannot be a record's key is simply not found. */
export const SlugPathSchema = z.object({ slug: z.string().min(1).max(160).describe("The record's slug.") });

/**
 * `?a=1&a=2&b=3` as { a: ["1", "2"], b: "3" }, the shape the list filters' schemas read (empty values kept: the
 * page's lenient reader drops them, the exports' strict one names them).
 */
export function searchParamsToQuery(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

// ---- Answers ----

export const updatedAt = z.iso.datetime().describe("When the record last changed, in UTC (ISO 8601).");

export const url = z.string().describe("The path of the record's public page on this site, such as /organizations/gomselmash.");
export const date = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
export const nullableText = z.string().nullable();

/** A cursor page: `nextCursor` is null on the last page; pass it back as `?cursor=` for the next one. */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
  });
}
