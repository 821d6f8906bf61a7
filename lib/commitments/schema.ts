import { z } from "zod";
import { choice, dateField, dayParam, optionalText, pickedId, requiredText, rows, Version } from "@/lib/actions/fields";
import { SlugSchema } from "@/lib/organizations/schema";
import { DEFAULT_PAGE_SIZE, PageParamsSchema } from "@/lib/pagination";

/**
 * The staff form of a commitment (lib/commitments/actions.ts), client-safe: the form checks it as the editor
 * types and the server parses it again. Checks that need the database (the meeting exists, a follow-up is
 * dated on or after it) are made by the action.
 */

export const commitmentStatuses = ["proposed", "agreed", "in_progress", "fulfilled", "lapsed"] as const;
export const partyKinds = ["organization", "region"] as const;
export type PartyKind = (typeof partyKinds)[number];

/** Bounds of the child rows: a commitment binds a handful of parties and is followed up a few times. */
export const MAX_PARTIES = 20;
export const MAX_FOLLOW_UPS = 20;

/**
 * A party is an organization or a region: the row posts its kind and the picker of that kind
 * (`parties.N.organizationId` or `parties.N.regionId`), so the form keeps each picker's own choice.
 */
const PartyRow = z
  .object({
    kind: choice(partyKinds),
    organizationId: pickedId({ required: false }),
    regionId: pickedId({ required: false }),
  })
  .superRefine((row, ctx) => {
    const field = partyField(row.kind);
    if (row[field] === null) ctx.addIssue({ code: "custom", message: "chooseOne", path: [field] });
  })
  // Runs only when the check above passed, so the kind's picker has an id.
  .transform((row) => ({ kind: row.kind, id: row[partyField(row.kind)] ?? z.NEVER }));

const FollowUpRow = z.object({
  meetingId: pickedId({ required: true }),
  note: optionalText(2000),
});

/** The form name of a party's picker, for its kind. */
export function partyField(kind: PartyKind) {
  return kind === "organization" ? "organizationId" : "regionId";
}

const fields = {
  meetingId: pickedId({ required: true }),
  textEn: requiredText(2000),
  textRu: requiredText(2000),
  parties: rows(PartyRow, MAX_PARTIES),
  dueDate: dateField({ required: false }),
  status: choice(commitmentStatuses),
  followUps: rows(FollowUpRow, MAX_FOLLOW_UPS),
};

type Checked = {
  meetingId: number;
  parties: { kind: PartyKind; id: number; index: number }[];
  followUps: { meetingId: number; index: number }[];
};

/** Whether a group parsed: zod runs this check even when another field failed, and then a failed group is raw input. */
const parsedRows = (list: unknown): list is { index: number }[] =>
  Array.isArray(list) && list.every((row) => typeof (row as { index?: unknown } | undefined)?.index === "number");

/** The rules across rows: at least one party, no party twice, and no follow-up at the meeting itself or twice. */
function checkRows(data: Checked, ctx: z.RefinementCtx) {
  if (parsedRows(data.parties)) checkParties(data, ctx);
  if (parsedRows(data.followUps)) checkFollowUps(data, ctx);
}

function checkParties(data: Checked, ctx: z.RefinementCtx) {
  if (data.parties.length === 0) ctx.addIssue({ code: "custom", message: "partyRequired", path: ["parties"] });
  const parties = new Set<string>();
  for (const party of data.parties) {
    const key = `${party.kind}:${party.id}`;
    if (parties.has(key)) ctx.addIssue({ code: "custom", message: "partyTwice", path: ["parties", party.index, partyField(party.kind)] });
    parties.add(key);
  }
}

function checkFollowUps(data: Checked, ctx: z.RefinementCtx) {
  const meetings = new Set<number>();
  for (const followUp of data.followUps) {
    const path = ["followUps", followUp.index, "meetingId"];
    if (followUp.meetingId === data.meetingId) ctx.addIssue({ code: "custom", message: "followUpSameMeeting", path });
    else if (meetings.has(followUp.meetingId)) ctx.addIssue({ code: "custom", message: "followUpTwice", path });
    meetings.add(followUp.meetingId);
  }
}

export const CommitmentFormSchema = z.object(fields).superRefine(checkRows);
export type CommitmentFormInput = z.output<typeof CommitmentFormSchema>;

/** The edit form: the same fields and the version it started from. */
export const CommitmentUpdateSchema = z.object({ ...fields, version: Version }).superRefine(checkRows);

