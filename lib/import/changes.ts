import { readForm } from "@/lib/actions/form-state";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localize";
import { importSchemas, type ImportForm } from "./check";
import { importFields, type RecordType } from "./fields";
import type { ImportRegistry } from "./registry";

/**
 * What an update changes, field by field, before → after, as text for people: names of regions, organizations,
 * sectors and meetings in the reader's language, choices by their label, amounts as the registry keeps them.
 * Both sides are parsed with the form's schema and compared as the record would store them, so "250 000 000"
 * against a stored 250000000.00, or the same sectors in another order, is no change.
 */

/** One field an update changes, as the preview shows it. */
export type FieldChange = { field: string; label: string; before: string; after: string };

/** Keys of the parsed forms that are no field of the record: the form's own bookkeeping. */
const NOT_FIELDS = new Set(["version", "confirmNotDuplicate"]);
/** Row numbers the schemas add to child rows (`index`, `row`): the rows' positions in one form, not their values. */
const POSITIONS = new Set(["index", "row"]);

/** A decimal as text without trailing zeros: "250000000.00" and "250000000" are one amount. */
const plainDecimal = (text: string) => (/^-?\d+\.\d+$/.test(text) ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

/** A value as it is compared: child rows without their positions, lists as sets, dates as days. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return plainDecimal(value);
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !POSITIONS.has(key))
        .map(([key, v]) => [key, canonical(v)]),
    );
  }
  return value;
}

/** A form's values as the schema reads them (the update form: both sides carry a version). */
function parse(type: RecordType, values: ImportForm): Record<string, unknown> | null {
  const parsed = importSchemas[type].update.safeParse(readForm(values).data);
  return parsed.success ? (parsed.data as Record<string, unknown>) : null;
}

/** The fields an update from `before` to `after` changes; none when the registry already holds what the row says. */
export function diffForms(type: RecordType, before: ImportForm, after: ImportForm, registry: ImportRegistry): FieldChange[] {
  const old = parse(type, before);
  const next = parse(type, after);
  // A record that no longer passes its own form (kept from before a rule was added) is compared as typed.
  const left: Record<string, unknown> = old ?? before;
  const right: Record<string, unknown> = next ?? after;
  const describe = describer(type, registry);
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    if (NOT_FIELDS.has(key)) continue;
    if (JSON.stringify(canonical(left[key] ?? null)) === JSON.stringify(canonical(right[key] ?? null))) continue;
    changes.push({
      field: key,
      label: labelOf(type, key, registry.locale),
      before: describe(key, left[key]),
      after: describe(key, right[key]),
    });
  }
  return changes;
}

/** The column's label in the reader's language, for a key of the parsed form. */
function labelOf(type: RecordType, key: string, locale: Locale) {
  const fields = importFields[type];
  const field =
    fields.find((f) => f.formField === key) ??
    fields.find((f) => f.name === key) ??
    fields.find((f) => f.formField.startsWith(`${key}.`)) ??
    (key === "entity" ? fields.find((f) => f.name === "organization") : undefined);
  return field ? field.label[locale] : key;
}

/** Where the catalogues keep each choice's label. */
const CHOICE_LABELS: Partial<Record<RecordType, Record<string, string>>> = {
  organizations: { kind: "organizations.kinds", status: "organizations.statuses" },
  partners: { kind: "organizations.kinds", status: "organizations.statuses" },
  meetings: { level: "meetings.levels" },
  commitments: { status: "editCommitment.statuses" },
};

type Catalogue = Record<string, unknown>;
const lookUp = (catalogue: Catalogue, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Catalogue)[key] : undefined), catalogue);

/** Turns a parsed value into text for people, in the registry's locale. */
function describer(type: RecordType, registry: ImportRegistry) {
  const { locale } = registry;
  const catalogue = loadMessages(locale);
  const region = (id: unknown) => {
    const found = registry.regions.get(Number(id));
    return found ? localized(locale, found.nameEn, found.nameRu) : String(id);
  };
  const organization = (id: unknown) => {
    const found = registry.organizations.get(Number(id));
    return found ? localized(locale, found.nameEn ?? found.name, found.name) : String(id);
  };
  const meeting = (id: unknown) => {
    const found = registry.meetings.get(Number(id));
    return found ? `${found.date} ${localized(locale, found.titleEn, found.titleRu)}` : String(id);
  };
  const sector = (code: unknown) => {
    const found = registry.sectors.get(String(code));
    return found ? `${String(code)} ${localized(locale, found.nameEn, found.nameRu)}` : String(code);
  };
  type Row = Record<string, unknown>;
  const party = (row: Row) => (row.kind === "organization" || row.type === "organization" ? organization(row.id) : region(row.id));
  const rowText: Record<string, (row: Row) => string> = {
    sectors: (row) => sector(row.code),
    regions: (row) => region(row.regionId),
    parties: party,
    partners: (row) =>
      `${row.organizationId ? organization(row.organizationId) : region(row.regionId)} ${plainDecimal(String(row.share))}%`,
    followUps: (row) => meeting(row.meetingId),
  };

  const describe = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return "";
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value))
      return value
        .map((item) => (item && typeof item === "object" ? (rowText[key]?.(item) ?? JSON.stringify(item)) : describe(key, item)))
        .join("; ");
    if (key === "entity") return party(value as Row);
    if (/regionId$/i.test(key)) return region(value);
    if (key === "organizationId") return organization(value);
    if (key === "meetingId") return meeting(value);
    if (key === "primarySector") return sector(value);
    const choices = CHOICE_LABELS[type]?.[key];
    const label = choices ? lookUp(catalogue, `${choices}.${String(value)}`) : undefined;
    if (typeof label === "string") return label;
    return plainDecimal(String(value));
  };
  return describe;
}
