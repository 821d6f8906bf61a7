import { z } from "zod";
import { RegionLevel } from "@/lib/generated/prisma/enums";
import { CountryCodeSchema } from "@/lib/organizations/schema";
import { choice, optionalText, pickedId, requiredText, textLines, Version } from "@/lib/actions/fields";
import { listQuery, PageParamsSchema } from "@/lib/pagination";

/** `/regions?country=RU&level=region&page=2`; unknown values fall back to no filter. */
export const RegionListSchema = PageParamsSchema.extend({
  country: CountryCodeSchema.optional().catch(undefined),
  level: z.enum(RegionLevel).optional().catch(undefined),
});
export type RegionListParams = z.infer<typeof RegionListSchema>;
export type RegionFilter = Pick<RegionListParams, "country" | "level">;

export function regionListQuery(params: Partial<RegionListParams>) {
  return listQuery(params, ["country", "level"]);
}

// ---- The staff form (lib/regions/actions.ts) ----

export const regionLevels = ["country", "region", "city"] as const satisfies readonly RegionLevel[];

export const RegionFormSchema = z.object({
  nameEn: requiredText(200),
  nameRu: requiredText(200),
  /** "Gomel Oblast", "Гомельская обл.": found by the search, the staff pickers and the import. One a line. */
  otherNames: textLines(20, 200),
  isoCode: optionalText(6)
    .transform((value) => value?.toUpperCase() ?? null)
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { error: "isoCode" })
        .nullable(),
    ),
  level: choice(regionLevels),
  countryCode: z
    .string({ error: "chooseOne" })
    .trim()
    .regex(/^[A-Z]{2}$/, { error: "chooseOne" }),
  parentId: pickedId({ required: false }),
});
export type RegionFormInput = z.output<typeof RegionFormSchema>;

/** The edit form: the same fields and the version the editor started from. */
export const RegionUpdateSchema = RegionFormSchema.extend({ version: Version });
