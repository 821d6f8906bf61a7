import { z } from "zod";
import { OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { RegionRefDtoSchema } from "@/lib/api/refs";
import { date, describeFields, several, url } from "@/lib/api/schema";
import { LangParamSchema } from "@/lib/export/columns";
import { MAX_PAGE_SIZE } from "@/lib/pagination";
import { MIN_SUGGEST_LENGTH, SearchParamsSchema } from "@/lib/search/schema";

/** The search endpoints of the JSON API (lib/api/operations.ts): their parameters and answers. */

/** A title or passage split at the matched words, so that clients can mark them without parsing HTML. */
export const HighlightedTextDtoSchema = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .describe("The text in parts; `match` marks the words that matched the query.");

export const SearchHitDtoSchema = z.object({
  type: z.enum(["organization", "region", "meeting"]),
  slug: z.string(),
  titleEn: z.string(),
  titleRu: z.string(),
  headlineEn: HighlightedTextDtoSchema,
  headlineRu: HighlightedTextDtoSchema,
  snippetEn: HighlightedTextDtoSchema.nullable().describe("A passage of the description or summary, where the match was there."),
  snippetRu: HighlightedTextDtoSchema.nullable(),
  rank: z.number().describe("Relevance: higher is better. Comparable within one search only."),
  kind: z.enum(OrganizationKind).nullable().describe("Organizations only."),
  status: z.enum(OrganizationStatus).nullable().describe("Organizations only."),
  level: z.string().nullable().describe("Regions: country, region or city; meetings: the meeting's level."),
  date: date.nullable().describe("Meetings only."),
  foundedYear: z.number().int().nullable(),
  countryCode: z.string().nullable(),
  region: RegionRefDtoSchema.nullable().describe("An organization's region."),
  isDemo: z.boolean(),
  url,
});

export const FacetValueDtoSchema = z.object({
  value: z
    .string()
    .describe(
      "Pass as the parameter of the facet's name to keep only these results (for foundedDecade: foundedFrom=value and foundedTo=value+9).",
    ),
  count: z.number().int(),
  labelEn: z.string().nullable(),
  labelRu: z.string().nullable(),
});

const facetList = z.array(FacetValueDtoSchema);
export const FacetsDtoSchema = z
  .object({
    type: facetList,
    kind: facetList,
    sector: facetList,
    region: facetList,
    country: facetList,
    status: facetList,
    foundedDecade: facetList,
    meetingYear: facetList,
  })
  .describe("How many results each filter value would keep.");

export const SearchResultDtoSchema = z.object({
  items: z.array(SearchHitDtoSchema),
  total: z.number().int().describe("How many records match, counted up to 1,000."),
  totalCapped: z.boolean().describe("True when more records match than `total` (the count stops at 1,000)."),
  page: z.number().int(),
  perPage: z.number().int(),
  pageCount: z.number().int(),
  correctedQuery: z
    .string()
    .nullable()
    .describe(
      'What was searched for instead when the words as typed matched nothing and typos were corrected ("Showing results for kursk"); null otherwise. Send literal=1 to search for the words as typed.',
    ),
  facets: FacetsDtoSchema.optional().describe(
    "With ?facets=true: how many results each filter value keeps, over the first 1,000 matches. Exact when `totalCapped` is false; otherwise each count is a lower bound, and a value found only past the first 1,000 is missing.",
  ),
});

export const SuggestionDtoSchema = z.object({
  type: z.enum(["organization", "region", "meeting"]),
  slug: z.string(),
  titleEn: z.string(),
  titleRu: z.string(),
  contextEn: z.string().nullable().describe("A second line: the organization's region, the region's country, the meeting's date."),
  contextRu: z.string().nullable(),
  url,
});

export const SuggestionListDtoSchema = z.object({ items: z.array(SuggestionDtoSchema) });

export type SearchHitDto = z.infer<typeof SearchHitDtoSchema>;
export type SearchResultDto = z.infer<typeof SearchResultDtoSchema>;
export type SuggestionDto = z.infer<typeof SuggestionDtoSchema>;

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
    literal:
      "1: the words exactly as typed, no typo correction. 0 (the default): a word in no name is also searched for as the known words one typo away (two from 9 letters).",
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

/** The feed of a search: the search page's words and filters (a feed shows the best results, not a page of them) and its language. */
export const SearchFeedQuerySchema = SearchQuerySchema.omit({ page: true, perPage: true, facets: true }).extend({ lang: LangParamSchema });

export type SearchQuery = z.output<typeof SearchQuerySchema>;
export type SuggestQuery = z.output<typeof SuggestQuerySchema>;
