import "server-only";
import type { FormValues } from "@/lib/actions/form-state";
import { getCommitmentForEdit } from "@/lib/commitments/queries";
import { db, type Tx } from "@/lib/db/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localize";
import { batchedLoader } from "@/lib/db/batched-loader";
import { getLinkForEdit, getMeetingForEdit } from "@/lib/meetings/queries";
import { findLikelyDuplicatesOfEach, getOrganizationsForEdit, type LikelyDuplicate } from "@/lib/organizations/queries";
import { normalizeRegistrationNumber } from "@/lib/organizations/registration-number";
import { getTradeFigureForEdit } from "@/lib/trade/queries";
import type { ImportForm } from "./check";
import type { RecordType } from "./fields";
import { importMessage, type RowMessageKey } from "./messages";
import { createRegionMatcher, normalizeWords, type ParseResult } from "./values";

/**
 * What an import reads of the registry: the records its cells name (regions, sectors, organizations, meetings),
 * loaded once per preview, with matchers of names as typed; and, row by row, the record a row is about by its
 * natural key, with the values its edit form starts from.
 */

export type RegistryRegion = { id: number; nameEn: string; nameRu: string; isoCode: string | null; countryCode: string; archived: boolean };
export type RegistryOrganization = {
  id: number;
  name: string;
  nameEn: string | null;
  kind: OrganizationKind;
  regionId: number;
  archived: boolean;
};
export type RegistryMeeting = { id: number; titleEn: string; titleRu: string; date: string; archived: boolean };

/** The registry as one preview reads it. Archived records are kept for the checks; the matchers find live ones only. */
export type ImportRegistry = {
  locale: Locale;
  regions: Map<number, RegistryRegion>;
  sectors: Map<string, { nameEn: string; nameRu: string }>;
  /** Loaded for the record types whose cells name organizations (partners, links, commitments). */
  organizations: Map<number, RegistryOrganization>;
  /** Loaded for the record types whose cells name meetings (links, commitments). */
  meetings: Map<number, RegistryMeeting>;
  matchRegion: (text: string) => ParseResult<number>;
  matchOrganization: (text: string) => ParseResult<number, RowMessageKey>;
  /** A meeting by its title in either language, on `date` (yyyy-mm-dd) when the file gives one. */
  matchMeeting: (title: string, date: string | null) => ParseResult<number, RowMessageKey>;
  /** Organizations as the rows ask for them, read in batches. */
  read: OrganizationReads;
};

const needsOrganizations: readonly RecordType[] = ["partners", "links", "commitments"];
const needsMeetings: readonly RecordType[] = ["links", "commitments"];

