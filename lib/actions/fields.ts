import { z } from "zod";
import { DAY_INPUT_MAX, parseDay, type DayProblem } from "@/lib/i18n/dates";

/**
 * The field types of every staff form, client-safe: the form validates as the editor types with the same
 * schema the server parses. Messages are keys under `errors.` in the catalogues; a key may carry one value
 * after a bar (`tooLong|300`), which the form passes to the message as `{value}`.
 */

/** PostgreSQL's int4: an id or version beyond it is not ours, whatever the client sends. */
export const INT4_MAX = 2_147_483_647;

/**
 * A record id from a form or a bound argument: a whole number in int4, or its digits as text. Anything else
 * ("1e3", " 7", "0x10", "-1") is "invalid": coercion would take "1e3" for 1000.
 */
const IdDigits = z
  .string({ error: "invalid" })
  .regex(/^[1-9][0-9]{0,9}$/, { error: "invalid" })
  .transform(Number)
  .pipe(z.number().max(INT4_MAX, { error: "invalid" }));

export const RecordId = z.union([z.number().int().min(1).max(INT4_MAX), IdDigits], { error: "invalid" });

/** The version a form started from; see lib/actions/versioned.ts. */
export const Version = RecordId;

const NUL = /\u0000/;

/**
 * How long a field's input may be, kept with the field type that bounds it, so that a form sets its inputs'
 * `maxLength` from the schema it is checked with (see `maxLengthOf`) rather than repeating the number.
 */
const inputLimits = z.registry<{ maxLength: number }>();

/** Registers the longest input a field takes (the field types here do it themselves; a password field does it so). */
export function withMaxLength<Schema extends z.ZodType>(schema: Schema, maxLength: number): Schema {
  inputLimits.add(schema, { maxLength });
  return schema;
}

/** A field type's output when it is required: blank is already an error, so it is never null. */
type Field<Out> = z.ZodType<Out, string | undefined>;

/** Required text, trimmed: blank is `required`; NUL, which PostgreSQL cannot store, is `containsNul`. */
export function requiredText(max: number) {
  const text = z
    .string({ error: "required" })
    .refine((value) => !NUL.test(value), { error: "containsNul", abort: true })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: "required" })
        .max(max, { error: `tooLong|${max}` }),
    );
  return withMaxLength(text, max);
}

/** Optional text, trimmed; blank becomes null, so that clearing a field clears the record. */
export function optionalText(max: number) {
  const text = z
    .string({ error: "invalid" })
    .refine((value) => !NUL.test(value), { error: "containsNul", abort: true })
    .transform((value) => value.trim())
    .pipe(z.string().max(max, { error: `tooLong|${max}` }))
    .transform((value) => (value === "" ? null : value))
    .optional()
    .transform((value) => value ?? null);
  return withMaxLength(text, max);
}

/** An optional http(s) address. */
export function optionalUrl(max = 500) {
  return optionalText(max).pipe(
    z
      .string()
      .max(max)
      .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && URL.canParse(value), { error: "invalidUrl" })
      .nullable(),
  );
}

/** A list of short texts, one per line (other names, fields of study). */
export function textLines(maxItems: number, maxEach: number) {
  return z
    .string({ error: "invalid" })
    .optional()
    .refine((value) => !NUL.test(value ?? ""), { error: "containsNul", abort: true })
    .transform((value) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(maxEach, { error: `tooLong|${maxEach}` })).max(maxItems, { error: `tooMany|${maxItems}` }));
}

/**
 * Blank (after trimming) becomes null; anything else must pass `schema`, whose own messages are kept (a union
 * of "" and the schema would answer a bare "invalid input" instead).
 */
