import { z } from "zod";
import { exportOptionFields } from "@/lib/export/columns";
import { RegionLevel } from "@/lib/generated/prisma/enums";
import { CountryDtoSchema, RegionRefDtoSchema } from "@/lib/api/refs";
import {
  CountryParamSchema,
  cursorPageSchema,
  idPageParams,
  nullableText,
  oneOf,
  UpdatedSinceParamSchema,
  updatedAt,
  url,
} from "@/lib/api/schema";

/** The regions endpoints of the JSON API (lib/api/operations.ts): their query parameters and answers. */

export const RegionDtoSchema = z.object({
  slug: z.string(),
  nameEn: z.string(),
  nameRu: z.string(),
  otherNames: z.array(z.string()).describe("Other names it is written by, in either language (Gomel Oblast, Гомельская обл.)."),
  isoCode: nullableText.describe("ISO 3166-1 or 3166-2 code."),
  level: z.enum(RegionLevel),
  country: CountryDtoSchema,
  parent: RegionRefDtoSchema.nullable(),
  isDemo: z.boolean().describe("Synthetic demonstration data, not a real record."),
  updatedAt,
  url,
});

export const RegionDetailDtoSchema = RegionDtoSchema.extend({
  children: z.array(RegionRefDtoSchema),
  organizationCount: z.number().int().describe("Live organizations registered in this region."),
});

export const RegionListDtoSchema = cursorPageSchema(RegionDtoSchema);

/** The list page's filters, strict: the API's list and the exports take them. */
const regionFilterFields = {
  country: CountryParamSchema.optional(),
  level: oneOf(RegionLevel, "level").optional(),
};
export const RegionCsvExportQuerySchema = z.strictObject({ ...regionFilterFields, ...exportOptionFields("csv") });
export const RegionXlsxExportQuerySchema = z.strictObject({ ...regionFilterFields, ...exportOptionFields("xlsx") });

export const RegionQuerySchema = z.strictObject({
  ...regionFilterFields,
  updatedSince: UpdatedSinceParamSchema,
  ...idPageParams,
});

export type RegionDto = z.infer<typeof RegionDtoSchema>;
export type RegionDetailDto = z.infer<typeof RegionDetailDtoSchema>;
export type RegionQuery = z.output<typeof RegionQuerySchema>;
