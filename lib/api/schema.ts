import { z } from "zod";
import { MeetingLevel, OrganizationKind, OrganizationStatus, RegionLevel, SectorLevel } from "@/lib/generated/prisma/enums";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor } from "@/lib/pagination";
import { JointVentureFilterSchema } from "@/lib/joint-ventures/schema";
import { MIN_SUGGEST_LENGTH, SearchParamsSchema } from "@/lib/search/schema";

/**
 * The query parameters of the JSON API. Unlike the pages, which fall back to a sensible view on nonsense,
 * the API refuses a bad value with a 400 that names the parameter: a client should learn of its mistake
 * rather than receive an unfiltered list. Unknown parameters are refused for the same reason (a misspelt
 * filter would otherwise be ignored silently).
 */

/** The same fields with descriptions for the OpenAPI document (the owning schemas keep theirs in comments). */
function describeFields<S extends Record<string, z.ZodType>>(shape: S, descriptions: Partial<Record<keyof S, string>>): S {
  const out: Record<string, z.ZodType> = { ...shape };
  for (const [key, description] of Object.entries(descriptions)) {
    if (description && out[key]) out[key] = out[key].describe(description);
  }
  return out as S;
}

/** `z.enum` with a message that lists the allowed values. */
function oneOf<const T extends Record<string, string>>(values: T, name: string) {
  return z.enum(values, { error: `${name} must be one of: ${Object.values(values).join(", ")}.` });
}

