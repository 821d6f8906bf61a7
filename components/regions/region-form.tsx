"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { StaffForm } from "@/components/form/staff-form";
import type { FormState, FormValues } from "@/lib/actions/form-state";
import { RegionFormSchema } from "@/lib/regions/schema";

/** Adds or edits a region; the same zod schema checks it here as the editor types and on the server. */
export function RegionForm({
  action,
  initial,
  countries,
  isNew,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: FormValues;
  countries: { value: string; label: string }[];
  isNew: boolean;
}) {
  const t = useTranslations("editRegion");
  const tWorkspace = useTranslations("workspace");
  const labels = {
    nameEn: t("fields.nameEn"),
    nameRu: t("fields.nameRu"),
    isoCode: t("fields.isoCode"),
    level: t("fields.level"),
    countryCode: t("fields.countryCode"),
    parentId: t("fields.parentId"),
    parent: t("fields.parent"),
    archived: t("fields.archived"),
  };
  return (
    <StaffForm
      action={action}
      schema={RegionFormSchema}
      initial={initial}
      labels={labels}
      submitLabel={isNew ? tWorkspace("saveNew") : tWorkspace("save")}
    >
      <TextField name="nameEn" label={labels.nameEn} hint={t("hints.nameEn")} maxLength={200} />
      <TextField name="nameRu" label={labels.nameRu} hint={t("hints.nameRu")} maxLength={200} />
      <SelectField
        name="level"
        label={labels.level}
        placeholder={t("choose")}
        options={(["country", "region", "city"] as const).map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <SelectField
        name="countryCode"
        label={labels.countryCode}
        hint={t("hints.countryCode")}
        placeholder={t("choose")}
        options={countries}
      />
      <TextField name="isoCode" label={labels.isoCode} hint={t("hints.isoCode")} maxLength={6} width={8} />
      <RecordPicker name="parentId" type="region" label={labels.parentId} hint={t("hints.parentId")} />
    </StaffForm>
  );
}
