import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { issuesToErrors, readForm, type FormValues } from "@/lib/actions/form-state";
import { CommitmentFormSchema } from "@/lib/commitments/schema";
import { loadMessages } from "@/lib/i18n/catalogue";
import { LinkEntityFormSchema, LinkMeetingFormSchema, MeetingFormSchema } from "@/lib/meetings/schema";
import { OrganizationFormSchema } from "@/lib/organizations/schema";
import { RegionFormSchema } from "@/lib/regions/schema";
import { TradeFormSchema } from "@/lib/trade/schema";

/** Strings an attacker or a careless paste would send: NUL, RTL marks, emoji, SQL, HTML, very long text. */
const hostile = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "👩‍👩‍👧‍👦🇧🇾",
    "'; DROP TABLE organizations; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "   ",
    "1e3",
    "-1",
    "99999999999",
    "NaN",
    "2015-02-30",
    "0",
    "100.001",
  ),
  fc.integer({ min: 0, max: 10_000 }).map((n) => "x".repeat(n)),
);

/** The field names an object schema reads, looking through refinements and transforms. */
function fieldNames(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType } } })._zod.def;
  if (def.type === "object" && def.shape) {
    return Object.entries(def.shape).flatMap(([name, field]) => {
      const inner = (field as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      // Repeated groups get two rows of a few likely child names; lists get the `[]` form.
      return inner === "pipe" || inner === "optional" || inner === "array"
        ? [name, `${name}[]`, `${name}.0.id`, `${name}.0.organization`, `${name}.0.region`, `${name}.1.share`, `${name}.0.note`]
        : [name];
    });
  }
  if (def.in) return fieldNames(def.in);
  return [];
}

const errorKeys = new Set(Object.keys(loadMessages("en").errors ?? {}));
const russianKeys = new Set(Object.keys(loadMessages("ru").errors ?? {}));

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).flatMap(strings);
  return [];
}

const schemas: [string, z.ZodType][] = [
  ["region", RegionFormSchema],
  ["organization", OrganizationFormSchema],
  ["meeting", MeetingFormSchema],
  ["commitment", CommitmentFormSchema],
  ["trade figure", TradeFormSchema],
  ["link from a meeting", LinkEntityFormSchema],
  ["link from an entity", LinkMeetingFormSchema],
];

describe.each(schemas)("the %s form schema, given hostile input", (_name, schema) => {
  const names = fieldNames(schema);

  it("reads the fields of the form", () => {
    expect(names.length).toBeGreaterThan(1);
  });

  it("never throws, never lets a NUL through, and answers only with messages both languages have", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), hostile, { maxKeys: names.length }), (values: FormValues) => {
        const parsed = schema.safeParse(readForm(values).data);
        if (parsed.success) {
          for (const text of strings(parsed.data)) expect(text).not.toContain("\u0000");
          return;
        }
        for (const [field, messages] of Object.entries(issuesToErrors(parsed.error.issues))) {
          expect(typeof field).toBe("string");
          for (const message of messages) {
            const key = message.split("|")[0]!;
            expect(errorKeys, `"${message}" has no English text`).toContain(key);
            expect(russianKeys, `"${message}" has no Russian text`).toContain(key);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
