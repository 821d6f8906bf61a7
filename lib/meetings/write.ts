import "server-only";
import type { z } from "zod";
import { rowValues } from "@/lib/actions/fields";
import { uniqueSlug } from "@/lib/actions/slug";
import { ActionRefusal } from "@/lib/actions/staff-action";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import type { EntityRef, LinkUpdateSchema, MeetingFormInput } from "@/lib/meetings/schema";

// How a meeting and a discussion link are checked and written, apart from the forms' actions
// (lib/meetings/actions.ts), so that the spreadsheet import (lib/import) writes a row as the form does. The
// audit event and the version are the caller's (lib/actions/versioned.ts).

type Writer = Pick<CurrentUser, "id">;

// ---- Meetings ----

const fields = (data: MeetingFormInput) => ({
  titleEn: data.titleEn,
  titleRu: data.titleRu,
  date: data.date,
  level: data.level,
  placeEn: data.placeEn,
  placeRu: data.placeRu,
  summaryEn: data.summaryEn,
  summaryRu: data.summaryRu,
  sourceTitle: data.sourceTitle,
  sourceTitleRu: data.sourceTitleRu,
  sourceUrl: data.sourceUrl,
});

/**
 * Replaces the meeting's regions, participants and statements with the form's, in the caller's transaction:
 * runs after the meeting row is written, so a refusal here (a region that is gone) takes the meeting with it.
 * Participants and statements keep the form's order as `position`.
 */
async function replaceChildRows(tx: Tx, meetingId: number, data: MeetingFormInput) {
  const wanted = [...data.regions.map((r) => r.regionId), ...data.participants.flatMap((p) => (p.sideRegionId ? [p.sideRegionId] : []))];
  const live = new Set(
    (await tx.region.findMany({ where: { id: { in: [...new Set(wanted)] }, archivedAt: null }, select: { id: true } })).map((r) => r.id),
  );
  const errors: Record<string, string[]> = {};
  for (const region of data.regions) if (!live.has(region.regionId)) errors[`regions.${region.index}.regionId`] = ["regionMissing"];
  for (const p of data.participants) {
    if (p.sideRegionId !== null && !live.has(p.sideRegionId)) errors[`participants.${p.index}.sideRegionId`] = ["regionMissing"];
  }
  if (Object.keys(errors).length) throw new ActionRefusal({ message: "checkFields", errors });

  await tx.meetingRegion.deleteMany({ where: { meetingId } });
  await tx.meetingParticipant.deleteMany({ where: { meetingId } });
  await tx.meetingStatement.deleteMany({ where: { meetingId } });
  await tx.meetingRegion.createMany({ data: data.regions.map((r) => ({ meetingId, regionId: r.regionId })) });
  await tx.meetingParticipant.createMany({ data: rowValues(data.participants).map((p, position) => ({ ...p, meetingId, position })) });
  await tx.meetingStatement.createMany({ data: rowValues(data.statements).map((s, position) => ({ ...s, meetingId, position })) });
}

/** Writes a new meeting with its regions, participants and statements; returns its id. */
export async function insertMeeting(tx: Tx, data: MeetingFormInput, user: Writer) {
  // The slug reads like the seeded ones: 2015-03-10-president-of-belarus-meets-...
  const slug = await uniqueSlug(tx, "meetings", `${data.date.toISOString().slice(0, 10)} ${data.titleEn}`, 160);
  const created = await tx.meeting.create({
    data: { ...fields(data), slug, createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  await replaceChildRows(tx, created.id, data);
  return created.id;
}

/** What an edit writes under the row lock (see `updateVersioned`): the meeting and its child rows. */
export async function meetingEdit(_tx: Tx, data: MeetingFormInput, { id }: { id: number }) {
  return {
    apply: async (tx: Tx) => {
      await tx.meeting.update({ where: { id }, data: fields(data) });
      await replaceChildRows(tx, id, data);
    },
  };
}

// ---- Discussion links: "this organization or region was discussed at this meeting" ----

/** The form fields that chose a link's meeting and entity, which its messages name. */
export type LinkFields = { meeting: string; entity: string };

/** The slugs of a link's meeting and entity, when both are live; else the form's refusal, on the field that chose the one gone. */
async function liveEnds(tx: Tx, meetingId: number, entity: EntityRef, fields: LinkFields) {
  const meeting = await tx.meeting.findFirst({ where: { id: meetingId, archivedAt: null }, select: { slug: true } });
  if (!meeting) throw new ActionRefusal({ message: "checkFields", errors: { [fields.meeting]: ["meetingMissing"] } });
  const where = { id: entity.id, archivedAt: null };
  const target =
    entity.type === "organization"
      ? await tx.organization.findFirst({ where, select: { slug: true } })
      : await tx.region.findFirst({ where, select: { slug: true } });
  if (!target) throw new ActionRefusal({ message: "checkFields", errors: { [fields.entity]: ["entityMissing"] } });
  return { meeting: meeting.slug, entity: target.slug };
}

const entityColumns = (entity: EntityRef) => ({
  organizationId: entity.type === "organization" ? entity.id : null,
  regionId: entity.type === "region" ? entity.id : null,
});

/**
 * Writes a link of a live meeting and a live organization or region, with its note; returns its id and the slugs
 * of the two. A second live link of the same two is refused on the entity's field (a partial unique index holds
 * the rule too, should two saves race).
 */
export async function insertLink(tx: Tx, link: { meetingId: number; entity: EntityRef; note: string }, user: Writer, fields: LinkFields) {
  const slugs = await liveEnds(tx, link.meetingId, link.entity, fields);
  const linked = await tx.discussionLink.findFirst({
    where: { meetingId: link.meetingId, ...entityColumns(link.entity), archivedAt: null },
    select: { id: true },
  });
  if (linked) throw new ActionRefusal({ message: "checkFields", errors: { [fields.entity]: ["alreadyLinked"] } });
  const created = await tx.discussionLink.create({
    data: { meetingId: link.meetingId, ...entityColumns(link.entity), note: link.note, createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  return { id: created.id, slugs };
}

/**
 * An edit of a link's note (the import's: the forms only link and unlink). A link keeps its meeting and entity,
 * which must still be live, as for a new link; a row naming other ones is not this link's.
 */
export async function linkEdit(tx: Tx, data: z.output<typeof LinkUpdateSchema>, { id }: { id: number }) {
  const link = await tx.discussionLink.findUnique({ where: { id }, select: { meetingId: true, organizationId: true, regionId: true } });
  const { organizationId, regionId } = entityColumns(data.entity);
  if (!link || link.meetingId !== data.meetingId || link.organizationId !== organizationId || link.regionId !== regionId) {
    throw new ActionRefusal({ message: "recordMissing" });
  }
  await liveEnds(tx, data.meetingId, data.entity, { meeting: "meetingId", entity: `${data.entity.type}Id` });
  return {
    apply: async (tx: Tx) => {
      await tx.discussionLink.update({ where: { id }, data: { note: data.note } });
    },
  };
}
