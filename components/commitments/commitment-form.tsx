"use client";

import { useTranslations } from "next-intl";
import { PartyRow } from "@/components/commitments/party-row";
import { DateField, SelectField, TextAreaField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RepeatingRows } from "@/components/form/repeating-rows";
import { RecordForm, useFormLabels, type StaffFormProps } from "@/components/form/staff-form";
import { CommitmentFormSchema, CommitmentUpdateSchema, commitmentStatuses, MAX_FOLLOW_UPS, MAX_PARTIES } from "@/lib/commitments/schema";

/** The catalogue's names for the rows' fields, where they are not the fields' own. */
const rowKeys = { "parties.kind": "partyKind", "followUps.meetingId": "followUpMeeting", "followUps.note": "followUpNote" };

/** Records or edits a commitment with its parties and follow-ups; the same zod schema checks it here and on the server. */
export function CommitmentForm(props: StaffFormProps) {
  const t = useTranslations("editCommitment");
  const schema = props.isNew ? CommitmentFormSchema : CommitmentUpdateSchema;
  const { labels, field } = useFormLabels("editCommitment", schema, { also: ["meeting", "archived"], keys: rowKeys });
  return (
    <RecordForm {...props} schema={schema} labels={labels}>
      <RecordPicker {...field("meetingId")} type="meeting" />
      <TextAreaField {...field("textEn")} rows={3} />
      <TextAreaField {...field("textRu")} rows={3} />
      <RepeatingRows group="parties" legend={labels.parties} hint={field("parties").hint} max={MAX_PARTIES}>
        {(index) => <PartyRow index={index} />}
      </RepeatingRows>
      <DateField {...field("dueDate")} />
      <SelectField
        {...field("status")}
        placeholder={t("choose")}
        options={commitmentStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <RepeatingRows group="followUps" legend={labels.followUps} hint={field("followUps").hint} emptyRows={0} max={MAX_FOLLOW_UPS}>
        {(index) => (
          <>
            <RecordPicker {...field(`followUps.${index}.meetingId`)} type="meeting" />
            <TextAreaField {...field(`followUps.${index}.note`)} rows={2} />
          </>
        )}
      </RepeatingRows>
    </RecordForm>
  );
}
