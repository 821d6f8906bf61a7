"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { SelectField, TextAreaField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { StaffForm } from "@/components/form/staff-form";
import type { FormAction } from "@/lib/actions/form-state";
import {
  CommitmentFollowUpFormSchema,
  CommitmentStatusFormSchema,
  commitmentStatuses,
  type CommitmentStatus,
} from "@/lib/commitments/schema";

/**
 * One everyday step on a commitment's page, in a section of its own: a short form from the version the page
 * showed, its fields starting empty.
 */
function ProgressSection({
  id,
  title,
  lead,
  version,
  fields,
  ...form
}: {
  id: string;
  title: string;
  lead?: string;
  action: FormAction;
  schema: z.ZodType;
  version: number;
  /** The names of the form's fields, which start empty. */
  fields: string[];
  /** Labels by name, for the error summary and for the list of someone else's changes. */
  labels: Record<string, string>;
  submitLabel: string;
  children: ReactNode;
}) {
  const empty = Object.fromEntries(fields.map((name) => [name, ""]));
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-2 text-2xl font-bold">
        {title}
      </h2>
      {lead && <p className="mb-4">{lead}</p>}
      <StaffForm {...form} initial={{ version: String(version), ...empty }} />
    </section>
  );
}

/**
 * A change of status with its reason, from the commitment's page: shorter than the whole edit form, and the
 * reason is kept in the status history the public sees.
 */
export function CommitmentStatusForm({ action, version, status }: { action: FormAction; version: number; status: CommitmentStatus }) {
  const t = useTranslations("editCommitment");
  const labels = { newStatus: t("statusForm.newStatus"), statusNote: t("statusForm.note"), status: t("fields.status") };
  return (
    <ProgressSection
      id="status-form-title"
      title={t("statusForm.title")}
      lead={t("statusForm.current", { status: t(`statuses.${status}`) })}
      action={action}
      schema={CommitmentStatusFormSchema}
      version={version}
      fields={["newStatus", "statusNote"]}
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
    </ProgressSection>
  );
}

/** A later meeting that followed the commitment up, with what was said there. */
export function CommitmentFollowUpForm({ action, version }: { action: FormAction; version: number }) {
  const t = useTranslations("editCommitment");
  const labels = { followUpMeetingId: t("followUpForm.meeting"), followUpNote: t("followUpForm.note"), followUps: t("fields.followUps") };
  return (
    <ProgressSection
      id="follow-up-form-title"
      title={t("followUpForm.title")}
      action={action}
      schema={CommitmentFollowUpFormSchema}
      version={version}
      fields={["followUpMeetingId", "followUpNote"]}
      labels={labels}
      submitLabel={t("followUpForm.submit")}
    >
      <RecordPicker name="followUpMeetingId" type="meeting" label={labels.followUpMeetingId} hint={t("followUpForm.meetingHint")} />
      <TextAreaField name="followUpNote" label={labels.followUpNote} hint={t("followUpForm.noteHint")} rows={3} />
    </ProgressSection>
  );
}