/** Reads what an import of `type` looks names up in. */
export async function loadRegistry(type: RecordType, locale: Locale): Promise<ImportRegistry> {
  const client = db();
  const regionRows = await client.region.findMany({
    select: { id: true, nameEn: true, nameRu: true, otherNames: true, isoCode: true, countryCode: true, archivedAt: true },
  });
  const sectorRows = await client.sector.findMany({ select: { code: true, nameEn: true, nameRu: true } });
  const organizationRows = needsOrganizations.includes(type)
    ? await client.organization.findMany({
        select: {
          id: true,
          name: true,
          nameEn: true,
          otherNames: true,
          kind: true,
          regionId: true,
          registrationNumber: true,
          archivedAt: true,
        },
      })
    : [];
  const meetingRows = needsMeetings.includes(type)
    ? await client.meeting.findMany({ select: { id: true, titleEn: true, titleRu: true, date: true, archivedAt: true } })
    : [];

  const regions = new Map(regionRows.map(({ archivedAt, ...r }) => [r.id, { ...r, archived: archivedAt !== null }]));
  const organizations = new Map(
    organizationRows.map((o) => [
      o.id,
      { id: o.id, name: o.name, nameEn: o.nameEn, kind: o.kind, regionId: o.regionId, archived: o.archivedAt !== null },
    ]),
  );
  const meetings = new Map(
    meetingRows.map((m) => [
      m.id,
      { id: m.id, titleEn: m.titleEn, titleRu: m.titleRu, date: isoDate(m.date), archived: m.archivedAt !== null },
    ]),
  );
  const live = <T extends { archived: boolean }>(list: Iterable<T>) => [...list].filter((r) => !r.archived);
  return {
    locale,
    regions,
    sectors: new Map(sectorRows.map((s) => [s.code, { nameEn: s.nameEn, nameRu: s.nameRu }])),
    organizations,
    meetings,
    matchRegion: createRegionMatcher(live(regions.values())),
    matchOrganization: createOrganizationMatcher(
      organizationRows.filter((o) => o.archivedAt === null),
      (id) => regions.get(id),
    ),
    matchMeeting: createMeetingMatcher(live(meetings.values())),
    read: organizationReads(locale),
  };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Legal forms before or after a name: «Тускарь Агромаш» is how officials often write ООО «Тускарь Агромаш». */
const LEGAL_FORMS = new Set("ооо оао зао пао ао одо чуп уп чтуп ип руп оду llc jsc ojsc cjsc pjsc ltd inc".split(" "));
const withoutLegalForm = (normalized: string) =>
  normalized
    .split(" ")
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(" ");

/** The one record a typed value names; none, or several (named in both languages, for the reader's), is refused. */
function oneOf<T extends { id: number }>(
  found: readonly T[],
  value: string,
  keys: { missing: RowMessageKey; ambiguous: RowMessageKey },
  describe: (record: T, locale: Locale) => string,
): ParseResult<number, RowMessageKey> {
  const distinct = [...new Map(found.map((record) => [record.id, record])).values()];
  if (distinct.length === 1) return { ok: true, value: distinct[0]!.id };
  if (distinct.length === 0) return { ok: false, message: importMessage(keys.missing, { value }) };
  const listed = (locale: Locale) => distinct.map((record) => describe(record, locale)).join("; ");
  return { ok: false, message: importMessage(keys.ambiguous, { value, candidatesEn: listed("en"), candidatesRu: listed("ru") }) };
}

type MatchableOrganization = {
  id: number;
  name: string;
  nameEn: string | null;
  otherNames: string[];
  registrationNumber: string | null;
  regionId: number;
};

/**
 * Live organizations by a name as typed (as registered, in English, any other name; with or without its legal
 * form) or by registration number. A name two organizations share is refused with both: an import never guesses.
 */
export function createOrganizationMatcher(
  organizations: readonly MatchableOrganization[],
  regionOf: (id: number) => { nameEn: string; nameRu: string } | undefined,
): (text: string) => ParseResult<number, RowMessageKey> {
  const byName = new Map<string, MatchableOrganization[]>();
  const byCore = new Map<string, MatchableOrganization[]>();
  const byNumber = new Map<string, MatchableOrganization[]>();
  for (const organization of organizations) {
    for (const name of [organization.name, organization.nameEn ?? "", ...organization.otherNames]) {
      const normalized = normalizeWords(name);
      if (!normalized) continue;
      addTo(byName, normalized, organization);
      const core = withoutLegalForm(normalized);
      if (core) addTo(byCore, core, organization);
    }
    if (organization.registrationNumber) addTo(byNumber, organization.registrationNumber, organization);
  }
  const describe = (o: MatchableOrganization, locale: Locale) => {
    const region = regionOf(o.regionId);
    return `${localized(locale, o.nameEn ?? o.name, o.name)}${region ? ` (${localized(locale, region.nameEn, region.nameRu)})` : ""}`;
  };
  return (text) => {
    const value = text.trim();
    if (value === "") return { ok: true, value: null };
    const normalized = normalizeWords(value);
    const core = withoutLegalForm(normalized);
    const found = byNumber.get(normalizeRegistrationNumber(value)) ?? byName.get(normalized) ?? (core ? byCore.get(core) : undefined) ?? [];
    return oneOf(found, value, { missing: "organizationNotFound", ambiguous: "organizationAmbiguous" }, describe);
  };
}

/** Live meetings by title in either language, on the date given when there is one. */
export function createMeetingMatcher(
  meetings: readonly RegistryMeeting[],
): (title: string, date: string | null) => ParseResult<number, RowMessageKey> {
  const byTitle = new Map<string, RegistryMeeting[]>();
  for (const meeting of meetings) {
    for (const title of new Set([normalizeWords(meeting.titleEn), normalizeWords(meeting.titleRu)])) addTo(byTitle, title, meeting);
  }
  return (title, date) => {
    const value = title.trim();
    if (value === "") return { ok: true, value: null };
    const found = (byTitle.get(normalizeWords(value)) ?? []).filter((m) => date === null || m.date === date);
    return oneOf(
      found,
      value,
      { missing: "meetingNotFound", ambiguous: "meetingAmbiguous" },
      (m, locale) => `${m.date} ${locale === "ru" ? m.titleRu : m.titleEn}`,
    );
  };
}

// ---- The record a row is about, by its natural key ----

/** A record the registry holds, as its edit form starts: the values (without picker labels) and the version. */
export type ExistingRecord = { id: number; version: number; archived: boolean; values: ImportForm };

/** The edit form's values without the pickers' labels: what a form posts, and what the commit parses again. */
const formOnly = (values: FormValues): ImportForm =>
  Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) =>
      name.endsWith("__label") ? [] : [[name, Array.isArray(value) ? value.join("\n") : value]],
    ),
  );

