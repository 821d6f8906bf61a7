"use client";

import { createContext, startTransition, useActionState, useCallback, useContext, useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ChangeTable } from "@/components/workspace/change-table";
import { formFieldNames, maxLengthOf } from "@/lib/actions/fields";
import { formValues, issuesToErrors, readForm, type FormAction, type FormState, type FormValues } from "@/lib/actions/form-state";
import { formDataBytes, formDataLimitBytes } from "@/lib/http/body-size";

type FormContext = {
  /** What the field shows: the echoed input after a failed save, else the record's value. */
  valueOf: (name: string) => string | string[] | undefined;
  /** The field's messages: from the live check once the editor has changed it, else from the server. */
  errorsOf: (name: string) => string[] | undefined;
  /** The row numbers of a repeated group (`partners`) that the shown values fill. */
  rowsOf: (group: string) => number[];
  /** The longest input the field takes, read off the form's schema. */
  maxLengthOf: (name: string) => number | undefined;
  state: FormState;
};

const Context = createContext<FormContext | null>(null);

export function useStaffForm() {
  const context = useContext(Context);
  if (!context) throw new Error("A form field must sit inside a StaffForm.");
  return context;
}

/** Translates an error key, with its value after a bar ("tooLong|300"), in the reader's language. */
export function useErrorText() {
  const t = useTranslations("errors");
  return useCallback(
    (key: string) => {
      const [name, value] = key.split("|") as [string, string | undefined];
      return t.has(name) ? t(name, { value: value ?? "" }) : t("invalid");
    },
    [t],
  );
}

type FormOptions<Extra extends object> = {
  action: FormAction<FormState<Extra>>;
  schema: z.ZodType;
  children: ReactNode | ((state: FormState<Extra>) => ReactNode);
  /** Field names to readable labels, for the error summary and the conflict list. */
  labels?: Record<string, string>;
};

/** What the page gives a record's form: its action, the record's values (none for a new one), and which it is. */
export type StaffFormProps<Extra extends object = object> = {
  action: FormAction<FormState<Extra>>;
  initial: FormValues;
  isNew: boolean;
};

/**
 * The labels of a form's fields, read off its schema. `labels`, by form name, are for the error summary and
 * the list of someone else's changes: each field the schema reads (see `formFieldNames`) and each of `also`
 * (the names a record's history uses that the form has not, `region` beside `regionId`) reads `fields.<name>`
 * in the form's catalogue, a row's field `fields.<field>`, or what `keys` names for it (`parties.kind` reads
 * `partyKind`); `withGroup` puts the group's label before a row field's. `field(name)` gives an input its
 * name, label and hint (`hints.<name>`, where the catalogue has one).
 */
export function useFormLabels(
  namespace: string,
  schema: z.ZodType,
  { also = [], keys = {}, withGroup = false }: { also?: string[]; keys?: Record<string, string>; withGroup?: boolean } = {},
) {
  const t = useTranslations(namespace);
  const keyOf = (name: string) => {
    const generic = name.replace(/\.\d+\./, ".");
    return keys[generic] ?? generic.split(".").at(-1)!;
  };
  // A field no one fills in (the locale a form sends along) has no label, and none is asked for.
  const named = [...formFieldNames(schema), ...also].filter((name) => t.has(`fields.${keyOf(name)}`));
  const labels: Record<string, string> = Object.fromEntries(
    named.map((name) => {
      const own = t(`fields.${keyOf(name)}`);
      return [name, withGroup && name.includes(".") ? `${t(`fields.${name.split(".")[0]}`)}: ${own}` : own];
    }),
  );
  const field = (name: string) => {
    const key = keyOf(name);
    return { name, label: t(`fields.${key}`), hint: t.has(`hints.${key}`) ? t(`hints.${key}`) : undefined };
  };
  return { labels, field };
}

/**
 * A staff edit form: posts to a server action made by `staffAction`, checks each field as it is typed with
 * the schema the server uses, lists the problems at the top (GOV.UK error summary) and beside the fields,
 * shows what someone else changed on a conflict, and keeps everything typed after any failure. Its children
 * may read the state the action answered with, and the `extra` it carries.
 */
