"use server";

import { revalidatePath } from "next/cache";
import { RecordId, rowValues } from "@/lib/actions/fields";
import { uniqueSlug } from "@/lib/actions/slug";
import { violatedUniqueConstraint } from "@/lib/actions/prisma-errors";
import { ActionRefusal, staffAction, VersionConflict } from "@/lib/actions/staff-action";
import { recordActions, recordCreated, setArchived } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import { db, type Tx } from "@/lib/db/client";
import { snapshotDiscussionLink, snapshotMeeting } from "@/lib/meetings/queries";
import {
  EntityRefSchema,
  LinkEntityFormSchema,
  LinkMeetingFormSchema,
  MeetingFormSchema,
  MeetingUpdateSchema,
  UnlinkFormSchema,
  type EntityRef,
  type MeetingFormInput,
} from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";
import type { CurrentUser } from "@/lib/auth/session";

// ---- Meetings ----

const unique = { meetings_slug_key: { field: "titleEn", message: "duplicate" } };

function refreshMeeting(slug: string) {
  // A meeting shows in the lists, on its regions' and its discussed entities' timelines, and in the search.
  invalidate("meetings", "links", "organizations", "regions");
  revalidatePath(paths.meetings());
  revalidatePath(paths.meeting(slug));
}

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

const meetings = recordActions({
  type: "meeting",
  page: "meetings",
  snapshot: snapshotMeeting,
  read: async (tx, id) => (await tx.meeting.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug,
  refresh: refreshMeeting,
});

/** Logs a meeting with its regions, participants and statements. Editors and admins. */
export const createMeeting = meetings.create({ schema: MeetingFormSchema, unique }, async (tx, data, user) => {
  // The slug reads like the seeded ones: 2015-03-10-president-of-belarus-meets-...
  const slug = await uniqueSlug(tx, "meetings", `${data.date.toISOString().slice(0, 10)} ${data.titleEn}`, 160);
  const created = await tx.meeting.create({
    data: { ...fields(data), slug, createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  await replaceChildRows(tx, created.id, data);
  return created.id;
});

/** Saves an edit of a meeting and its child rows from the version the form started from. Editors and admins. */
export const updateMeeting = meetings.update({ schema: MeetingUpdateSchema, unique }, async (_tx, data, { id }) => ({
  apply: async (tx) => {
    await tx.meeting.update({ where: { id }, data: fields(data) });
    await replaceChildRows(tx, id, data);
  },
}));

/** Takes a meeting off the public pages and timelines; its record, links and history stay. Editors and admins. */
export const archiveMeeting = meetings.archive;

/** Brings an archived meeting back to the public pages. Editors and admins. */
export const restoreMeeting = meetings.restore;

// ---- Discussion links: "this organization or region was discussed at this meeting" ----

/** One live link per meeting and entity (partial unique indexes): a second one is a field error on its picker. */
const liveLinkIndexes = new Set(["discussion_links_live_organization_key", "discussion_links_live_region_key"]);

async function inTransaction<T>(write: (tx: Tx) => Promise<T>, alreadyLinkedField: string): Promise<T> {
  try {
    return await db().$transaction(write);
  } catch (error) {
    if (liveLinkIndexes.has(violatedUniqueConstraint(error) ?? "")) {
      throw new ActionRefusal({ message: "checkFields", errors: { [alreadyLinkedField]: ["alreadyLinked"] } });
    }
    throw error;
  }
}

function refreshLink(pages: { meeting: string; entity: string }) {
  // A link shows on the meeting, on the entity's timeline and in the lists' counts.
  invalidate("links", "meetings", "organizations", "regions");
  revalidatePath(pages.meeting);
  revalidatePath(pages.entity);
}

const entityPath = (entity: EntityRef, slug: string) => (entity.type === "organization" ? paths.organization(slug) : paths.region(slug));

/**
 * Writes a link and its audit event in the caller's transaction. The meeting and the entity must be live;
 * `fields` names the form fields that chose them, for the messages.
 */
async function createLink(
  tx: Tx,
  link: { meetingId: number; entity: EntityRef; note: string; user: CurrentUser },
  fields: { meeting: string; entity: string },
) {
  const meeting = await tx.meeting.findFirst({ where: { id: link.meetingId, archivedAt: null }, select: { slug: true } });
  if (!meeting) throw new ActionRefusal({ message: "checkFields", errors: { [fields.meeting]: ["meetingMissing"] } });
  const where = { id: link.entity.id, archivedAt: null };
  const target =
    link.entity.type === "organization"
      ? await tx.organization.findFirst({ where, select: { slug: true } })
      : await tx.region.findFirst({ where, select: { slug: true } });
  if (!target) throw new ActionRefusal({ message: "checkFields", errors: { [fields.entity]: ["entityMissing"] } });

  const created = await tx.discussionLink.create({
    data: {
      meetingId: link.meetingId,
      organizationId: link.entity.type === "organization" ? link.entity.id : null,
      regionId: link.entity.type === "region" ? link.entity.id : null,
      note: link.note,
      createdById: link.user.id,
      updatedById: link.user.id,
    },
    select: { id: true },
  });
  await recordCreated(tx, "discussion_link", created.id, link.user, snapshotDiscussionLink);
  return { meeting: paths.meeting(meeting.slug), entity: entityPath(link.entity, target.slug) };
}

/**
 * From a meeting's page: records that an organization or region was discussed there, with a note. The meeting
 * is the bound id. Editors and admins.
 */
export const linkEntityToMeeting = staffAction(
  { roles: ["editor"], schema: LinkEntityFormSchema, bound: RecordId },
  async ({ entity, note }, { user, bound: meetingId }) => {
    const field = entity.type === "organization" ? "organizationId" : "regionId";
    const changed = await inTransaction(
      (tx) => createLink(tx, { meetingId, entity, note, user }, { meeting: field, entity: field }),
      field,
    );
    refreshLink(changed);
    return { ok: true, message: "saved" };
  },
);

/**
 * From an organization's or region's page: records that it was discussed at the meeting picked, with a note.
 * The entity is the bound argument. Editors and admins.
 */
export const linkMeetingToEntity = staffAction(
  { roles: ["editor"], schema: LinkMeetingFormSchema, bound: EntityRefSchema },
  async ({ meetingId, note }, { user, bound: entity }) => {
    const changed = await inTransaction(
      (tx) => createLink(tx, { meetingId, entity, note, user }, { meeting: "meetingId", entity: "meetingId" }),
      "meetingId",
    );
    refreshLink(changed);
    return { ok: true, message: "saved" };
  },
);

/**
 * Removes a discussion link from either side: archives it, so the record and its history stay. A link that
 * someone else removed or changed since the page was shown is refused. Editors and admins.
 */
export const unlinkEntityFromMeeting = staffAction(
  { roles: ["editor"], schema: UnlinkFormSchema },
  async ({ linkId, version }, { user }) => {
    let changed;
    try {
      changed = await db().$transaction(async (tx) => {
        await setArchived(tx, { type: "discussion_link", id: linkId, version, user, snapshot: snapshotDiscussionLink, archived: true });
        const link = await tx.discussionLink.findUniqueOrThrow({
          where: { id: linkId },
          select: { meeting: { select: { slug: true } }, organization: { select: { slug: true } }, region: { select: { slug: true } } },
        });
        return {
          meeting: paths.meeting(link.meeting.slug),
          entity: link.organization ? paths.organization(link.organization.slug) : paths.region(link.region?.slug ?? ""),
        };
      });
    } catch (error) {
      // A button has no form to merge into: whether the link is gone, stale or unknown, the page needs a reload.
      if (error instanceof VersionConflict || error instanceof ActionRefusal) {
        throw new ActionRefusal({ message: "linkMissing" });
      }
      throw error;
    }
    refreshLink(changed);
    return { ok: true, message: "removed" };
  },
);
