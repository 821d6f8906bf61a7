"use server";

import { revalidatePath } from "next/cache";
import { ActionRefusal } from "@/lib/actions/staff-action";
import { recordActions } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import { snapshotCommitment } from "@/lib/commitments/queries";
import {
  CommitmentFollowUpFormSchema,
  CommitmentFormSchema,
  CommitmentStatusFormSchema,
  CommitmentUpdateSchema,
  partyField,
  type CommitmentFormInput,
} from "@/lib/commitments/schema";
import type { Tx } from "@/lib/db/client";
import { paths } from "@/lib/paths";

// The schema refuses a party or a follow-up given twice; the database holds the same rule, should a request
// slip past the schema or two rows race.
const unique = {
  commitment_parties_organization_key: { field: "parties", message: "partyTwice" },
  commitment_parties_region_key: { field: "parties", message: "partyTwice" },
  commitment_follow_ups_pkey: { field: "followUps", message: "followUpTwice" },
};

/** What a commitment points to now, so that an edit may keep a party or meeting archived since it was chosen. */
type Current = {
  meetingId: number;
  organizationIds: Set<number>;
  regionIds: Set<number>;
  followUpMeetingIds: Set<number>;
  slugs: string[];
};

async function readCurrent(tx: Tx, id: number): Promise<Current> {
  const commitment = await tx.commitment.findUnique({
    where: { id },
    select: {
      meetingId: true,
      meeting: { select: { slug: true } },
      parties: { select: { organizationId: true, regionId: true } },
      followUps: { select: { meetingId: true, meeting: { select: { slug: true } } } },
    },
  });
  if (!commitment) throw new ActionRefusal({ message: "recordMissing" });
  const ids = (list: (number | null)[]) => new Set(list.filter((id): id is number => id !== null));
  return {
    meetingId: commitment.meetingId,
    organizationIds: ids(commitment.parties.map((p) => p.organizationId)),
    regionIds: ids(commitment.parties.map((p) => p.regionId)),
    followUpMeetingIds: ids(commitment.followUps.map((f) => f.meetingId)),
    slugs: [commitment.meeting.slug, ...commitment.followUps.map((f) => f.meeting.slug)],
  };
}

/**
 * The checks that need the database: every picked record exists and is live (or was already on the
 * commitment), a follow-up is dated on or after the meeting, and so is the due date. Returns the slugs of the
 * meetings whose public pages show the commitment.
 */
async function checkReferences(tx: Tx, data: CommitmentFormInput, current?: Current): Promise<string[]> {
  const errors: Record<string, string[]> = {};
  const meetingIds = [data.meetingId, ...data.followUps.map((f) => f.meetingId)];
  const organizationIds = data.parties.filter((p) => p.kind === "organization").map((p) => p.id);
  const regionIds = data.parties.filter((p) => p.kind === "region").map((p) => p.id);
  const [meetings, organizations, regions] = await Promise.all([
    tx.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, slug: true, date: true, archivedAt: true } }),
    tx.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, archivedAt: true } }),
    tx.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, archivedAt: true } }),
  ]);
  const usable = (found: { id: number; archivedAt: Date | null }[], id: number, kept: boolean) => {
    const record = found.find((r) => r.id === id);
    return record !== undefined && (record.archivedAt === null || kept);
  };

  const meeting = meetings.find((m) => m.id === data.meetingId);
  if (!usable(meetings, data.meetingId, current?.meetingId === data.meetingId)) errors.meetingId = ["meetingMissing"];
  else if (meeting && data.dueDate && data.dueDate < meeting.date) errors.dueDate = ["dueBeforeMeeting"];

  for (const party of data.parties) {
    const kept = (party.kind === "organization" ? current?.organizationIds : current?.regionIds)?.has(party.id) ?? false;
    if (!usable(party.kind === "organization" ? organizations : regions, party.id, kept)) {
      errors[`parties.${party.index}.${partyField(party.kind)}`] = ["partyMissing"];
    }
  }
  for (const followUp of data.followUps) {
    const field = `followUps.${followUp.index}.meetingId`;
    const later = meetings.find((m) => m.id === followUp.meetingId);
    if (!later || !usable(meetings, followUp.meetingId, current?.followUpMeetingIds.has(followUp.meetingId) ?? false)) {
      errors[field] = ["meetingMissing"];
    } else if (meeting && later.date < meeting.date) errors[field] = ["followUpBeforeMeeting"];
  }
  if (Object.keys(errors).length) throw new ActionRefusal({ message: "checkFields", errors });
  return meetings.map((m) => m.slug);
}

const fields = (data: CommitmentFormInput) => ({
  meetingId: data.meetingId,
  textEn: data.textEn,
  textRu: data.textRu,
  dueDate: data.dueDate,
  status: data.status,
});

