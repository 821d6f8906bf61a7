"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/field";
import { RecordPicker } from "@/components/form/record-picker";
import { RepeatingRows } from "@/components/form/repeating-rows";
import { fieldId, StaffForm, useErrorText, useStaffForm } from "@/components/form/staff-form";
import type { FormState, FormValues } from "@/lib/actions/form-state";
import { OrganizationFormSchema, PARTNERS_MAX, SECTORS_MAX } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

const KINDS = ["enterprise", "university", "joint_venture"] as const;
const STATUSES = ["planned", "active", "closed"] as const;
/** As many as the server lists (DUPLICATES_LIMIT in lib/organizations/queries.ts). */
const DUPLICATE_SLOTS = 5;

/**
 * Adds or edits an organization of any kind; the same zod schema checks it here as the editor types and on
 * the server. The fields of a joint venture (capital, products, partners) and of a university (fields of
 * study) show for that kind only.
 */
export function OrganizationForm({
  action,
  initial,
  isNew,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: FormValues;
  isNew: boolean;
}) {
  const t = useTranslations("editOrganization");
  const tWorkspace = useTranslations("workspace");
  const field = (name: string) => t(`fields.${name}`);
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      [
        "kind",
        "name",
        "nameEn",
        "otherNames",
        "regionId",
        "region",
        "countryCode",
        "status",
        "foundedYear",
        "website",
        "descriptionEn",
        "descriptionRu",
        "registrationNumber",
        "primarySector",
        "sectors",
        "capitalAmount",
        "capitalCurrency",
        "products",
        "partners",
        "fieldsOfStudy",
        "confirmNotDuplicate",
        "archived",
      ].map((name) => [name, field(name)]),
    ),
    "sectors.code": field("sectorCode"),
    "partners.organizationId": field("partnerOrganization"),
    "partners.regionId": field("partnerRegion"),
    "partners.share": field("share"),
    ...Object.fromEntries(Array.from({ length: DUPLICATE_SLOTS }, (_, i) => [`duplicates.${i}`, `${field("duplicates")} ${i + 1}`])),
  };
  return (
    <StaffForm
      action={action}
      schema={OrganizationFormSchema}
      initial={initial}
      labels={labels}
      submitLabel={isNew ? tWorkspace("saveNew") : tWorkspace("save")}
    >
      <OrganizationFields isNew={isNew} />
    </StaffForm>
  );
}

