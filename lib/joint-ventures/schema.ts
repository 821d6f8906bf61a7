import { z } from "zod";
import { OrganizationStatus } from "@/lib/generated/prisma/enums";
import { pastMomentSchema } from "@/lib/api/schema";
import { decodeCursor } from "@/lib/pagination";
import { naceCodeSchema } from "@/lib/sectors/schema";

/**
 * The joint-venture table's filters and the API's shape of one venture. The page, the exports and the JSON API
 * read the same query string: the API and the exports answer a bad value with 400, the page drops it
 * (`parseJointVentureFilterLenient`), so a mistyped shared link still shows a table.
 */

export const JOINT_VENTURE_SORTS = ["name", "region", "status", "founded", "capital", "sector"] as const;
export type JointVentureSort = (typeof JOINT_VENTURE_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export const SECTOR_MATCHES = ["any", "all"] as const;

/** A NACE Rev. 2 section letter (A-U) or division, as analysts write it: `C`, `28`, `C28`, `28.30` (its division). */
export const SectorCodeSchema = naceCodeSchema(
  "sector must be a NACE Rev. 2 section letter (A-U) or a division code, such as 28, C28 or 28.30 (read as its division 28).",
);
export const RegionSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "region must be the slug of a region, such as kursk-oblast." })
  .max(120, { error: "region must be the slug of a region, such as kursk-oblast." });
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "country must be an ISO 3166-1 alpha-2 code, such as BY." });

/** ISO 4217: the currency a venture's capital is recorded in. */
export const CurrencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: "currency must be an ISO 4217 currency code, such as USD, RUB or BYN." });

const MAX_LIST = 120;

/** `?a=x&a=y` and `?a=x,y` both mean [x, y]; an empty form field means "not set". */
function toList(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === "string" ? item.split(",") : [item]));
  const kept = items.filter((item) => !(typeof item === "string" && item.trim() === ""));
  return kept.length === 0 ? undefined : kept;
}

/** One value of a scalar parameter: the last one when repeated, nothing when empty. */
function toScalar(value: unknown): unknown {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === "string" && last.trim() === "" ? undefined : last;
}

const list = <T extends z.ZodType>(item: T, name: string) =>
  z.preprocess(
    toList,
    z
      .array(item)
      .max(MAX_LIST, { error: `${name} may be given at most ${MAX_LIST} times.` })
      .optional(),
  );
const scalar = <T extends z.ZodType>(schema: T) => z.preprocess(toScalar, schema);

const year = (name: string) => {
  const error = `${name} must be a year from 1800 to 2100.`;
  return z.coerce.number({ error }).int({ error }).min(1800, { error }).max(2100, { error });
};
const amount = (name: string) => {
  const error = `${name} must be an amount of 0 or more, in digits (such as 1000000 or 2500.50).`;
  return z.coerce.number({ error }).min(0, { error }).max(1e16, { error });
};
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, { error: `${name} must be one of: ${values.join(", ")}.` });

const filterFields = {
  /** NACE codes: sections match all their divisions. */
  sector: list(SectorCodeSchema, "sector"),
  /** any: a venture in at least one of the sectors; all: in each of them. */
  match: scalar(oneOf(SECTOR_MATCHES, "match").default("any")),
  /** Slugs of regions where a live partner sits (or that hold a share themselves). */
  region: list(RegionSlugSchema, "region"),
  /** any: a partner in at least one of the regions; all: a partner in each of them (Gomel and Kursk). */
  regionMatch: scalar(oneOf(SECTOR_MATCHES, "regionMatch").default("any")),
  /** ISO country code of a live partner. */
  country: scalar(CountryCodeSchema.optional()),
  status: list(z.enum(OrganizationStatus, { error: `status must be one of: ${Object.values(OrganizationStatus).join(", ")}.` }), "status"),
  foundedFrom: scalar(year("foundedFrom").optional()),
  foundedTo: scalar(year("foundedTo").optional()),
  capitalMin: scalar(amount("capitalMin").optional()),
  capitalMax: scalar(amount("capitalMax").optional()),
  /**
   * Only capital recorded in this currency. Amounts are never converted, so they are never ranked across
   * currencies either: without this, sorting by capital sorts by currency first.
   */
  currency: scalar(CurrencyCodeSchema.optional()),
  /** Only ventures whose record changed at or after this moment (ISO 8601 date-time with offset). */
  updatedSince: scalar(pastMomentSchema("updatedSince").optional()),
  sort: scalar(oneOf(JOINT_VENTURE_SORTS, "sort").default("name")),
  dir: scalar(oneOf(SORT_DIRECTIONS, "dir").default("asc")),
};

/** The filters of the joint-venture table, its exports and the API, strict: a bad value is an error. */
export const JointVentureFilterSchema = z
  .object(filterFields)
  .refine((f) => f.foundedFrom === undefined || f.foundedTo === undefined || f.foundedFrom <= f.foundedTo, {
    path: ["foundedTo"],
    error: "foundedTo must not come before foundedFrom.",
  })
  .refine((f) => f.capitalMin === undefined || f.capitalMax === undefined || f.capitalMin <= f.capitalMax, {
    path: ["capitalMax"],
    error: "capitalMax must not be below capitalMin.",
  });
export type JointVentureFilter = z.output<typeof JointVentureFilterSchema>;

