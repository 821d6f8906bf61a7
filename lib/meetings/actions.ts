"use server";

import { revalidatePath } from "next/cache";
import { RecordId } from "@/lib/actions/fields";
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
} from "@/lib/meetings/schema";
import { insertLink, insertMeeting, meetingEdit, type LinkFields } from "@/lib/meetings/write";
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

const meetings = recordActions({
  type: "meeting",
  page: "meetings",
  snapshot: snapshotMeeting,
  read: async (tx, id) => (await tx.meeting.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug,
  refresh: refreshMeeting,
});

/** Logs a meeting with its regions, participants and statements. Editors and admins. */
export const createMeeting = meetings.create({ schema: MeetingFormSchema, unique }, insertMeeting);

/** Saves an edit of a meeting and its child rows from the version the form started from. Editors and admins. */
export const updateMeeting = meetings.update({ schema: MeetingUpdateSchema, unique }, meetingEdit);

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

/** Writes a link and its audit event in the caller's transaction (see `insertLink`); returns the pages that show it. */
async function createLink(tx: Tx, link: { meetingId: number; entity: EntityRef; note: string; user: CurrentUser }, fields: LinkFields) {
  const created = await insertLink(tx, link, link.user, fields);
  await recordCreated(tx, "discussion_link", created.id, link.user, snapshotDiscussionLink);
  return { meeting: paths.meeting(created.slugs.meeting), entity: entityPath(link.entity, created.slugs.entity) };
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