function OrganizationFields({ isNew }: { isNew: boolean }) {
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
      {isNew && <LikelyDuplicates />}
      <div
        onChange={(event) => {
          const target: EventTarget = event.target;
          if (target instanceof HTMLSelectElement && target.name === "kind") setKind(target.value);
        }}
      >
        <SelectField
          name="kind"
          label={t("fields.kind")}
          hint={t("hints.kind")}
          placeholder={t("choose")}
          options={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        />
      </div>
      <TextField name="name" label={t("fields.name")} hint={t("hints.name")} maxLength={300} />
      <TextField name="nameEn" label={t("fields.nameEn")} hint={t("hints.nameEn")} maxLength={300} />
      <TextAreaField name="otherNames" label={t("fields.otherNames")} hint={t("hints.otherNames")} rows={3} />
      <RecordPicker name="regionId" type="region" label={t("fields.regionId")} hint={t("hints.regionId")} />
      <SelectField
        name="status"
        label={t("fields.status")}
        placeholder={t("choose")}
        options={STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
      />
      <TextField
        name="registrationNumber"
        label={t("fields.registrationNumber")}
        hint={t("hints.registrationNumber")}
        maxLength={40}
        width={14}
      />
      <TextField
        name="foundedYear"
        label={t("fields.foundedYear")}
        hint={t("hints.foundedYear")}
        inputMode="numeric"
        maxLength={4}
        width={4}
      />
      <TextField name="website" label={t("fields.website")} hint={t("hints.website")} type="url" maxLength={500} />
      <TextAreaField name="descriptionEn" label={t("fields.descriptionEn")} hint={t("hints.descriptionEn")} />
      <TextAreaField name="descriptionRu" label={t("fields.descriptionRu")} hint={t("hints.descriptionRu")} />
      <RecordPicker name="primarySector" type="sector" label={t("fields.primarySector")} hint={t("hints.primarySector")} />
      <RepeatingRows group="sectors" legend={t("fields.sectors")} hint={t("hints.sectors")} emptyRows={0} max={SECTORS_MAX}>
        {(index) => (
          <RecordPicker name={`sectors.${index}.code`} type="sector" label={t("fields.sectorCode")} hint={t("hints.sectorCode")} />
        )}
      </RepeatingRows>
      {kind === "joint_venture" && <VentureFields />}
      {kind === "university" && (
        <fieldset className="mb-6 border-t-2 border-line pt-4">
          <legend className="text-xl font-bold">{t("universitySection")}</legend>
          <TextAreaField name="fieldsOfStudy" label={t("fields.fieldsOfStudy")} hint={t("hints.fieldsOfStudy")} rows={5} />
        </fieldset>
      )}
      {isNew && <ConfirmNotDuplicate />}
    </>
  );
}

function VentureFields() {
  const t = useTranslations("editOrganization");
  return (
    <>
      <fieldset className="mb-6 border-t-2 border-line pt-4">
        <legend className="text-xl font-bold">{t("ventureSection")}</legend>
        <TextField
          name="capitalAmount"
          label={t("fields.capitalAmount")}
          hint={t("hints.capitalAmount")}
          inputMode="decimal"
          maxLength={30}
          width={20}
        />
        <TextField name="capitalCurrency" label={t("fields.capitalCurrency")} hint={t("hints.capitalCurrency")} maxLength={3} width={4} />
        <TextAreaField name="products" label={t("fields.products")} hint={t("hints.products")} rows={3} />
      </fieldset>
      <RepeatingRows group="partners" legend={t("fields.partners")} hint={t("hints.partners")} emptyRows={2} max={PARTNERS_MAX}>
        {(index) => (
          <>
            <RecordPicker
              name={`partners.${index}.organizationId`}
              type="organization"
              label={t("fields.partnerOrganization")}
              hint={t("hints.partnerOrganization")}
            />
            <RecordPicker
              name={`partners.${index}.regionId`}
              type="region"
              label={t("fields.partnerRegion")}
              hint={t("hints.partnerRegion")}
            />
            <TextField
              name={`partners.${index}.share`}
              label={t("fields.share")}
              hint={t("hints.share")}
              inputMode="decimal"
              maxLength={6}
              width={6}
            />
          </>
        )}
      </RepeatingRows>
    </>
  );
}

/** One likely duplicate as the server sent it: `possibleDuplicate|<name, region>` and `duplicatePage|<slug>`. */
function readDuplicate(messages: string[]) {
  const part = (key: string) => messages.find((m) => m.startsWith(`${key}|`))?.slice(key.length + 1);
  const name = part("possibleDuplicate");
  const slug = part("duplicatePage");
  return name && slug ? { name, slug } : null;
}

/** The organizations the server found like this one, each a link to its public page, in a new tab so nothing typed is lost. */
function LikelyDuplicates() {
  const t = useTranslations("editOrganization");
  const { state } = useStaffForm();
  const found = Array.from({ length: DUPLICATE_SLOTS }, (_, i) => {
    const duplicate = readDuplicate(state.errors?.[`duplicates.${i}`] ?? []);
    return duplicate ? { ...duplicate, id: fieldId(`duplicates.${i}`) } : null;
  }).filter((d) => d !== null);
  if (!found.length) return null;
  return (
    <section aria-labelledby="likely-duplicates" className="mb-6 border-l-4 border-danger pl-4">
      <h2 id="likely-duplicates" className="text-xl font-bold">
        {t("duplicatesTitle")}
      </h2>
      <p>{t("duplicatesLead")}</p>
      <ul className="mt-2 list-disc pl-6">
        {found.map((d) => (
          <li key={d.slug} id={d.id}>
            <a href={paths.organization(d.slug)} target="_blank" rel="noopener" className="underline">
              {t("opensPublicPage", { name: d.name })}
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
