"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { fieldId, useErrorText, useStaffForm } from "@/components/form/staff-form";

/**
 * Child rows edited through their parent (partners, participants, statements): each row's fields are named
 * `group.N.field`. A removed row leaves its number unused rather than renumbering the rest, so that what was
 * typed stays in its fields and each error stays with its row (see `readForm`). Starts with the rows the
 * form's values fill, or `emptyRows` blank ones.
 */
export function RepeatingRows({
  group,
  legend,
  hint,
  emptyRows = 1,
  max,
  children,
}: {
  group: string;
  legend: ReactNode;
  hint?: ReactNode;
  emptyRows?: number;
  max: number;
  children: (index: number, number: number) => ReactNode;
}) {
  const t = useTranslations("workspace");
  const errorText = useErrorText();
  const { rowsOf, errorsOf } = useStaffForm();
  const filled = rowsOf(group);
  const [indexes, setIndexes] = useState<number[]>(filled.length ? filled : Array.from({ length: emptyRows }, (_, i) => i));
  const [shownFor, setShownFor] = useState(filled.join(","));
  if (filled.length && shownFor !== filled.join(",")) {
    // The server echoed other rows (a failed save): show those.
    setShownFor(filled.join(","));
    setIndexes(filled);
  }
  const groupErrors = errorsOf(group);
  return (
    <fieldset id={fieldId(group)} className="mt-10 mb-6">
      <legend className="mb-1 text-xl font-bold">{legend}</legend>
      {hint && <p className="text-muted">{hint}</p>}
      {groupErrors?.length ? <p className="font-bold text-danger">{groupErrors.map(errorText).join(" ")}</p> : null}
      {indexes.map((index, position) => (
        <div key={index} className="mt-4 border-l-4 border-line pl-4" role="group" aria-label={t("row", { number: position + 1 })}>
          {children(index, position + 1)}
          <button
            type="button"
            className="button-secondary mb-4"
            aria-label={t("removeRowLabel", { number: position + 1 })}
            onClick={() => setIndexes(indexes.filter((i) => i !== index))}
          >
            {t("removeRow")}
          </button>
        </div>
      ))}
      {indexes.length < max && (
        <button type="button" className="button-secondary mt-2" onClick={() => setIndexes([...indexes, Math.max(-1, ...indexes) + 1])}>
          {t("addRow")}
        </button>
      )}
    </fieldset>
  );
}
