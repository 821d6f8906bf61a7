"use server";

import { revalidatePath } from "next/cache";
import { RecordId } from "@/lib/actions/fields";
import { violatedUniqueConstraint } from "@/lib/actions/prisma-errors";
import { ActionRefusal, staffAction, VersionConflict } from "@/lib/actions/staff-action";
import { recordActions, recordCreated, setArchived, updateVersioned } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import { db, type Tx } from "@/lib/db/client";
import { snapshotDiscussionLink, snapshotMeeting } from "@/lib/meetings/queries";
import {
  entityField,
  EntityRefSchema,
  LinkEntityFormSchema,
  LinkMeetingFormSchema,
  MeetingFormSchema,
  MeetingUpdateSchema,
  UnlinkFormSchema,
  type EntityRef,
  type MeetingFormInput,
} from "@/lib/meetings/schema";
import { insertLink, insertMeeting, linkEdit, meetingEdit, type LinkFields } from "@/lib/meetings/write";
import { paths } from "@/lib/paths";
import type { CurrentUser } from "@/lib/auth/session";

// ---- Meetings ----

const unique = {
  meetings_slug_key: { field: "titleEn", message: "duplicate" },
  // Two saves that link the same organization or region at once: the second finds the first's link.
  discussion_links_live_organization_key: { field: "discussed", message: "alreadyLinked" },
  discussion_links_live_region_key: { field: "discussed", message: "alreadyLinked" },
};

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

/** Logs a meeting with its regions, participants, statements and what was discussed. Editors and admins. */
export const createMeeting = meetings.create({ schema: MeetingFormSchema, unique }, async (tx, data, user) => {
  const id = await insertMeeting(tx, data, user);
  await saveDiscussed(tx, { meetingId: id, rows: data.discussed, shown: new Map(), user });
  return id;
});

/**
 * Saves an edit of a meeting, its child rows and what was discussed from the version the form started from, in
 * one transaction. Editors and admins.
 */
export const updateMeeting = meetings.update({ schema: MeetingUpdateSchema, unique }, async (tx, data, context) => {
  const edit = await meetingEdit(tx, data, context);
  return {
    apply: async (tx: Tx) => {
      await edit.apply(tx);
      await saveDiscussed(tx, { meetingId: context.id, rows: data.discussed, shown: data.discussedShown, user: context.user });
    },
  };
});

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
 * Writes the meeting form's "Discussed" rows as the meeting's links, in the meeting's transaction and through
 * the same versioned, audited link writes as the meeting page's forms: a shown link left out of the rows is
 * archived and a kept one whose note changed is edited, both from the version the form was shown; a new row is
 * linked. A link someone else changed or removed meanwhile, which this save would overwrite, refuses the save
 * on its row; links someone else added are left alone.
 */
async function saveDiscussed(
  tx: Tx,
  {
    meetingId,
    rows,
    shown,
    user,
  }: { meetingId: number; rows: MeetingFormInput["discussed"]; shown: ReadonlyMap<number, number>; user: CurrentUser },
) {
  const live = new Map(
    (
      await tx.discussionLink.findMany({
        where: { meetingId, archivedAt: null },
        select: { id: true, organizationId: true, regionId: true, note: true },
      })
    ).map((link) => [link.id, link]),
  );
  // A row keeps the link it was shown from while it names the same organization or region; otherwise it is a new link.
  const keptLink = (row: (typeof rows)[number]) => {
    const link = row.linkId !== null && shown.has(row.linkId) ? live.get(row.linkId) : undefined;
    return link && (row.entity.type === "organization" ? link.organizationId : link.regionId) === row.entity.id ? link : undefined;
  };
  const kept = new Set(rows.flatMap((row) => (keptLink(row) ? [row.linkId] : [])));
  for (const [id, version] of shown) {
    // Only this meeting's live links: a shown id of another meeting's link (a tampered form) is not this form's to remove.
    if (kept.has(id) || !live.has(id)) continue;
    await onDiscussedRow("discussed", () =>
      setArchived(tx, { type: "discussion_link", id, version, user, snapshot: snapshotDiscussionLink, archived: true }),
    );
  }
  for (const row of rows) {
    const field = `discussed.${row.index}.${entityField(row.entity)}`;
    if (row.linkId !== null && shown.has(row.linkId) && !live.has(row.linkId)) {
      // Someone else removed the link this row was shown from: adding it again would undo their change unseen.
      throw new ActionRefusal({ message: "checkFields", errors: { [field]: ["discussedChanged"] } });
    }
    const link = keptLink(row);
    if (!link) {
      await onDiscussedRow(field, () =>
        createLink(tx, { meetingId, entity: row.entity, note: row.note, user }, { meeting: field, entity: field }),
      );
    } else if (link.note !== row.note) {
      const version = shown.get(link.id)!;
      await onDiscussedRow(`discussed.${row.index}.note`, async () => {
        const edit = await linkEdit(tx, { meetingId, entity: row.entity, note: row.note, version }, { id: link.id });
        await updateVersioned(tx, {
          type: "discussion_link",
          id: link.id,
          version,
          user,
          snapshot: snapshotDiscussionLink,
          apply: edit.apply,
        });
      });
    }
  }
}

/**
 * A link write for one row of the meeting form: its refusals and a conflict with someone else's change to the
 * link become messages on the row's field (`field`), since the form's version is the meeting's, not the link's.
 */
async function onDiscussedRow<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof VersionConflict) throw new ActionRefusal({ message: "checkFields", errors: { [field]: ["discussedChanged"] } });
    if (error instanceof ActionRefusal) {
      const messages = Object.values(error.state.errors ?? {}).flat();
      throw new ActionRefusal({ message: "checkFields", errors: { [field]: messages.length ? messages : ["discussedChanged"] } });
    }
    throw error;
  }
}

/**
 * From a meeting's page: records that an organization or region was discussed there, with a note. The meeting
 * is the bound id. Editors and admins.
 */
export const linkEntityToMeeting = staffAction(
  { roles: ["editor"], schema: LinkEntityFormSchema, bound: RecordId },
  async ({ entity, note }, { user, bound: meetingId }) => {
    const field = entityField(entity);
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
