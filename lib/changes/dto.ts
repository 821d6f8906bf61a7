import { z } from "zod";
import { cursorPageSchema, cursorParam, LimitParamSchema, pastMomentSchema } from "@/lib/api/schema";

/**
 * `/api/v1/changes`: what changed in the public registry, in the order it happened, read from the audit log.
 * Only what the public pages show: the record's type, its public id and address, what happened and when; never
 * who did it, and never a field's value.
 */

export const changeRecordTypes = ["region", "organization", "meeting", "commitment", "trade"] as const;
export const changeKinds = ["created", "updated", "archived", "restored"] as const;

export const ChangeDtoSchema = z.object({
  type: z.enum(changeRecordTypes).describe("The kind of record: region, organization, meeting, commitment or trade (a year's figure)."),
  id: z.string().describe("The record's public id: its slug, a commitment's number, or a trade figure's regions and year."),
  change: z.enum(changeKinds),
  at: z.iso.datetime().describe("When, in UTC."),
  url: z.string().describe("The record's page on this site; an archived record's page answers 404."),
});
export type ChangeDto = z.infer<typeof ChangeDtoSchema>;
export const ChangeListDtoSchema = cursorPageSchema(ChangeDtoSchema);

const EventIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ChangeQuerySchema = z.strictObject({
  since: pastMomentSchema("since").optional().describe("Only changes at or after this moment (ISO 8601 date-time with offset)."),
  type: z
    .enum(changeRecordTypes, { error: `type must be one of: ${changeRecordTypes.join(", ")}.` })
    .optional()
    .describe("Only changes to records of this type."),
  limit: LimitParamSchema,
  cursor: cursorParam(z.tuple([EventIdSchema])),
});
export type ChangeQuery = z.output<typeof ChangeQuerySchema>;
