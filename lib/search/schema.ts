import { z } from "zod";
import { MeetingLevel, OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from "@/lib/pagination";

/** What one search box finds: organizations, regions and meetings. */
export const searchTypes = ["organization", "region", "meeting"] as const;
export type SearchType = (typeof searchTypes)[number];

/** Longer queries are cut here: the words past it would not change which records match. */
export const MAX_QUERY_LENGTH = 1000;
/** Suggestions start at two characters: one matches half the registry. */
export const MIN_SUGGEST_LENGTH = 2;

/** The facets of the search page, in the order they are shown. */
export const facetNames = ["type", "kind", "sector", "region", "country", "status", "foundedDecade", "meetingYear"] as const;
export type FacetName = (typeof facetNames)[number];

const queryText = z
  .string()
  .max(MAX_QUERY_LENGTH, { error: `The query is longer than ${MAX_QUERY_LENGTH} characters.` })
  // NUL cannot be stored or sent to PostgreSQL; other control characters mean nothing to a search.
  .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, " ").trim());

/** A URL parameter that may be given several times (`?kind=a&kind=b`), or as a comma-separated list. */
function several<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null || value === "") return [];
      const values = Array.isArray(value) ? value : [value];
      return values
        .flatMap((v) => String(v).split(","))
        .map((v) => v.trim())
        .filter(Boolean);
    },
    z.array(item).max(50, { error: "At most 50 values." }),
  );
}

const year = z.coerce.number().int().min(1000).max(2200);

/** NACE Rev. 2: a section letter (A-U) or a division's two digits. */
export const SectorCodeSchema = z.string().regex(/^(?:[A-U]|\d{2})$/, { error: "A NACE section letter (A-U) or a two-digit division." });
export const RegionSlugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "A region's slug, such as kursk-oblast." });
export const CountryCodeSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, { error: "An ISO 3166-1 alpha-2 country code, such as BY." }));

/**
 * The search: query text, facet filters and page. Strict, for the API (a bad value is a 400 naming the
 * parameter); the search page reads URLs through `searchParamsFromUrl`, which drops what it cannot use.
 */
export const SearchParamsSchema = z.object({
  q: queryText.default(""),
  type: several(z.enum(searchTypes)).default([]),
  kind: several(z.enum(OrganizationKind)).default([]),
  status: several(z.enum(OrganizationStatus)).default([]),
  sector: several(SectorCodeSchema).default([]),
  region: several(RegionSlugSchema).default([]),
  country: several(CountryCodeSchema).default([]),
  level: several(z.enum(MeetingLevel)).default([]),
  foundedFrom: year.optional(),
  foundedTo: year.optional(),
  meetingYear: several(year).default([]),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  /** `literal=1`: search for the words exactly as typed, without correcting typos ("Search instead for ..."). */
  literal: z
    .enum(["1", "true", "0", "false"], { error: "1 to search for the words exactly as typed, 0 (the default) to correct typos." })
    .transform((value) => value === "1" || value === "true")
    .default(false),
});
export type SearchParams = z.output<typeof SearchParamsSchema>;

type RawParams = Record<string, string | string[] | undefined>;

/** The page's reading of its URL: every value it cannot use is left out, so a hand-edited URL still works. */
export function searchParamsFromUrl(raw: RawParams): SearchParams {
  const shape = SearchParamsSchema.shape;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (key === "q") {
      const text = Array.isArray(value) ? value[0] : value;
      out.q = (text ?? "").slice(0, MAX_QUERY_LENGTH);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    // Keep each value that parses on its own; one bad value does not throw the others away.
    const kept = values.flatMap((v) => v.split(",")).filter((v) => (schema as z.ZodType).safeParse(isList(key) ? [v] : v).success);
    if (kept.length > 0) out[key] = isList(key) ? kept : kept[0];
  }
  return SearchParamsSchema.parse(out);
}

function isList(key: string) {
  return !["q", "foundedFrom", "foundedTo", "page", "perPage", "literal"].includes(key);
}

/** The URL query of a search, for links that change one part of it. */
export function searchQuery(params: SearchParams): Record<string, string | number | string[] | number[] | undefined> {
  return {
    q: params.q || undefined,
    type: params.type,
    kind: params.kind,
    status: params.status,
    sector: params.sector,
    region: params.region,
    country: params.country,
    level: params.level,
    foundedFrom: params.foundedFrom,
    foundedTo: params.foundedTo,
    meetingYear: params.meetingYear,
    page: params.page,
    perPage: params.perPage === DEFAULT_PAGE_SIZE ? undefined : params.perPage,
    literal: params.literal ? 1 : undefined,
  };
}

/** One result. `headline` marks the matched words between \u0002 and \u0003 (see `splitHighlights`). */
export type SearchHit = {
  type: SearchType;
  slug: string;
  titleEn: string;
  titleRu: string;
  /** The title in each language with matches marked. */
  headlineEn: string;
  headlineRu: string;
  /** A passage of the description or summary with matches marked, when the match was there. */
  snippetEn: string | null;
  snippetRu: string | null;
  rank: number;
  kind: OrganizationKind | null;
  status: OrganizationStatus | null;
  level: string | null;
  date: string | null;
  foundedYear: number | null;
  countryCode: string | null;
  region: { slug: string; nameEn: string; nameRu: string } | null;
  isDemo: boolean;
};

export type FacetValue = { value: string; count: number; labelEn: string | null; labelRu: string | null };
export type Facets = Record<FacetName, FacetValue[]>;

export type SearchResult = {
  items: SearchHit[];
  /** The matches, counted up to 1,000 (lib/search/sql.ts, MAX_COUNTED). */
  total: number;
  /** More records match than `total`: the page says "more than 1,000 results". */
  totalCapped: boolean;
  page: number;
  perPage: number;
  pageCount: number;
  /**
   * What was searched for instead when the words as typed matched nothing and typos were corrected
   * ("Showing results for kursk"); null when the results are for the words as typed.
   */
  correctedQuery: string | null;
  facets?: Facets;
};

export type Suggestion = {
  type: SearchType;
  slug: string;
  titleEn: string;
  titleRu: string;
  /** A second line: the organization's region, the region's country, the meeting's date. */
  contextEn: string | null;
  contextRu: string | null;
};

export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

/** Splits a headline into plain and matched parts, for rendering matches as <mark> without HTML from SQL. */
export function splitHighlights(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, "g");
  let last = 0;
  for (const found of headline.matchAll(pattern)) {
    if (found.index > last) parts.push({ text: headline.slice(last, found.index), match: false });
    if (found[1]) parts.push({ text: found[1], match: true });
    last = found.index + found[0].length;
  }
  if (last < headline.length) parts.push({ text: headline.slice(last), match: false });
  // Stray markers (a headline cut mid-match) are dropped rather than shown.
  return parts.map((part) => ({ ...part, text: part.text.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_STOP, "") }));
}

// ---- The staff pickers' lookup (GET /api/staff/lookup) ----

export const lookupTypes = ["organization", "region", "meeting", "sector"] as const;
export type LookupType = (typeof lookupTypes)[number];
export const LOOKUP_LIMIT = 10;

export const LookupParamsSchema = z.object({
  type: z.enum(lookupTypes),
  q: queryText.pipe(z.string().max(200)),
  kind: z.enum(OrganizationKind).optional(),
});
export type LookupParams = z.output<typeof LookupParamsSchema>;

/** One match offered by a picker: the id it posts and what the editor reads, in both languages. */
export type LookupItem = { id: number | string; labelEn: string; labelRu: string; contextEn: string | null; contextRu: string | null };
