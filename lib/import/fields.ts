/**
 * The record types an import takes and their columns: labels in both languages (the mapping screen, the
 * template's headers) and the words officials title them with (headers.ts matches a sheet's headers to them).
 * Client-safe. A field is named after the form field it fills (lib/<domain>/schema.ts); a picked record's
 * column drops the `Id` (`region` fills `regionId`), since it holds a name as typed, not an id.
 */

/** What one sheet or file of an import holds: one record type each, chosen by the official (or guessed). */
export const recordTypes = ["organizations", "partners", "meetings", "links", "trade", "commitments"] as const;
export type RecordType = (typeof recordTypes)[number];

/** The record types' names, for the type picker and the template's sheet names. */
export const recordTypeLabels: Record<RecordType, { en: string; ru: string }> = {
  organizations: { en: "Organizations", ru: "Организации" },
  partners: { en: "Joint-venture partners", ru: "Участники совместных предприятий" },
  meetings: { en: "Meetings", ru: "Встречи" },
  links: { en: "Discussed at meetings", ru: "Обсуждалось на встречах" },
  trade: { en: "Trade figures", ru: "Показатели торговли" },
  commitments: { en: "Commitments", ru: "Договорённости" },
};

/** How a column's values are read: a parser of values.ts, or a lookup of a record by name. */
export type FieldValue =
  | "text"
  | "lines"
  | "region"
  | "regions"
  | "organization"
  | "meeting"
  | "parties"
  | "organizationKind"
  | "organizationStatus"
  | "meetingLevel"
  | "commitmentStatus"
  | "sector"
  | "sectors"
  | "registrationNumber"
  | "date"
  | "year"
  | "amount"
  | "share"
  | "currency"
  | "website";

/** One column an import takes, as the mapping screen and the template show it. */
export type ImportField = {
  name: string;
  /** The form field the column fills: a meeting's title and date together pick `meetingId`. */
  formField: string;
  label: { en: string; ru: string };
  /** The import needs this column: without it no row could pass the form. */
  required: boolean;
  value: FieldValue;
  /** An amount the registry keeps in US dollars: a header naming another currency is not matched to it. */
  usd: boolean;
  /** The labels and the other titles officials give the column, in either language. */
  aliases: readonly string[];
};

type FieldDefinition = Omit<ImportField, "aliases">;

function field(name: string, en: string, ru: string, options: Partial<Pick<ImportField, "formField" | "value" | "required" | "usd">> = {}) {
  return { name, formField: name, label: { en, ru }, required: false, value: "text", usd: false, ...options } satisfies FieldDefinition;
}

