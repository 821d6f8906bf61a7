import { z } from "zod";
import { choice, dateField, optionalText, pickedId, requiredText, Version } from "@/lib/actions/fields";

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
  .transform((row) => ({ kind: row.kind, id: row[partyField(row.kind)] as number }));

/** A required picked record: `pickedId` types its required and optional forms alike as nullable; this one never is. */
const requiredId = () => (pickedId({ required: true }) as z.ZodType<number | null, string | undefined>).pipe(z.number());

const FollowUpRow = z.object({
  meetingId: requiredId(),
  note: optionalText(2000),
});

/** The form name of a party's picker, for its kind. */
export function partyField(kind: PartyKind) {
  return kind === "organization" ? "organizationId" : "regionId";
}

/**
 * A repeated group whose rows keep their form index (`index`), so that the action can put an error found in
 * the database beside the row it belongs to. Removed and blank rows arrive as `undefined` (see `formToObject`).
 */
function indexedRows<Row extends z.ZodType>(row: Row, max: number) {
  return z
    .array(row.optional())
    .max(max, { error: `tooMany|${max}` })
    .optional()
    .transform((list) => (list ?? []).flatMap((item, index) => (item === undefined ? [] : [{ ...(item as object), index }])))
    .pipe(z.array(z.custom<z.output<Row> & { index: number }>()));
}

const fields = {
  meetingId: requiredId(),
  textEn: requiredText(2000),
  textRu: requiredText(2000),
  parties: indexedRows(PartyRow, MAX_PARTIES),
  dueDate: dateField({ required: false }),
  status: choice(commitmentStatuses),
  followUps: indexedRows(FollowUpRow, MAX_FOLLOW_UPS),
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
