import { z } from "zod";
import { MeetingRefDtoSchema, PartyDtoSchema } from "@/lib/api/refs";
import {
  date,
  idPageParams,
  nullableText,
  RecordIdSchema,
  UpdatedSinceParamSchema,
  cursorPageSchema,
  updatedAt,
  url,
} from "@/lib/api/schema";
import { commitmentStatuses, trackerFields } from "@/lib/commitments/schema";
import { exportOptionFields, LangParamSchema } from "@/lib/export/columns";

/** The commitments endpoints of the JSON API (lib/api/operations.ts): their parameters and answers. */

const status = z.enum(commitmentStatuses);

export const CommitmentDtoSchema = z.object({
  id: RecordIdSchema.describe("The commitment's number, as in its page's address."),
  textEn: z.string(),
  textRu: z.string(),
  status,
  dueDate: date.nullable(),
  overdue: z.boolean().describe("Due before today (UTC) and neither fulfilled nor lapsed."),
  meeting: MeetingRefDtoSchema.describe("The meeting where it was made."),
  parties: z.array(PartyDtoSchema).describe("Who committed: exactly one of organization and region is set."),
  followUps: z
    .array(z.object({ meeting: MeetingRefDtoSchema, note: nullableText }))
    .describe("Later meetings that followed it up, oldest first, with what they found."),
  updatedAt,
  url,
});

export const CommitmentDetailDtoSchema = CommitmentDtoSchema.extend({
  statusHistory: z
    .array(
      z.object({
        at: z.iso.datetime().describe("When the status changed, in UTC."),
        from: status.nullable().describe("null when the commitment was recorded with this status."),
        to: status,
        note: nullableText.describe("The reason given for the change."),
      }),
    )
    .describe("Each change of status, oldest first (at most 100). Never who made it."),
});

export const CommitmentListDtoSchema = cursorPageSchema(CommitmentDtoSchema);

const describe = {
  status:
    "Statuses to keep: proposed, agreed, in_progress, fulfilled, lapsed. Several values: repeat the parameter or separate them with commas.",
  region: "Region slugs (at most 2); each must be concerned: its meeting's region, a party, or a party's organization's region.",
  party: "The slug of an organization or a region that is a party to it.",
  meeting: "The slug of a meeting where it was made or followed up.",
  dueFrom: "Due on or after this day (YYYY-MM-DD).",
  dueTo: "Due on or before this day (YYYY-MM-DD).",
  overdue: "1: due before today and neither fulfilled nor lapsed.",
  open: "1: neither fulfilled nor lapsed.",
} as const;

/** The tracker page's filters (lib/commitments/schema.ts), strict: a value that does not parse is a 400 naming it. */
const commitmentFilterFields = {
  status: trackerFields.status.optional().describe(describe.status),
  region: trackerFields.region.optional().describe(describe.region),
  party: trackerFields.party.optional().describe(describe.party),
  meeting: trackerFields.meeting.optional().describe(describe.meeting),
  dueFrom: trackerFields.dueFrom.optional().describe(describe.dueFrom),
  dueTo: trackerFields.dueTo.optional().describe(describe.dueTo),
  overdue: trackerFields.overdue.optional().describe(describe.overdue),
  open: trackerFields.open.optional().describe(describe.open),
};

export const CommitmentQuerySchema = z.strictObject({
  ...commitmentFilterFields,
  updatedSince: UpdatedSinceParamSchema,
  ...idPageParams,
});
export const CommitmentCsvExportQuerySchema = z.strictObject({ ...commitmentFilterFields, ...exportOptionFields("csv") });
export const CommitmentXlsxExportQuerySchema = z.strictObject({ ...commitmentFilterFields, ...exportOptionFields("xlsx") });
/** The feed of the tracker: its filters and the feed's language. */
export const CommitmentFeedQuerySchema = z.strictObject({ ...commitmentFilterFields, lang: LangParamSchema });

export const CommitmentPathSchema = z.object({
  id: z.coerce.number().pipe(RecordIdSchema).describe("The commitment's number."),
});

export type CommitmentDto = z.infer<typeof CommitmentDtoSchema>;
export type CommitmentDetailDto = z.infer<typeof CommitmentDetailDtoSchema>;
export type CommitmentQuery = z.output<typeof CommitmentQuerySchema>;