const definitions: Record<RecordType, readonly FieldDefinition[]> = {
  organizations: [
    field("name", "Name", "Наименование", { required: true }),
    field("nameEn", "Name in English", "Наименование (англ.)"),
    field("otherNames", "Other names", "Другие названия", { value: "lines" }),
    field("kind", "Kind", "Вид", { value: "organizationKind", required: true }),
    field("status", "Status", "Статус", { value: "organizationStatus" }),
    field("region", "Region", "Регион", { formField: "regionId", value: "region", required: true }),
    field("registrationNumber", "Registration number", "ИНН или УНП", { value: "registrationNumber" }),
    field("primarySector", "Primary sector (NACE)", "Основной ОКВЭД", { value: "sector", required: true }),
    field("sectors", "Other sectors (NACE)", "Дополнительные ОКВЭД", { value: "sectors" }),
    field("foundedYear", "Founded", "Год основания", { value: "year" }),
    field("website", "Website", "Сайт", { value: "website" }),
    field("descriptionRu", "Description in Russian", "Описание"),
    field("descriptionEn", "Description", "Описание (англ.)"),
    field("capitalAmount", "Capital or investment", "Капитал или инвестиции", { value: "amount" }),
    field("capitalCurrency", "Currency", "Валюта", { value: "currency" }),
    field("products", "Products", "Продукция"),
    field("fieldsOfStudy", "Fields of study", "Направления подготовки", { value: "lines" }),
  ],
  partners: [
    field("venture", "Joint venture", "Совместное предприятие", { formField: "ventureId", value: "organization", required: true }),
    field("organization", "Partner organization", "Партнёр (организация)", { formField: "partners.organizationId", value: "organization" }),
    field("region", "Partner region", "Партнёр (регион)", { formField: "partners.regionId", value: "region" }),
    field("share", "Share, %", "Доля, %", { formField: "partners.share", value: "share", required: true }),
  ],
  meetings: [
    field("titleRu", "Title in Russian", "Название", { required: true }),
    field("titleEn", "Title", "Название (англ.)", { required: true }),
    field("date", "Date", "Дата", { value: "date", required: true }),
    field("level", "Level", "Уровень", { value: "meetingLevel", required: true }),
    field("placeRu", "Place in Russian", "Место"),
    field("placeEn", "Place", "Место (англ.)"),
    field("summaryRu", "Summary in Russian", "Итоги"),
    field("summaryEn", "Summary", "Итоги (англ.)"),
    field("regions", "Regions", "Регионы", { value: "regions", required: true }),
    field("sourceTitle", "Source", "Источник"),
    field("sourceTitleRu", "Source in Russian", "Источник (рус.)"),
    field("sourceUrl", "Source address", "Ссылка на источник", { value: "website" }),
  ],
  links: [
    field("meeting", "Meeting", "Встреча", { formField: "meetingId", value: "meeting", required: true }),
    field("meetingDate", "Meeting date", "Дата встречи", { formField: "meetingId", value: "date" }),
    field("organization", "Organization", "Организация", { formField: "organizationId", value: "organization" }),
    field("region", "Region", "Регион", { formField: "regionId", value: "region" }),
    field("note", "Note", "Что обсуждалось", { required: true }),
  ],
  trade: [
    field("region", "Region", "Регион", { formField: "regionId", value: "region", required: true }),
    field("partnerRegion", "Partner region", "Регион-партнёр", { formField: "partnerRegionId", value: "region", required: true }),
    field("year", "Year", "Год", { value: "year", required: true }),
    field("turnoverUsd", "Turnover, USD", "Товарооборот, долл. США", { value: "amount", required: true, usd: true }),
    field("exportsUsd", "Exports, USD", "Экспорт, долл. США", { value: "amount", usd: true }),
    field("importsUsd", "Imports, USD", "Импорт, долл. США", { value: "amount", usd: true }),
    field("sourceTitle", "Source", "Источник", { required: true }),
    field("sourceTitleRu", "Source in Russian", "Источник (рус.)"),
    field("sourceUrl", "Source address", "Ссылка на источник", { value: "website" }),
  ],
  commitments: [
    field("meeting", "Meeting", "Встреча", { formField: "meetingId", value: "meeting", required: true }),
    field("meetingDate", "Meeting date", "Дата встречи", { formField: "meetingId", value: "date" }),
    field("textRu", "Text in Russian", "Текст", { required: true }),
    field("textEn", "Text", "Текст (англ.)", { required: true }),
    field("parties", "Parties", "Стороны", { value: "parties", required: true }),
    field("dueDate", "Due date", "Срок", { value: "date" }),
    field("status", "Status", "Статус", { value: "commitmentStatus", required: true }),
  ],
};

const MEETING = "встреча|мероприятие|название встречи|meeting|meeting title|event";
const MEETING_DATE = "дата|дата встречи|дата проведения|date|meeting date";
const SOURCE_URL = "ссылка|url|адрес источника|source url|link|source link";
const SOURCE_TITLE_RU = "источник на русском|название источника на русском|source title ru|source in russian";