function orBlank<Out>(schema: z.ZodType<Out, string>) {
  return z.string({ error: "invalid" }).transform((value, context): Out | null => {
    const text = value.trim();
    if (text === "") return null;
    const parsed = schema.safeParse(text);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

/** The most characters a whole number between `min` and `max` takes to type. */
const digitsOf = (min: number, max: number) => Math.max(String(min).length, String(max).length);

/** A whole number within bounds, required. */
export function wholeNumber(min: number, max: number) {
  const number = z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .pipe(
      z.coerce
        .number<string>({ error: "notANumber" })
        .int({ error: "wholeNumber" })
        .min(min, { error: `tooSmall|${min}` })
        .max(max, { error: `tooLarge|${max}` }),
    );
  return withMaxLength(number, digitsOf(min, max));
}

/** A whole number within bounds, or blank for null. */
export function optionalWholeNumber(min: number, max: number) {
  const number = z
    .string({ error: "invalid" })
    .optional()
    .transform((value) => value ?? "")
    .pipe(orBlank(wholeNumber(min, max)));
  return withMaxLength(number, digitsOf(min, max));
}

type DecimalOptions = { max: number; scale?: number };

/**
 * A decimal amount as typed ("250000000", "250 000 000,50"), kept as a string so that no float rounds it; the
 * database column is numeric. At most `scale` decimals and a value up to `max`; blank is null unless required.
 */
export function decimalText(options: DecimalOptions & { required: true }): Field<string>;
export function decimalText(options: DecimalOptions & { required?: false }): Field<string | null>;
export function decimalText({ max, scale = 2, required = false }: DecimalOptions & { required?: boolean }): Field<string | null> {
  const pattern = new RegExp(`^\\d{1,16}(\\.\\d{1,${scale}})?$`);
  const amount = z
    .string()
    .regex(pattern, { error: scale === 0 ? "wholeNumber" : `decimal|${scale}`, abort: true })
    .refine((value) => Number(value) <= max, { error: `tooLarge|${max}` });
  const typed = z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => (value ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  // The longest amount as typed: the digits of `max` (16 at most) with a space between thousands, and the decimals.
  const digits = Math.min(String(Math.trunc(max)).length, 16);
  const maxLength = digits + Math.floor((digits - 1) / 3) + (scale ? scale + 1 : 0);
  return withMaxLength(
    required ? typed.pipe(z.string().min(1, { error: "required" }).pipe(amount)) : typed.pipe(orBlank(amount)),
    maxLength,
  );
}

/** The message key of a day the parser refused, with the part to fix (`dateNoSuchDay|28`: that month has 28 days). */
export function dayProblemMessage(problem: DayProblem): string {
  switch (problem.problem) {
    case "day":
      return `dateNoSuchDay|${problem.daysInMonth}`;
    case "month":
      return "dateMonth";
    case "year":
      return "dateYear";
    case "twoDigitYear":
      return "dateTwoDigitYear";
    default:
      return "dateFormat";
  }
}

/**
 * A calendar day as the reader types it (`10.03.2015`, `10 March 2015`, `10 марта 2015`) or ISO `2015-03-10`
 * (see `parseDay`); returned as a UTC midnight Date, or null when blank and not required. An impossible day
 * (31.02.2015) says which part to fix.
 */
export function dateField(options: { required: true }): Field<Date>;
export function dateField(options: { required: false }): Field<Date | null>;
export function dateField({ required }: { required: boolean }): Field<Date | null> {
  const date = z.string().transform((value, context) => {
    const parsed = parseDay(value);
    if (parsed.ok) return new Date(`${parsed.iso}T00:00:00Z`);
    context.addIssue({ code: "custom", message: dayProblemMessage(parsed) });
    return z.NEVER;
  });
  const typed = z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => value?.trim() ?? "");
  const field = required ? typed.pipe(z.string().min(1, { error: "required" }).pipe(date)) : typed.pipe(orBlank(date));
  return withMaxLength(field, DAY_INPUT_MAX);
}

/**
 * A day in a list's URL (`?dueFrom=`), as the filter's text input sends it: typed as `dateField` takes it, read
 * as ISO yyyy-mm-dd. A list drops a value that fails (`.catch(undefined)`).
 */
export const dayParam = z
  .string()
  .max(DAY_INPUT_MAX * 2)
  .transform((value, context) => {
    const parsed = parseDay(value);
    if (parsed.ok) return parsed.iso;
    context.addIssue({ code: "custom", message: dayProblemMessage(parsed) });
    return z.NEVER;
  });

/** One value of an enum, from a select or radios. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "chooseOne" });
}

/**
 * A picked record: the id the search-as-you-type field put in its hidden input. Required, blank is
 * `chooseOne` and the id is never null; optional, blank is null.
 */
export function pickedId(options: { required: true }): Field<number>;
export function pickedId(options: { required: false }): Field<number | null>;
export function pickedId({ required }: { required: boolean }): Field<number | null> {
  const typed = z
    .string({ error: required ? "chooseOne" : "invalid" })
    .optional()
    .transform((value) => value?.trim() ?? "");
  return required ? typed.pipe(z.string().min(1, { error: "chooseOne" }).pipe(IdDigits)) : typed.pipe(orBlank(IdDigits));
}

/** A yes/no checkbox: present means yes. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A filled row of a repeated group, with the number the form gave it (`partners.3.share` is row 3). */
export type Numbered<Row> = Row & { index: number };

/**
 * A repeated group of child rows (partners, participants, statements), at most `max`. Removed and blank rows
 * arrive as `undefined` in their places (see `readForm`), so that every error keeps its row's number; they
 * are dropped here, and each filled row keeps that number as `index`, for the checks only the server can make
 * (is this region still live?) to put their message beside the right field.
 *
 * A rule across rows on the whole form runs even when a row failed, and then sees the group as the form sent
 * it, holes and all: read it with `filledRows`.
 */
export function rows<Row extends z.ZodType<object>>(row: Row, max: number) {
  return z
    .array(row.optional())
    .max(max, { error: `tooMany|${max}` })
    .optional()
    .transform((list) => (list ?? []).flatMap((item, index) => (item === undefined ? [] : [{ ...item, index }])));
}

/**
 * The filled rows of a group as a rule on the whole form sees it, each with its number: `rows()`'s output when
 * the group parsed, or the rows as sent, numbered by their places, when one of them failed (zod runs the rule
 * anyway). A failed row's fields are raw input then: a rule reads them with care.
 */
export function filledRows<Row extends object>(group: readonly (Row | Numbered<Row> | undefined)[]): Numbered<Row>[] {
  return group.flatMap((row, place) =>
    typeof row === "object" && row !== null ? [{ ...row, index: "index" in row ? row.index : place }] : [],
  );
}

/** The filled rows' own fields, in the form's order, for writing them: the form's row number is no column. */
export function rowValues<Row extends object>(list: readonly Numbered<Row>[]) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the number is left out on purpose
  return list.map(({ index, ...values }) => values);
}

/**
 * The `maxLength` of a form's text input, read off the schema the form is checked with: the bound its field
 * type registered (`requiredText(300)` gives 300). `name` is the form name; row numbers are looked through
 * (`participants.3.personEn`). Undefined for a field without one (a choice, a picker).
 */
export function maxLengthOf(schema: z.ZodType, name: string): number | undefined {
  let field: z.ZodType | undefined = schema;
  for (const key of name.split(".").filter((key) => !/^\d+$/.test(key))) field = field && fieldOf(field, key);
  return field && limitOf(field);
}

/**
 * The names a form's fields have, read off its schema: each field, and each field of a repeated group's rows
 * as `group.field` (the form's `partners.3.share` without its row number). The version a form started from
 * is no field anyone fills in, and is left out.
 */
export function formFieldNames(schema: z.ZodType): string[] {
  const shape = shapeOf(schema) ?? {};
  return Object.keys(shape).flatMap((name) => {
    if (name === "version") return [];
    const row = rowShapeOf(shape[name]!);
    return [name, ...Object.keys(row ?? {}).map((field) => `${name}.${field}`)];
  });
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a schema wraps, outermost first: what a pipe takes in, what an optional or array holds, both sides of `and`. */
function inner(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  return [def.in, def.innerType, def.element, def.left, def.right].filter((s): s is z.ZodType => s !== undefined);
}

/** The fields of an object schema, looking through refinements, transforms, optionals, lists and intersections. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  if (def.shape) return def.shape;
  const shapes = inner(schema).flatMap((wrapped) => {
    const shape = shapeOf(wrapped);
    return shape ? [shape] : [];
  });
  return shapes.length ? Object.assign({}, ...shapes) : undefined;
}

/** The fields of a repeated group's rows; undefined for a field that is no group. */
function rowShapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === "array") return def.element && shapeOf(def.element);
  if (def.shape) return undefined;
  for (const wrapped of inner(schema)) {
    const found = rowShapeOf(wrapped);
    if (found) return found;
  }
  return undefined;
}

function fieldOf(schema: z.ZodType, key: string): z.ZodType | undefined {
  const shape = shapeOf(schema);
  return shape && Object.hasOwn(shape, key) ? shape[key] : undefined;
}

function limitOf(schema: z.ZodType): number | undefined {
  const registered = inputLimits.get(schema)?.maxLength;
  if (registered !== undefined) return registered;
  for (const wrapped of inner(schema)) {
    const found = limitOf(wrapped);
    if (found !== undefined) return found;
  }
  return undefined;
}