export function StaffForm<Extra extends object = object>({
  action,
  schema,
  initial,
  submitLabel,
  children,
  labels = {},
}: FormOptions<Extra> & { initial: FormValues; submitLabel: string }) {
  const t = useTranslations("workspace");
  const [state, formAction, pending] = useActionState<FormState<Extra>, FormData>(action, {});
  const [liveErrors, setLiveErrors] = useState<Record<string, string[]>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [answered, setAnswered] = useState(state);
  const [tooLarge, setTooLarge] = useState(false);
  if (answered !== state) {
    // A new answer from the server: its messages take over until the editor changes a field again.
    setAnswered(state);
    setTouched(new Set());
  }

  function check(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    const next = new Set(touched).add(target.name.replace(/\[\]$/, ""));
    setTouched(next);
    const form = readForm(formValues(new FormData(event.currentTarget)));
    const parsed = schema.safeParse(form.data);
    setLiveErrors({ ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...form.errors });
  }

  // Over the server's action body limit the server could only fail: refuse here, before anything is sent, so
  // that the editor keeps everything typed and learns why (preventDefault stops React's form action).
  /**
   * Submits through the action ourselves, once the page is interactive (before that the form posts as plain
   * HTML): React resets a form after its `action` completes, and that reset could land after the editor had
   * already started correcting a field, putting the old value back. A form over the action body limit is
   * refused here, with everything typed kept.
   */
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const large = formDataBytes(data) > formDataLimitBytes;
    setTooLarge(large);
    if (large) return;
    startTransition(() => formAction(data));
  }

  const context: FormContext = {
    state,
    valueOf: (name) => (state.values ? state.values[name] : initial[name]),
    errorsOf: (name) => (touched.has(name) ? liveErrors[name] : state.errors?.[name]),
    rowsOf: (group) => {
      const pattern = new RegExp(`^${group.replace(/\./g, "\\.")}\\.(\\d+)\\.`);
      const found = Object.keys(state.values ?? initial).flatMap((name) => {
        const match = pattern.exec(name);
        return match ? [Number(match[1])] : [];
      });
      return [...new Set(found)].sort((a, b) => a - b);
    },
    maxLengthOf: (name) => maxLengthOf(schema, name),
  };
  const summary = Object.entries(state.errors ?? {}).filter(([name]) => !touched.has(name) || liveErrors[name]);
  const labelOf = (name: string) => labels[name] ?? labels[name.replace(/\.\d+\./, ".")] ?? name;

  return (
    <Context.Provider value={context}>
      <form action={formAction} onSubmit={submit} onInput={check} onChange={check} noValidate className="max-w-3xl">
        {tooLarge && <ErrorSummary message="formTooLarge" />}
        {state.ok === false && state.message && (
          <ErrorSummary message={state.message} errors={summary} labelOf={labelOf}>
            {state.conflict && (
              <div className="mt-4">
                <h3 className="font-bold">{t("theirChanges")}</h3>
                {state.conflict.changes.length === 0 ? (
                  <p>{t("noFieldChanges")}</p>
                ) : (
                  <ChangeTable
                    changes={state.conflict.changes}
                    labelOf={labelOf}
                    texts={{
                      caption: t("theirChanges"),
                      field: t("field"),
                      before: t("before"),
                      after: t("after"),
                      blank: t("blank"),
                      yes: t("yes"),
                      no: t("no"),
                    }}
                  />
                )}
              </div>
            )}
          </ErrorSummary>
        )}
        {/* On a conflict the form now starts from the version the editor has just seen. */}
        <input type="hidden" name="version" value={state.conflict?.version ?? String(initial.version ?? "")} />
        {typeof children === "function" ? children(state) : children}
        <button type="submit" disabled={pending} className="button mt-2 disabled:opacity-50">
          {submitLabel}
        </button>
      </form>
    </Context.Provider>
  );
}

/** The form of one record, on its new page ("Save the new record") and its edit page ("Save"). */
export function RecordForm<Extra extends object = object>({ isNew, ...form }: StaffFormProps<Extra> & FormOptions<Extra>) {
  const t = useTranslations("workspace");
  return <StaffForm {...form} submitLabel={isNew ? t("saveNew") : t("save")} />;
}

/** The element id of a field, from its form name (`partners.0.share` → `field-partners-0-share`). */
/**
 * The GOV.UK error summary at the top of a form: what went wrong, each field's problem as a link to the field
 * (`fieldId`), and below them what else the refusal brings (someone else's changes on a conflict).
 */
export function ErrorSummary({
  message,
  errors = [],
  labelOf = (name) => name,
  children,
}: {
  message: string;
  errors?: [string, string[]][];
  labelOf?: (name: string) => string;
  children?: ReactNode;
}) {
  const errorText = useErrorText();
  return (
    <div role="alert" tabIndex={-1} className="mb-6 border-4 border-danger px-4 py-3">
      <h2 className="text-xl font-bold">{errorText("summaryTitle")}</h2>
      <p>{errorText(message)}</p>
      {errors.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {errors.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} className="font-bold text-danger underline">
                {labelOf(name)}: {messages.map(errorText).join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}
