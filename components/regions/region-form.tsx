"use client";

import { useLocale, useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RecordForm, useFormLabels, type StaffFormProps } from "@/components/form/staff-form";
import { localized } from "@/lib/i18n/localize";
import { RegionFormSchema, regionLevels, RegionUpdateSchema } from "@/lib/regions/schema";

type Country = { code: string; nameEn: string; nameRu: string };

/** Adds or edits a region; the same zod schema checks it here as the editor types and on the server. */
export function RegionForm({ countries, ...props }: StaffFormProps & { countries: Country[] }) {
  const t = useTranslations("editRegion");
  const locale = useLocale();
  const schema = props.isNew ? RegionFormSchema : RegionUpdateSchema;
  const { labels, field } = useFormLabels("editRegion", schema, { also: ["parent", "archived"] });
  return (
    <RecordForm {...props} schema={schema} labels={labels}>
      <TextField {...field("nameEn")} />
      <TextField {...field("nameRu")} />
      <TextAreaField {...field("otherNames")} rows={3} />
      <SelectField
        {...field("level")}
        placeholder={t("choose")}
        options={regionLevels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <SelectField
        {...field("countryCode")}
        placeholder={t("choose")}
        options={countries.map((c) => ({ value: c.code, label: localized(locale, c.nameEn, c.nameRu) }))}
      />
      <TextField {...field("isoCode")} width={8} />
      <RecordPicker {...field("parentId")} type="region" />
    </RecordForm>
  );
}
