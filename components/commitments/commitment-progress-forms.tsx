"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { StaffForm } from "@/components/form/staff-form";
import type { FormState } from "@/lib/actions/form-state";
import {
  CommitmentFollowUpFormSchema,
  CommitmentStatusFormSchema,
  commitmentStatuses,
  type CommitmentStatus,
} from "@/lib/commitments/schema";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A change of status with its reason, from the commitment's page: shorter than the whole edit form, and the
 * reason is kept in the status history the public sees.
 */
export function CommitmentStatusForm({ action, version, status }: { action: Action; version: number; status: CommitmentStatus }) {
  const t = useTranslations("editCommitment");
  const labels = { newStatus: t("statusForm.newStatus"), statusNote: t("statusForm.note"), status: t("fields.status") };
  return (
    <section aria-labelledby="status-form-title" className="mb-10">
      <h2 id="status-form-title" className="mb-2 text-2xl font-bold">
        {t("statusForm.title")}
      </h2>
      <p className="mb-4">{t("statusForm.current", { status: t(`statuses.${status}`) })}</p>
      <StaffForm
        action={action}
        schema={CommitmentStatusFormSchema}
        initial={{ version: String(version), newStatus: "", statusNote: "" }}
        labels={labels}
        submitLabel={t("statusForm.submit")}
      >
        <SelectField
          name="newStatus"
          label={labels.newStatus}
          placeholder={t("choose")}
          options={commitmentStatuses.filter((s) => s !== status).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <TextAreaField name="statusNote" label={labels.statusNote} hint={t("statusForm.noteHint")} rows={3} />
      </StaffForm>
    </section>
  );
}

/** A later meeting that followed the commitment up, with what was said there. */
export function CommitmentFollowUpForm({ action, version }: { action: Action; version: number }) {
  const t = useTranslations("editCommitment");
  const labels = { followUpMeetingId: t("followUpForm.meeting"), followUpNote: t("followUpForm.note"), followUps: t("fields.followUps") };
  return (
    <section aria-labelledby="follow-up-form-title" className="mb-10">
      <h2 id="follow-up-form-title" className="mb-2 text-2xl font-bold">
        {t("followUpForm.title")}
      </h2>
      <StaffForm
        action={action}
        schema={CommitmentFollowUpFormSchema}
        initial={{ version: String(version), followUpMeetingId: "", followUpNote: "" }}
        labels={labels}
        submitLabel={t("followUpForm.submit")}
      >
        <RecordPicker name="followUpMeetingId" type="meeting" label={labels.followUpMeetingId} hint={t("followUpForm.meetingHint")} />
        <TextAreaField name="followUpNote" label={labels.followUpNote} hint={t("followUpForm.noteHint")} rows={3} />
      </StaffForm>
    </section>
  );
}
