import type { InputHTMLAttributes } from "react";

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "min" | "max" | "step" | "maxLength">;

/**
 * A labelled input of a filter form (a year, a date, words), laid out as SelectFilter lays out a select. `hint`
 * is read to screen readers only, where the label alone would be too short for them; `className` sizes the input.
 */
export function InputFilter({
  id,
  name,
  label,
  value,
  hint,
  className = "",
  ...input
}: InputProps & {
  id?: string;
  name: string;
  label: string;
  value: string | number | undefined;
  hint?: string;
  className?: string;
}) {
  const inputId = id ?? `filter-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="flex max-w-full flex-col">
      <label htmlFor={inputId} className="font-bold">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        defaultValue={value ?? ""}
        aria-describedby={hintId}
        className={`input max-w-full ${className}`}
        {...input}
      />
      {hint && (
        <span id={hintId} className="sr-only">
          {hint}
        </span>
      )}
    </div>
  );
}
