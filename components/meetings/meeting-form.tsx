"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RepeatingRows } from "@/components/form/repeating-rows";
import { StaffForm } from "@/components/form/staff-form";
import type { FormState, FormValues } from "@/lib/actions/form-state";
import {
  MEETING_PARTICIPANTS_MAX,
  MEETING_REGIONS_MAX,
  MEETING_STATEMENTS_MAX,
  MeetingFormSchema,
  meetingLevels,
} from "@/lib/meetings/schema";

const textFields = ["titleEn", "titleRu", "date", "level", "placeEn", "placeRu", "summaryEn", "summaryRu", "sourceTitle", "sourceUrl"];
const rowFields = {
  regions: ["regionId"],
  participants: ["personEn", "personRu", "roleEn", "roleRu", "sideRegionId"],
  statements: ["speakerEn", "speakerRu", "textEn", "textRu"],
};

/**
 * Logs or edits a meeting with its regions, participants and statements; the same zod schema checks it here
 * as the editor types and on the server. Child rows are saved with the meeting, under its version.
 */
export function MeetingForm({
  action,
  initial,
  isNew,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: FormValues;
  isNew: boolean;
}) {
  const t = useTranslations("editMeeting");
  const tWorkspace = useTranslations("workspace");
  const label = (field: string) => t(`fields.${field}`);
  // Labels by form name, for the error summary (`participants.personEn` stands for every row) and the conflict list.
  const labels: Record<string, string> = Object.fromEntries([
    ...[...textFields, "regions", "participants", "statements", "archived"].map((field) => [field, label(field)]),
    ...Object.entries(rowFields).flatMap(([group, fields]) =>
      fields.map((field) => [`${group}.${field}`, `${label(group)}: ${label(field)}`]),
    ),
  ]);
  return (
    <StaffForm
      action={action}
      schema={MeetingFormSchema}
      initial={initial}
      labels={labels}
      submitLabel={isNew ? tWorkspace("saveNew") : tWorkspace("save")}
    >
      <TextField name="titleEn" label={label("titleEn")} hint={t("hints.titleEn")} maxLength={300} />
      <TextField name="titleRu" label={label("titleRu")} hint={t("hints.titleRu")} maxLength={300} />
      <TextField name="date" type="date" label={label("date")} hint={t("hints.date")} width={12} />
      <SelectField
        name="level"
        label={label("level")}
        placeholder={t("choose")}
        options={meetingLevels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <TextField name="placeEn" label={label("placeEn")} hint={t("hints.placeEn")} maxLength={200} />
      <TextField name="placeRu" label={label("placeRu")} hint={t("hints.placeRu")} maxLength={200} />
      <TextAreaField name="summaryEn" label={label("summaryEn")} hint={t("hints.summaryEn")} rows={5} />
      <TextAreaField name="summaryRu" label={label("summaryRu")} hint={t("hints.summaryRu")} rows={5} />
      <TextField name="sourceTitle" label={label("sourceTitle")} hint={t("hints.sourceTitle")} maxLength={300} />
      <TextField name="sourceUrl" type="url" label={label("sourceUrl")} hint={t("hints.sourceUrl")} maxLength={500} inputMode="url" />

      <RepeatingRows group="regions" legend={label("regions")} hint={t("hints.regions")} max={MEETING_REGIONS_MAX}>
        {(index, number) => <RecordPicker name={`regions.${index}.regionId`} type="region" label={`${label("regionId")} ${number}`} />}
      </RepeatingRows>

      <RepeatingRows
        group="participants"
        legend={label("participants")}
        hint={t("hints.participants")}
        emptyRows={0}
        max={MEETING_PARTICIPANTS_MAX}
      >
        {(index, number) => (
          <>
            <p className="mb-2 font-bold">{t("participant", { number })}</p>
            <TextField name={`participants.${index}.personEn`} label={label("personEn")} maxLength={200} />
            <TextField name={`participants.${index}.personRu`} label={label("personRu")} maxLength={200} />
            <TextField name={`participants.${index}.roleEn`} label={label("roleEn")} maxLength={300} />
            <TextField name={`participants.${index}.roleRu`} label={label("roleRu")} maxLength={300} />
            <RecordPicker
              name={`participants.${index}.sideRegionId`}
              type="region"
              label={label("sideRegionId")}
              hint={t("hints.sideRegionId")}
            />
          </>
        )}
      </RepeatingRows>

      <RepeatingRows
        group="statements"
        legend={label("statements")}
        hint={t("hints.statements")}
        emptyRows={0}
        max={MEETING_STATEMENTS_MAX}
      >
        {(index, number) => (
          <>
            <p className="mb-2 font-bold">{t("statement", { number })}</p>
            <TextField name={`statements.${index}.speakerEn`} label={label("speakerEn")} maxLength={200} />
            <TextField name={`statements.${index}.speakerRu`} label={label("speakerRu")} maxLength={200} />
            <TextAreaField name={`statements.${index}.textEn`} label={label("textEn")} />
            <TextAreaField name={`statements.${index}.textRu`} label={label("textRu")} />
          </>
        )}
      </RepeatingRows>
    </StaffForm>
  );
}
