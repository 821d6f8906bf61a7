"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { StaffForm } from "@/components/form/staff-form";
import type { FormState, FormValues } from "@/lib/actions/form-state";
import { TradeFormSchema, TradeUpdateSchema } from "@/lib/trade/schema";

/** Adds or edits a trade figure; the same zod schema checks it here as the editor types and on the server. */
export function TradeForm({
  action,
  initial,
  isNew,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: FormValues;
  isNew: boolean;
}) {
  const t = useTranslations("editTrade");
  const tWorkspace = useTranslations("workspace");
  const fields = [
    "regionId",
    "region",
    "partnerRegionId",
    "partnerRegion",
    "year",
    "turnoverUsd",
    "exportsUsd",
    "importsUsd",
    "sourceTitle",
    "sourceUrl",
    "archived",
  ] as const;
  const labels = Object.fromEntries(fields.map((field) => [field, t(`fields.${field}`)])) as Record<(typeof fields)[number], string>;
  return (
    <StaffForm
      action={action}
      schema={isNew ? TradeFormSchema : TradeUpdateSchema}
      initial={initial}
      labels={labels}
      submitLabel={isNew ? tWorkspace("saveNew") : tWorkspace("save")}
    >
      <RecordPicker name="regionId" type="region" label={labels.regionId} hint={t("hints.regionId")} />
      <RecordPicker name="partnerRegionId" type="region" label={labels.partnerRegionId} hint={t("hints.partnerRegionId")} />
      <TextField name="year" label={labels.year} hint={t("hints.year")} inputMode="numeric" maxLength={4} width={4} />
      <TextField
        name="turnoverUsd"
        label={labels.turnoverUsd}
        hint={t("hints.turnoverUsd")}
        inputMode="decimal"
        maxLength={30}
        width={20}
      />
      <TextField name="exportsUsd" label={labels.exportsUsd} hint={t("hints.exportsUsd")} inputMode="decimal" maxLength={30} width={20} />
      <TextField name="importsUsd" label={labels.importsUsd} hint={t("hints.importsUsd")} inputMode="decimal" maxLength={30} width={20} />
      <TextField name="sourceTitle" label={labels.sourceTitle} hint={t("hints.sourceTitle")} maxLength={300} />
      <TextField name="sourceUrl" type="url" label={labels.sourceUrl} hint={t("hints.sourceUrl")} maxLength={500} />
    </StaffForm>
  );
}
