import "server-only";
import ExcelJS from "exceljs";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { localized, sortByName } from "@/lib/i18n/localize";
import { demoOrganizations } from "@/prisma/demo-organizations";
import { importFields, recordTypeLabels, type FieldValue, type ImportField, type RecordType } from "./fields";
import { READ_LIMITS } from "./sheet";
import { createRegionMatcher } from "./values";

/**
 * The template an official fills in for one record type: one column per field, headed in both languages
 * ("Наименование / Name", as the header matcher reads them), drop-down lists for the columns with a fixed set of
 * values (kind, status, level, region, sector, currency) kept on a hidden sheet, a frozen header row, and one
 * example row from the demo scenario. Read back through the import, every column maps and the example row is
 * what the demo registry already holds.
 */

/** The words the lists offer, in the reader's language: each one the import's parsers read (lib/import/values.ts). */
const CHOICES: Partial<Record<FieldValue, Record<Locale, string[]>>> = {
  organizationKind: { ru: ["предприятие", "вуз", "совместное предприятие"], en: ["enterprise", "university", "joint venture"] },
  organizationStatus: { ru: ["действует", "планируется", "закрыто"], en: ["active", "planned", "closed"] },
  meetingLevel: {
    ru: ["глава государства", "правительство", "региональный", "ведомство", "бизнес-форум"],
    en: ["head of state", "government", "regional", "agency", "business forum"],
  },
  commitmentStatus: {
    ru: ["предложено", "согласовано", "в работе", "выполнено", "утратило силу"],
    en: ["proposed", "agreed", "in progress", "fulfilled", "lapsed"],
  },
  currency: { ru: ["RUB", "BYN", "USD", "EUR"], en: ["RUB", "BYN", "USD", "EUR"] },
};

/** Excel's limit on a sheet's name. */
const SHEET_NAME_MAX = 31;
/** The drop-downs reach as far as an import reads. */
const LAST_ROW = READ_LIMITS.maxDataRows + 1;

const TUSKAR = demoOrganizations.find((o) => o.slug === "tuskar-agromash")!;
const SEYM_PTICH = demoOrganizations.find((o) => o.slug === "seym-ptich-agrotech")!;
const MEETING = {
  titleRu: "Встреча Президента Беларуси с губернатором Курской области",
  titleEn: "President of Belarus meets the Governor of Kursk Oblast",
  date: "10.03.2015",
  source: "Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015",
};
type Example = Record<string, string | Record<Locale, string>>;
const bilingual = (ru: string, en: string) => ({ ru, en });
const KURSK = bilingual("Курская область", "Kursk Oblast");
const BELARUS = bilingual("Беларусь", "Belarus");

/** One row of the demo scenario for each record type, as an official would type it. */
const EXAMPLES: Record<RecordType, Example> = {
  organizations: {
    name: TUSKAR.name,
    nameEn: TUSKAR.nameEn,
    otherNames: TUSKAR.otherNames.join("; "),
    kind: bilingual("предприятие", "enterprise"),
    status: bilingual("действует", "active"),
    region: KURSK,
    registrationNumber: TUSKAR.registrationNumber ?? "",
    primarySector: TUSKAR.sectors[0]!,
    sectors: TUSKAR.sectors.slice(1).join("; "),
    foundedYear: String(TUSKAR.foundedYear ?? ""),
    website: TUSKAR.website ?? "",
    descriptionRu: TUSKAR.descriptionRu,
    descriptionEn: TUSKAR.descriptionEn,
  },
  partners: { venture: SEYM_PTICH.name, organization: TUSKAR.name, share: "51" },
  meetings: {
    titleRu: MEETING.titleRu,
    titleEn: MEETING.titleEn,
    date: MEETING.date,
    level: bilingual("глава государства", "head of state"),
    placeRu: "Минск",
    placeEn: "Minsk",
    regions: bilingual("Беларусь; Курская область", "Belarus; Kursk Oblast"),
    sourceTitle: MEETING.source,
  },
  links: {
    meeting: bilingual(MEETING.titleRu, MEETING.titleEn),
    meetingDate: MEETING.date,
    region: KURSK,
    note: "Relations with Belarus show positive dynamics; trade grew by more than 10% in 2014 to $250 million.",
  },
  trade: { region: KURSK, partnerRegion: BELARUS, year: "2014", turnoverUsd: "250 000 000", sourceTitle: MEETING.source },
  commitments: {
    meeting: bilingual(MEETING.titleRu, MEETING.titleEn),
    meetingDate: MEETING.date,
    textRu: "Белорусские и курские предприятия должны теснее переплетаться, становясь частями единой производственной цепочки.",
    textEn: "Belarusian and Kursk enterprises should be more tightly intertwined, as parts of a single manufacturing chain.",
    parties: bilingual("Беларусь; Курская область", "Belarus; Kursk Oblast"),
    status: bilingual("предложено", "proposed"),
  },
};