const limitMessage = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`;
export const LimitParamSchema = z.coerce
  .number({ error: limitMessage })
  .int({ error: limitMessage })
  .min(1, { error: limitMessage })
  .max(MAX_PAGE_SIZE, { error: limitMessage })
  .default(DEFAULT_PAGE_SIZE)
  .describe(`How many items a page holds, 1-${MAX_PAGE_SIZE}.`);

const cursorMessage = "cursor is not one this API gave out: start again without it.";

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
const RecordIdSchema = z.number().int().positive().max(INT4_MAX);
const IdKeySchema = z.tuple([RecordIdSchema]);

const slugMessage = "must be the slug of a record, such as kursk-oblast.";
const slug = (name: string) =>
  z
    .string()
    .max(160, { error: `${name} ${slugMessage}` })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `${name} ${slugMessage}` });

export const CountryParamSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { error: "country must be a two-letter ISO 3166-1 code, such as BY or RU." })
  .transform((value) => value.toUpperCase())
  .describe("ISO 3166-1 alpha-2 country code, such as BY or RU.");

export const SectorParamSchema = z
  .string()
  .regex(/^(?:[A-Ua-u]|\d{2})$/, { error: "sector must be a NACE section letter (A-U) or a two-digit division, such as C or 28." })
  .transform((value) => value.toUpperCase())
  .describe("NACE Rev. 2 section letter (A-U, including its divisions) or two-digit division, such as C or 28.");

export const RegionQuerySchema = z.strictObject({
  country: CountryParamSchema.optional(),
  level: oneOf(RegionLevel, "level").optional(),
  limit: LimitParamSchema,
  cursor: cursorParam(IdKeySchema),
});

export const OrganizationQuerySchema = z.strictObject({
  kind: oneOf(OrganizationKind, "kind").optional(),
  status: oneOf(OrganizationStatus, "status").optional(),
  country: CountryParamSchema.optional(),
  region: slug("region").optional().describe("The slug of the region the organization is registered in."),
  sector: SectorParamSchema.optional(),
  limit: LimitParamSchema,
  cursor: cursorParam(IdKeySchema),
});

const yearMessage = "year must be a year from 1990 to 2100.";
export const MeetingQuerySchema = z.strictObject({
  year: z.coerce
    .number({ error: yearMessage })
    .int({ error: yearMessage })
    .min(1990, { error: yearMessage })
    .max(2100, { error: yearMessage })
    .optional()
    .describe("Meetings held in this year."),
  level: oneOf(MeetingLevel, "level").optional(),
  region: slug("region").optional().describe("The slug of a region that took part."),
  limit: LimitParamSchema,
  cursor: cursorParam(z.tuple([z.iso.date(), RecordIdSchema])),
});

export const SectorQuerySchema = z.strictObject({
  level: oneOf(SectorLevel, "level").optional(),
  section: z
    .string()
    .regex(/^[A-Ua-u]$/, { error: "section must be a NACE section letter, A-U." })
    .transform((value) => value.toUpperCase())
    .optional()
    .describe("The divisions of this NACE section (A-U)."),
  limit: LimitParamSchema,
  cursor: cursorParam(z.tuple([z.string().max(2)])),
});

/** Path parameters. A value that cannot be a record's key is simply not found. */
export const SlugPathSchema = z.object({ slug: z.string().min(1).max(160).describe("The record's slug.") });
export const SectorCodePathSchema = z.object({
  code: z.string().min(1).max(2).describe("NACE Rev. 2 section letter or two-digit division."),
});

export type RegionQuery = z.output<typeof RegionQuerySchema>;
export type OrganizationQuery = z.output<typeof OrganizationQuerySchema>;
export type MeetingQuery = z.output<typeof MeetingQuerySchema>;
export type SectorQuery = z.output<typeof SectorQuerySchema>;

// ---- Joint ventures ----

/**
 * The joint-venture table's filters (lib/joint-ventures/schema.ts), without its sort: the API walks by record,
 * which is what keeps a cursor stable. The filter's cross-field checks (a range's ends in order) run again on
 * the parsed filter in the handler.
 */
const several = "Several values: repeat the parameter or separate them with commas.";
const jointVentureFields = describeFields(JointVentureFilterSchema.shape, {
  sector: `NACE Rev. 2 section letters (each with its divisions) or two-digit divisions. ${several}`,
  match: "With several sectors: any (in at least one, the default) or all (in each).",
  region: `Slugs of regions where a live partner sits, or that hold a share themselves. ${several}`,
  country: "ISO 3166-1 alpha-2 code of a live partner's country, such as BY.",
  status: `planned, active or closed. ${several}`,
  foundedFrom: "Founded in this year or later.",
  foundedTo: "Founded in this year or earlier.",
  capitalMin: "Capital of at least this amount, in the venture's own currency (amounts are not converted).",
  capitalMax: "Capital of at most this amount, in the venture's own currency.",
  sort: "The exports' order: name, region, status, founded, capital or sector.",
  dir: "asc or desc.",
});
const { sort: _sort, dir: _dir, ...jointVentureFilterFields } = jointVentureFields;
void _sort;
void _dir;

export const JointVentureQuerySchema = z.strictObject({
  ...jointVentureFilterFields,
  limit: LimitParamSchema,
  // Passed on as it came (listJointVenturesByCursor decodes it), once it is known to hold a record id.
  cursor: z
    .string()
    .max(500, { error: cursorMessage })
    .refine((value) => decodeCursor(value, IdKeySchema) !== null, { error: cursorMessage })
    .optional()
    .describe("The nextCursor of the previous page; leave out for the first page."),
});

/** The exports take the table's filters and its order. */
export const JointVentureExportQuerySchema = z.strictObject(jointVentureFields);

export type JointVentureQuery = z.output<typeof JointVentureQuerySchema>;

// ---- Search ----

const qMessage = "q is required: the words to search for, with at least one letter or digit.";
const searchText = SearchParamsSchema.shape.q.unwrap();

/**
 * The search's own schema (lib/search/schema.ts), strict about unknown parameters, with `q` required (the API
 * has no empty search page to show) and `facets` to ask for the facet counts.
 */
export const SearchQuerySchema = z.strictObject({
  ...describeFields(SearchParamsSchema.shape, {
    type: `Only these kinds of record: organization, region, meeting. ${several}`,
    kind: `Organizations of these kinds. ${several}`,
    status: `Organizations with these statuses. ${several}`,
    sector: `NACE Rev. 2 section letters (with their divisions) or two-digit divisions. ${several}`,
    region: `Slugs of regions. ${several}`,
    country: `ISO 3166-1 alpha-2 codes. ${several}`,
    level: `Meetings of these levels. ${several}`,
    foundedFrom: "Organizations founded in this year or later.",
    foundedTo: "Organizations founded in this year or earlier.",
    meetingYear: `Meetings held in these years. ${several}`,
    page: "The page of results, from 1.",
    perPage: `Results per page, 1-${MAX_PAGE_SIZE}.`,
  }),
  q: z
    .string({ error: qMessage })
    .pipe(searchText)
    .refine((value) => /[\p{L}\p{N}]/u.test(value), { error: qMessage })
    .describe("The words to search for, in Russian or English, in either script."),
  facets: z
    .enum(["true", "false"], { error: "facets must be true or false." })
    .transform((value) => value === "true")
    .optional()
    .describe("true: include the facet counts."),
});

const suggestLimitMessage = "limit must be a whole number from 1 to 20.";
export const SuggestQuerySchema = z.strictObject({
  q: z
    .string({ error: "q is required: what has been typed so far." })
    .max(200, { error: "q must be at most 200 characters." })
    .describe(`What has been typed so far; fewer than ${MIN_SUGGEST_LENGTH} characters suggest nothing.`),
  limit: z.coerce
    .number({ error: suggestLimitMessage })
    .int({ error: suggestLimitMessage })
    .min(1, { error: suggestLimitMessage })
    .max(20, { error: suggestLimitMessage })
    .default(8),
});

export type SearchQuery = z.output<typeof SearchQuerySchema>;
export type SuggestQuery = z.output<typeof SuggestQuerySchema>;
