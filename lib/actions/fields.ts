import { z } from "zod";

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
    .transform((value) => value ?? "")
    .pipe(orBlank(wholeNumber(min, max)));
}

/**
 * A decimal amount as typed ("250000000", "250 000 000,50"), kept as a string so that no float rounds it; the
 * database column is numeric. At most `scale` decimals and a value up to `max`.
 */
export function decimalText({ max, scale = 2, required = false }: { max: number; scale?: number; required?: boolean }) {
  const pattern = new RegExp(`^\\d{1,16}(\\.\\d{1,${scale}})?$`);
  const amount = z
    .string()
    .regex(pattern, { error: scale === 0 ? "wholeNumber" : `decimal|${scale}`, abort: true })
    .refine((value) => Number(value) <= max, { error: `tooLarge|${max}` });
  const typed = z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => (value ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  return required ? typed.pipe(z.string().min(1, { error: "required" }).pipe(amount)) : typed.pipe(orBlank(amount));
}

/** A calendar date, yyyy-mm-dd as `<input type="date">` sends it; returned as a UTC midnight Date. */
export function dateField({ required }: { required: boolean }) {
  const date = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
    // "2015-02-30" parses as 2 March: only a date that prints back as typed is real.
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: "invalidDate",
    })
    .refine((value) => value >= "1900-01-01" && value <= "2100-12-31", { error: "invalidDate" })
    .transform((value) => new Date(`${value}T00:00:00Z`));
  const typed = z
    .string({ error: required ? "required" : "invalid" })
    .optional()
    .transform((value) => value?.trim() ?? "");
  return required ? typed.pipe(z.string().min(1, { error: "required" }).pipe(date)) : typed.pipe(orBlank(date));
}

/** One value of an enum, from a select or radios. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "chooseOne" });
}

/** A picked record: the id the search-as-you-type field put in its hidden input. */
export function pickedId({ required }: { required: boolean }) {
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

/**
 * A repeated group of child rows (partners, participants, statements): removed and blank rows arrive as
 * `undefined` in their places (see `readForm`), so errors keep their row numbers; they are dropped here.
 */
export function rows<Row extends z.ZodType>(row: Row, max: number) {
  return z
    .array(row.optional())
    .max(max, { error: `tooMany|${max}` })
    .optional()
    .transform((list) => (list ?? []).filter((item): item is NonNullable<typeof item> => item !== undefined));
}
