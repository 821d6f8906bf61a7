import { z } from "zod";
import { issuesToErrors, readForm } from "@/lib/actions/form-state";
import { CommitmentFormSchema, CommitmentUpdateSchema, partyField } from "@/lib/commitments/schema";
import type { Locale } from "@/lib/i18n/locale";
import { LinkFormSchema, LinkUpdateSchema, MeetingFormSchema, MeetingUpdateSchema } from "@/lib/meetings/schema";
import { checkRegistrationNumber } from "@/lib/organizations/registration-number";
import { OrganizationFormSchema, OrganizationUpdateSchema } from "@/lib/organizations/schema";
import { TradeFormSchema, TradeUpdateSchema } from "@/lib/trade/schema";
import { importFields, type FieldValue, type ImportField, type RecordType } from "./fields";
import type { ImportMessage, ImportMessageKey } from "./messages";
import type { ImportRegistry } from "./registry";
import type { Sheet, SheetRow } from "./sheet";
import {
  parseCommitmentStatus,
  parseCurrency,
  parseDate,
  parseDecimal,
  parseMeetingLevel,
  parseOrganizationKind,
  parseOrganizationStatus,
  parseSectorCode,
  parseWebsite,
  parseYear,
  splitList,
  type ParseResult,
} from "./values";

/**
 * A row of a sheet checked as the form checks it: its cells read into the form's flat values (a region's name
 * into its id, "1 250 000,50" into 1250000.50), parsed by the form's own zod schema, then put through the checks
 * the form's server action makes against the registry. A row the form would refuse is refused with the form's
 * message, beside the column it came from. Pure: what it needs of the registry comes in `ImportRegistry`.
 */

/** A message of the import (`import.regionNotFound`) or of the forms (`errors.tooLong`), with its values. */
export type RowMessage = { key: string; values?: Record<string, string | number> };

/** One problem of one row: where it is, as the official finds it in the file, and what to do. */
export type RowIssue = {
  row: number;
  /** The column's header as in the file; the field's label when the file has no column for it. */
  column: string;
  /** The column's index in the sheet (0-based), or null when the file has no column for the field. */
  columnIndex: number | null;
  /** The import field (lib/import/fields.ts), or null for the row as a whole. */
  field: string | null;
  /** The cell's text as uploaded. */
  value: string;
  message: RowMessage;
};

/** A form's flat values as the import builds them (`sectors.0.code`): what a form posts, as text only. */
export type ImportForm = Record<string, string>;

/** A confirmed mapping: column index → field name, and the amount columns' multipliers (тыс., млн). */
export type ColumnMapping = { mapping: Record<number, string>; multipliers?: Record<number, number> };

export const importRowMessage = (message: ImportMessage): RowMessage =>
  message.values ? { key: `import.${message.key}`, values: message.values } : { key: `import.${message.key}` };

/** A form's error key, with its value after a bar ("tooLong|300"), as a message. */
export function formRowMessage(error: string): RowMessage {
  const bar = error.indexOf("|");
  return bar === -1 ? { key: `errors.${error}` } : { key: `errors.${error.slice(0, bar)}`, values: { value: error.slice(bar + 1) } };
}

/** The fields the type needs that no column is mapped to: every row would be refused for each. */
export function missingRequiredFields(type: RecordType, mapping: Record<number, string>): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  return importFields[type].filter((field) => field.required && !mapped.has(field.name));
}

// ---- The schemas: the forms' own ----

/** The form each record type's rows are parsed with, to create a record or to update one from its version. */
export const importSchemas: Record<RecordType, { create: z.ZodType; update: z.ZodType }> = {
  organizations: { create: OrganizationFormSchema, update: OrganizationUpdateSchema },
  // A partner is a row of the venture's own form: the import edits the venture.
  partners: { create: OrganizationUpdateSchema, update: OrganizationUpdateSchema },
  meetings: { create: MeetingFormSchema, update: MeetingUpdateSchema },
  links: { create: LinkFormSchema, update: LinkUpdateSchema },
  trade: { create: TradeFormSchema, update: TradeUpdateSchema },
  commitments: { create: CommitmentFormSchema, update: CommitmentUpdateSchema },
};

