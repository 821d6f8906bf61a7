import { Prisma } from "@/lib/generated/prisma/client";
import type { CellType, CellValue, ExportColumn, ExportTable, FieldConstraints } from "@/lib/export/columns";

/**
 * The full download's tables: one CSV a public record type, its columns declared once here with lib/export's
 * column type (a header in each language, the cell type, the constraints), from which the CSV's header and the
 * datapackage.json's Table Schema are both made. Each table reads its rows with one statement, in one snapshot
 * with the others (lib/dump/build.ts): live records only (archived ones are not public), and a row that names
 * another record only when that record is in the download too, so that every foreign key resolves. Values come
 * as the database holds them, language-neutral: both names, codes and ids, dates as `YYYY-MM-DD`, moments in UTC.
 */

export type DumpRow = Record<string, CellValue>;
export type DumpTable = ExportTable<DumpRow> & { name: string; description: string; query: Prisma.Sql };

function field(key: string, type: CellType, en: string, ru: string, constraints?: FieldConstraints): ExportColumn<DumpRow> {
  return { key, header: { en, ru }, type, ...(constraints ? { constraints } : {}), value: (row) => row[key] ?? null };
}

const required = { required: true } as const;
const id = (en = "id", ru = "идентификатор") => field("id", "integer", en, ru, { required: true, unique: true, minimum: 1 });
const ref = (key: string, en: string, ru: string, isRequired = false) =>
  field(key, "integer", en, ru, { ...(isRequired ? required : {}), minimum: 1 });
const isDemo = field("isDemo", "boolean", "synthetic demo record", "демо-запись", required);
const updatedAt = field("updatedAt", "datetime", "last updated (UTC)", "обновлено (UTC)", required);
const to = (resource: string, fields = ["id"]) => ({ resource, fields });
// A moment in UTC as ISO 8601, and a day, read as text so that no time zone of the server shifts them.
const utc = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
const status = ["planned", "active", "closed"] as const;
const currency = { pattern: "[A-Z]{3}" };

const countries: DumpTable = {
  name: "countries",
  fileStem: "countries",
  sheetName: { en: "Countries", ru: "Страны" },
  description: "The countries of the regions and organizations (ISO 3166-1 alpha-2).",
  columns: [
    field("code", "text", "ISO code", "код ISO", { required: true, unique: true, pattern: "[A-Z]{2}" }),
    field("nameEn", "text", "name in English", "название на английском", required),
    field("nameRu", "text", "name in Russian", "название на русском", required),
  ],
  primaryKey: ["code"],
  query: Prisma.sql`SELECT code AS "code", name_en AS "nameEn", name_ru AS "nameRu" FROM countries ORDER BY code`,
};

