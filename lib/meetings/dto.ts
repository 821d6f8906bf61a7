import { z } from "zod";
import { exportOptionFields, LangParamSchema } from "@/lib/export/columns";
import { meetingSorts } from "@/lib/meetings/schema";
import { CommitmentStatus, MeetingLevel } from "@/lib/generated/prisma/enums";
import { MeetingRefDtoSchema, PartyDtoSchema, RegionRefDtoSchema } from "@/lib/api/refs";
import {
  LimitParamSchema,
  RecordIdSchema,
  cursorPageSchema,
  cursorParam,
  date,
  nullableText,
  oneOf,
  slugParam,
  UpdatedSinceParamSchema,
  updatedAt,
  url,
} from "@/lib/api/schema";

/** The meetings endpoints of the JSON API (lib/api/operations.ts): their parameters and answers. */

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
  updatedAt,
  url,
});

export const MeetingDetailDtoSchema = MeetingDtoSchema.extend({
  summaryEn: nullableText,
  summaryRu: nullableText,
  sourceTitle: nullableText,
  sourceTitleRu: z.string().nullable().describe("The source's title in Russian, where the meeting has one."),
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

export const MeetingListDtoSchema = cursorPageSchema(MeetingDtoSchema);

const yearMessage = "year must be a year from 1990 to 2100.";
/** The list page's order: the API's list, walked by cursor in that order, and the exports take it. */
const meetingSortParam = z
  .enum(meetingSorts, { error: `sort must be one of: ${meetingSorts.join(", ")}.` })
  .default("date-desc")
  .describe("date-desc (newest first, the default) or date-asc.");

/** The list page's filters, strict: the exports and the feed take them. */
const meetingFilterFields = {
  year: z.coerce
    .number({ error: yearMessage })
    .int({ error: yearMessage })
    .min(1990, { error: yearMessage })
    .max(2100, { error: yearMessage })
    .optional()
    .describe("Meetings held in this year."),
  level: oneOf(MeetingLevel, "level").optional(),
  region: slugParam("region").optional().describe("The slug of a region that took part, or that was discussed."),
  organization: slugParam("organization").optional().describe("The slug of an organization discussed there."),
};
/** The exports take the list page's filters and order (not its paging), and the file's language (and separator). */
const meetingExportFields = {
  ...meetingFilterFields,
  sort: meetingSortParam,
};
export const MeetingCsvExportQuerySchema = z.strictObject({ ...meetingExportFields, ...exportOptionFields("csv") });
export const MeetingXlsxExportQuerySchema = z.strictObject({ ...meetingExportFields, ...exportOptionFields("xlsx") });
export const MeetingFeedQuerySchema = z.strictObject({ ...meetingFilterFields, lang: LangParamSchema });

export const MeetingQuerySchema = z.strictObject({
  year: z.coerce
    .number({ error: yearMessage })
    .int({ error: yearMessage })
    .min(1990, { error: yearMessage })
    .max(2100, { error: yearMessage })
    .optional()
    .describe("Meetings held in this year."),
  level: oneOf(MeetingLevel, "level").optional(),
  region: slugParam("region").optional().describe("The slug of a region that took part."),
  sort: meetingSortParam,
  updatedSince: UpdatedSinceParamSchema,
  limit: LimitParamSchema,
  cursor: cursorParam(z.tuple([z.iso.date(), RecordIdSchema])),
});

export type MeetingDto = z.infer<typeof MeetingDtoSchema>;
export type MeetingDetailDto = z.infer<typeof MeetingDetailDtoSchema>;
export type MeetingQuery = z.output<typeof MeetingQuerySchema>;
