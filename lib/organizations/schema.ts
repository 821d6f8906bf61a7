import { z } from "zod";
import { OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_PAGE_SIZE, PageParamsSchema } from "@/lib/pagination";

// URL parameters of the public lists. A value we do not know falls back to "no filter" (`.catch`): a stale
// bookmark or a typed URL shows the list rather than an error page.

/** A NACE section (one letter, A-U) or division (two digits). */
export const SectorCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(?:[A-U]|\d{2})$/);
/** A record's slug as it appears in a URL. */
export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(160)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
/** ISO 3166-1 alpha-2, as stored in `countries.code`. */
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/);

export const organizationSorts = ["name-asc", "name-desc", "founded-asc", "founded-desc"] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export const OrganizationListSchema = PageParamsSchema.extend({
  kind: z.enum(OrganizationKind).optional().catch(undefined),
  status: z.enum(OrganizationStatus).optional().catch(undefined),
  country: CountryCodeSchema.optional().catch(undefined),
  region: SlugSchema.optional().catch(undefined),
  sector: SectorCodeSchema.optional().catch(undefined),
  sort: z.enum(organizationSorts).catch("name-asc").default("name-asc"),
});
export type OrganizationListParams = z.infer<typeof OrganizationListSchema>;
export type OrganizationFilter = Pick<OrganizationListParams, "kind" | "status" | "country" | "region" | "sector">;

/** The URL query of a list view: only what differs from the defaults, so equal views have equal URLs. */
export function organizationListQuery(params: Partial<OrganizationListParams>) {
  return {
    kind: params.kind,
    status: params.status,
    country: params.country,
    region: params.region,
    sector: params.sector,
    sort: params.sort === "name-asc" ? undefined : params.sort,
    perPage: params.perPage === DEFAULT_PAGE_SIZE ? undefined : params.perPage,
    page: params.page,
  };
}

/** Whether any filter narrows the list (sorting and paging do not). */
export function hasOrganizationFilter(params: OrganizationFilter) {
  return Boolean(params.kind || params.status || params.country || params.region || params.sector);
}