const regions: DumpTable = {
  name: "regions",
  fileStem: "regions",
  sheetName: { en: "Regions", ru: "Регионы" },
  description: "Partner regions: countries as a whole, their regions and cities, with the region each lies in.",
  columns: [
    id(),
    field("slug", "text", "slug (its page's address)", "код (адрес страницы)", { required: true, unique: true }),
    field("nameEn", "text", "name in English", "название на английском", required),
    field("nameRu", "text", "name in Russian", "название на русском", required),
    field("otherNames", "text", "other names, separated by semicolons", "другие названия через точку с запятой"),
    field("isoCode", "text", "ISO 3166-2 code", "код ISO 3166-2", { unique: true }),
    field("level", "text", "level", "уровень", { required: true, enum: ["country", "region", "city"] }),
    field("countryCode", "text", "country", "страна", required),
    ref("parentId", "the region it lies in", "в составе региона"),
    isDemo,
    updatedAt,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["countryCode"], reference: to("countries", ["code"]) },
    { fields: ["parentId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT r.id AS "id", r.slug AS "slug", r.name_en AS "nameEn", r.name_ru AS "nameRu",
      nullif(array_to_string(r.other_names, '; '), '') AS "otherNames", r.iso_code AS "isoCode", r.level::text AS "level",
      r.country_code AS "countryCode", p.id AS "parentId", r.is_demo AS "isDemo", ${utc(Prisma.sql`r.updated_at`)} AS "updatedAt"
    FROM regions r LEFT JOIN regions p ON p.id = r.parent_id AND p.archived_at IS NULL
    WHERE r.archived_at IS NULL ORDER BY r.id`,
};

const sectors: DumpTable = {
  name: "sectors",
  fileStem: "sectors",
  sheetName: { en: "Sectors", ru: "Отрасли" },
  description: "NACE Rev. 2 sections (a letter) and divisions (two digits), each division with its section.",
  columns: [
    field("code", "text", "NACE code", "код NACE", { required: true, unique: true, pattern: "[A-U]|[0-9]{2}" }),
    field("level", "text", "level", "уровень", { required: true, enum: ["section", "division"] }),
    field("sectionCode", "text", "section", "секция"),
    field("nameEn", "text", "name in English", "название на английском", required),
    field("nameRu", "text", "name in Russian", "название на русском", required),
  ],
  primaryKey: ["code"],
  foreignKeys: [{ fields: ["sectionCode"], reference: to("sectors", ["code"]) }],
  query: Prisma.sql`
    SELECT code AS "code", level::text AS "level", section_code AS "sectionCode", name_en AS "nameEn", name_ru AS "nameRu"
    FROM sectors ORDER BY code`,
};

const organizations: DumpTable = {
  name: "organizations",
  fileStem: "organizations",
  sheetName: { en: "Organizations", ru: "Организации" },
  description:
    "Enterprises, universities and joint ventures (kind), each in its region; a joint venture's partners are in joint-venture-partners.",
  columns: [
    id(),
    field("slug", "text", "slug (its page's address)", "код (адрес страницы)", { required: true, unique: true }),
    field("kind", "text", "kind", "вид", { required: true, enum: ["enterprise", "university", "joint_venture"] }),
    field("name", "text", "name", "название", required),
    field("nameEn", "text", "name in English", "название на английском"),
    field("otherNames", "text", "other names, separated by semicolons", "другие названия через точку с запятой"),
    ref("regionId", "region", "регион", true),
    field("countryCode", "text", "country", "страна", required),
    field("status", "text", "status", "статус", { required: true, enum: status }),
    field("foundedYear", "year", "founded", "год основания"),
    field("registrationNumber", "text", "registration number (INN, UNP)", "регистрационный номер (ИНН, УНП)"),
    field("website", "text", "website", "сайт"),
    field("capitalAmount", "number", "registered capital", "уставный капитал", { minimum: 0 }),
    field("capitalCurrency", "text", "currency of the capital", "валюта капитала", currency),
    field("products", "text", "products", "продукция"),
    field("fieldsOfStudy", "text", "fields of study, separated by semicolons", "направления подготовки через точку с запятой"),
    field("descriptionEn", "text", "description in English", "описание на английском"),
    field("descriptionRu", "text", "description in Russian", "описание на русском"),
    isDemo,
    updatedAt,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["regionId"], reference: to("regions") },
    { fields: ["countryCode"], reference: to("countries", ["code"]) },
  ],
  query: Prisma.sql`
    SELECT o.id AS "id", o.slug AS "slug", o.kind::text AS "kind", o.name AS "name", o.name_en AS "nameEn",
      nullif(array_to_string(o.other_names, '; '), '') AS "otherNames", o.region_id AS "regionId", o.country_code AS "countryCode",
      o.status::text AS "status", o.founded_year AS "foundedYear", o.registration_number AS "registrationNumber",
      o.website AS "website", o.capital_amount::text AS "capitalAmount", o.capital_currency AS "capitalCurrency",
      o.products AS "products", nullif(array_to_string(o.fields_of_study, '; '), '') AS "fieldsOfStudy",
      o.description_en AS "descriptionEn", o.description_ru AS "descriptionRu", o.is_demo AS "isDemo",
      ${utc(Prisma.sql`o.updated_at`)} AS "updatedAt"
    FROM organizations o JOIN regions r ON r.id = o.region_id AND r.archived_at IS NULL
    WHERE o.archived_at IS NULL ORDER BY o.id`,
};

/** The organizations in the download, for the tables that name one. */
const liveOrganization = (column: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM organizations o JOIN regions r ON r.id = o.region_id AND r.archived_at IS NULL
  WHERE o.id = ${column} AND o.archived_at IS NULL)`;
const liveRegion = (column: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM regions r WHERE r.id = ${column} AND r.archived_at IS NULL)`;
const liveMeeting = (column: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM meetings m WHERE m.id = ${column} AND m.archived_at IS NULL)`;
/** An organization or a region (a party, a partner, a link): the one it names must be in the download. */
const liveParty = (organization: Prisma.Sql, region: Prisma.Sql) =>
  Prisma.sql`(${organization} IS NULL OR ${liveOrganization(organization)}) AND (${region} IS NULL OR ${liveRegion(region)})`;

const organizationSectors: DumpTable = {
  name: "organization-sectors",
  fileStem: "organization-sectors",
  sheetName: { en: "Organization sectors", ru: "Отрасли организаций" },
  description: "The NACE sectors of each organization; one of them may be its primary sector.",
  columns: [
    ref("organizationId", "organization", "организация", true),
    field("sectorCode", "text", "NACE code", "код NACE", required),
    field("isPrimary", "boolean", "primary sector", "основная отрасль", required),
  ],
  primaryKey: ["organizationId", "sectorCode"],
  foreignKeys: [
    { fields: ["organizationId"], reference: to("organizations") },
    { fields: ["sectorCode"], reference: to("sectors", ["code"]) },
  ],
  query: Prisma.sql`
    SELECT s.organization_id AS "organizationId", s.sector_code AS "sectorCode", s.is_primary AS "isPrimary"
    FROM organization_sectors s WHERE ${liveOrganization(Prisma.sql`s.organization_id`)}
    ORDER BY s.organization_id, s.sector_code`,
};

const jointVenturePartners: DumpTable = {
  name: "joint-venture-partners",
  fileStem: "joint-venture-partners",
  sheetName: { en: "Joint-venture partners", ru: "Партнёры СП" },
  description: "The partners of each joint venture and their shares: an organization, or a region's government.",
  columns: [
    id(),
    ref("ventureId", "joint venture", "совместное предприятие", true),
    ref("partnerOrganizationId", "partner organization", "организация-партнёр"),
    ref("partnerRegionId", "partner region (its government)", "регион-партнёр (его правительство)"),
    field("sharePercent", "number", "share, percent", "доля, процентов", { required: true, minimum: 0, maximum: 100 }),
    updatedAt,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["ventureId"], reference: to("organizations") },
    { fields: ["partnerOrganizationId"], reference: to("organizations") },
    { fields: ["partnerRegionId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT p.id AS "id", p.venture_id AS "ventureId", p.partner_organization_id AS "partnerOrganizationId",
      p.partner_region_id AS "partnerRegionId", p.share_percent::text AS "sharePercent", ${utc(Prisma.sql`p.updated_at`)} AS "updatedAt"
    FROM joint_venture_partners p
    WHERE p.archived_at IS NULL AND ${liveOrganization(Prisma.sql`p.venture_id`)}
      AND ${liveParty(Prisma.sql`p.partner_organization_id`, Prisma.sql`p.partner_region_id`)}
    ORDER BY p.venture_id, p.id`,
};

const meetings: DumpTable = {
  name: "meetings",
  fileStem: "meetings",
  sheetName: { en: "Meetings", ru: "Встречи" },
  description: "Meetings where cooperation was discussed; their regions are in meeting-regions.",
  columns: [
    id(),
    field("slug", "text", "slug (its page's address)", "код (адрес страницы)", { required: true, unique: true }),
    field("date", "date", "date", "дата", required),
    field("titleEn", "text", "title in English", "название на английском", required),
    field("titleRu", "text", "title in Russian", "название на русском", required),
    field("level", "text", "level", "уровень", {
      required: true,
      enum: ["head_of_state", "government", "regional", "agency", "business_forum"],
    }),
    field("placeEn", "text", "place in English", "место на английском"),
    field("placeRu", "text", "place in Russian", "место на русском"),
    field("summaryEn", "text", "summary in English", "итоги на английском"),
    field("summaryRu", "text", "summary in Russian", "итоги на русском"),
    field("sourceTitle", "text", "source", "источник"),
    field("sourceTitleRu", "text", "source in Russian", "источник на русском"),
    field("sourceUrl", "text", "source's address", "адрес источника"),
    isDemo,
    updatedAt,
  ],
  primaryKey: ["id"],
  query: Prisma.sql`
    SELECT m.id AS "id", m.slug AS "slug", ${day(Prisma.sql`m.date`)} AS "date", m.title_en AS "titleEn", m.title_ru AS "titleRu",
      m.level::text AS "level", m.place_en AS "placeEn", m.place_ru AS "placeRu", m.summary_en AS "summaryEn",
      m.summary_ru AS "summaryRu", m.source_title AS "sourceTitle",
      m.source_title_ru AS "sourceTitleRu", m.source_url AS "sourceUrl", m.is_demo AS "isDemo",
      ${utc(Prisma.sql`m.updated_at`)} AS "updatedAt"
    FROM meetings m WHERE m.archived_at IS NULL ORDER BY m.id`,
};

/** A text in English and in Russian: `textEn` "text in English", `textRu` "text in Russian". */
const inBothLanguages = (key: string, en: string, ru: string, constraints?: FieldConstraints) => [
  field(`${key}En`, "text", `${en} in English`, `${ru} на английском`, constraints),
  field(`${key}Ru`, "text", `${en} in Russian`, `${ru} на русском`, constraints),
];
/** The meeting a row of a meeting's table belongs to, and its order on the meeting's page. */
const meetingId = ref("meetingId", "meeting", "встреча", true);
const position = field("position", "integer", "order on the meeting's page", "порядок на странице встречи", required);

const meetingRegions: DumpTable = {
  name: "meeting-regions",
  fileStem: "meeting-regions",
  sheetName: { en: "Meeting regions", ru: "Регионы встреч" },
  description: "The regions that took part in each meeting.",
  columns: [meetingId, ref("regionId", "region", "регион", true)],
  primaryKey: ["meetingId", "regionId"],
  foreignKeys: [
    { fields: ["meetingId"], reference: to("meetings") },
    { fields: ["regionId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT mr.meeting_id AS "meetingId", mr.region_id AS "regionId" FROM meeting_regions mr
    WHERE ${liveMeeting(Prisma.sql`mr.meeting_id`)} AND ${liveRegion(Prisma.sql`mr.region_id`)}
    ORDER BY mr.meeting_id, mr.region_id`,
};

/** A participant's side: null where that region is archived, since the regions table leaves it out (the participant stays). */
const liveRegionOrNull = (column: Prisma.Sql) => Prisma.sql`(SELECT r.id FROM regions r WHERE r.id = ${column} AND r.archived_at IS NULL)`;

const meetingParticipants: DumpTable = {
  name: "meeting-participants",
  fileStem: "meeting-participants",
  sheetName: { en: "Meeting participants", ru: "Участники встреч" },
  description: "Who took part in each meeting, in the meeting page's order, with their role and the region whose side they spoke for.",
  columns: [
    id(),
    meetingId,
    position,
    ...inBothLanguages("person", "person", "участник", required),
    ...inBothLanguages("role", "role", "должность"),
    ref("sideRegionId", "the region whose side they spoke for", "регион, сторону которого представлял"),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["meetingId"], reference: to("meetings") },
    { fields: ["sideRegionId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT p.id AS "id", p.meeting_id AS "meetingId", p.sort_order AS "position", p.person_en AS "personEn",
      p.person_ru AS "personRu", p.role_en AS "roleEn", p.role_ru AS "roleRu",
      ${liveRegionOrNull(Prisma.sql`p.side_region_id`)} AS "sideRegionId"
    FROM meeting_participants p WHERE ${liveMeeting(Prisma.sql`p.meeting_id`)}
    ORDER BY p.meeting_id, p.sort_order, p.id`,
};

const meetingStatements: DumpTable = {
  name: "meeting-statements",
  fileStem: "meeting-statements",
  sheetName: { en: "Said at meetings", ru: "Сказано на встречах" },
  description: "What was said at each meeting, in the meeting page's order, with who said it where the record names them.",
  columns: [
    id(),
    meetingId,
    position,
    ...inBothLanguages("speaker", "speaker", "выступающий"),
    ...inBothLanguages("text", "text", "текст", required),
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: ["meetingId"], reference: to("meetings") }],
  query: Prisma.sql`
    SELECT s.id AS "id", s.meeting_id AS "meetingId", s.sort_order AS "position", s.speaker_en AS "speakerEn",
      s.speaker_ru AS "speakerRu", s.text_en AS "textEn", s.text_ru AS "textRu"
    FROM meeting_statements s WHERE ${liveMeeting(Prisma.sql`s.meeting_id`)}
    ORDER BY s.meeting_id, s.sort_order, s.id`,
};

const meetingLinks: DumpTable = {
  name: "meeting-links",
  fileStem: "meeting-links",
  sheetName: { en: "Discussed at meetings", ru: "Обсуждалось на встречах" },
  description: "What each meeting discussed: an organization or a region, with a note.",
  columns: [
    id(),
    meetingId,
    ref("organizationId", "organization", "организация"),
    ref("regionId", "region", "регион"),
    field("note", "text", "note", "примечание", required),
    updatedAt,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["meetingId"], reference: to("meetings") },
    { fields: ["organizationId"], reference: to("organizations") },
    { fields: ["regionId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT l.id AS "id", l.meeting_id AS "meetingId", l.organization_id AS "organizationId", l.region_id AS "regionId",
      l.note AS "note", ${utc(Prisma.sql`l.updated_at`)} AS "updatedAt"
    FROM discussion_links l
    WHERE l.archived_at IS NULL AND ${liveMeeting(Prisma.sql`l.meeting_id`)}
      AND ${liveParty(Prisma.sql`l.organization_id`, Prisma.sql`l.region_id`)}
    ORDER BY l.id`,
};

const commitments: DumpTable = {
  name: "commitments",
  fileStem: "commitments",
  sheetName: { en: "Commitments", ru: "Договорённости" },
  description: "Commitments made at meetings, with their status and due date; parties and follow-ups in their own tables.",
  columns: [
    id(),
    ref("meetingId", "meeting where it was made", "встреча, где достигнута", true),
    field("textEn", "text", "text in English", "текст на английском", required),
    field("textRu", "text", "text in Russian", "текст на русском", required),
    field("status", "text", "status", "статус", { required: true, enum: ["proposed", "agreed", "in_progress", "fulfilled", "lapsed"] }),
    field("dueDate", "date", "due date", "срок"),
    updatedAt,
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: ["meetingId"], reference: to("meetings") }],
  query: Prisma.sql`
    SELECT c.id AS "id", c.meeting_id AS "meetingId", c.text_en AS "textEn", c.text_ru AS "textRu", c.status::text AS "status",
      ${day(Prisma.sql`c.due_date`)} AS "dueDate", ${utc(Prisma.sql`c.updated_at`)} AS "updatedAt"
    FROM commitments c WHERE c.archived_at IS NULL AND ${liveMeeting(Prisma.sql`c.meeting_id`)} ORDER BY c.id`,
};

const liveCommitment = (column: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM commitments c JOIN meetings m ON m.id = c.meeting_id AND m.archived_at IS NULL
  WHERE c.id = ${column} AND c.archived_at IS NULL)`;

const commitmentParties: DumpTable = {
  name: "commitment-parties",
  fileStem: "commitment-parties",
  sheetName: { en: "Commitment parties", ru: "Стороны договорённостей" },
  description: "Who is to carry out each commitment: an organization or a region.",
  columns: [
    id(),
    ref("commitmentId", "commitment", "договорённость", true),
    ref("organizationId", "organization", "организация"),
    ref("regionId", "region", "регион"),
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["commitmentId"], reference: to("commitments") },
    { fields: ["organizationId"], reference: to("organizations") },
    { fields: ["regionId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT p.id AS "id", p.commitment_id AS "commitmentId", p.organization_id AS "organizationId", p.region_id AS "regionId"
    FROM commitment_parties p
    WHERE ${liveCommitment(Prisma.sql`p.commitment_id`)} AND ${liveParty(Prisma.sql`p.organization_id`, Prisma.sql`p.region_id`)}
    ORDER BY p.id`,
};

const commitmentFollowUps: DumpTable = {
  name: "commitment-follow-ups",
  fileStem: "commitment-follow-ups",
  sheetName: { en: "Commitment follow-ups", ru: "Контроль договорённостей" },
  description: "Later meetings that came back to a commitment, with a note.",
  columns: [
    ref("commitmentId", "commitment", "договорённость", true),
    ref("meetingId", "meeting that followed it up", "встреча, где к ней вернулись", true),
    field("note", "text", "note", "примечание"),
  ],
  primaryKey: ["commitmentId", "meetingId"],
  foreignKeys: [
    { fields: ["commitmentId"], reference: to("commitments") },
    { fields: ["meetingId"], reference: to("meetings") },
  ],
  query: Prisma.sql`
    SELECT f.commitment_id AS "commitmentId", f.meeting_id AS "meetingId", f.note AS "note" FROM commitment_follow_ups f
    WHERE ${liveCommitment(Prisma.sql`f.commitment_id`)} AND ${liveMeeting(Prisma.sql`f.meeting_id`)}
    ORDER BY f.commitment_id, f.meeting_id`,
};

const tradeFigures: DumpTable = {
  name: "trade-figures",
  fileStem: "trade-figures",
  sheetName: { en: "Trade figures", ru: "Товарооборот" },
  description: "Trade between two regions in a year, in US dollars, as filed from the first region's side, with its source.",
  columns: [
    id(),
    ref("regionId", "region", "регион", true),
    ref("partnerRegionId", "partner region", "регион-партнёр", true),
    field("year", "year", "year", "год", required),
    field("turnoverUsd", "number", "turnover, USD", "товарооборот, долл. США", { required: true, minimum: 0 }),
    field("exportsUsd", "number", "the region's exports, USD", "экспорт региона, долл. США", { minimum: 0 }),
    field("importsUsd", "number", "the region's imports, USD", "импорт региона, долл. США", { minimum: 0 }),
    field("sourceTitle", "text", "source", "источник", required),
    field("sourceTitleRu", "text", "source in Russian", "источник на русском"),
    field("sourceUrl", "text", "source's address", "адрес источника"),
    updatedAt,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: ["regionId"], reference: to("regions") },
    { fields: ["partnerRegionId"], reference: to("regions") },
  ],
  query: Prisma.sql`
    SELECT t.id AS "id", t.region_id AS "regionId", t.partner_region_id AS "partnerRegionId", t.year AS "year",
      t.turnover_usd::text AS "turnoverUsd", t.exports_usd::text AS "exportsUsd", t.imports_usd::text AS "importsUsd",
      t.source_title AS "sourceTitle", t.source_title_ru AS "sourceTitleRu", t.source_url AS "sourceUrl", ${utc(Prisma.sql`t.updated_at`)} AS "updatedAt"
    FROM trade_figures t
    WHERE t.archived_at IS NULL AND ${liveRegion(Prisma.sql`t.region_id`)} AND ${liveRegion(Prisma.sql`t.partner_region_id`)}
    ORDER BY t.id`,
};

/** Every table of the download, in the order of the ZIP (a table named by another comes first). */
export const dumpTables: readonly DumpTable[] = [
  countries,
  regions,
  sectors,
  organizations,
  organizationSectors,
  jointVenturePartners,
  meetings,
  meetingRegions,
  meetingParticipants,
  meetingStatements,
  meetingLinks,
  commitments,
  commitmentParties,
  commitmentFollowUps,
  tradeFigures,
];
