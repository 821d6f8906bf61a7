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
} from "@/lib/commitments/schema";
import { commitmentEdit, insertCommitment, readCurrent } from "@/lib/commitments/write";
import { paths } from "@/lib/paths";

// The schema refuses a party or a follow-up given twice; the database holds the same rule, should a request
// slip past the schema or two rows race.
const unique = {
  commitment_parties_organization_key: { field: "parties", message: "partyTwice" },
  commitment_parties_region_key: { field: "parties", message: "partyTwice" },
  commitment_follow_ups_pkey: { field: "followUps", message: "followUpTwice" },
};

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
export const createCommitment = commitments.create({ schema: CommitmentFormSchema, unique }, insertCommitment);

/**
 * Saves an edit of a commitment and its rows from the version the form started from; the pages of the meetings
 * it leaves refresh too. Editors and admins.
 */
export const updateCommitment = commitments.update({ schema: CommitmentUpdateSchema, unique }, commitmentEdit);

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
