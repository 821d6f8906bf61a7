import { z } from "zod";
import { parseSectorCode } from "@/lib/import/values";
import { PageParamsSchema } from "@/lib/pagination";

/**
 * A NACE Rev. 2 code as analysts write it, read as what the registry files sectors under: a section (`C`), a
 * division (`28`, `C28`, `С28` with a Cyrillic С), or a group or class (`28.30`, `28.3`), read as its division.
 * The import reads spreadsheet cells the same way (parseSectorCode). `error` is what a bad value is told.
 */
export function naceCodeSchema(error = "A NACE Rev. 2 section letter (A-U) or division code (such as 28, C28 or 28.30).") {
  return z
    .string({ error })
    .max(40, { error })
    .transform((value, context) => {
      const parsed = parseSectorCode(value);
      if (parsed.ok && parsed.value !== null) return parsed.value;
      context.addIssue({ code: "custom", message: error, input: value });
      return z.NEVER;
    });
}

/** `/sectors/[code]`: a section letter or a division's code; anything else is not a sector page. */
export const SectorCodeParamSchema = naceCodeSchema();

/** `/sectors/C?page=2`: the organizations in the sector, paged like the organizations list. */
export const SectorPageParamsSchema = z.object({
  page: PageParamsSchema.shape.page,
});