const asExisting = (record: { id: number; version: number; archived: boolean; values: FormValues } | null): ExistingRecord | null =>
  record && { id: record.id, version: record.version, archived: record.archived, values: formOnly(record.values) };

/**
 * What the preview reads of organizations row by row, each read batched with the other rows' (many rows are
 * checked at once): one query for the numbers of hundreds of rows, one for their records, one for the likely
 * duplicates of the new ones, instead of a query or three a row.
 */
export type OrganizationReads = {
  /** An organization, as its edit form reads it. */
  byId: (id: number) => Promise<ExistingRecord | null>;
  /** The organization with this registration number in this country, archived or not (the number is unique in both). */
  byNumber: (key: { countryCode: string; registrationNumber: string }) => Promise<ExistingRecord | null>;
  /** The form's duplicate check of a new organization (`findLikelyDuplicates`), outside a transaction. */
  likelyDuplicates: (typed: Parameters<typeof findLikelyDuplicatesOfEach>[1][number]) => Promise<LikelyDuplicate[]>;
};

/** New organizations searched for duplicates in one query: a group of the preview's rows goes as six or so. */
const DUPLICATES_BATCH = 80;

export function organizationReads(locale: Locale): OrganizationReads {
  const forEdit = async (ids: readonly number[]) => {
    const found = await getOrganizationsForEdit(ids, locale);
    return ids.map((id) => asExisting(found.get(id) ?? null));
  };
  const byNumber = async (keys: readonly { countryCode: string; registrationNumber: string }[]) => {
    const found = await db().$queryRaw<{ key: number; id: number }[]>`
      SELECT k.ord::int AS key, o.id
      FROM unnest(${keys.map((k) => k.countryCode)}::text[], ${keys.map((k) => k.registrationNumber)}::text[])
             WITH ORDINALITY AS k(country_code, registration_number, ord)
      JOIN organizations o ON o.country_code = k.country_code::char(2) AND o.registration_number = k.registration_number`;
    const ids = new Map(found.map((row) => [row.key - 1, row.id]));
    const records = await forEdit([...new Set(ids.values())]);
    const byId = new Map(records.flatMap((record) => (record ? [[record.id, record]] : [])));
    return keys.map((_, index) => byId.get(ids.get(index) ?? 0) ?? null);
  };
  return {
    byId: batchedLoader(forEdit),
    byNumber: batchedLoader(byNumber),
    // The form runs it in its transaction; a preview reads outside one, with the same query. Its trigram
    // searches cost milliseconds each however they are sent: a few queries at once keep both cores busy.
    likelyDuplicates: batchedLoader((typed) => findLikelyDuplicatesOfEach(db() as unknown as Tx, typed), DUPLICATES_BATCH),
  };
}

/**
 * The figure of a pair of regions in a year, filed either way round (the trade pages show A–B and B–A as one
 * pair, and the form refuses the second): `reversed` when the registry has it as partner–region.
 */
export async function findTradeFigure(regionId: number, partnerRegionId: number, year: number, locale: Locale) {
  const found = await db().tradeFigure.findFirst({
    where: {
      year,
      OR: [
        { regionId, partnerRegionId },
        { regionId: partnerRegionId, partnerRegionId: regionId },
      ],
    },
    select: { id: true, regionId: true },
  });
  if (!found) return null;
  const record = asExisting(await getTradeFigureForEdit(found.id, locale));
  return record && { ...record, reversed: found.regionId !== regionId };
}

