"use client";

import { useTranslations } from "next-intl";
import { PartyRow } from "@/components/commitments/party-row";
import { SelectField, TextAreaField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RepeatingRows } from "@/components/form/repeating-rows";
import { StaffForm } from "@/components/form/staff-form";
import type { FormState, FormValues } from "@/lib/actions/form-state";
import { CommitmentFormSchema, CommitmentUpdateSchema, commitmentStatuses, MAX_FOLLOW_UPS, MAX_PARTIES } from "@/lib/commitments/schema";

/** Records or edits a commitment with its parties and follow-ups; the same zod schema checks it here and on the server. */
export function CommitmentForm({
  action,
  initial,
  isNew,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: FormValues;
  isNew: boolean;
}) {
  const t = useTranslations("editCommitment");
  const tWorkspace = useTranslations("workspace");
  // By form name for the error summary, and by snapshot name for the list of someone else's changes.
  const labels = {
    meetingId: t("fields.meetingId"),
    meeting: t("fields.meeting"),
    textEn: t("fields.textEn"),
    textRu: t("fields.textRu"),
    parties: t("fields.parties"),
    "parties.kind": t("fields.partyKind"),
    "parties.organizationId": t("fields.organizationId"),
    "parties.regionId": t("fields.regionId"),
    dueDate: t("fields.dueDate"),
    status: t("fields.status"),
    followUps: t("fields.followUps"),
    "followUps.meetingId": t("fields.followUpMeeting"),
    "followUps.note": t("fields.followUpNote"),
    archived: t("fields.archived"),
  };
  return (
    <StaffForm
      action={action}
      schema={isNew ? CommitmentFormSchema : CommitmentUpdateSchema}
      initial={initial}
      labels={labels}
      submitLabel={isNew ? tWorkspace("saveNew") : tWorkspace("save")}
    >
      <RecordPicker name="meetingId" type="meeting" label={labels.meetingId} hint={t("hints.meetingId")} />
      <TextAreaField name="textEn" label={labels.textEn} hint={t("hints.textEn")} rows={3} />
      <TextAreaField name="textRu" label={labels.textRu} hint={t("hints.textRu")} rows={3} />
      <RepeatingRows group="parties" legend={labels.parties} hint={t("hints.parties")} max={MAX_PARTIES}>
        {(index) => <PartyRow index={index} />}
      </RepeatingRows>
      <TextField name="dueDate" type="date" label={labels.dueDate} hint={t("hints.dueDate")} width={12} />
      <SelectField
        name="status"
        label={labels.status}
        placeholder={t("choose")}
        options={commitmentStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <RepeatingRows group="followUps" legend={labels.followUps} hint={t("hints.followUps")} emptyRows={0} max={MAX_FOLLOW_UPS}>
        {(index) => (
          <>
            <RecordPicker name={`followUps.${index}.meetingId`} type="meeting" label={labels["followUps.meetingId"]} />
            <TextAreaField name={`followUps.${index}.note`} label={labels["followUps.note"]} hint={t("hints.followUpNote")} rows={2} />
          </>
        )}
      </RepeatingRows>
    </StaffForm>
  );
}