// ---- Cells into form values ----

type Cell = { field: ImportField; index: number; header: string; text: string };

/** The row's mapped cells that have something in them, by field name. */
function mappedCells(type: RecordType, sheet: Sheet, columns: ColumnMapping, row: SheetRow): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [index, name] of Object.entries(columns.mapping)) {
    const field = importFields[type].find((f) => f.name === name);
    const text = row.cells[Number(index)] ?? "";
    if (field && text.trim() !== "") cells.set(name, { field, index: Number(index), header: sheet.headers[Number(index)] ?? "", text });
  }
  return cells;
}

/** What a row's cells say, as a form's flat values, with the cells that could not be read. */
export type RowValues = { values: ImportForm; issues: RowIssue[]; warnings: RowIssue[] };

/** Codes in one cell: "33; 46", "33, 46" or one a line. "28,30" stays one value (refused as a code), never 28 and 30. */
const splitCodes = (text: string) =>
  text
    .split(/[;\n]+|,\s+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The values read with the registry, the mapping or the row's other cells, or kept as typed (`readRowValues`). */
type ReadInPlace =
  "text" | "lines" | "registrationNumber" | "region" | "regions" | "organization" | "meeting" | "parties" | "sectors" | "amount";

/** The parsers of the columns that hold one value each and need nothing but the cell. */
const parsers: Record<Exclude<FieldValue, ReadInPlace>, (text: string) => ParseResult<unknown>> = {
  organizationKind: parseOrganizationKind,
  organizationStatus: parseOrganizationStatus,
  meetingLevel: parseMeetingLevel,
  commitmentStatus: parseCommitmentStatus,
  sector: parseSectorCode,
  date: parseDate,
  year: parseYear,
  share: (text) => parseDecimal(text, { percent: true }),
  currency: parseCurrency,
  website: parseWebsite,
};

/** Reads a row's cells into the values the form posts; blank cells are left out, so that an update keeps them. */
export function readRowValues(type: RecordType, registry: ImportRegistry, sheet: Sheet, columns: ColumnMapping, row: SheetRow): RowValues {
  const values: ImportForm = {};
  const issues: RowIssue[] = [];
  const cells = mappedCells(type, sheet, columns, row);
  const refuse = (cell: Cell, message: ImportMessage) =>
    issues.push({
      row: row.row,
      column: cell.header,
      columnIndex: cell.index,
      field: cell.field.name,
      value: cell.text,
      message: importRowMessage(message),
    });
  const take = (cell: Cell, result: ParseResult<unknown, ImportMessageKey>, name = cell.field.formField) => {
    if (!result.ok) refuse(cell, result.message);
    else if (result.value !== null) values[name] = String(result.value);
  };

  for (const cell of cells.values()) {
    const { field, text } = cell;
    switch (field.value) {
      case "text":
      case "registrationNumber":
        values[field.formField] = text;
        break;
      case "lines":
        values[field.formField] = splitList(text).join("\n");
        break;
      case "region":
        take(cell, registry.matchRegion(text));
        break;
      case "regions":
        splitList(text).forEach((item, i) => take(cell, registry.matchRegion(item), `regions.${i}.regionId`));
        break;
      case "organization":
        take(cell, registry.matchOrganization(text));
        break;
      case "meeting": {
        const dateCell = cells.get("meetingDate");
        const date = dateCell ? parseDate(dateCell.text) : null;
        if (dateCell && date && !date.ok) refuse(dateCell, date.message);
        else take(cell, registry.matchMeeting(text, date?.ok ? date.value : null));
        break;
      }
      case "parties":
        splitList(text).forEach((item, i) => readParty(registry, item, i, values, (message) => refuse(cell, message)));
        break;
      case "sectors":
        splitCodes(text).forEach((item, i) => take(cell, parseSectorCode(item), `sectors.${i}.code`));
        break;
      case "amount":
        take(cell, parseDecimal(text, { multiplier: columns.multipliers?.[cell.index] ?? 1 }));
        break;
      default:
        // A meeting's date picks the meeting (above); it is no field of its own.
        if (field.name !== "meetingDate") take(cell, parsers[field.value](text));
    }
  }
  return {
    values,
    issues: [...issues, ...cellNotes(type, sheet, columns, row, "problems")],
    warnings: cellNotes(type, sheet, columns, row, "warnings"),
  };
}

/** A commitment's party: a region by name or code, else a live organization; either picker as the form has it. */
function readParty(registry: ImportRegistry, text: string, index: number, values: ImportForm, refuse: (message: ImportMessage) => void) {
  const region = registry.matchRegion(text);
  if (region.ok || region.message.key !== "regionNotFound") {
    if (!region.ok) return refuse(region.message);
    values[`parties.${index}.kind`] = "region";
    values[`parties.${index}.regionId`] = String(region.value);
    return;
  }
  const organization = registry.matchOrganization(text);
  if (organization.ok) {
    values[`parties.${index}.kind`] = "organization";
    values[`parties.${index}.organizationId`] = String(organization.value);
    return;
  }
  refuse(organization.message.key === "organizationNotFound" ? { key: "partyNotFound", values: { value: text } } : organization.message);
}

/**
 * What the reader noted on the row's cells (a formula never calculated, a cell too long; control characters
 * removed), in mapped columns: a column the import leaves out imports nothing, so nothing in it refuses a row.
 */
function cellNotes(type: RecordType, sheet: Sheet, columns: ColumnMapping, row: SheetRow, kind: "problems" | "warnings"): RowIssue[] {
  return (row[kind] ?? []).flatMap((note) => {
    const name = columns.mapping[note.column];
    if (!name || !importFields[type].some((f) => f.name === name)) return [];
    const column = sheet.headers[note.column] ?? "";
    return [
      {
        row: row.row,
        column,
        columnIndex: note.column,
        field: name,
        value: row.cells[note.column] ?? "",
        message: importRowMessage(note.message),
      },
    ];
  });
}

// ---- The form's refusals, beside their columns ----

/** Trade rows matched to a figure filed the other way round are turned over: so are the form's field names. */
const TURNED: Record<string, string> = {
  regionId: "partnerRegionId",
  partnerRegionId: "regionId",
  exportsUsd: "importsUsd",
  importsUsd: "exportsUsd",
};

/** The import field a form error's path belongs to: `sectors.2.code` → sectors, `partners.3.share` → share. */
function fieldOfPath(type: RecordType, path: string, turned: boolean): ImportField | null {
  const parts = path.split(".");
  const first = turned && TURNED[parts[0]!] ? TURNED[parts[0]!]! : parts[0]!;
  const named = [first, ...parts.slice(1)].filter((part) => !/^\d+$/.test(part)).join(".");
  const fields = importFields[type];
  // A partner's share over the whole is the share's; anything else of the venture's own form is the venture's.
  if (type === "partners" && named === "partners") return fields.find((f) => f.name === "share")!;
  const found =
    fields.find((f) => f.formField === named) ??
    fields.find((f) => f.formField === first) ??
    fields.find((f) => f.name === first) ??
    fields.find((f) => f.formField.startsWith(`${first}.`));
  return found ?? (type === "partners" ? fields.find((f) => f.name === "venture")! : null);
}

/**
 * The form's errors as row issues: each beside the column of its field (the field's label when the file has no
 * such column). A field whose cell could not be read at all has that reason already, not the form's "required".
 */
export function formIssues(
  type: RecordType,
  errors: Record<string, string[]>,
  at: { sheet: Sheet; columns: ColumnMapping; row: SheetRow; locale: Locale; turned?: boolean; unread?: RowIssue[] },
): RowIssue[] {
  const unread = new Set((at.unread ?? []).map((issue) => issue.field));
  const columnOf = new Map(Object.entries(at.columns.mapping).map(([index, name]) => [name, Number(index)]));
  const issues: RowIssue[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const field = fieldOfPath(type, path, at.turned ?? false);
    if (field && unread.has(field.name)) continue;
    const index = field ? columnOf.get(field.name) : undefined;
    const column = index !== undefined ? (at.sheet.headers[index] ?? "") : field ? field.label[at.locale] : "";
    for (const message of messages) {
      issues.push({
        row: at.row.row,
        column,
        columnIndex: index ?? null,
        field: field?.name ?? null,
        value: index !== undefined ? (at.row.cells[index] ?? "") : "",
        message: formRowMessage(message),
      });
    }
  }
  return issues;
}

// ---- The form's schema and its action's checks ----

/** What a form's check made of a row: the schema's output when it passed everything, and the errors by form name. */
export type FormCheck = { data: unknown; errors: Record<string, string[]> };

/**
 * Parses a form's values with the form's schema, then makes the checks its action makes against the registry.
 * `current` is the record being updated (its id and its edit form's values), whose references may stay even if
 * archived since, as the actions allow.
 */
export function checkForm(
  type: RecordType,
  form: ImportForm,
  registry: ImportRegistry,
  current?: { id: number; values: ImportForm },
): FormCheck {
  const read = readForm(form);
  const schema = form.version === undefined ? importSchemas[type].create : importSchemas[type].update;
  const parsed = schema.safeParse(read.data);
  if (!parsed.success || Object.keys(read.errors).length > 0) {
    return { data: null, errors: { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...read.errors } };
  }
  const errors = actionChecks(type, parsed.data, registry, { id: current?.id ?? null, ...keptReferences(current?.values) });
  return Object.keys(errors).length > 0 ? { data: null, errors } : { data: parsed.data, errors: {} };
}

type References = { regions: Set<number>; organizations: Set<number>; meetings: Set<number> };
/** The record being updated, and what it points to already. */
type Kept = References & { id: number | null };

/** The records an existing record points to: an edit may keep one that was archived since it was chosen. */
function keptReferences(current: ImportForm | undefined): References {
  const kept: References = { regions: new Set(), organizations: new Set(), meetings: new Set() };
  for (const [name, value] of Object.entries(current ?? {})) {
    const id = Number(value);
    if (typeof value !== "string" || !Number.isInteger(id) || id <= 0) continue;
    if (/regionId$/i.test(name)) kept.regions.add(id);
    else if (/organizationId$/.test(name)) kept.organizations.add(id);
    else if (/meetingId$/.test(name)) kept.meetings.add(id);
  }
  return kept;
}

type Errors = Record<string, string[]>;
/** A record a form may point to: a live one, or one the record already points to (it exists, archived or not). */
const usable = (record: { archived: boolean } | undefined, kept: boolean) => kept || (record !== undefined && !record.archived);

type OrganizationData = z.output<typeof OrganizationFormSchema>;
type MeetingData = z.output<typeof MeetingFormSchema>;
type LinkData = z.output<typeof LinkFormSchema>;
type TradeData = z.output<typeof TradeFormSchema>;
type CommitmentData = z.output<typeof CommitmentFormSchema>;

/** The checks of lib/<domain>/actions.ts that need the registry, made on what the registry was read as. */
function actionChecks(type: RecordType, data: unknown, registry: ImportRegistry, kept: Kept): Errors {
  switch (type) {
    case "organizations":
    case "partners":
      return organizationChecks(data as OrganizationData, registry, kept);
    case "meetings":
      return meetingChecks(data as MeetingData, registry);
    case "links":
      return linkChecks(data as LinkData, registry);
    case "trade":
      return tradeChecks(data as TradeData, registry, kept);
    case "commitments":
      return commitmentChecks(data as CommitmentData, registry, kept);
  }
}

/** createOrganization and updateOrganization: a live region (or the one it has), the number's check digits, known sectors, live partners. */
function organizationChecks(data: OrganizationData, registry: ImportRegistry, kept: Kept): Errors {
  const errors: Errors = {};
  const region = registry.regions.get(data.regionId);
  if (!usable(region, kept.regions.has(data.regionId))) errors.regionId = ["recordMissing"];
  const problem = region && data.registrationNumber !== null ? checkRegistrationNumber(region.countryCode, data.registrationNumber) : null;
  if (problem) errors.registrationNumber = [problem];
  if (!registry.sectors.has(data.primarySector)) errors.primarySector = ["recordMissing"];
  for (const row of data.sectors) if (!registry.sectors.has(row.code)) errors[`sectors.${row.index}.code`] = ["recordMissing"];
  for (const partner of data.partners) {
    const { organizationId, regionId, index } = partner;
    if (organizationId !== null && organizationId === kept.id) errors[`partners.${index}.organizationId`] = ["partnerSelf"];
    else if (organizationId !== null && !usable(registry.organizations.get(organizationId), kept.organizations.has(organizationId))) {
      errors[`partners.${index}.organizationId`] = ["recordMissing"];
    }
    if (regionId !== null && !usable(registry.regions.get(regionId), kept.regions.has(regionId)))
      errors[`partners.${index}.regionId`] = ["recordMissing"];
  }
  return errors;
}

/** createMeeting and updateMeeting: every region live, kept or not (replaceChildRows). */
function meetingChecks(data: MeetingData, registry: ImportRegistry): Errors {
  const errors: Errors = {};
  const live = (id: number) => usable(registry.regions.get(id), false);
  for (const region of data.regions) if (!live(region.regionId)) errors[`regions.${region.index}.regionId`] = ["regionMissing"];
  for (const p of data.participants) {
    if (p.sideRegionId !== null && !live(p.sideRegionId)) errors[`participants.${p.index}.sideRegionId`] = ["regionMissing"];
  }
  return errors;
}

/** linkEntityToMeeting: a live meeting and a live organization or region. */
function linkChecks(data: LinkData, registry: ImportRegistry): Errors {
  if (!usable(registry.meetings.get(data.meetingId), false)) return { meetingId: ["meetingMissing"] };
  const { type, id } = data.entity;
  const entity = type === "organization" ? registry.organizations.get(id) : registry.regions.get(id);
  return usable(entity, false) ? {} : { [type === "organization" ? "organizationId" : "regionId"]: ["entityMissing"] };
}

/** createTradeFigure and updateTradeFigure: both regions live, or already on the figure. */
function tradeChecks(data: TradeData, registry: ImportRegistry, kept: Kept): Errors {
  const errors: Errors = {};
  for (const field of ["regionId", "partnerRegionId"] as const) {
    if (!usable(registry.regions.get(data[field]), kept.regions.has(data[field]))) errors[field] = ["regionMissing"];
  }
  return errors;
}

/** createCommitment and updateCommitment: references live or kept, the due date and follow-ups on or after the meeting. */
function commitmentChecks(data: CommitmentData, registry: ImportRegistry, kept: Kept): Errors {
  const errors: Errors = {};
  const meeting = registry.meetings.get(data.meetingId);
  if (!usable(meeting, kept.meetings.has(data.meetingId))) errors.meetingId = ["meetingMissing"];
  else if (data.dueDate && data.dueDate.toISOString().slice(0, 10) < meeting!.date) errors.dueDate = ["dueBeforeMeeting"];
  for (const party of data.parties) {
    const record = party.kind === "organization" ? registry.organizations.get(party.id) : registry.regions.get(party.id);
    const keptHere = (party.kind === "organization" ? kept.organizations : kept.regions).has(party.id);
    if (!usable(record, keptHere)) errors[`parties.${party.index}.${partyField(party.kind)}`] = ["partyMissing"];
  }
  for (const followUp of data.followUps) {
    const later = registry.meetings.get(followUp.meetingId);
    const field = `followUps.${followUp.index}.meetingId`;
    if (!usable(later, kept.meetings.has(followUp.meetingId))) errors[field] = ["meetingMissing"];
    else if (meeting && later!.date < meeting.date) errors[field] = ["followUpBeforeMeeting"];
  }
  return errors;
}
