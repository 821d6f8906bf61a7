import "server-only";
import type { Locale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localize";
import { normalizeRegistrationNumber } from "@/lib/organizations/registration-number";
import type { OrganizationFormInput } from "@/lib/organizations/schema";
import { diffForms, type FieldChange } from "./changes";
import { checkForm, formIssues, importRowMessage, readRowValues, type ColumnMapping, type RowIssue, type ImportForm } from "./check";
import { importFields, type RecordType } from "./fields";
import { importMessage, type ImportMessage } from "./messages";
import { loadRegistry, locateRecord, type ExistingRecord, type ImportRegistry, type Located } from "./registry";
import type { Sheet, SheetRow } from "./sheet";
import { normalizeWords } from "./values";

export type { FieldChange } from "./changes";

/**
 * The preview of an import, before anything is written: each row of a sheet classified as a new record, an update
 * of one the registry holds (with the fields that change), unchanged, refused (with every reason, beside its
 * column), or needing the official's decision (an organization whose name is like one the registry has). The
 * result is plain JSON: it is kept in `import_batches.rows`, and the commit job writes each row from what the
 * preview kept of it (the form's values, the record and the version seen), through the form's schema again.
 * Importing what the registry already holds previews every row unchanged: nothing to write.
 */

export type PreviewStatus = "create" | "update" | "unchanged" | "refused" | "decide" | "skip";

/** A record the registry may already have, for the official to choose: update it, add a new one, or skip the row. */
export type DuplicateCandidate = {
  id: number;
  version: number;
  slug: string;
  name: string;
  region: string;
  registrationNumber: string | null;
};

/** The official's choice for a row that needs one. */
export type RowDecision = { action: "create" } | { action: "update"; id: number } | { action: "skip" };

export type PreviewRow = {
  /** The row's number in the file. */
  row: number;
  status: PreviewStatus;
  /** The record as the row names it (a name, a pair and year), for the preview's list. */
  label: string;
  /**
   * The form's values the commit posts through the record type's schema (`importSchemas`): the create form, or
   * for an update the edit form with the row's cells over the record's values and `version`. For a partner, the
   * venture's whole form; for a link, `meetingId` is the meeting its action is bound to. Absent for refused and
   * skipped rows.
   */
  form?: ImportForm;
  /** The record an update writes (a partner's: the venture), and the version the preview saw it at. */
  target?: { id: number; version: number };
  /** What an update changes. */
  changes?: FieldChange[];
  /** Why a row is refused, or why it needs a decision. */
  issues?: RowIssue[];
  /** What the reader changed in a cell (control characters removed): the row is still imported. */
  warnings?: RowIssue[];
  /** For a decision: the organizations the row may be. */
  candidates?: DuplicateCandidate[];
};

export type ImportPreview = { type: RecordType; rows: PreviewRow[]; counts: Record<PreviewStatus, number> };

export type PreviewInput = {
  type: RecordType;
  sheet: Sheet;
  columns: ColumnMapping;
  /** The reader's language: of the changes' names and of a label given for a column the file lacks. */
  locale: Locale;
  /** The official's choices for rows that needed one, by row number. */
  decisions?: Record<number, RowDecision>;
};

/** Rows checked against the registry at once: enough to overlap the queries, few enough to share the pool. */
const CONCURRENCY = 6;

/**
 * Organizations' rows checked together: their reads are batched (registry.ts, `OrganizationReads`), so the rows
 * of a group that reach the same step together share one query for it. A group starts together and ends before
 * the next starts: rows running free would drift apart, and their reads with them, back to one query a row. Each
 * group's steps wait for its slowest read, so fewer, larger groups wait less in all: 480 rows send their likely
 * duplicates as six queries at once, as many as the other types' rows run (the bench's preview took a quarter
 * less time than with 240).
 */
const ORGANIZATION_GROUP = 480;

/** The values a new record's form starts with: the organization form opens with "active". */
const CREATE_DEFAULTS: Partial<Record<RecordType, ImportForm>> = { organizations: { status: "active" } };

/** Previews an import of one sheet as one record type. Reads the registry; writes nothing. */
export async function previewImport(input: PreviewInput): Promise<ImportPreview> {
  const registry = await loadRegistry(input.type, input.locale);
  const read = input.sheet.rows.map((row) => ({ row, ...readRowValues(input.type, registry, input.sheet, input.columns, row) }));
  const repeats = repeatedRows(input, registry, read);
  const context = { ...input, registry };
  const rows =
    input.type === "partners"
      ? await previewPartners(context, read, repeats)
      : input.type === "organizations"
        ? await mapInGroups(read, ORGANIZATION_GROUP, (entry) => previewRow(context, entry, repeats.get(entry.row.row)))
        : await mapLimit(read, CONCURRENCY, (entry) => previewRow(context, entry, repeats.get(entry.row.row)));
  const counts: Record<PreviewStatus, number> = { create: 0, update: 0, unchanged: 0, refused: 0, decide: 0, skip: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { type: input.type, rows, counts };
}

type Context = PreviewInput & { registry: ImportRegistry };
type ReadRow = { row: SheetRow; values: ImportForm; issues: RowIssue[]; warnings: RowIssue[] };

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function mapInGroups<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

// ---- Rows that repeat an earlier row of the file ----

/** A record's natural keys in the file, and the field and message that name the earlier row. */
function fileKeys(
  type: RecordType,
  values: ImportForm,
  registry: ImportRegistry,
): { keys: string[]; field: string; message: (row: number) => ImportMessage } {
  const entity = values.organizationId ? `o${values.organizationId}` : values.regionId ? `r${values.regionId}` : null;
  const partner = values["partners.organizationId"]
    ? `o${values["partners.organizationId"]}`
    : values["partners.regionId"]
      ? `r${values["partners.regionId"]}`
      : null;
  const words = (text: string | undefined) => (text?.trim() ? normalizeWords(text) : null);
  const keyed = (...parts: (string | null | undefined)[]) => (parts.every(Boolean) ? [parts.join(":")] : []);
  switch (type) {
    case "organizations": {
      const number = values.registrationNumber ? normalizeRegistrationNumber(values.registrationNumber) : null;
      const country = registry.regions.get(Number(values.regionId))?.countryCode ?? "?";
      if (number)
        return {
          keys: [`${country}:${number}`],
          field: "registrationNumber",
          message: (row) => importMessage("sameNumberInFile", { row, number }),
        };
      return {
        keys: keyed(values.regionId, words(values.name)),
        field: "name",
        message: (row) => importMessage("sameNameInFile", { row }),
      };
    }
    case "partners":
      return {
        keys: keyed(values.ventureId, partner),
        field: values["partners.regionId"] ? "region" : "organization",
        message: (row) => importMessage("samePartnerInFile", { row }),
      };
    case "meetings":
      return {
        keys: [...keyed(values.date, "ru", words(values.titleRu)), ...keyed(values.date, "en", words(values.titleEn))],
        field: "titleRu",
        message: (row) => importMessage("sameMeetingInFile", { row }),
      };
    case "links":
      return {
        keys: keyed(values.meetingId, entity),
        field: values.regionId ? "region" : "organization",
        message: (row) => importMessage("sameLinkInFile", { row }),
      };
    case "trade": {
      const pair = [values.regionId, values.partnerRegionId].sort().join(":");
      const keys = values.regionId && values.partnerRegionId && values.year ? [`${pair}:${values.year}`] : [];
      return { keys, field: "year", message: (row) => importMessage("sameTradeInFile", { row }) };
    }
    case "commitments":
      return {
        keys: [...keyed(values.meetingId, "ru", words(values.textRu)), ...keyed(values.meetingId, "en", words(values.textEn))],
        field: "textRu",
        message: (row) => importMessage("sameCommitmentInFile", { row }),
      };
  }
}

/** The later rows about a record an earlier row of the file is about: refused, naming the first. */
function repeatedRows(input: PreviewInput, registry: ImportRegistry, read: readonly ReadRow[]): Map<number, RowIssue> {
  const first = new Map<string, number>();
  const repeats = new Map<number, RowIssue>();
  for (const { row, values } of read) {
    const { keys, field, message } = fileKeys(input.type, values, registry);
    const earlier = keys.map((key) => first.get(key)).find((r) => r !== undefined);
    if (earlier !== undefined) {
      repeats.set(row.row, issueAt(input, row, field, message(earlier)));
      continue;
    }
    for (const key of keys) first.set(key, row.row);
  }
  return repeats;
}

/** An issue of the row as a whole, shown beside the column of `field` (or its label when the file has none). */
function issueAt(input: PreviewInput, row: SheetRow, fieldName: string, message: ImportMessage): RowIssue {
  const field = importFields[input.type].find((f) => f.name === fieldName)!;
  const entry = Object.entries(input.columns.mapping).find(([, name]) => name === fieldName);
  const index = entry ? Number(entry[0]) : null;
  return {
    row: row.row,
    column: index !== null ? (input.sheet.headers[index] ?? "") : field.label[input.locale],
    columnIndex: index,
    field: fieldName,
    value: index !== null ? (row.cells[index] ?? "") : "",
    message: importRowMessage(message),
  };
}

// ---- One row ----

/** The row as people name it: the cells of its natural key, as typed. */
const LABEL_FIELDS: Record<RecordType, string[][]> = {
  organizations: [["name", "nameEn"]],
  partners: [["venture"], ["organization", "region"]],
  meetings: [["date"], ["titleRu", "titleEn"]],
  links: [["meeting"], ["organization", "region"]],
  trade: [["region"], ["partnerRegion"], ["year"]],
  commitments: [["textRu", "textEn"]],
};

function labelOf(input: PreviewInput, row: SheetRow) {
  const cellOf = (name: string) => {
    const entry = Object.entries(input.columns.mapping).find(([, field]) => field === name);
    return entry ? (row.cells[Number(entry[0])] ?? "").trim() : "";
  };
  return LABEL_FIELDS[input.type]
    .map((names) => names.map(cellOf).find(Boolean) ?? "")
    .filter(Boolean)
    .join(" — ");
}

/** Without the empty parts: a row refused has no form, a create no target. */
function finish(row: PreviewRow): PreviewRow {
  return Object.fromEntries(
    Object.entries(row).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as PreviewRow;
}

/**
 * A row's cells over a record's edit form: a cell left blank keeps the registry's value (an import never erases
 * what it has no value for), and a list given in a cell (sectors, regions, parties) replaces the record's list.
 */
function overlay(existing: ImportForm, values: ImportForm): ImportForm {
  const groups = new Set(Object.keys(values).flatMap((name) => (/^\w+\.\d+\./.test(name) ? [name.split(".")[0]!] : [])));
  const kept = Object.entries(existing).filter(([name]) => !groups.has(name.split(".")[0]!));
  return { ...Object.fromEntries(kept), ...values };
}

/** Trade figures filed partner–region: the row's region is the figure's partner, its exports the figure's imports. */
function turn(values: ImportForm): ImportForm {
  const swap: Record<string, string> = {
    regionId: "partnerRegionId",
    partnerRegionId: "regionId",
    exportsUsd: "importsUsd",
    importsUsd: "exportsUsd",
  };
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [swap[name] ?? name, value]));
}

async function previewRow(context: Context, entry: ReadRow, repeat: RowIssue | undefined): Promise<PreviewRow> {
  const { row, values } = entry;
  const base = { row: row.row, label: labelOf(context, row), warnings: entry.warnings };
  const refused = (issues: RowIssue[]): PreviewRow => finish({ ...base, status: "refused", issues });
  const located: Located = repeat ? { kind: "new" } : await locateRecord(context.type, values, context.registry, context.locale);
  if (located.kind === "archived") return refused([...entry.issues, issueAt(context, row, located.field, importMessage("matchArchived"))]);
  const existing = located.kind === "existing" ? located.record : null;
  const turned = located.kind === "existing" && located.turned;
  const form = existing ? overlay(existing.values, turned ? turn(values) : values) : { ...CREATE_DEFAULTS[context.type], ...values };
  const checked = checkForm(context.type, form, context.registry, existing ?? undefined);
  const issues = [
    ...entry.issues,
    ...(repeat ? [repeat] : []),
    ...formIssues(context.type, checked.errors, { ...context, row, turned, unread: entry.issues }),
  ];
  if (issues.length > 0) return refused(issues);
  if (existing) return finish({ ...base, ...asUpdate(context, existing, form) });
  if (context.type !== "organizations") return finish({ ...base, status: "create", form });
  return finish({ ...base, ...(await newOrganization(context, entry, form, checked.data as OrganizationFormInput)) });
}

/** An update of `existing` to `form`: the fields it changes, or unchanged when there are none. */
function asUpdate(
  context: Context,
  existing: ExistingRecord,
  form: ImportForm,
): Pick<PreviewRow, "status" | "form" | "target" | "changes"> {
  const changes = diffForms(context.type, existing.values, form, context.registry);
  const target = { id: existing.id, version: existing.version };
  return changes.length > 0 ? { status: "update", form, target, changes } : { status: "unchanged", target };
}

/**
 * An organization the registry has no number for: new, unless its name is like one the registry has (the form's
 * duplicate check). Then the official decides, unless the row is exactly what that organization already is.
 */
async function newOrganization(context: Context, entry: ReadRow, form: ImportForm, data: OrganizationFormInput) {
  const { registry, locale } = context;
  const decision = context.decisions?.[entry.row.row];
  if (decision?.action === "create") return { status: "create" as const, form: { ...form, confirmNotDuplicate: "on" } };
  const countryCode = registry.regions.get(data.regionId)!.countryCode;
  const found = await registry.read.likelyDuplicates({
    name: data.name,
    nameEn: data.nameEn,
    countryCode,
    registrationNumber: data.registrationNumber,
  });
  if (found.length === 0) return { status: "create" as const, form };

  const candidates: DuplicateCandidate[] = [];
  for (const duplicate of found) {
    const record = await registry.read.byId(duplicate.id);
    if (!record) continue;
    candidates.push({
      id: duplicate.id,
      version: record.version,
      slug: duplicate.slug,
      name: localized(locale, duplicate.nameEn ?? duplicate.name, duplicate.name),
      region: localized(locale, duplicate.regionNameEn, duplicate.regionNameRu),
      registrationNumber: duplicate.registrationNumber,
    });
    const chosen = decision?.action === "update" && decision.id === duplicate.id;
    const sameName = [data.name, data.nameEn].some(
      (name) => name && [duplicate.name, duplicate.nameEn].some((n) => n && normalizeWords(n) === normalizeWords(name)),
    );
    if (!chosen && !sameName) continue;
    const merged = overlay(record.values, entry.values);
    const checked = checkForm("organizations", merged, registry, record);
    if (chosen && Object.keys(checked.errors).length > 0) {
      return { status: "refused" as const, issues: formIssues("organizations", checked.errors, { ...context, row: entry.row }) };
    }
    const update = asUpdate(context, record, merged);
    if (chosen || update.status === "unchanged") return update;
  }
  if (decision?.action === "skip") return { status: "skip" as const };
  const listed = (language: Locale) =>
    found
      .map((d) => `${localized(language, d.nameEn ?? d.name, d.name)} (${localized(language, d.regionNameEn, d.regionNameRu)})`)
      .join("; ");
  const reason = importMessage("possibleDuplicate", { candidatesEn: listed("en"), candidatesRu: listed("ru") });
  return { status: "decide" as const, form, candidates, issues: [issueAt(context, entry.row, "name", reason)] };
}

// ---- Partners: rows of their ventures' forms ----

/**
 * A partner's row is a row of its venture's form: the rows of one venture go into that form one after another, so
 * that the shares of the file and the registry add up as the form adds them, and each row's form carries the rows
 * before it. The commit writes them in order: each expects the version the one before it leaves.
 */
async function previewPartners(context: Context, read: readonly ReadRow[], repeats: Map<number, RowIssue>): Promise<PreviewRow[]> {
  const ventures = new Map<number, { record: ExistingRecord; values: ImportForm; writes: number }>();
  const rows: PreviewRow[] = [];
  for (const entry of read) {
    const { row, values } = entry;
    const base = { row: row.row, label: labelOf(context, row), warnings: entry.warnings };
    const repeat = repeats.get(row.row);
    const refuse = (issues: RowIssue[]) => rows.push(finish({ ...base, status: "refused", issues }));
    const ventureId = Number(values.ventureId);
    const venture = context.registry.organizations.get(ventureId);
    if (!values.ventureId || !venture) {
      refuse([...entry.issues, ...formIssues("partners", { ventureId: ["chooseOne"] }, { ...context, row, unread: entry.issues })]);
      continue;
    }
    if (venture.kind !== "joint_venture") {
      const name = localized(context.locale, venture.nameEn ?? venture.name, venture.name);
      refuse([...entry.issues, issueAt(context, row, "venture", importMessage("notJointVenture", { value: name }))]);
      continue;
    }
    // A row with neither partner would be a blank row of the form, which the form drops: the row names no one.
    if (!values["partners.organizationId"] && !values["partners.regionId"]) {
      const errors = { "partners.organizationId": ["partnerOneOf"] };
      refuse(entry.issues.length > 0 ? entry.issues : formIssues("partners", errors, { ...context, row }));
      continue;
    }
    let state = ventures.get(ventureId);
    if (!state) {
      const record = await context.registry.read.byId(ventureId);
      if (!record) throw new Error(`Organization ${ventureId} vanished during the preview`);
      state = { record, values: record.values, writes: 0 };
      ventures.set(ventureId, state);
    }
    const { form, index, before } = placePartner(state.values, values);
    form.version = String(state.record.version + state.writes);
    const checked = checkForm("partners", form, context.registry, { id: ventureId, values: state.record.values });
    const issues = [
      ...entry.issues,
      ...(repeat ? [repeat] : []),
      ...formIssues("partners", checked.errors, { ...context, row, unread: entry.issues }),
    ];
    if (issues.length > 0) {
      refuse(issues);
      continue;
    }
    const after = form[`partners.${index}.share`] ?? "";
    const target = { id: ventureId, version: state.record.version + state.writes };
    if (before !== null && plain(before) === plain(after)) {
      rows.push(finish({ ...base, status: "unchanged", target }));
      continue;
    }
    state.values = form;
    state.writes += 1;
    const label = importFields.partners.find((f) => f.name === "share")!.label[context.locale];
    const changes = before === null ? undefined : [{ field: "share", label, before: plain(before), after: plain(after) }];
    rows.push(finish({ ...base, status: before === null ? "create" : "update", form, target, changes }));
  }
  return rows;
}

const plain = (decimal: string) => (/^\d+\.\d+$/.test(decimal) ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal);

/** The venture's form with the row's partner in it: in the partner's own row if the venture has it, else a new row. */
function placePartner(venture: ImportForm, values: ImportForm): { form: ImportForm; index: number; before: string | null } {
  const organizationId = values["partners.organizationId"] ?? "";
  const regionId = values["partners.regionId"] ?? "";
  const indexes = Object.keys(venture).flatMap((name) => {
    const match = /^partners\.(\d+)\.share$/.exec(name);
    return match ? [Number(match[1])] : [];
  });
  const same = indexes.find(
    (i) =>
      (organizationId !== "" && venture[`partners.${i}.organizationId`] === organizationId) ||
      (regionId !== "" && organizationId === "" && venture[`partners.${i}.regionId`] === regionId),
  );
  const index = same ?? (indexes.length > 0 ? Math.max(...indexes) + 1 : 0);
  const form: ImportForm = { ...venture };
  form[`partners.${index}.organizationId`] = organizationId;
  form[`partners.${index}.regionId`] = regionId;
  const share = values["partners.share"] ?? (same !== undefined ? String(venture[`partners.${index}.share`] ?? "") : "");
  form[`partners.${index}.share`] = share;
  return { form, index, before: same !== undefined ? String(venture[`partners.${same}.share`] ?? "") : null };
}
