import { z } from "zod";

/**
 * The field types of every staff form, client-safe: the form validates as the editor types with the same
 * schema the server parses. Messages are keys under `errors.` in the catalogues; a key may carry one value
 * after a bar (`tooLong|300`), which the form passes to the message as `{value}`.
 */

/** PostgreSQL's int4: an id or version beyond it is not ours, whatever the client sends. */
export const INT4_MAX = 2_147_483_647;

/** A record id from a form or a bound argument: a whole number in int4. */
export const RecordId = z.coerce
  .number({ error: "invalid" })
  .int({ error: "invalid" })
  .min(1, { error: "invalid" })
  .max(INT4_MAX, { error: "invalid" });

/** The version a form started from; see lib/actions/versioned.ts. */
export const Version = RecordId;

const NUL = /\u0000/;

/** Required text, trimmed: blank is `required`; NUL, which PostgreSQL cannot store, is `containsNul`. */
export function requiredText(max: number) {
  return z
    .string({ error: "required" })
    .refine((value) => !NUL.test(value), { error: "containsNul", abort: true })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: "required" })
        .max(max, { error: `tooLong|${max}` }),
    );
}

/** Optional text, trimmed; blank becomes null, so that clearing a field clears the record. */
export function optionalText(max: number) {
  return z
    .string({ error: "invalid" })
    .refine((value) => !NUL.test(value), { error: "containsNul", abort: true })
    .transform((value) => value.trim())
    .pipe(z.string().max(max, { error: `tooLong|${max}` }))
    .transform((value) => (value === "" ? null : value))
    .optional()
    .transform((value) => value ?? null);
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

/** A whole number within bounds, required. */
export function wholeNumber(min: number, max: number) {
  return z
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
}

/** A whole number within bounds, or blank for null. */
export function optionalWholeNumber(min: number, max: number) {
  return z
    .string({ error: "invalid" })
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.union([z.literal("").transform(() => null), wholeNumber(min, max)]));
}

/**
 * A decimal amount as typed ("250000000", "250 000 000,50"), kept as a string so that no float rounds it; the
 * database column is numeric. At most `scale` decimals and a value up to `max`.
 */
export function decimalText({ max, scale = 2, required = false }: { max: number; scale?: number; required?: boolean }) {
  const pattern = new RegExp(`^\\d{1,16}(\\.\\d{1,${scale}})?$`);
  const amount = z
    .string()
    .regex(pattern, { error: scale === 0 ? "wholeNumber" : `decimal|${scale}` })
    .refine((value) => Number(value) <= max, { error: `tooLarge|${max}` });
  return z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => (value ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."))
    .pipe(required ? z.string().min(1, { error: "required" }).pipe(amount) : z.union([z.literal("").transform(() => null), amount]));
}

/** A calendar date, yyyy-mm-dd as `<input type="date">` sends it; returned as a UTC midnight Date. */
export function dateField({ required }: { required: boolean }) {
  const date = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine((value) => !Number.isNaN(value.getTime()) && value.getUTCFullYear() >= 1900 && value.getUTCFullYear() <= 2100, {
      error: "invalidDate",
    });
  return z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(required ? z.string().min(1, { error: "required" }).pipe(date) : z.union([z.literal("").transform(() => null), date]));
}

/** One value of an enum, from a select or radios. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "chooseOne" });
}

const idText = z.coerce
  .number<string>({ error: "invalid" })
  .int({ error: "invalid" })
  .min(1, { error: "invalid" })
  .max(INT4_MAX, { error: "invalid" });

/** A picked record: the id the search-as-you-type field put in its hidden input. */
export function pickedId({ required }: { required: boolean }) {
  return z
    .string({ error: required ? "chooseOne" : "invalid" })
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(required ? z.string().min(1, { error: "chooseOne" }).pipe(idText) : z.union([z.literal("").transform(() => null), idText]));
}

/** A yes/no checkbox: present means yes. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/**
 * A repeated group of child rows (partners, participants, statements): removed and blank rows arrive as
 * `undefined` in their places (see `formToObject`), so errors keep their row numbers; they are dropped here.
 */
export function rows<Row extends z.ZodType>(row: Row, max: number) {
  return z
    .array(row.optional())
    .max(max, { error: `tooMany|${max}` })
    .optional()
    .transform((list) => (list ?? []).filter((item): item is NonNullable<typeof item> => item !== undefined));
}
