"use client";

import { useTranslations } from "next-intl";
import { DateField, SelectField, TextAreaField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RepeatingRows } from "@/components/form/repeating-rows";
import { RecordForm, useFormLabels, useStaffForm, type StaffFormProps } from "@/components/form/staff-form";
import {
  MEETING_DISCUSSED_MAX,
  MEETING_PARTICIPANTS_MAX,
  MEETING_REGIONS_MAX,
  MEETING_STATEMENTS_MAX,
  MeetingFormSchema,
  meetingLevels,
  MeetingUpdateSchema,
} from "@/lib/meetings/schema";

/**
 * Logs or edits a meeting with its regions, participants, statements and what was discussed; the same zod
 * schema checks it here as the editor types and on the server. Child rows and links are saved with the
 * meeting, in one transaction.
 */
export function MeetingForm(props: StaffFormProps) {
  const t = useTranslations("editMeeting");
  const schema = props.isNew ? MeetingFormSchema : MeetingUpdateSchema;
  // A row's field is named with its group in the summary: "Participants: Name in English" stands for every row.
  const { labels, field } = useFormLabels("editMeeting", schema, { also: ["archived"], withGroup: true });
  return (
    <RecordForm {...props} schema={schema} labels={labels}>
      <TextField {...field("titleEn")} />
      <TextField {...field("titleRu")} />
      <DateField {...field("date")} />
      <SelectField
        {...field("level")}
        placeholder={t("choose")}
        options={meetingLevels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <TextField {...field("placeEn")} />
      <TextField {...field("placeRu")} />
      <TextAreaField {...field("summaryEn")} rows={5} />
      <TextAreaField {...field("summaryRu")} rows={5} />
      <TextField {...field("sourceTitle")} />
      <TextField {...field("sourceTitleRu")} />
      <TextField {...field("sourceUrl")} type="url" inputMode="url" />

      <RepeatingRows group="regions" legend={labels.regions} hint={field("regions").hint} max={MEETING_REGIONS_MAX}>
        {(index, number) => {
          const region = field(`regions.${index}.regionId`);
          return <RecordPicker {...region} label={`${region.label} ${number}`} type="region" />;
        }}
      </RepeatingRows>

      <RepeatingRows
        group="participants"
        legend={labels.participants}
        hint={field("participants").hint}
        emptyRows={0}
        max={MEETING_PARTICIPANTS_MAX}
      >
        {(index, number) => (
          <>
            <p className="mb-2 font-bold">{t("participant", { number })}</p>
            <TextField {...field(`participants.${index}.personEn`)} />
            <TextField {...field(`participants.${index}.personRu`)} />
            <TextField {...field(`participants.${index}.roleEn`)} />
            <TextField {...field(`participants.${index}.roleRu`)} />
            <RecordPicker {...field(`participants.${index}.sideRegionId`)} type="region" />
          </>
        )}
      </RepeatingRows>

      <RepeatingRows
        group="statements"
        legend={labels.statements}
        hint={field("statements").hint}
        emptyRows={0}
        max={MEETING_STATEMENTS_MAX}
      >
        {(index, number) => (
          <>
            <p className="mb-2 font-bold">{t("statement", { number })}</p>
            <TextField {...field(`statements.${index}.speakerEn`)} />
            <TextField {...field(`statements.${index}.speakerRu`)} />
            <TextAreaField {...field(`statements.${index}.textEn`)} />
            <TextAreaField {...field(`statements.${index}.textRu`)} />
          </>
        )}
      </RepeatingRows>

      <RepeatingRows group="discussed" legend={labels.discussed} hint={field("discussed").hint} emptyRows={0} max={MEETING_DISCUSSED_MAX}>
        {(index, number) => (
          <>
            <p className="mb-2 font-bold">{t("discussedEntry", { number })}</p>
            <HiddenValue name={`discussed.${index}.linkId`} />
            <RecordPicker {...field(`discussed.${index}.organizationId`)} type="organization" />
            <RecordPicker {...field(`discussed.${index}.regionId`)} type="region" />
            <TextAreaField {...field(`discussed.${index}.note`)} rows={3} />
          </>
        )}
      </RepeatingRows>
      <HiddenValue name="discussedShown[]" />
    </RecordForm>
  );
}

/**
 * What the form carries back unseen: the link a "Discussed" row was shown from, and the links the form was
 * shown with their versions (see `MeetingUpdateSchema`); echoed after a failed save as the rest of the form.
 */
function HiddenValue({ name }: { name: string }) {
  const { valueOf } = useStaffForm();
  return [valueOf(name) ?? []].flat().map((value) => <input key={value} type="hidden" name={name} value={value} />);
}
