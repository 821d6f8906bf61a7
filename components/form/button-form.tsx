"use client";

import { useActionState, type ReactNode } from "react";
import { useErrorText } from "@/components/form/staff-form";
import type { FormAction, FormState } from "@/lib/actions/form-state";

/**
 * One button acting on a record from the version the page showed (archive, restore, disable an account,
 * reset its password): a concurrent change makes it refuse with the conflict message rather than act on what
 * the editor has not seen. `children` shows what the action answered with, such as a one-time link.
 */
export function ButtonForm<Extra extends object = object>({
  action,
  version,
  hint,
  submitLabel,
  warning = false,
  className = "max-w-3xl",
  children,
}: {
  action: FormAction<FormState<Extra>>;
  /** The record's version as the page showed it; none for an action on something without one (an import). */
  version?: number;
  hint?: string;
  submitLabel: string;
  /** A button that takes something away (archive, disable) looks it. */
  warning?: boolean;
  className?: string;
  children?: (state: FormState<Extra>) => ReactNode;
}) {
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<FormState<Extra>, FormData>(action, {});
  return (
    <form action={formAction} className={className}>
      {state.ok === false && state.message && (
        <p role="alert" className="mb-4 border-l-4 border-danger pl-4 font-bold text-danger">
          {errorText(state.message)}
        </p>
      )}
      {children?.(state)}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {hint && <p className="mb-4 text-muted">{hint}</p>}
      <button type="submit" disabled={pending} className={warning ? "button-warning" : "button"}>
        {submitLabel}
      </button>
    </form>
  );
}
