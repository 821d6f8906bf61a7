"use client";

import type { ReactNode } from "react";
import { fieldId, useErrorText, useStaffForm } from "@/components/form/staff-form";

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
  children: (props: ControlProps, defaultValue: string | string[] | undefined) => ReactNode;
}) {
  const { valueOf, errorsOf } = useStaffForm();
  const errorText = useErrorText();
  const id = fieldId(name);
  const errors = errorsOf(name);
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ");
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
        },
        valueOf(name),
      )}
    </div>
  );
}

const asText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join("\n") : (value ?? ""));

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
  type?: "text" | "url" | "date" | "email";
  /** Narrow inputs for short values (years, codes, amounts), in characters. */
  width?: number;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "url";
}) {
  const { maxLengthOf } = useStaffForm();
  return (
    <Field name={name} label={label} hint={hint}>
      {(props, value) => (
        <input
          {...props}
          key={asText(value)}
          type={type}
          defaultValue={asText(value)}
          maxLength={maxLengthOf(name)}
          autoComplete={autoComplete ?? "off"}
          inputMode={inputMode}
          spellCheck={type === "text" ? undefined : false}
          style={width ? { maxWidth: `${width + 3}ch` } : undefined}
        />
      )}
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
