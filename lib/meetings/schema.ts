import { z } from "zod";
import {
  choice,
  dateField,
  filledRows,
  optionalText,
  optionalUrl,
  pickedId,
  RecordId,
  requiredText,
  rows,
  Version,
} from "@/lib/actions/fields";
import { MeetingLevel } from "@/lib/generated/prisma/enums";
import { SlugSchema } from "@/lib/organizations/schema";
import { listQuery, PageParamsSchema } from "@/lib/pagination";

// Messages are keys under `errors.` in the catalogues: the form shows them in the reader's language.

// ---- The staff forms (lib/meetings/actions.ts) ----

export const meetingLevels = [
  "head_of_state",
  "government",
  "regional",
  "agency",
  "business_forum",
] as const satisfies readonly MeetingLevel[];

/** The most regions, participants and statements one meeting form takes. */
export const MEETING_REGIONS_MAX = 20;
export const MEETING_PARTICIPANTS_MAX = 50;
export const MEETING_STATEMENTS_MAX = 50;
/** The most organizations and regions the form lists as discussed; more are linked from the meeting's page. */
export const MEETING_DISCUSSED_MAX = 30;

const RegionRow = z.object({ regionId: pickedId({ required: true }) });

const ParticipantRow = z.object({
  personEn: requiredText(200),
  personRu: requiredText(200),
  roleEn: optionalText(300),
  roleRu: optionalText(300),
  sideRegionId: pickedId({ required: false }),
});

const StatementRow = z.object({
  speakerEn: optionalText(200),
  speakerRu: optionalText(200),
  textEn: requiredText(2000),
  textRu: requiredText(2000),
});

/** The note of what was said: `requiredText(2000)` with messages that name the note. */
const note = z
  .string({ error: "noteRequired" })
  .refine((value) => !value.includes("\u0000"), { error: "containsNul", abort: true })
  .transform((value) => value.trim())
  .pipe(z.string().min(1, { error: "noteRequired" }).max(2000, { error: "noteTooLong" }));

/** What a link says: an organization picker and a region picker, exactly one of them chosen, and the note. */
const entityAndNote = { organizationId: pickedId({ required: false }), regionId: pickedId({ required: false }), note };
type EntityAndNote = { organizationId: number | null; regionId: number | null; note: string };

function oneEntity(data: EntityAndNote, context: z.RefinementCtx) {
  if (data.organizationId === null && data.regionId === null) {
    context.addIssue({ code: "custom", path: ["organizationId"], message: "chooseEntity" });
  } else if (data.organizationId !== null && data.regionId !== null) {
    context.addIssue({ code: "custom", path: ["organizationId"], message: "chooseOneEntity" });
  }
}

// Runs only when `oneEntity` passed, so one of the two is chosen.
const toLink = ({ organizationId, regionId, note }: EntityAndNote): { entity: EntityRef; note: string } => {
  if (organizationId !== null) return { entity: { type: "organization", id: organizationId }, note };
  return regionId !== null ? { entity: { type: "region", id: regionId }, note } : z.NEVER;
};

/**
 * Linking from a meeting's page: one picker for organizations and one for regions; exactly one of them is
 * chosen. The meeting is the action's bound id.
 */
export const LinkEntityFormSchema = z.object(entityAndNote).superRefine(oneEntity).transform(toLink);

/** The form field of a link's picker: where a message about its organization or region goes. */
export const entityField = (entity: EntityRef) => (entity.type === "organization" ? "organizationId" : "regionId");

/**
 * A row of "Discussed" in the meeting form: a link as the meeting page's form takes it, and the id of the link
 * the row was shown from (none for a new row).
 */
const DiscussedRow = z
  .object({ ...entityAndNote, linkId: pickedId({ required: false }) })
  .superRefine(oneEntity)
  .transform(({ linkId, ...link }) => ({ linkId, ...toLink(link) }));

/** A picked id of a row, read with care: the rule below also runs when a row failed, and sees it as sent. */
const idOf = (value: unknown) => (typeof value === "number" ? value : null);

/** The organization or region a "Discussed" row names, parsed or not; null when it names neither or both. */
function rowEntity(row: Record<string, unknown>): EntityRef | null {
  if ("entity" in row) return row.entity as EntityRef;
  const organizationId = idOf(row.organizationId);
  const regionId = idOf(row.regionId);
  if ((organizationId === null) === (regionId === null)) return null;
  return organizationId !== null ? { type: "organization", id: organizationId } : { type: "region", id: regionId! };
}

/**
 * One row per organization or region: a second one is refused on its picker. A rule on the whole form, so that
 * it speaks even while another row has its own error (a note left out).
 */
function discussedOnce(data: { discussed: readonly object[] }, context: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const row of filledRows(data.discussed as readonly (Record<string, unknown> | undefined)[])) {
    const entity = rowEntity(row);
    if (!entity) continue;
    const key = `${entity.type}:${entity.id}`;
    if (seen.has(key)) context.addIssue({ code: "custom", path: ["discussed", row.index, entityField(entity)], message: "discussedTwice" });
    seen.add(key);
  }
}

