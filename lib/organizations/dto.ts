import { z } from "zod";
import { OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { MeetingRefDtoSchema, OrganizationRefDtoSchema, PartyDtoSchema, RegionRefDtoSchema, SectorRefDtoSchema } from "@/lib/api/refs";
import {
  CountryParamSchema,
  cursorPageSchema,
  cursorParam,
  IdKeySchema,
  LimitParamSchema,
  RecordIdSchema,
  nullableText,
  oneOf,
  slugParam,
  UpdatedSinceParamSchema,
  updatedAt,
  url,
} from "@/lib/api/schema";
import { exportOptionFields, LangParamSchema } from "@/lib/export/columns";
import { FOUNDED_YEAR_MAX, FOUNDED_YEAR_MIN, organizationSorts } from "@/lib/organizations/schema";
import { naceCodeSchema } from "@/lib/sectors/schema";

/** The organizations endpoints of the JSON API (lib/api/operations.ts): their parameters and answers. */

export const OrganizationSectorDtoSchema = SectorRefDtoSchema.extend({ isPrimary: z.boolean() });

export const OrganizationDtoSchema = z.object({
  slug: z.string(),
  kind: z.enum(OrganizationKind),
  name: z.string().describe("The name as registered, often in Cyrillic."),
  nameEn: nullableText.describe("The English name, where there is one."),
  otherNames: z.array(z.string()).describe("Transliterations, abbreviations and former names."),
  status: z.enum(OrganizationStatus),
  foundedYear: z.number().int().nullable(),
  countryCode: z.string(),
  region: RegionRefDtoSchema,
  sectors: z.array(OrganizationSectorDtoSchema).describe("NACE sectors, the primary one first."),
  website: nullableText,
  isDemo: z.boolean().describe("Synthetic demonstration data, not a real record."),
  updatedAt,
  url,
});

export const OrganizationDetailDtoSchema = OrganizationDtoSchema.extend({
  descriptionEn: nullableText,
  descriptionRu: nullableText,
  registrationNumber: nullableText.describe("INN in Russia, UNP in Belarus."),
  capitalAmount: z.number().nullable().describe("Joint ventures: capital or investment."),
  capitalCurrency: nullableText.describe("ISO 4217 code of capitalAmount."),
  products: nullableText,
  fieldsOfStudy: z.array(z.string()),
  partners: z
    .array(PartyDtoSchema.extend({ sharePercent: z.number() }))
    .describe("Joint ventures: the partners and their shares, largest first. Exactly one of organization and region is set."),
  ventureShares: z
    .array(z.object({ sharePercent: z.number(), venture: OrganizationRefDtoSchema }))
    .describe("The joint ventures this organization holds a share in."),
  discussedAt: z
    .array(z.object({ note: z.string(), meeting: MeetingRefDtoSchema }))
    .describe("Meetings where this organization was discussed, newest first (at most 200)."),
});

export const OrganizationListDtoSchema = cursorPageSchema(OrganizationDtoSchema);

export const SectorParamSchema = naceCodeSchema(
  "sector must be a NACE Rev. 2 section letter (A-U) or a division code, such as C, 28, C28 or 28.30 (read as its division 28).",
).describe("NACE Rev. 2 section letter (A-U, including its divisions) or division, as analysts write it: C, 28, C28 or 28.30.");

/** The list page's order, for the API's list and the exports. */
const organizationSortParam = z.enum(organizationSorts, { error: `sort must be one of: ${organizationSorts.join(", ")}.` });

export const OrganizationQuerySchema = z
  .strictObject({
    kind: oneOf(OrganizationKind, "kind").optional(),
    status: oneOf(OrganizationStatus, "status").optional(),
    country: CountryParamSchema.optional(),
    region: slugParam("region").optional().describe("The slug of the region the organization is registered in."),
    sector: SectorParamSchema.optional(),
    updatedSince: UpdatedSinceParamSchema,
    sort: organizationSortParam
      .optional()
      .describe(
        "The list page's order: name-asc, name-desc (by the English name, else the registered one), founded-asc or founded-desc (undated last). Without it, oldest record first.",
      ),
    limit: LimitParamSchema,
    // [id] without a sort; [the sort's value (null for no year), id] with one.
    cursor: cursorParam(z.union([IdKeySchema, z.tuple([z.union([z.string().max(400), z.number().int(), z.null()]), RecordIdSchema])])),
  })
  // A cursor holds the key of its own order: [id] without a sort, [a name, id] or [a year, id] with one.
  .refine(
    (query) =>
      !query.cursor ||
      (query.sort
        ? query.cursor.length === 2 &&
          (query.sort.startsWith("founded")
            ? query.cursor[0] === null || typeof query.cursor[0] === "number"
            : typeof query.cursor[0] === "string")
        : query.cursor.length === 1),
    { path: ["cursor"], error: "cursor belongs to another list or order: start again without it." },
  );

/** The list page's filters, strict: the exports and the feed take them. */
const organizationFilterFields = {
  kind: oneOf(OrganizationKind, "kind").optional(),
  status: oneOf(OrganizationStatus, "status").optional(),
  country: CountryParamSchema.optional(),
  region: slugParam("region").optional().describe("The slug of the region the organization is registered in."),
  sector: SectorParamSchema.optional(),
  founded: z.coerce
    .number({ error: `founded must be a year from ${FOUNDED_YEAR_MIN} to ${FOUNDED_YEAR_MAX}.` })
    .int({ error: `founded must be a year from ${FOUNDED_YEAR_MIN} to ${FOUNDED_YEAR_MAX}.` })
    .min(FOUNDED_YEAR_MIN, { error: `founded must be a year from ${FOUNDED_YEAR_MIN} to ${FOUNDED_YEAR_MAX}.` })
    .max(FOUNDED_YEAR_MAX, { error: `founded must be a year from ${FOUNDED_YEAR_MIN} to ${FOUNDED_YEAR_MAX}.` })
    .optional()
    .describe("Founded in this year."),
};
/** The exports take the list page's filters and order (not its paging), and the file's language (and separator). */
const organizationExportFields = {
  ...organizationFilterFields,
  sort: organizationSortParam
    .default("name-asc")
    .describe("The list's order: name-asc (the default), name-desc, founded-asc or founded-desc."),
};
export const OrganizationCsvExportQuerySchema = z.strictObject({ ...organizationExportFields, ...exportOptionFields("csv") });
export const OrganizationXlsxExportQuerySchema = z.strictObject({ ...organizationExportFields, ...exportOptionFields("xlsx") });

export const OrganizationFeedQuerySchema = z.strictObject({ ...organizationFilterFields, lang: LangParamSchema });

export type OrganizationDto = z.infer<typeof OrganizationDtoSchema>;
export type OrganizationDetailDto = z.infer<typeof OrganizationDetailDtoSchema>;
export type OrganizationQuery = z.output<typeof OrganizationQuerySchema>;
