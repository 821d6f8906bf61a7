import { z } from "zod";
import { exportOptionFields } from "@/lib/export/columns";
import { SectorLevel } from "@/lib/generated/prisma/enums";
import { SectorRefDtoSchema } from "@/lib/api/refs";
import { LimitParamSchema, cursorPageSchema, cursorParam, oneOf, url } from "@/lib/api/schema";

/** The sectors endpoints of the JSON API (lib/api/operations.ts): their parameters and answers. */

export const SectorDtoSchema = z.object({
  code: z.string().describe("NACE Rev. 2 code: a section letter (A-U) or a two-digit division."),
  level: z.enum(SectorLevel),
  nameEn: z.string(),
  nameRu: z.string(),
  section: SectorRefDtoSchema.nullable().describe("For a division, its section."),
  organizationCount: z
    .number()
    .int()
    .describe("Live organizations in this sector (for a section: filed under it or any of its divisions, each once). Up to a minute old."),
  url,
});

export const SectorDetailDtoSchema = SectorDtoSchema.extend({
  divisions: z.array(SectorRefDtoSchema).describe("For a section, its divisions."),
});

export const SectorListDtoSchema = cursorPageSchema(SectorDtoSchema);

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

/** The sectors page has no filters: its exports take only the file's language (and separator). */
export const SectorCsvExportQuerySchema = z.strictObject(exportOptionFields("csv"));
export const SectorXlsxExportQuerySchema = z.strictObject(exportOptionFields("xlsx"));

export const SectorCodePathSchema = z.object({
  code: z.string().min(1).max(2).describe("NACE Rev. 2 section letter or two-digit division."),
});

export type SectorDto = z.infer<typeof SectorDtoSchema>;
export type SectorDetailDto = z.infer<typeof SectorDetailDtoSchema>;
export type SectorQuery = z.output<typeof SectorQuerySchema>;
