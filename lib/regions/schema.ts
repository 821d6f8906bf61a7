import { z } from "zod";
import { RegionLevel } from "@/lib/generated/prisma/enums";
import { CountryCodeSchema } from "@/lib/organizations/schema";
import { DEFAULT_PAGE_SIZE, PageParamsSchema } from "@/lib/pagination";

/** `/regions?country=RU&level=region&page=2`; unknown values fall back to no filter. */
export const RegionListSchema = PageParamsSchema.extend({
  country: CountryCodeSchema.optional().catch(undefined),
  level: z.enum(RegionLevel).optional().catch(undefined),
});
export type RegionListParams = z.infer<typeof RegionListSchema>;

export function regionListQuery(params: Partial<RegionListParams>) {
  return {
    country: params.country,
    level: params.level,
    perPage: params.perPage === DEFAULT_PAGE_SIZE ? undefined : params.perPage,
    page: params.page,
  };
}