/** Replaces the parties and follow-ups with the form's rows, in its order, inside the caller's transaction. */
async function replaceChildren(tx: Tx, commitmentId: number, data: CommitmentFormInput) {
  await tx.commitmentParty.deleteMany({ where: { commitmentId } });
  await tx.commitmentFollowUp.deleteMany({ where: { commitmentId } });
  for (const party of data.parties) {
    // One insert per row: serial ids then follow the form's order, which the edit form and history read back.
    await tx.commitmentParty.create({
      data: {
        commitmentId,
        organizationId: party.kind === "organization" ? party.id : null,
        regionId: party.kind === "region" ? party.id : null,
      },
    });
  }
  if (data.followUps.length) {
    await tx.commitmentFollowUp.createMany({ data: data.followUps.map((f) => ({ commitmentId, meetingId: f.meetingId, note: f.note })) });
  }
}

function refresh(slugs: string[]) {
  // A commitment shows on the page of its meeting and on the pages of the meetings that followed it up, and on
  // the tracker with its own page beneath it.
  invalidate("commitments", "meetings");
  for (const slug of new Set(slugs)) revalidatePath(paths.meeting(slug));
  revalidatePath(paths.commitments(), "layout");
}

const commitments = recordActions({
  type: "commitment",
  page: "commitments",
  snapshot: snapshotCommitment,
  read: async (tx, id) => (await readCurrent(tx, id)).slugs,
  refresh,
});

/** Records a commitment made at a meeting, with its parties and follow-ups. Editors and admins. */
export const createCommitment = commitments.create({ schema: CommitmentFormSchema, unique }, async (tx, data, user) => {
  await checkReferences(tx, data);
  const created = await tx.commitment.create({
    data: { ...fields(data), createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  await replaceChildren(tx, created.id, data);
  return created.id;
});

/**
 * Saves an edit of a commitment and its rows from the version the form started from; the pages of the meetings
 * it leaves refresh too. Editors and admins.
 */
export const updateCommitment = commitments.update({ schema: CommitmentUpdateSchema, unique }, async (tx, data, { id }) => {
  const current = await readCurrent(tx, id);
  const slugs = await checkReferences(tx, data, current);
  return {
    apply: async (tx) => {
      await tx.commitment.update({ where: { id }, data: fields(data) });
      await replaceChildren(tx, id, data);
      return [...current.slugs, ...slugs];
    },
  };
});

/** Takes a commitment off the meeting pages; its record and history stay. Editors and admins. */
export const archiveCommitment = commitments.archive;

/** Brings an archived commitment back to the meeting pages. Editors and admins. */
export const restoreCommitment = commitments.restore;

/**
 * Changes a commitment's status from the version the page showed, with the reason: the note goes on the audit
 * event, where the public status history reads it. The same status again is refused, as it changes nothing.
 * Editors and admins.
 */
export const changeCommitmentStatus = commitments.update({ schema: CommitmentStatusFormSchema }, async (_tx, data, { id }) => ({
  note: data.statusNote,
  apply: async (tx) => {
    // Read under the row lock that updateVersioned holds, so a concurrent change cannot slip between.
    const row = await tx.commitment.findUnique({ where: { id }, select: { status: true } });
    if (row?.status === data.newStatus) throw new ActionRefusal({ message: "checkFields", errors: { newStatus: ["statusUnchanged"] } });
    await tx.commitment.update({ where: { id }, data: { status: data.newStatus } });
  },
}));

/**
 * Records a later meeting that followed the commitment up, with what it found (kept on the follow-up and on
 * the audit event). The meeting must be live, not the commitment's own, dated on or after it, and not listed
 * already. Editors and admins.
 */
export const recordCommitmentFollowUp = commitments.update(
  {
    schema: CommitmentFollowUpFormSchema,
    unique: { commitment_follow_ups_pkey: { field: "followUpMeetingId", message: "followUpTwice" } },
  },
  async (tx, data, { id }) => {
    const current = await readCurrent(tx, id);
    return {
      note: data.followUpNote,
      apply: async (tx) => {
        const meetings = await tx.meeting.findMany({
          where: { id: { in: [current.meetingId, data.followUpMeetingId] } },
          select: { id: true, slug: true, date: true, archivedAt: true },
        });
        const made = meetings.find((m) => m.id === current.meetingId);
        const later = meetings.find((m) => m.id === data.followUpMeetingId);
        const refuse = (message: string) => new ActionRefusal({ message: "checkFields", errors: { followUpMeetingId: [message] } });
        if (!later || later.archivedAt) throw refuse("meetingMissing");
        if (later.id === current.meetingId) throw refuse("followUpSameMeeting");
        if (made && later.date < made.date) throw refuse("followUpBeforeMeeting");
        if (current.followUpMeetingIds.has(later.id)) throw refuse("followUpTwice");
        await tx.commitmentFollowUp.create({ data: { commitmentId: id, meetingId: later.id, note: data.followUpNote } });
        return [...current.slugs, later.slug];
      },
    };
  },
);
