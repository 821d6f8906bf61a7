"use server";

import { revalidatePath } from "next/cache";
import { recordAuditEvent } from "@/lib/audit";
import { invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { fieldErrors, isUniqueViolation, staffAction, submittedValues, type FormState } from "@/lib/forms";
import { LinkFormSchema, UnlinkFormSchema } from "@/lib/meetings/schema";

type Paths = { meeting: string; entity: string };

function revalidate(paths: Paths) {
  // A link shows on the meeting, on the entity's timeline and in the lists' counts.
  invalidate("links", "meetings", "organizations", "regions");
  revalidatePath(paths.meeting);
  revalidatePath(paths.entity);
}

/** Records that an organization or region was discussed at a meeting, with a note. Editors and admins. */
export const linkEntityToMeeting = staffAction(
  ["editor"],
  async (user, meetingId: number, _previous: FormState, formData: FormData): Promise<FormState> => {
    const failed = (state: FormState): FormState => ({ ok: false, ...state, values: submittedValues(formData, ["entity", "note"]) });
    const parsed = LinkFormSchema.safeParse({
      meetingId,
      entity: formData.get("entity") ?? undefined,
      note: formData.get("note") ?? undefined,
    });
    if (!parsed.success) return failed(fieldErrors(parsed.error));
    const { entity, note } = parsed.data;

    let paths: Paths | undefined;
    try {
      const result = await db().$transaction(async (tx) => {
        const meeting = await tx.meeting.findFirst({ where: { id: meetingId, archivedAt: null }, select: { slug: true } });
        if (!meeting) return { message: "meetingMissing" } satisfies FormState;
        const target =
          entity.type === "organization"
            ? await tx.organization.findFirst({ where: { id: entity.id, archivedAt: null }, select: { slug: true } })
            : await tx.region.findFirst({ where: { id: entity.id, archivedAt: null }, select: { slug: true } });
        if (!target) return { errors: { entity: ["entityMissing"] }, message: "checkFields" } satisfies FormState;

        const link = await tx.discussionLink.create({
          data: {
            meetingId,
            organizationId: entity.type === "organization" ? entity.id : null,
            regionId: entity.type === "region" ? entity.id : null,
            note,
            createdById: user.id,
            updatedById: user.id,
          },
          select: { id: true, meetingId: true, organizationId: true, regionId: true, note: true, version: true },
        });
        await recordAuditEvent(tx, {
          actorId: user.id,
          action: "discussion_link.create",
          entityId: link.id,
          after: link,
        });
        paths = {
          meeting: `/meetings/${meeting.slug}`,
          entity: `/${entity.type === "organization" ? "organizations" : "regions"}/${target.slug}`,
        };
        return null;
      });
      if (result) return failed(result);
    } catch (error) {
      if (isUniqueViolation(error)) return failed({ message: "checkFields", errors: { entity: ["alreadyLinked"] } });
      throw error;
    }
    if (paths) revalidate(paths);
    return { ok: true, message: "saved" };
  },
);

/** Removes a discussion link: archives it, so the record and its history stay. Editors and admins. */
export const unlinkEntityFromMeeting = staffAction(
  ["editor"],
  async (user, _previous: FormState, formData: FormData): Promise<FormState> => {
    const parsed = UnlinkFormSchema.safeParse({ linkId: formData.get("linkId"), version: formData.get("version") });
    if (!parsed.success) return { ok: false, message: "invalid" };
    const { linkId, version } = parsed.data;

    const paths = await db().$transaction(async (tx) => {
      const before = await tx.discussionLink.findFirst({
        where: { id: linkId, archivedAt: null, version },
        select: {
          id: true,
          meetingId: true,
          organizationId: true,
          regionId: true,
          note: true,
          version: true,
          meeting: { select: { slug: true } },
          organization: { select: { slug: true } },
          region: { select: { slug: true } },
        },
      });
      if (!before) return null;
      // The version in the where clause makes a concurrent change or removal lose cleanly instead of twice.
      const updated = await tx.discussionLink.updateMany({
        where: { id: linkId, archivedAt: null, version },
        data: { archivedAt: new Date(), version: { increment: 1 }, updatedById: user.id },
      });
      if (updated.count !== 1) return null;
      const { meeting, organization, region, ...values } = before;
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "discussion_link.archive",
        entityId: linkId,
        before: values,
        after: { ...values, version: version + 1, archived: true },
      });
      return {
        meeting: `/meetings/${meeting.slug}`,
        entity: organization ? `/organizations/${organization.slug}` : `/regions/${region?.slug ?? ""}`,
      };
    });
    if (!paths) return { ok: false, message: "linkMissing" };
    revalidate(paths);
    return { ok: true, message: "removed" };
  },
);
