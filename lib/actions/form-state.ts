/**
 * What a staff form and its server action exchange. Client-safe: forms import it to read the state, and
 * `readForm` lets them validate what is typed with the same zod schema the server uses.
 */

/** One field that someone else changed while the editor was working: shown beside the conflict message. */
export type FieldChange = { field: string; before: string; after: string };

/**
 * `message` and the field errors are message keys under `errors.` in the catalogues, so the form shows them
 * in the reader's language. Field errors are keyed by the field's form name (`partners.0.share`).
 */
export type FormState<Extra extends object = object> = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** Everything the user sent, by form name, given back on failure: nothing typed is lost. */
  values?: FormValues;
  /** Set when someone else saved the record first: what they changed, field by field. */
  conflict?: { version: number; changes: FieldChange[] };
  /** The record's version after a successful save, for a form that stays open. */
  version?: number;
  /** What one action adds for its form (an organization's likely duplicates, a one-time password), typed. */
  extra?: Extra;
};

/** A server action as a form calls it with `useActionState`; `staffAction` makes them. */
export type FormAction<State extends FormState = FormState> = (previous: State, formData: FormData) => Promise<State>;

export type FormValues = Record<string, string | string[]>;

/**
 * The bounds of a form as the reader takes it, well above the largest real form (50 rows in a meeting's
 * largest group, names three levels deep) and far below what would cost the server: a form sent by hand with
 * `partners.1000000000.regionId` would otherwise make an array of a billion slots.
 */
export const formLimits = { fields: 2_000, nameLength: 200, depth: 6, rows: 200 } as const;

/**
 * Names that would reach an object's prototype if used as keys (`__proto__.polluted`, `constructor.prototype.x`):
 * no form of ours has them, so a name holding one is dropped and the form refused as tampered.
 */
const unsafeKeys: ReadonlySet<string> = new Set(["__proto__", "prototype", "constructor"]);

const segmentsOf = (name: string) => (name.endsWith("[]") ? name.slice(0, -2) : name).split(".");

/** Whether a form name is one the reader can take: not too long, no unsafe segment. The action refuses a form with any other. */
export function isReadableName(name: string) {
  return name.length <= formLimits.nameLength && !segmentsOf(name).some((key) => unsafeKeys.has(key));
}

/**
 * The form's entries by name; a name given more than once (checkboxes, multi-selects) becomes a list. Names no
 * form of ours has (an unsafe key, over-long) are left out, and reading stops one name past the limit, so
 * `readForm` can tell the form was too large; each list stops one value past the row limit in the same way.
 * The result is a plain object built by `Object.fromEntries`, which defines keys and never walks a prototype.
 */
export function formValues(formData: FormData): FormValues {
  const values = new Map<string, string | string[]>();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION") || !isReadableName(name)) continue;
    const previous = values.get(name);
    if (previous === undefined) {
      if (values.size > formLimits.fields) break;
      values.set(name, value);
    } else if (!Array.isArray(previous)) values.set(name, [previous, value]);
    else if (previous.length <= formLimits.rows) previous.push(value);
  }
  return Object.fromEntries(values);
}

/** What `readForm` made of a form: the object the schema parses, and the refusals of its shape, by form name. */
export type ReadForm = { data: Record<string, unknown>; errors: Record<string, string[]> };

type Node = Record<string, unknown> | unknown[];

/**
 * Builds the object a zod schema parses from flat form names: `partners.0.share` becomes
 * `{ partners: [{ share }] }`; names ending in `[]` are always lists (`sectors[]`). A row of a repeated group
 * that was removed, or left blank, becomes `undefined` in its place rather than closing the gap, so that every
 * error keeps the index of the row it belongs to; the `rows()` field type drops them after validation.
 *
 * Never throws and never touches a prototype: objects are built without one (`Object.create(null)`) and
 * copied into plain ones at the end; a row index must be a plain number below `formLimits.rows` (past it, a
 * `tooMany` error on the group); a name with an unsafe key, more than `formLimits.depth` parts, or more than
 * `formLimits.fields` names in all make the form "invalid".
 */
export function readForm(values: FormValues): ReadForm {
  // A Map, not an object: a group named `toString` must not find the prototype's function as its list.
  const errors = new Map<string, string[]>();
  const refuse = (field: string, message: string) => {
    const list = errors.get(field) ?? [];
    if (!list.includes(message)) errors.set(field, [...list, message]);
  };
  const root: Record<string, unknown> = Object.create(null);
  const names = Object.keys(values);
  if (names.length > formLimits.fields) refuse("form", "invalid");

  for (const rawName of names.slice(0, formLimits.fields)) {
    const value = values[rawName]!;
    const isList = rawName.endsWith("[]");
    const keys = segmentsOf(rawName);
    if (!isReadableName(rawName) || keys.length > formLimits.depth) {
      refuse("form", "invalid");
      continue;
    }
    let node: Node = root;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      if (Array.isArray(node) && !isRowIndex(key)) {
        // `partners.length` or `partners.007` where rows are numbered: not a row, and `length` would resize.
        refuse("form", "invalid");
        break;
      }
      if (Array.isArray(node) && Number(key) >= formLimits.rows) {
        refuse(keys.slice(0, i).join("."), `tooMany|${formLimits.rows}`);
        break;
      }
      const slots = node as Record<string, unknown>;
      if (i === keys.length - 1) {
        if (slots[key] !== null && typeof slots[key] === "object" && !isList) break;
        slots[key] = isList ? (Array.isArray(value) ? value : [value]).filter((v) => v !== "").slice(0, formLimits.rows) : value;
        break;
      }
      // A name that is also another's prefix ("a" and "a.0.b") cannot be both: the group wins.
      if (slots[key] === null || typeof slots[key] !== "object") slots[key] = isRowIndex(keys[i + 1]!) ? [] : Object.create(null);
      node = slots[key] as Node;
    }
  }
  return { data: compactRows(root) as Record<string, unknown>, errors: Object.fromEntries(errors) };
}

/** A row number as forms write them: `0`, `7`, `12`; not `007`, `1e3` or `-1`. */
function isRowIndex(key: string) {
  return /^(0|[1-9][0-9]*)$/.test(key);
}

/** Blank rows become `undefined`; objects without a prototype become plain ones (`Object.fromEntries` defines keys). */
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
  const errors = new Map<string, string[]>();
  for (const issue of issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    // Our schemas give message keys ("tooLong|300"); zod's own sentences (a list where a text was expected,
    // from a tampered form) are not for people: they read as "invalid".
    const message = /^[a-z][A-Za-z0-9]*(\|.*)?$/.test(issue.message) ? issue.message : "invalid";
    const list = errors.get(field) ?? [];
    if (!list.includes(message)) errors.set(field, [...list, message]);
  }
  return Object.fromEntries(errors);
}