// Ids are PostgreSQL integers: a larger number in a crafted cursor is refused here, not by the database.
const CursorId = z.number().int().min(0).max(2_147_483_647);
export const CursorKeySchema = z.tuple([CursorId]);
/** In the table's order: the order's one or two values (as text, null where missing), then the id. */
const CursorValue = z.string().max(400).nullable();
export const SortedCursorKeySchema = z.union([z.tuple([CursorValue, CursorId]), z.tuple([CursorValue, CursorValue, CursorId])]);

/** Whether a cursor is one this list gives out, by id or in an order. */
export function isJointVentureCursor(cursor: string): boolean {
  return decodeCursor(cursor, CursorKeySchema) !== null || decodeCursor(cursor, SortedCursorKeySchema) !== null;
}

/** The filter keys, for links that keep the filters and drop the page (or the sort). */
export const JOINT_VENTURE_FILTER_KEYS = Object.keys(filterFields) as (keyof typeof filterFields)[];

/**
 * The page's reading of the query: each bad value is dropped (a bad entry of a list alone), so that a shared link
 * with one typo still shows a table instead of an error.
 */
export function parseJointVentureFilterLenient(query: Record<string, string | string[] | undefined>): JointVentureFilter {
  const out: Record<string, unknown> = {};
  for (const key of JOINT_VENTURE_FILTER_KEYS) {
    const schema = filterFields[key];
    const raw = query[key];
    const whole = schema.safeParse(raw);
    if (whole.success) {
      out[key] = whole.data;
      continue;
    }
    if (key === "sector" || key === "region" || key === "status") {
      const entries = (toList(raw) as unknown[] | undefined) ?? [];
      const kept = entries.filter((entry) => schema.safeParse(entry).success).slice(0, MAX_LIST);
      out[key] = schema.parse(kept.length > 0 ? kept : undefined);
    } else {
      out[key] = schema.parse(undefined);
    }
  }
  const filter = out as JointVentureFilter;
  // Crossed ranges mean no one meant them: keep the lower bound only.
  if (filter.foundedFrom !== undefined && filter.foundedTo !== undefined && filter.foundedFrom > filter.foundedTo)
    filter.foundedTo = undefined;
  if (filter.capitalMin !== undefined && filter.capitalMax !== undefined && filter.capitalMin > filter.capitalMax)
    filter.capitalMax = undefined;
  return filter;
}

/** The filter as a query object for `paths.*`, leaving out defaults so that equal views have equal URLs. */
export function filterToQuery(filter: JointVentureFilter): Record<string, string | number | string[] | undefined> {
  return {
    sector: filter.sector,
    match: filter.sector && filter.sector.length > 1 && filter.match !== "any" ? filter.match : undefined,
    region: filter.region,
    regionMatch: filter.region && filter.region.length > 1 && filter.regionMatch !== "any" ? filter.regionMatch : undefined,
    country: filter.country,
    status: filter.status,
    foundedFrom: filter.foundedFrom,
    foundedTo: filter.foundedTo,
    capitalMin: filter.capitalMin,
    capitalMax: filter.capitalMax,
    currency: filter.currency,
    updatedSince: filter.updatedSince,
    sort: filter.sort !== "name" ? filter.sort : undefined,
    dir: filter.dir !== "asc" ? filter.dir : undefined,
  };
}

export function hasActiveFilters(filter: JointVentureFilter): boolean {
  return Boolean(
    filter.sector?.length ||
    filter.region?.length ||
    filter.country ||
    filter.currency ||
    filter.updatedSince ||
    filter.status?.length ||
    filter.foundedFrom !== undefined ||
    filter.foundedTo !== undefined ||
    filter.capitalMin !== undefined ||
    filter.capitalMax !== undefined,
  );
}

const namesSchema = { nameEn: z.string(), nameRu: z.string() };

/** One joint venture as the JSON API serves it. */
export const JointVentureDtoSchema = z.object({
  slug: z.string(),
  /** The name as registered, often in Cyrillic. */
  name: z.string(),
  nameEn: z.string().nullable(),
  status: z.enum(OrganizationStatus),
  foundedYear: z.number().int().nullable(),
  /** As recorded, in its own currency (amounts in different currencies are not converted). */
  capital: z.object({ amount: z.number(), currency: z.string().length(3) }).nullable(),
  region: z.object({ slug: z.string(), ...namesSchema }),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2),
  /** NACE Rev. 2 codes; one at most is primary. */
  sectors: z.array(z.object({ code: z.string(), ...namesSchema, primary: z.boolean() })),
  /** Live partners with their shares in percent, largest first. */
  partners: z.array(
    z.object({
      type: z.enum(["organization", "region"]),
      slug: z.string(),
      /** The registered name of an organization; the Russian name of a region. */
      name: z.string(),
      nameEn: z.string().nullable(),
      sharePercent: z.number(),
      /** Where the partner sits: an organization's region, or the regional government's own region. */
      region: z.object({ slug: z.string(), ...namesSchema }),
      /** ISO 3166-1 alpha-2 of the partner's region. */
      country: z.string().length(2),
    }),
  ),
  /** The venture's public page. */
  url: z.string(),
  /** Synthetic demonstration data, not a real venture. */
  isDemo: z.boolean(),
  /** When the venture's record last changed, in UTC (ISO 8601). */
  updatedAt: z.iso.datetime(),
});
export type JointVentureDto = z.infer<typeof JointVentureDtoSchema>;
