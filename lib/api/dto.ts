import { z } from "zod";
import { JointVentureDtoSchema } from "@/lib/joint-ventures/schema";
import { jointVentureColumns } from "@/lib/joint-ventures/csv";
import {
  CommitmentStatus,
  MeetingLevel,
  OrganizationKind,
  OrganizationStatus,
  RegionLevel,
  SectorLevel,
} from "@/lib/generated/prisma/enums";

/**
 * What the JSON API answers: its contract, declared here and nowhere else. The OpenAPI document is generated
 * from these schemas, and every response is parsed through them before it is sent, so the two cannot drift.
 * They are deliberately not Prisma's query shapes: numbers are numbers (not Decimal), dates are ISO strings,
 * and every record carries `url`, the path of its public page.
 */

const url = z.string().describe("The path of the record's public page on this site, such as /organizations/gomselmash.");
const date = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
const nullableText = z.string().nullable();

export const CountryDtoSchema = z.object({
  code: z.string().describe("ISO 3166-1 alpha-2 code."),
  nameEn: z.string(),
  nameRu: z.string(),
});

export const RegionRefDtoSchema = z.object({ slug: z.string(), nameEn: z.string(), nameRu: z.string(), url });

export const RegionDtoSchema = z.object({
  slug: z.string(),
  nameEn: z.string(),
  nameRu: z.string(),
  isoCode: nullableText.describe("ISO 3166-1 or 3166-2 code."),
  level: z.enum(RegionLevel),
  country: CountryDtoSchema,
  parent: RegionRefDtoSchema.nullable(),
  isDemo: z.boolean().describe("Synthetic demonstration data, not a real record."),
  url,
});

export const RegionDetailDtoSchema = RegionDtoSchema.extend({
  children: z.array(RegionRefDtoSchema),
  organizationCount: z.number().int().describe("Live organizations registered in this region."),
});

export const SectorRefDtoSchema = z.object({ code: z.string(), nameEn: z.string(), nameRu: z.string(), url });

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

export const OrganizationSectorDtoSchema = SectorRefDtoSchema.extend({ isPrimary: z.boolean() });

export const OrganizationRefDtoSchema = z.object({
  slug: z.string(),
  kind: z.enum(OrganizationKind),
  name: z.string().describe("The name as registered, often in Cyrillic."),
  nameEn: nullableText,
  url,
});

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
  url,
});

export const MeetingRefDtoSchema = z.object({ slug: z.string(), titleEn: z.string(), titleRu: z.string(), date, url });

export const PartyDtoSchema = z.object({
  organization: OrganizationRefDtoSchema.nullable(),
  region: RegionRefDtoSchema.nullable(),
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

export const MeetingDtoSchema = z.object({
  slug: z.string(),
  titleEn: z.string(),
  titleRu: z.string(),
  date,
  level: z.enum(MeetingLevel),
  placeEn: nullableText,
  placeRu: nullableText,
  regions: z.array(RegionRefDtoSchema).describe("The regions that took part."),
  isDemo: z.boolean().describe("Synthetic demonstration data, not a real record."),
  url,
});

export const MeetingDetailDtoSchema = MeetingDtoSchema.extend({
  summaryEn: nullableText,
  summaryRu: nullableText,
  sourceTitle: nullableText,
  sourceUrl: nullableText,
  participants: z.array(
    z.object({
      personEn: z.string(),
      personRu: z.string(),
      roleEn: nullableText,
      roleRu: nullableText,
      side: RegionRefDtoSchema.nullable(),
    }),
  ),
  statements: z.array(z.object({ speakerEn: nullableText, speakerRu: nullableText, textEn: z.string(), textRu: z.string() })),
  discussed: z
    .array(PartyDtoSchema.extend({ note: z.string() }))
    .describe(
      "Organizations and regions discussed, in the order they were recorded (at most 1000). Exactly one of organization and region is set.",
    ),
  commitments: z.array(
    z.object({
      textEn: z.string(),
      textRu: z.string(),
      status: z.enum(CommitmentStatus),
      dueDate: date.nullable(),
      parties: z.array(PartyDtoSchema),
      followedUpAt: z.array(MeetingRefDtoSchema).describe("Later meetings that followed the commitment up."),
    }),
  ),
});

/** A cursor page: `nextCursor` is null on the last page; pass it back as `?cursor=` for the next one. */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
  });
}