const meetingFields = {
  titleEn: requiredText(300),
  titleRu: requiredText(300),
  date: dateField({ required: true }),
  level: choice(meetingLevels),
  placeEn: optionalText(200),
  placeRu: optionalText(200),
  summaryEn: optionalText(4000),
  summaryRu: optionalText(4000),
  sourceTitle: optionalText(300),
  sourceTitleRu: optionalText(300),
  sourceUrl: optionalUrl(500),
  regions: rows(RegionRow, MEETING_REGIONS_MAX)
    .refine((list) => list.length > 0, { error: "regionRequired", abort: true })
    .refine((list) => new Set(list.map((r) => r.regionId)).size === list.length, { error: "regionTwice" }),
  participants: rows(ParticipantRow, MEETING_PARTICIPANTS_MAX),
  statements: rows(StatementRow, MEETING_STATEMENTS_MAX),
  discussed: rows(DiscussedRow, MEETING_DISCUSSED_MAX),
};

/** The public page shows the source by its title; an address alone would not show. */
const hasSourceTitle = (data: { sourceUrl: string | null; sourceTitle: string | null }) =>
  data.sourceUrl === null || data.sourceTitle !== null;
const sourceTitleNeeded = { error: "sourceTitleNeeded", path: ["sourceTitle"] };

export const MeetingFormSchema = z.object(meetingFields).refine(hasSourceTitle, sourceTitleNeeded).superRefine(discussedOnce);
export type MeetingFormInput = z.output<typeof MeetingFormSchema>;

/**
 * The links the edit form was shown, as `id:version` (hidden `discussedShown[]`): a shown link missing from the
 * rows was removed by the editor, and is archived from that version; a link someone added meanwhile is kept.
 */
const discussedShown = z
  .array(z.string().regex(/^[1-9][0-9]{0,8}:[1-9][0-9]{0,8}$/, { error: "invalid" }), { error: "invalid" })
  .max(MEETING_DISCUSSED_MAX, { error: "invalid" })
  .optional()
  .transform((list) => new Map((list ?? []).map((pair) => pair.split(":").map(Number) as [number, number])));

/** The edit form: the same fields, the links it was shown and the version the editor started from. */
export const MeetingUpdateSchema = z
  .object({ ...meetingFields, discussedShown, version: Version })
  .refine(hasSourceTitle, sourceTitleNeeded)
  .superRefine(discussedOnce);

/** The organization or region a link is about: `organization` or `region`, and its id. */
export const EntityRefSchema = z.object({ type: z.enum(["organization", "region"], { error: "invalid" }), id: RecordId });
export type EntityRef = z.output<typeof EntityRefSchema>;

/** Linking from an organization's or region's page: the meeting is picked; the entity is the bound argument. */
export const LinkMeetingFormSchema = z.object({ meetingId: pickedId({ required: true }), note });

/**
 * A link whole, meeting and entity both picked, as the import writes it: the meeting is bound to the action on
 * a meeting's page and picked on an entity's, so it is the picker's rule.
 */
export const LinkFormSchema = LinkMeetingFormSchema.pick({ meetingId: true }).and(LinkEntityFormSchema);

/** A change of a link's note, from the version the import saw. */
export const LinkUpdateSchema = LinkFormSchema.and(z.object({ version: Version }));

/** Removing a link, from the version the page showed. */
export const UnlinkFormSchema = z.object({ linkId: RecordId, version: Version });

// ---- The public list of meetings (URL parameters; unknown values fall back rather than fail) ----

export const meetingSorts = ["date-desc", "date-asc"] as const;
export type MeetingSort = (typeof meetingSorts)[number];

export const MEETING_YEAR_MIN = 1990;
export const MEETING_YEAR_MAX = 2100;

export const MeetingListSchema = PageParamsSchema.extend({
  year: z.coerce.number().int().min(MEETING_YEAR_MIN).max(MEETING_YEAR_MAX).optional().catch(undefined),
  level: z.enum(MeetingLevel).optional().catch(undefined),
  region: SlugSchema.optional().catch(undefined),
  /** Where an organization was discussed: its page links here for the meetings beyond its timeline. */
  organization: SlugSchema.optional().catch(undefined),
  sort: z.enum(meetingSorts).catch("date-desc").default("date-desc"),
});
export type MeetingListParams = z.infer<typeof MeetingListSchema>;
const meetingFilters = ["year", "level", "region", "organization"] as const;
export type MeetingFilter = Pick<MeetingListParams, (typeof meetingFilters)[number]>;

export function meetingListQuery(params: Partial<MeetingListParams>) {
  return listQuery(params, meetingFilters, "date-desc");
}

/** The meeting page: `?page=` pages what was discussed. */
export const MeetingPageParamsSchema = z.object({
  page: PageParamsSchema.shape.page,
});
