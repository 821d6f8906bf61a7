import "server-only";
import type { z } from "zod";
import { ActionRefusal } from "@/lib/actions/staff-action";
import type { CurrentUser } from "@/lib/auth/session";
import { partyField, type CommitmentFormInput, type CommitmentUpdateSchema } from "@/lib/commitments/schema";
import type { Tx } from "@/lib/db/client";

// How a commitment is checked and written, apart from the form's actions (lib/commitments/actions.ts), so that
// the spreadsheet import (lib/import) writes a row as the form does. The audit event and the version are the
// caller's (lib/actions/versioned.ts).

/** What a commitment points to now, so that an edit may keep a party or meeting archived since it was chosen. */
type Current = {
  meetingId: number;
  organizationIds: Set<number>;
  regionIds: Set<number>;
  followUpMeetingIds: Set<number>;
  slugs: string[];
};

export async function readCurrent(tx: Tx, id: number): Promise<Current> {
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

/** Writes a new commitment with its parties and follow-ups after the form's checks; returns its id. */
export async function insertCommitment(tx: Tx, data: CommitmentFormInput, user: Pick<CurrentUser, "id">) {
  await checkReferences(tx, data);
  const created = await tx.commitment.create({
    data: { ...fields(data), createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  await replaceChildren(tx, created.id, data);
  return created.id;
}

/** The checks of an edit, and what it writes under the row lock (see `updateVersioned`): the slugs of the old and new meetings. */
export async function commitmentEdit(tx: Tx, data: z.output<typeof CommitmentUpdateSchema>, { id }: { id: number }) {
  const current = await readCurrent(tx, id);
  const slugs = await checkReferences(tx, data, current);
  return {
    apply: async (tx: Tx) => {
      await tx.commitment.update({ where: { id }, data: fields(data) });
      await replaceChildren(tx, id, data);
      return [...current.slugs, ...slugs];
    },
  };
}
