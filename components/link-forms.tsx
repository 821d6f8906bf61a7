"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { StaffForm, useErrorText } from "@/components/form/staff-form";
import type { FormAction } from "@/lib/actions/form-state";
import { linkEntityToMeeting, linkMeetingToEntity, unlinkEntityFromMeeting } from "@/lib/meetings/actions";
import { LinkEntityFormSchema, LinkMeetingFormSchema, type EntityRef } from "@/lib/meetings/schema";

/**
 * A linking form that stays on its page: after a save it says so and starts again empty (a fresh form, so
 * the picker forgets its choice); after a failure the wrapper's echo keeps what was typed.
 */
function LinkForm({
  id,
  title,
  hint,
  action,
  schema,
  labels,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  action: FormAction;
  schema: typeof LinkEntityFormSchema | typeof LinkMeetingFormSchema;
  labels: Record<string, string>;
  children: ReactNode;
}) {
  const t = useTranslations("links");
  const [saved, setSaved] = useState(0);
  const submit: FormAction = async (previous, formData) => {
    const state = await action(previous, formData);
    if (state.ok) setSaved((count) => count + 1);
    return state;
  };
  return (
    <div className="max-w-3xl" id={id}>
      <h2 className="mb-2 text-2xl font-bold">{title}</h2>
      <p className="mb-4">{hint}</p>
      {saved > 0 && (
        <div role="status" className="my-4 border-l-8 border-ok bg-panel px-4 py-3">
          {t("saved")}
        </div>
      )}
      <StaffForm key={saved} action={submit} schema={schema} initial={{}} labels={labels} submitLabel={t("submit")}>
        {children}
      </StaffForm>
    </div>
  );
}

/** The editor's form on a meeting's page: the organization or the region discussed there, and a note of what was said. */
export function LinkEntityForm({ meetingId }: { meetingId: number }) {
  const t = useTranslations("links");
  const labels = { organizationId: t("organization"), regionId: t("region"), note: t("note") };
  return (
    <LinkForm
      id="link-form"
      title={t("formTitle")}
      hint={t("formHint")}
      action={linkEntityToMeeting.bind(null, meetingId)}
      schema={LinkEntityFormSchema}
      labels={labels}
    >
      <RecordPicker name="organizationId" type="organization" label={labels.organizationId} hint={t("organizationHint")} />
      <RecordPicker name="regionId" type="region" label={labels.regionId} hint={t("regionHint")} />
      <TextAreaField name="note" label={labels.note} hint={t("noteHint")} />
    </LinkForm>
  );
}

/** The editor's form on an organization's or region's page: the meeting where it was discussed, and a note. */
export function LinkMeetingForm({ entity, name }: { entity: EntityRef; name: string }) {
  const t = useTranslations("links");
  const labels = { meetingId: t("meeting"), note: t("note") };
  return (
    <LinkForm
      id="link-form"
      title={t("entityFormTitle", { name })}
      hint={t("entityFormHint")}
      action={linkMeetingToEntity.bind(null, entity)}
      schema={LinkMeetingFormSchema}
      labels={labels}
    >
      <RecordPicker name="meetingId" type="meeting" label={labels.meetingId} hint={t("meetingHint")} />
      <TextAreaField name="note" label={labels.note} hint={t("noteHint")} />
    </LinkForm>
  );
}

/** Removes one discussion link; the version guards against removing what someone else just changed. */
export function RemoveLinkButton({ linkId, version, name }: { linkId: number; version: number; name: string }) {
  const t = useTranslations("links");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(unlinkEntityFromMeeting, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} aria-label={t("removeLabel", { name })} className="button-secondary px-3 py-1 text-base">
        {t("remove")}
      </button>
      {state.ok === false && state.message && (
        <span role="alert" className="ml-2 font-bold text-danger">
          {errorText(state.message)}
        </span>
      )}
    </form>
  );
}