/** The header of a field's column in both languages, Russian first: officials' files are mostly Russian. */
export const templateHeader = (field: ImportField) => `${field.label.ru} / ${field.label.en}`;

/**
 * The values of the lists that come from the registry: live regions and the NACE sectors, in the reader's language.
 * A region is listed by the first of its names (the reader's language's, the other's, its ISO code) that the
 * import reads back as that region alone; one that no name of which does (two regions of one name) is left out.
 */
async function registryLists(locale: Locale) {
  const regions = await db().region.findMany({
    where: { archivedAt: null },
    select: { id: true, nameEn: true, nameRu: true, isoCode: true },
  });
  const sectors = await db().sector.findMany({ select: { code: true, nameEn: true, nameRu: true }, orderBy: { code: "asc" } });
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const matchRegion = createRegionMatcher(regions);
  const readsBack = (region: (typeof regions)[number]) =>
    [name(region), localized(locale === "ru" ? "en" : "ru", region.nameEn, region.nameRu), region.isoCode ?? ""].find((label) => {
      const found = label ? matchRegion(label) : null;
      return found?.ok === true && found.value === region.id;
    });
  return {
    region: sortByName(regions, locale, name).flatMap((region) => readsBack(region) ?? []),
    // Sections (letters) after divisions (digits) in code order: "28 Производство машин…" reads back as division 28.
    sector: sectors.map((s) => `${s.code} ${name(s)}`),
  };
}

/** The template of `type` as an XLSX, in the reader's language where a list or the example names something. */
export async function buildTemplate(type: RecordType, locale: Locale): Promise<Buffer> {
  const fields = importFields[type];
  const fromRegistry = await registryLists(locale);
  const listOf = (field: ImportField): string[] | null =>
    field.value === "region"
      ? fromRegistry.region
      : field.value === "sector"
        ? fromRegistry.sector
        : (CHOICES[field.value]?.[locale] ?? null);

  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet(recordTypeLabels[type][locale].slice(0, SHEET_NAME_MAX), { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = book.addWorksheet(locale === "ru" ? "Списки" : "Lists", { state: "hidden" });

  const header = data.addRow(fields.map(templateHeader));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  const example = EXAMPLES[type];
  const exampleRow = data.addRow(
    fields.map((field) => {
      const value = example[field.name];
      return value === undefined ? "" : typeof value === "string" ? value : value[locale];
    }),
  );
  exampleRow.font = { italic: true, color: { argb: "FF595959" } };
  exampleRow.getCell(1).note =
    locale === "ru"
      ? "Пример: замените эту строку своими данными или удалите её."
      : "An example: replace this row with your own, or delete it.";

  let listColumn = 0;
  fields.forEach((field, index) => {
    const column = data.getColumn(index + 1);
    const longest = Math.max(templateHeader(field).length, String(exampleRow.getCell(index + 1).value ?? "").length);
    column.width = Math.min(45, Math.max(14, Math.ceil(longest * 0.6)));
    if (field.required) header.getCell(index + 1).note = locale === "ru" ? "Обязательный столбец" : "Required column";
    const values = listOf(field);
    if (!values) return;
    listColumn += 1;
    const letter = lists.getColumn(listColumn).letter;
    lists.getCell(1, listColumn).value = templateHeader(field);
    values.forEach((value, i) => (lists.getCell(i + 2, listColumn).value = value));
    (data as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }).dataValidations.add(
      `${column.letter}2:${column.letter}${LAST_ROW}`,
      {
        type: "list",
        allowBlank: true,
        formulae: [`'${lists.name}'!$${letter}$2:$${letter}$${values.length + 1}`],
        // A value typed that is not in the list is still read ("Гомельская обл."): Excel only warns.
        showErrorMessage: true,
        errorStyle: "warning",
      },
    );
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
