import "server-only";
import { cache } from "react";
import type { FormValues } from "@/lib/actions/form-state";
import type { SnapshotReader } from "@/lib/actions/versioned";
import { partyField } from "@/lib/commitments/schema";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/i18n/localize";

const meetingSelect = { id: true, slug: true, titleEn: true, titleRu: true, date: true, archivedAt: true } as const;

const editSelect = {
  id: true,
  textEn: true,
  textRu: true,
  dueDate: true,
  status: true,
  version: true,
  archivedAt: true,
  meeting: { select: meetingSelect },
  // Rows are replaced on every save, so their ids keep the order the editor gave them.
  parties: {
    orderBy: { id: "asc" },
    select: {
      organization: { select: { id: true, name: true, nameEn: true } },
      region: { select: { id: true, nameEn: true, nameRu: true } },
    },
  },
  followUps: { orderBy: { meeting: { date: "asc" } }, select: { note: true, meeting: { select: meetingSelect } } },
} as const satisfies Prisma.CommitmentSelect;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const meetingLabel = (meeting: { titleEn: string; date: Date }) => `${meeting.titleEn} (${isoDate(meeting.date)})`;

/** A commitment as its history keeps it: the meeting and the parties by name, the follow-ups as short lines. */
export const snapshotCommitment: SnapshotReader = async (tx, id) => {
  const commitment = await tx.commitment.findUnique({ where: { id }, select: editSelect });
  if (!commitment) return null;
  return {
    meeting: meetingLabel(commitment.meeting),
    textEn: commitment.textEn,
    textRu: commitment.textRu,
    parties: commitment.parties.map((party) =>
      party.organization ? (party.organization.nameEn ?? party.organization.name) : (party.region?.nameEn ?? ""),
    ),
    dueDate: commitment.dueDate ? isoDate(commitment.dueDate) : null,
    status: commitment.status,
    followUps: commitment.followUps.map((f) => (f.note ? `${meetingLabel(f.meeting)}: ${f.note}` : meetingLabel(f.meeting))),
    version: commitment.version,
    archived: commitment.archivedAt !== null,
  };
};

/**
 * A commitment for its edit form, archived or not, with labels in the reader's language; null when there is no
 * such id. Once per request: the edit page and its title share it.
 */
export const getCommitmentForEdit = cache(async (id: number, locale: string) => {
  const commitment = await db().commitment.findUnique({ where: { id }, select: editSelect });
  if (!commitment) return null;
  const values: FormValues = {
    meetingId: String(commitment.meeting.id),
    meetingId__label: localized(locale, commitment.meeting.titleEn, commitment.meeting.titleRu),
    textEn: commitment.textEn,
    textRu: commitment.textRu,
    dueDate: commitment.dueDate ? isoDate(commitment.dueDate) : "",
    status: commitment.status,
    version: String(commitment.version),
  };
  commitment.parties.forEach((party, index) => {
    const kind = party.organization ? "organization" : "region";
    const field = `parties.${index}.${partyField(kind)}`;
    values[`parties.${index}.kind`] = kind;
    values[field] = String(party.organization?.id ?? party.region?.id ?? "");
    values[`${field}__label`] = party.organization
      ? localized(locale, party.organization.nameEn, party.organization.name)
      : localized(locale, party.region?.nameEn, party.region?.nameRu);
  });
  commitment.followUps.forEach((followUp, index) => {
    values[`followUps.${index}.meetingId`] = String(followUp.meeting.id);
    values[`followUps.${index}.meetingId__label`] = localized(locale, followUp.meeting.titleEn, followUp.meeting.titleRu);
    values[`followUps.${index}.note`] = followUp.note ?? "";
  });
  return {
    id: commitment.id,
    text: { en: commitment.textEn, ru: commitment.textRu },
    /** The public page that shows the commitment: its meeting's, while that meeting is live. */
    meetingSlug: commitment.meeting.archivedAt === null ? commitment.meeting.slug : null,
    archived: commitment.archivedAt !== null,
    version: commitment.version,
    status: commitment.status,
    values,
  };
});

/** A meeting to preselect on the new-commitment form (`?meeting=<id>`): its id and title, archived or not. */
export async function getMeetingChoice(id: number, locale: string) {
  const meeting = await db().meeting.findUnique({ where: { id }, select: { id: true, titleEn: true, titleRu: true } });
  return meeting ? { id: meeting.id, label: localized(locale, meeting.titleEn, meeting.titleRu) } : null;
}
