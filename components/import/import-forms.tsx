"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorSummary, fieldId, useErrorText } from "@/components/form/staff-form";
import { Table } from "@/components/ui/table";
import type { FormAction, FormState } from "@/lib/actions/form-state";

/**
 * The import page's own forms, which no record form is like: the columns of a sheet matched to a record
 * type's fields, the choices for rows that may be records already in the registry, and the progress bar of a
 * commit. Each posts to a server action of lib/import/actions.ts and shows what it refused, beside the column
 * or row, keeping the choices made. The texts are the `importPage` catalogue's.
 */

type Option = { value: string; label: string };

/** The action's refusal, if it refused: the form's error summary, each problem linked to its column or row. */
function Refusal({ state, labelOf }: { state: FormState; labelOf?: (name: string) => string }) {
  if (state.ok !== false || !state.message) return null;
  return <ErrorSummary message={state.message} errors={Object.entries(state.errors ?? {})} labelOf={labelOf} />;
}

export type MappingColumn = { index: number; letter: string; header: string; samples: string[]; field: string; note?: string };

/** The record type of a sheet and the field each of its columns fills; a column may be left out. */
export function MappingForm({
  action,
  type,
  types,
  columns,
  fields,
}: {
  action: FormAction<FormState>;
  type: string;
  types: Option[];
  columns: MappingColumn[];
  fields: (Option & { required: boolean })[];
}) {
  const t = useTranslations("importPage");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const chosen = (index: number) => String(state.values?.[`columns.${index}`] ?? columns.find((c) => c.index === index)?.field ?? "");
  const [picked, setPicked] = useState<Record<number, string>>({});
  const fieldOf = (index: number) => picked[index] ?? chosen(index);
  const used = new Set(columns.map((column) => fieldOf(column.index)).filter(Boolean));
  const missing = fields.filter((field) => field.required && !used.has(field.value));
  const unmapped = columns.filter((column) => !fieldOf(column.index));
  const labelOf = (name: string) => {
    const index = Number(name.split(".")[1]);
    const column = columns.find((c) => c.index === index);
    return column ? t("columnName", { letter: column.letter, header: column.header || t("noHeader") }) : name;
  };
  return (
    <form action={formAction} className="max-w-5xl">
      <Refusal state={state} labelOf={labelOf} />
      <div className="mb-6">
        <label htmlFor="import-type" className="block font-bold">
          {t("recordType")}
        </label>
        <p id="import-type-hint" className="text-muted">
          {t("recordTypeHint")}
        </p>
        <select id="import-type" name="type" defaultValue={String(state.values?.type ?? type)} aria-describedby="import-type-hint">
          {types.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <Table
        caption={t("columnsCaption")}
        columns={[{ label: t("column") }, { label: t("samples") }, { label: t("field") }]}
        rows={columns.map((column) => {
          const name = `columns.${column.index}`;
          const errors = state.errors?.[name];
          return [
            <>
              <span className="block text-muted">{t("columnLetter", { letter: column.letter })}</span>
              <span className="font-bold">{column.header || t("noHeader")}</span>
              {column.note && <span className="block text-base text-muted">{column.note}</span>}
            </>,
            column.samples.length ? column.samples.join(" · ") : <span className="text-muted">{t("noSamples")}</span>,
            <div key="field" className={errors ? "border-l-4 border-danger pl-3" : ""}>
              {errors && (
                <p id={`${fieldId(name)}-error`} className="font-bold text-danger">
                  {errors.map(errorText).join(" ")}
                </p>
              )}
              <select
                id={fieldId(name)}
                name={name}
                aria-label={t("fieldFor", { column: labelOf(name) })}
                aria-invalid={errors ? true : undefined}
                aria-describedby={errors ? `${fieldId(name)}-error` : undefined}
                value={fieldOf(column.index)}
                onChange={(event) => setPicked({ ...picked, [column.index]: event.target.value })}
              >
                <option value="">{t("leaveOut")}</option>
                {fields.map((field) => (
                  <option key={field.value} value={field.value}>
                    {field.required ? t("requiredField", { label: field.label }) : field.label}
                  </option>
                ))}
              </select>
            </div>,
          ];
        })}
      />
      <div aria-live="polite" className="mt-6 max-w-3xl">
        {missing.length > 0 && <p className="font-bold">{t("stillMissing", { fields: missing.map((field) => field.label).join(", ") })}</p>}
        <p>
          {unmapped.length === 0
            ? t("allColumnsUsed")
            : t("columnsLeftOut", { columns: unmapped.map((column) => `${column.letter} (${column.header || t("noHeader")})`).join(", ") })}
        </p>
      </div>
      <button type="submit" disabled={pending} className="button mt-6">
        {t("checkRows")}
      </button>
    </form>
  );
}

export type DecisionRow = { row: number; label: string; reason: string; candidates: Option[]; choice: string };

/** For rows whose organization may be in the registry already: update one of the records offered, add it as new, or skip it. */
export function DecisionsForm({ action, rows }: { action: FormAction<FormState>; rows: DecisionRow[] }) {
  const t = useTranslations("importPage");
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="max-w-5xl">
      <Refusal state={state} />
      {rows.map((row, i) => (
        <fieldset key={row.row} className="mb-6 border-l-4 border-line pl-4">
          <legend className="font-bold">{t("decisionRow", { row: row.row, label: row.label })}</legend>
          {row.reason && <p className="text-muted">{row.reason}</p>}
          <input type="hidden" name={`decisions.${i}.row`} value={row.row} />
          <div className="mt-2 space-y-1">
            {row.candidates.map((candidate) => (
              <Choice key={candidate.value} name={`decisions.${i}.choice`} value={candidate.value} checked={row.choice === candidate.value}>
                {t("updateRecord", { label: candidate.label })}
              </Choice>
            ))}
            <Choice name={`decisions.${i}.choice`} value="create" checked={row.choice === "create"}>
              {t("addAsNew")}
            </Choice>
            <Choice name={`decisions.${i}.choice`} value="skip" checked={row.choice === "skip"}>
              {t("skipRow")}
            </Choice>
          </div>
        </fieldset>
      ))}
      <button type="submit" disabled={pending} className="button">
        {t("saveDecisions")}
      </button>
    </form>
  );
}

