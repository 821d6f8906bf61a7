"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RepeatingRows } from "@/components/form/repeating-rows";
import { fieldId, RecordForm, useErrorText, useFormLabels, useStaffForm, type StaffFormProps } from "@/components/form/staff-form";
import {
  OrganizationFormSchema,
  organizationKinds,
  organizationStatuses,
  OrganizationUpdateSchema,
  PARTNERS_MAX,
  SECTORS_MAX,
  type LikelyDuplicateChoice,
  type LikelyDuplicates,
} from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

/** The catalogue's names for the rows' fields, where they are not the fields' own. */
const rowKeys = { "sectors.code": "sectorCode", "partners.organizationId": "partnerOrganization", "partners.regionId": "partnerRegion" };

type Field = ReturnType<typeof useFormLabels>["field"];

/**
 * Adds or edits an organization of any kind; the same zod schema checks it here as the editor types and on
 * the server. The fields of a joint venture (capital, products, partners) and of a university (fields of
 * study) show for that kind only.
 */
export function OrganizationForm(props: StaffFormProps<LikelyDuplicates>) {
  const schema = props.isNew ? OrganizationFormSchema : OrganizationUpdateSchema;
  const { labels, field } = useFormLabels("editOrganization", schema, { also: ["region", "countryCode", "archived"], keys: rowKeys });
  return (
    <RecordForm {...props} schema={schema} labels={labels}>
      {(state) => (
        <>
          {props.isNew && <LikelyDuplicates duplicates={state.extra?.duplicates ?? []} />}
          <OrganizationFields field={field} />
          {props.isNew && <ConfirmNotDuplicate />}
        </>
      )}
    </RecordForm>
  );
}

function OrganizationFields({ field }: { field: Field }) {
  const t = useTranslations("editOrganization");
  const locale = useLocale();
  const { valueOf } = useStaffForm();
  // The kind decides which fields show; it follows the select, and the server's echo after a failed save.
  const shownKind = String(valueOf("kind") ?? "");
  const [kind, setKind] = useState(shownKind);
  const [echoed, setEchoed] = useState(shownKind);
  if (echoed !== shownKind) {
    setEchoed(shownKind);
    setKind(shownKind);
  }
  return (
    <>
      {/* The server words the likely duplicates in the editor's language. */}
      <input type="hidden" name="locale" value={locale} />
      <div
        onChange={(event) => {
          const target: EventTarget = event.target;
          if (target instanceof HTMLSelectElement && target.name === "kind") setKind(target.value);
        }}
      >
        <SelectField
          {...field("kind")}
          placeholder={t("choose")}
          options={organizationKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        />
      </div>
      <TextField {...field("name")} />
      <TextField {...field("nameEn")} />
      <TextAreaField {...field("otherNames")} rows={3} />
      <RecordPicker {...field("regionId")} type="region" />
      <SelectField
        {...field("status")}
        placeholder={t("choose")}
        options={organizationStatuses.map((value) => ({ value, label: t(`statuses.${value}`) }))}
      />
      <TextField {...field("registrationNumber")} width={14} />
      <TextField {...field("foundedYear")} inputMode="numeric" width={4} />
      <TextField {...field("website")} type="url" />
      <TextAreaField {...field("descriptionEn")} />
      <TextAreaField {...field("descriptionRu")} />
      <RecordPicker {...field("primarySector")} type="sector" />
      <RepeatingRows group="sectors" legend={field("sectors").label} hint={field("sectors").hint} emptyRows={0} max={SECTORS_MAX}>
        {(index) => <RecordPicker {...field(`sectors.${index}.code`)} type="sector" />}
      </RepeatingRows>
      {kind === "joint_venture" && <VentureFields field={field} />}
      {kind === "university" && (
        <fieldset className="mb-6 border-t-2 border-line pt-4">
          <legend className="text-xl font-bold">{t("universitySection")}</legend>
          <TextAreaField {...field("fieldsOfStudy")} rows={5} />
        </fieldset>
      )}
    </>
  );
}

function VentureFields({ field }: { field: Field }) {
  const t = useTranslations("editOrganization");
  return (
    <>
      <fieldset className="mb-6 border-t-2 border-line pt-4">
        <legend className="text-xl font-bold">{t("ventureSection")}</legend>
        <TextField {...field("capitalAmount")} inputMode="decimal" width={20} />
        <TextField {...field("capitalCurrency")} width={4} />
        <TextAreaField {...field("products")} rows={3} />
      </fieldset>
      <RepeatingRows group="partners" legend={field("partners").label} hint={field("partners").hint} emptyRows={2} max={PARTNERS_MAX}>
        {(index) => (
          <>
            <RecordPicker {...field(`partners.${index}.organizationId`)} type="organization" />
            <RecordPicker {...field(`partners.${index}.regionId`)} type="region" />
            <TextField {...field(`partners.${index}.share`)} inputMode="decimal" width={6} />
          </>
        )}
      </RepeatingRows>
    </>
  );
}

/** The organizations the server found like this one, each a link to its public page, in a new tab so nothing typed is lost. */
function LikelyDuplicates({ duplicates }: { duplicates: LikelyDuplicateChoice[] }) {
  const t = useTranslations("editOrganization");
  if (!duplicates.length) return null;
  return (
    <section aria-labelledby="likely-duplicates" className="mb-6 border-l-4 border-danger pl-4">
      <h2 id="likely-duplicates" className="text-xl font-bold">
        {t("duplicatesTitle")}
      </h2>
      <p>{t("duplicatesLead")}</p>
      <ul className="mt-2 list-disc pl-6">
        {duplicates.map((d) => (
          <li key={d.slug}>
            <a href={paths.organization(d.slug)} target="_blank" rel="noopener" className="underline">
              {t("opensPublicPage", { name: d.label })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "This is a different organization": shown once the server has listed likely duplicates. */
function ConfirmNotDuplicate() {
  const t = useTranslations("editOrganization");
  const errorText = useErrorText();
  const { state, valueOf, errorsOf } = useStaffForm();
  const errors = errorsOf("confirmNotDuplicate");
  const asked = Boolean(state.errors?.confirmNotDuplicate) || valueOf("confirmNotDuplicate") === "on";
  if (!asked) return null;
  const id = fieldId("confirmNotDuplicate");
  return (
    <div className={`mb-6 ${errors?.length ? "border-l-4 border-danger pl-4" : ""}`}>
      {errors?.length ? (
        <p id={`${id}-error`} className="font-bold text-danger">
          {errors.map(errorText).join(" ")}
        </p>
      ) : null}
      <label className="flex items-center gap-3">
        <input
          id={id}
          type="checkbox"
          name="confirmNotDuplicate"
          defaultChecked={valueOf("confirmNotDuplicate") === "on"}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className="size-6"
        />
        {t("fields.confirmNotDuplicate")}
      </label>
    </div>
  );
}
