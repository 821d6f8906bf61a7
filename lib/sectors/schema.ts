import { z } from "zod";
import { PageParamsSchema } from "@/lib/pagination";
import { SectorCodeSchema } from "@/lib/organizations/schema";

/** `/sectors/[code]`: a section letter or a division's two digits; anything else is not a sector page. */
export const SectorCodeParamSchema = SectorCodeSchema;

/** `/sectors/C?page=2`: the organizations in the sector, paged like the organizations list. */
export const SectorPageParamsSchema = z.object({
  page: PageParamsSchema.shape.page,
});