function Choice({ name, value, checked, children }: { name: string; value: string; checked: boolean; children: React.ReactNode }) {
  const id = `${fieldId(name)}-${value.replace(/[^a-z0-9]/gi, "-")}`;
  return (
    <div className="flex items-start gap-3">
      <input type="radio" id={id} name={name} value={value} defaultChecked={checked} className="mt-1.5 size-5" />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}

type Progress = { status: string; rowsDone: number; rowsTotal: number; secondsLeft: number | null };

/**
 * A commit's progress, asked of the server every second: rows done of all and the time left. When the commit
 * ends (committed, cancelled, failed) the page is read again to show the outcome. Without script the page's
 * own refresh link does the same.
 */
export function ImportProgress({ url, initial }: { url: string; initial: Progress }) {
  const t = useTranslations("importPage");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as Progress;
        setProgress(next);
        if (next.status !== "queued" && next.status !== "committing") {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // The next tick tries again: a moment without the server is not the commit's end.
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [url, router]);
  const percent = progress.rowsTotal > 0 ? Math.floor((progress.rowsDone / progress.rowsTotal) * 100) : 0;
  return (
    <div className="max-w-3xl">
      <label htmlFor="import-progress" className="block font-bold">
        {progress.status === "queued" ? t("queued") : t("committing")}
      </label>
      <progress
        id="import-progress"
        max={progress.rowsTotal || 1}
        value={progress.rowsDone}
        className="my-2 h-6 w-full appearance-none border-2 border-ink [&::-moz-progress-bar]:bg-brand [&::-webkit-progress-bar]:bg-white [&::-webkit-progress-value]:bg-brand"
      >
        {percent}%
      </progress>
      <p aria-live="polite">
        {t("rowsDone", { done: progress.rowsDone, total: progress.rowsTotal, percent })}{" "}
        {progress.secondsLeft !== null && t("secondsLeft", { seconds: progress.secondsLeft })}
      </p>
    </div>
  );
}