/** Titles officials give each column besides its labels, separated by "|"; compared as normalized words. */
const aliases: Record<RecordType, Record<string, string>> = {
  organizations: {
    name: "название|полное наименование|полное название|наименование полное|организация|предприятие|full name|registered name|official name|organization|organisation|company|enterprise",
    nameEn:
      "наименование англ|наименование на английском|наименование на английском языке|английское наименование|название англ|наименование латиницей|english name|name english|name en|international name",
    otherNames: "другие наименования|сокращенное наименование|краткое наименование|сокращенное название|short name|also known as|aka",
    kind: "тип|категория|type|category",
    status: "состояние|state",
    region: "область|субъект|субъект рф|субъект российской федерации|местонахождение|регион регистрации|oblast|province|location",
    registrationNumber:
      "инн|унп|инн унп|унп инн|регистрационный номер|учетный номер плательщика|inn|unp|inn unp|tax id|taxpayer id|tin|taxpayer number",
    primarySector:
      "оквэд|оквэд 2|код оквэд|основной код оквэд|окэд|основной окэд|код окэд|отрасль|основная отрасль|основной вид деятельности|вид деятельности|nace|nace code|nace rev 2|okved|sector|primary sector|main sector|industry|main activity",
    sectors:
      "доп оквэд|другие оквэд|дополнительные коды оквэд|дополнительные виды деятельности|дополнительные окэд|other nace|additional sectors|secondary sectors|other activities",
    foundedYear:
      "год создания|основано|основан|год образования|year founded|founding year|founded in|established|year established|year of foundation",
    website: "веб сайт|вебсайт|интернет сайт|адрес сайта|сайт в интернете|web site|web|url|homepage|home page|www",
    descriptionRu:
      "краткое описание|описание рус|описание на русском|описание деятельности|сведения|description ru|description russian|russian description",
    descriptionEn: "описание на английском|описание англ|short description|description en|description english|english description",
    capitalAmount:
      "капитал|уставный капитал|уставной капитал|инвестиции|объем инвестиций|сумма инвестиций|capital|authorized capital|share capital|investment|investments",
    capitalCurrency: "валюта капитала|capital currency",
    products: "выпускаемая продукция|продукты|product|main products",
    fieldsOfStudy:
      "специальности|направления обучения|образовательные программы|programmes|programs|specialities|specialties|study programmes",
  },
  partners: {
    venture: "сп|наименование сп|предприятие|venture|jv|joint venture name",
    organization:
      "партнер|организация партнер|партнер организация|наименование партнера|участник|учредитель|участник сп|организация|partner|partner organisation|founder|shareholder|organization",
    region: "регион партнер|партнер регион|регион участник|регион|region",
    share: "доля|доля участия|доля в уставном капитале|процент|процент участия|share|stake|percentage|share percent|ownership",
  },
  meetings: {
    titleRu: "наименование|тема|название встречи|наименование мероприятия|мероприятие|встреча|title ru|title russian|russian title",
    titleEn: "название на английском|название англ|наименование англ|title en|english title|meeting|event",
    date: "дата встречи|дата проведения|meeting date",
    level: "уровень встречи|meeting level",
    placeRu: "место проведения|город|place ru|venue ru",
    placeEn: "venue|location|место проведения англ|place en",
    summaryRu: "краткое содержание|содержание|описание|результаты|итоги встречи|summary ru",
    summaryEn: "outcome|outcomes|description|summary en",
    regions: "регионы участники|участвующие регионы|регион|стороны|participating regions|region",
    sourceTitle: "документ|source title|source document",
    sourceTitleRu: SOURCE_TITLE_RU,
    sourceUrl: SOURCE_URL,
  },
  links: {
    meeting: MEETING,
    meetingDate: MEETING_DATE,
    organization: "предприятие|наименование|наименование организации|name|organisation|company",
    region: "область|oblast",
    note: "примечание|заметка|обсуждалось|содержание|комментарий|notes|comment|discussed|what was discussed",
  },
  trade: {
    region: "область|субъект|oblast",
    partnerRegion: "партнер|страна партнер|страна|контрагент|partner|partner country|country",
    year: "отчетный год|период|period",
    turnoverUsd: "оборот|товарооборот|объем товарооборота|внешнеторговый оборот|turnover|trade turnover|total trade|trade",
    exportsUsd: "экспорт|объем экспорта|export|exports",
    importsUsd: "импорт|объем импорта|import|imports",
    sourceTitle: "источник данных|data source",
    sourceTitleRu: SOURCE_TITLE_RU,
    sourceUrl: SOURCE_URL,
  },
  commitments: {
    meeting: MEETING,
    meetingDate: MEETING_DATE,
    textRu: "договоренность|обязательство|поручение|содержание|формулировка|text ru|russian text",
    textEn: "commitment|agreement|text en|english text",
    parties: "участники|исполнители|ответственные|ответственный|party|responsible",
    dueDate: "срок исполнения|дата исполнения|крайний срок|deadline|due",
    status: "состояние|state",
  },
};

const withAliases = (type: RecordType): readonly ImportField[] =>
  definitions[type].map((definition) => ({
    ...definition,
    aliases: [definition.label.en, definition.label.ru, ...(aliases[type][definition.name] ?? "").split("|").filter(Boolean)],
  }));

/** Each record type's columns, in the order of the template. */
export const importFields: Record<RecordType, readonly ImportField[]> = {
  organizations: withAliases("organizations"),
  partners: withAliases("partners"),
  meetings: withAliases("meetings"),
  links: withAliases("links"),
  trade: withAliases("trade"),
  commitments: withAliases("commitments"),
};