export const RegionListDtoSchema = cursorPageSchema(RegionDtoSchema);
export const OrganizationListDtoSchema = cursorPageSchema(OrganizationDtoSchema);
export const MeetingListDtoSchema = cursorPageSchema(MeetingDtoSchema);
export const SectorListDtoSchema = cursorPageSchema(SectorDtoSchema);
export const JointVentureListDtoSchema = cursorPageSchema(JointVentureDtoSchema);

/** One record of the JSON export: the export's columns (lib/joint-ventures/csv.ts), each a string, number or null. */
export const JointVentureExportDtoSchema = z.array(
  z.object(
    Object.fromEntries(
      jointVentureColumns.map((column) => [column.key, z.union([z.string(), z.number(), z.null()]).describe(column.header)]),
    ),
  ),
);

export type CountryDto = z.infer<typeof CountryDtoSchema>;
export type RegionRefDto = z.infer<typeof RegionRefDtoSchema>;
export type RegionDto = z.infer<typeof RegionDtoSchema>;
export type RegionDetailDto = z.infer<typeof RegionDetailDtoSchema>;
export type SectorRefDto = z.infer<typeof SectorRefDtoSchema>;
export type SectorDto = z.infer<typeof SectorDtoSchema>;
export type SectorDetailDto = z.infer<typeof SectorDetailDtoSchema>;
export type OrganizationRefDto = z.infer<typeof OrganizationRefDtoSchema>;
export type OrganizationDto = z.infer<typeof OrganizationDtoSchema>;
export type OrganizationDetailDto = z.infer<typeof OrganizationDetailDtoSchema>;
export type MeetingRefDto = z.infer<typeof MeetingRefDtoSchema>;
export type MeetingDto = z.infer<typeof MeetingDtoSchema>;
export type MeetingDetailDto = z.infer<typeof MeetingDetailDtoSchema>;

// ---- Search ----

/** A title or passage split at the matched words, so that clients can mark them without parsing HTML. */
export const HighlightedTextDtoSchema = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .describe("The text in parts; `match` marks the words that matched the query.");

export const SearchHitDtoSchema = z.object({
  type: z.enum(["organization", "region", "meeting"]),
  slug: z.string(),
  titleEn: z.string(),
  titleRu: z.string(),
  headlineEn: HighlightedTextDtoSchema,
  headlineRu: HighlightedTextDtoSchema,
  snippetEn: HighlightedTextDtoSchema.nullable().describe("A passage of the description or summary, where the match was there."),
  snippetRu: HighlightedTextDtoSchema.nullable(),
  rank: z.number().describe("Relevance: higher is better. Comparable within one search only."),
  kind: z.enum(OrganizationKind).nullable().describe("Organizations only."),
  status: z.enum(OrganizationStatus).nullable().describe("Organizations only."),
  level: z.string().nullable().describe("Regions: country, region or city; meetings: the meeting's level."),
  date: date.nullable().describe("Meetings only."),
  foundedYear: z.number().int().nullable(),
  countryCode: z.string().nullable(),
  region: RegionRefDtoSchema.nullable().describe("An organization's region."),
  isDemo: z.boolean(),
  url,
});

export const FacetValueDtoSchema = z.object({
  value: z
    .string()
    .describe(
      "Pass as the parameter of the facet's name to keep only these results (for foundedDecade: foundedFrom=value and foundedTo=value+9).",
    ),
  count: z.number().int(),
  labelEn: z.string().nullable(),
  labelRu: z.string().nullable(),
});

const facetList = z.array(FacetValueDtoSchema);
export const FacetsDtoSchema = z
  .object({
    type: facetList,
    kind: facetList,
    sector: facetList,
    region: facetList,
    country: facetList,
    status: facetList,
    foundedDecade: facetList,
    meetingYear: facetList,
  })
  .describe("How many results each filter value would keep.");

export const SearchResultDtoSchema = z.object({
  items: z.array(SearchHitDtoSchema),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  pageCount: z.number().int(),
  facets: FacetsDtoSchema.optional().describe("With ?facets=true."),
});

export const SuggestionDtoSchema = z.object({
  type: z.enum(["organization", "region", "meeting"]),
  slug: z.string(),
  titleEn: z.string(),
  titleRu: z.string(),
  contextEn: z.string().nullable().describe("A second line: the organization's region, the region's country, the meeting's date."),
  contextRu: z.string().nullable(),
  url,
});

export const SuggestionListDtoSchema = z.object({ items: z.array(SuggestionDtoSchema) });

export type SearchHitDto = z.infer<typeof SearchHitDtoSchema>;
export type SearchResultDto = z.infer<typeof SearchResultDtoSchema>;
export type SuggestionDto = z.infer<typeof SuggestionDtoSchema>;