// ---- Staff: a status change and a follow-up, each from the commitment's page (lib/commitments/actions.ts) ----

/**
 * A change of status with the reason for it; the note goes on the audit event, where the public status history
 * reads it. The names differ from the edit form's (`status`), which sits on the same page.
 */
export const CommitmentStatusFormSchema = z.object({
  newStatus: choice(commitmentStatuses),
  statusNote: requiredText(2000),
  version: Version,
});
export type CommitmentStatusFormInput = z.output<typeof CommitmentStatusFormSchema>;

/** A later meeting that followed the commitment up, with what it found; checked against the meeting's date by the action. */
export const CommitmentFollowUpFormSchema = z.object({
  followUpMeetingId: pickedId({ required: true }),
  followUpNote: optionalText(2000),
  version: Version,
});
export type CommitmentFollowUpFormInput = z.output<typeof CommitmentFollowUpFormSchema>;

// ---- The public tracker (URL parameters) ----

/** A status still to be met: anything but fulfilled and lapsed. */
export const closedStatuses = ["fulfilled", "lapsed"] as const satisfies readonly CommitmentStatus[];
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Two regions at most: one region, or a pair (both concerned). */
export const TRACKER_MAX_REGIONS = 2;

const flag = z.enum(["1", "true", "yes"]).transform(() => true);
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    // A blank choice of the filter form ("any") is no value, not a wrong one; the API also takes `a,b`.
    (value) =>
      (value === undefined ? [] : Array.isArray(value) ? value : [value])
        .flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
        .filter((v) => v !== ""),
    z.array(item).min(1).max(max),
  );
const slug = SlugSchema;

/**
 * Each parameter of the tracker's URL on its own, so that one value that does not parse is left out (and named
 * on the page) while the rest still filter: a shared link with a typo still shows a list.
 */
export const trackerFields = {
  status: listOf(z.enum(commitmentStatuses), commitmentStatuses.length).transform((list) => [...new Set(list)]),
  region: listOf(slug, TRACKER_MAX_REGIONS).transform((list) => [...new Set(list)]),
  party: slug,
  meeting: slug,
  dueFrom: dayParam,
  dueTo: dayParam,
  overdue: flag,
  open: flag,
  page: PageParamsSchema.shape.page,
  perPage: PageParamsSchema.shape.perPage,
};
export type TrackerParam = keyof typeof trackerFields;

/** The tracker's query string; a value that does not parse is dropped (`parseTrackerParams` also says which). */
export const TrackerParamsSchema = z.object({
  status: trackerFields.status.optional().catch(undefined),
  region: trackerFields.region.optional().catch(undefined),
  party: slug.optional().catch(undefined),
  meeting: slug.optional().catch(undefined),
  dueFrom: dayParam.optional().catch(undefined),
  dueTo: dayParam.optional().catch(undefined),
  overdue: flag.optional().catch(undefined),
  open: flag.optional().catch(undefined),
  page: trackerFields.page,
  perPage: trackerFields.perPage,
});
export type TrackerParams = z.output<typeof TrackerParamsSchema>;

/** The parameters, and the names of those given but not understood (blank ones are simply off). */
export function parseTrackerParams(raw: Record<string, string | string[] | undefined>): { params: TrackerParams; ignored: TrackerParam[] } {
  const params = TrackerParamsSchema.parse(raw);
  const ignored = (Object.keys(trackerFields) as TrackerParam[]).filter((name) => {
    const value = raw[name];
    const given = Array.isArray(value) ? value.some((v) => v.trim() !== "") : value !== undefined && value.trim() !== "";
    if (!given || name === "page" || name === "perPage") return false;
    const present = Array.isArray(value) ? value.filter((v) => v.trim() !== "") : value;
    return !trackerFields[name].safeParse(present).success;
  });
  return { params, ignored };
}

/** The query of a tracker URL for `paths.commitments`, with the same names the page parses. */
export function trackerQuery(params: Partial<TrackerParams>) {
  return {
    status: params.status,
    region: params.region,
    party: params.party,
    meeting: params.meeting,
    dueFrom: params.dueFrom,
    dueTo: params.dueTo,
    overdue: params.overdue ? 1 : undefined,
    open: params.open ? 1 : undefined,
    perPage: params.perPage === DEFAULT_PAGE_SIZE ? undefined : params.perPage,
    page: params.page,
  };
}
