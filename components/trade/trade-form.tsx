"use client";

import { TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RecordForm, useFormLabels, type StaffFormProps } from "@/components/form/staff-form";
import { TradeFormSchema, TradeUpdateSchema } from "@/lib/trade/schema";

/** Adds or edits a trade figure; the same zod schema checks it here as the editor types and on the server. */
export function TradeForm(props: StaffFormProps) {
  const schema = props.isNew ? TradeFormSchema : TradeUpdateSchema;
  const { labels, field } = useFormLabels("editTrade", schema, { also: ["region", "partnerRegion", "archived"] });
  return (
    <RecordForm {...props} schema={schema} labels={labels}>
      <RecordPicker {...field("regionId")} type="region" />
      <RecordPicker {...field("partnerRegionId")} type="region" />
      <TextField {...field("year")} inputMode="numeric" width={4} />
      <TextField {...field("turnoverUsd")} inputMode="decimal" width={20} />
      <TextField {...field("exportsUsd")} inputMode="decimal" width={20} />
      <TextField {...field("importsUsd")} inputMode="decimal" width={20} />
      <TextField {...field("sourceTitle")} />
      <TextField {...field("sourceTitleRu")} />
      <TextField {...field("sourceUrl")} type="url" />
    </RecordForm>
  );
}
