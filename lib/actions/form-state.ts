/**
 * What a staff form and its server action exchange. Client-safe: forms import it to read the state, and
 * `formToObject` lets them validate what is typed with the same zod schema the server uses.
 */

/** One field that someone else changed while the editor was working: shown beside the conflict message. */
export type FieldChange = { field: string; before: string; after: string };

/**
 * `message` and the field errors are message keys under `errors.` in the catalogues, so the form shows them
 * in the reader's language. Field errors are keyed by the field's form name (`partners.0.share`).
 */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** Everything the user sent, by form name, given back on failure: nothing typed is lost. */
  values?: FormValues;
  /** Set when someone else saved the record first: what they changed, field by field. */
  conflict?: { version: number; changes: FieldChange[] };
  /** The record's version after a successful save, for a form that stays open. */
  version?: number;
};

export type FormValues = Record<string, string | string[]>;

/** The form's entries by name; a name given more than once (checkboxes, multi-selects) becomes a list. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const previous = values[name];
    if (previous === undefined) values[name] = value;
    else values[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return values;
}

/**
 * Builds the object a zod schema parses from flat form names: `partners.0.share` becomes
 * `{ partners: [{ share }] }`; names ending in `[]` are always lists (`sectors[]`). A row of a repeated group
 * that was removed, or left blank, becomes `undefined` in its place rather than closing the gap, so that every
 * error keeps the index of the row it belongs to; the `rows()` field type drops them after validation.
 */
export function formToObject(values: FormValues): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawName, value] of Object.entries(values)) {
    const isList = rawName.endsWith("[]");
    const name = isList ? rawName.slice(0, -2) : rawName;
    const keys = name.split(".");
    let node: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        if (node[key] !== null && typeof node[key] === "object" && !isList) return;
        node[key] = isList ? (Array.isArray(value) ? value : [value]).filter((v) => v !== "") : value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(keys[i + 1] ?? "");
      // A name that is also another's prefix ("a" and "a.0.b") cannot be both: the group wins.
      if (node[key] === null || typeof node[key] !== "object") node[key] = nextIsIndex ? [] : {};
      node = node[key] as Record<string, unknown>;
    });
  }
  return compactRows(root) as Record<string, unknown>;
}

function compactRows(value: unknown): unknown {
  if (Array.isArray(value)) {
    return Array.from(value, (row) => (row === undefined || isBlankRow(row) ? undefined : compactRows(row)));
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactRows(v)]));
  }
  return value;
}

function isBlankRow(row: unknown) {
  return (
    row !== null &&
    typeof row === "object" &&
    !Array.isArray(row) &&
    Object.values(row).every((v) => v === "" || v === undefined || (Array.isArray(v) && v.length === 0))
  );
}

/** Field errors from zod issues, keyed by the form name of each issue's path (`partners.0.share`). */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    // Our schemas give message keys ("tooLong|300"); zod's own sentences (a list where a text was expected,
    // from a tampered form) are not for people: they read as "invalid".
    const message = /^[a-z][A-Za-z0-9]*(\|.*)?$/.test(issue.message) ? issue.message : "invalid";
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}
