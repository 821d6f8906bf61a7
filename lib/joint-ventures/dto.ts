import { z } from "zod";
import { cursorMessage, cursorPageSchema, describeFields, LimitParamSchema, several } from "@/lib/api/schema";
import { exportOptionFields, LangParamSchema } from "@/lib/export/columns";
import { jointVentureTable } from "@/lib/joint-ventures/export";
import { isJointVentureCursor, JointVentureDtoSchema, JointVentureFilterSchema } from "@/lib/joint-ventures/schema";

/** The joint-venture endpoints of the JSON API (lib/api/operations.ts): their parameters and answers. */

export const JointVentureListDtoSchema = cursorPageSchema(JointVentureDtoSchema);

/** One record of the JSON export: the export's columns (lib/joint-ventures/export.ts), each a string, number or null. */
export const JointVentureExportDtoSchema = z.array(
  z.object(
    Object.fromEntries(
      jointVentureTable.columns.map((column) => [column.key, z.union([z.string(), z.number(), z.null()]).describe(column.header.en)]),
    ),
  ),
);

/**
 * The joint-venture table's filters (lib/joint-ventures/schema.ts), without its sort: the API walks by record,
 * which is what keeps a cursor stable. The filter's cross-field checks (a range's ends in order) run again on
 * the parsed filter in the handler.
 */
const jointVentureFields = describeFields(JointVentureFilterSchema.shape, {
  sector: `NACE Rev. 2 section letters (each with its divisions) or two-digit divisions. ${several}`,
  match: "With several sectors: any (in at least one, the default) or all (in each).",
  region: `Slugs of regions where a live partner sits, or that hold a share themselves. ${several}`,
  country: "ISO 3166-1 alpha-2 code of a live partner's country, such as BY.",
  status: `planned, active or closed. ${several}`,
  foundedFrom: "Founded in this year or later.",
  foundedTo: "Founded in this year or earlier.",
  capitalMin: "Capital of at least this amount, in the venture's own currency (amounts are not converted).",
  capitalMax: "Capital of at most this amount, in the venture's own currency.",
  sort: "The exports' order: name, region, status, founded, capital or sector.",
  dir: "asc or desc.",
});
const { sort: _sort, dir: _dir, ...jointVentureFilterFields } = jointVentureFields;
void _sort;
void _dir;

export const JointVentureQuerySchema = z.strictObject({
  ...jointVentureFilterFields,
  // Optional here: without them the walk is by record (oldest first), as before.
  sort: JointVentureFilterSchema.shape.sort
    .optional()
    .describe(
      "The table's order: name, region, status, founded, capital (by currency first) or sector; missing values last. Without it, oldest record first.",
    ),
  dir: JointVentureFilterSchema.shape.dir.optional().describe("With sort: asc (the default) or desc."),
  limit: LimitParamSchema,
  // Passed on as it came (listJointVenturesByCursor decodes it), once it is known to hold a record id.
  cursor: z
    .string()
    .max(500, { error: cursorMessage })
    .refine(isJointVentureCursor, { error: cursorMessage })
    .optional()
    .describe("The nextCursor of the previous page; leave out for the first page."),
});

/** The exports take the table's filters and its order; the files their language (and the CSV its separator). */
export const JointVentureExportQuerySchema = z.strictObject(jointVentureFields);
export const JointVentureCsvExportQuerySchema = z.strictObject({ ...jointVentureFields, ...exportOptionFields("csv") });
export const JointVentureXlsxExportQuerySchema = z.strictObject({ ...jointVentureFields, ...exportOptionFields("xlsx") });

/** The feed takes the table's filters (its order is the newest first) and the feed's language. */
export const JointVentureFeedQuerySchema = z.strictObject({ ...jointVentureFilterFields, lang: LangParamSchema });

export type JointVentureQuery = z.output<typeof JointVentureQuerySchema>;
