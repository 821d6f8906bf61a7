"use client";

import { useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { fieldId, useErrorText, useStaffForm } from "@/components/form/staff-form";
import { dayExample, showTypedDay } from "@/lib/i18n/dates";

type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  className: string;
};

/**
 * A labelled field with its hint and its messages beside it (GOV.UK pattern), inside a StaffForm. `control`
 * gets the attributes that tie the input to the hint and the messages; `defaultValue` is what the form shows.
 */
export function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  children: (
    props: ControlProps & { onInput?: (event: { currentTarget: { value: string } }) => void },
    defaultValue: string | string[] | undefined,
  ) => ReactNode;
}) {
  const { valueOf, errorsOf, maxLengthOf } = useStaffForm();
  const limit = maxLengthOf(name);
  const initial = valueOf(name);
  const [length, setLength] = useState(() => asText(initial).length);
  // A limit worth counting: a name or a note, not a year's four digits (whose own check says what is wrong).
  const counted = limit !== undefined && limit >= 100;
  const errorText = useErrorText();
  const id = fieldId(name);
  const errors = errorsOf(name);
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : "", counted ? `${id}-count` : ""].filter(Boolean).join(" ");
  return (
    <div className={`mb-6 ${invalid ? "border-l-4 border-danger pl-4" : ""}`}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="font-bold text-danger">
          {errors?.map(errorText).join(" ")}
        </p>
      )}
      {children(
        {
          id,
          name,
          "aria-describedby": describedBy || undefined,
          "aria-invalid": invalid ? true : undefined,
          className: `input mt-1 block w-full max-w-xl ${invalid ? "border-danger!" : ""}`,
          onInput: counted ? (event) => setLength(event.currentTarget.value.length) : undefined,
        },
        initial,
      )}
      {counted && <CharacterCount id={`${id}-count`} length={length} limit={limit} />}
    </div>
  );
}

const asText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join("\n") : (value ?? ""));

/**
 * GOV.UK's character count: how many characters are left, or how many too many, announced politely as the
 * official types. The field takes what is pasted in full (no maxLength cutting it off unseen); the form's own
 * check refuses it past the limit, beside the field.
 */
function CharacterCount({ id, length, limit }: { id: string; length: number; limit: number }) {
  const t = useTranslations("errors");
  const over = length > limit;
  return (
    <p id={id} aria-live="polite" className={`mt-1 text-base ${over ? "font-bold text-danger" : "text-muted"}`}>
      {over ? t("charactersTooMany", { count: length - limit }) : t("charactersRemaining", { count: limit - length })}
    </p>
  );
}

/** A one-line input; it takes no more characters than the form's schema allows the field. */
export function TextField({
  name,
  label,
  hint,
  type = "text",
  width,
  autoComplete,
  inputMode,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "url" | "email";
  /** Narrow inputs for short values (years, codes, amounts), in characters. */
  width?: number;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "url";
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(props, value) => (
        <input
          {...props}
          key={asText(value)}
          type={type}
          defaultValue={asText(value)}
          autoComplete={autoComplete ?? "off"}
          inputMode={inputMode}
          spellCheck={type === "text" ? undefined : false}
          style={width ? { maxWidth: `${width + 3}ch` } : undefined}
        />
      )}
    </Field>
  );
}

/**
 * A calendar day in one text input, typed as the reader writes it (10.03.2015, 10 March 2015; see `parseDay`),
 * with the form shown in the hint, rather than `<input type="date">`, whose mm/dd/yyyy follows the browser and
 * not the page's language. The record's day shows in the reader's form; after a failed save, what was typed.
 */
export function DateField({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const locale = useLocale();
  const t = useTranslations("errors");
  const { state } = useStaffForm();
  const example = t("dateHint", { example: dayExample(locale) });
  return (
    <Field
      name={name}
      label={label}
      hint={
        hint ? (
          <>
            {hint} {example}
          </>
        ) : (
          example
        )
      }
    >
      {(props, value) => {
        const text = state.values ? asText(value) : showTypedDay(locale, asText(value));
        return (
          <input
            {...props}
            key={text}
            type="text"
            defaultValue={text}
            autoComplete="off"
            spellCheck={false}
            className={`${props.className} tabular`}
            style={{ maxWidth: "20ch" }}
          />
        );
      }}
    </Field>
  );
}

export function TextAreaField({ name, label, hint, rows = 4 }: { name: string; label: ReactNode; hint?: ReactNode; rows?: number }) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(props, value) => <textarea {...props} key={asText(value)} rows={rows} defaultValue={asText(value)} />}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  placeholder,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  /** A first, empty option ("Choose…") for a choice that has no default. */
  placeholder?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(props, value) => (
        <select {...props} key={asText(value)} defaultValue={asText(value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of checkboxes posted as `name[]`, in a fieldset with its legend. */
export function CheckboxesField({
  name,
  legend,
  hint,
  options,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
}) {
  const { valueOf, errorsOf } = useStaffForm();
  const errorText = useErrorText();
  const id = fieldId(name);
  const errors = errorsOf(name);
  const chosen = new Set([valueOf(`${name}[]`) ?? []].flat());
  return (
    <fieldset
      id={id}
      className={`mb-6 ${errors?.length ? "border-l-4 border-danger pl-4" : ""}`}
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend className="font-bold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? <p className="font-bold text-danger">{errors.map(errorText).join(" ")}</p> : null}
      {options.map((option) => (
        <label key={option.value} className="mt-2 flex items-center gap-3">
          <input type="checkbox" name={`${name}[]`} value={option.value} defaultChecked={chosen.has(option.value)} className="size-6" />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