/** Meetings on this date with this title in either language, archived or not. */
export async function findMeetings(date: string, titles: { titleEn?: string; titleRu?: string }, locale: Locale) {
  const wanted = new Set([titles.titleEn, titles.titleRu].filter((t): t is string => Boolean(t?.trim())).map(normalizeWords));
  const sameDay = await db().meeting.findMany({
    where: { date: new Date(`${date}T00:00:00Z`) },
    select: { id: true, titleEn: true, titleRu: true },
    orderBy: { id: "asc" },
    take: 200,
  });
  const found = sameDay.filter((m) => wanted.has(normalizeWords(m.titleEn)) || wanted.has(normalizeWords(m.titleRu)));
  return (await Promise.all(found.map(async (m) => asExisting(await getMeetingForEdit(m.id, locale))))).filter((m) => m !== null);
}

/** Commitments made at this meeting with this text in either language, archived or not. */
export async function findCommitments(meetingId: number, texts: { textEn?: string; textRu?: string }, locale: Locale) {
  const wanted = new Set([texts.textEn, texts.textRu].filter((t): t is string => Boolean(t?.trim())).map(normalizeWords));
  const ofMeeting = await db().commitment.findMany({
    where: { meetingId },
    select: { id: true, textEn: true, textRu: true },
    orderBy: { id: "asc" },
    take: 1000,
  });
  const found = ofMeeting.filter((c) => wanted.has(normalizeWords(c.textEn)) || wanted.has(normalizeWords(c.textRu)));
  return (await Promise.all(found.map(async (c) => asExisting(await getCommitmentForEdit(c.id, locale))))).filter((c) => c !== null);
}

/**
 * The live link of this meeting and entity (one at most: a partial unique index). A removed link is archived and
 * stays removed: the form links the two again as a new link, and so does an import.
 */
export async function findLink(meetingId: number, entity: { organizationId: number | null; regionId: number | null }) {
  const found = await db().discussionLink.findFirst({
    where: { meetingId, archivedAt: null, organizationId: entity.organizationId, regionId: entity.regionId },
    select: { id: true },
  });
  return found ? asExisting(await getLinkForEdit(found.id)) : null;
}

/** The record a row is about: none (a new one), one the registry holds (`turned`: a trade figure filed the other way round), or an archived one. */
export type Located = { kind: "new" } | { kind: "existing"; record: ExistingRecord; turned: boolean } | { kind: "archived"; field: string };

const id = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : null);

/** Of several records with one natural key, the live one; an archived one only when none is live. */
function located(records: readonly ExistingRecord[], field: string, turned = false): Located {
  const live = records.find((r) => !r.archived);
  if (live) return { kind: "existing", record: live, turned };
  return records.length > 0 ? { kind: "archived", field } : { kind: "new" };
}

/**
 * Finds the record a row's values are about, by the record type's natural key: an organization by its registration
 * number in its country; a trade figure by its pair of regions (either order) and year; a meeting by its date and
 * title; a link by its meeting and entity; a commitment by its meeting and text. A partner is placed in its
 * venture's form by the preview itself.
 */
export async function locateRecord(type: RecordType, values: ImportForm, registry: ImportRegistry, locale: Locale): Promise<Located> {
  switch (type) {
    case "organizations": {
      const country = registry.regions.get(id(values.regionId) ?? 0)?.countryCode;
      const number = values.registrationNumber ? normalizeRegistrationNumber(values.registrationNumber) : "";
      if (!country || !number) return { kind: "new" };
      const record = await registry.read.byNumber({ countryCode: country, registrationNumber: number });
      return located(record ? [record] : [], "registrationNumber");
    }
    case "trade": {
      const [regionId, partnerRegionId, year] = [id(values.regionId), id(values.partnerRegionId), id(values.year)];
      if (regionId === null || partnerRegionId === null || year === null) return { kind: "new" };
      const record = await findTradeFigure(regionId, partnerRegionId, year, locale);
      return located(record ? [record] : [], "year", record?.reversed);
    }
    case "meetings":
      if (!values.date) return { kind: "new" };
      return located(await findMeetings(values.date, values, locale), "titleRu");
    case "links": {
      const meetingId = id(values.meetingId);
      const entity = { organizationId: id(values.organizationId), regionId: id(values.regionId) };
      if (meetingId === null || (entity.organizationId === null) === (entity.regionId === null)) return { kind: "new" };
      const record = await findLink(meetingId, entity);
      return located(record ? [record] : [], "meeting");
    }
    case "commitments": {
      const meetingId = id(values.meetingId);
      if (meetingId === null) return { kind: "new" };
      return located(await findCommitments(meetingId, values, locale), "textRu");
    }
    case "partners":
      return { kind: "new" };
  }
}
