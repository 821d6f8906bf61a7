import { jsonRecord, nameIn, word, type ExportTable } from "@/lib/export/columns";
import type { Locale } from "@/lib/i18n/locale";
import type { JointVentureDto } from "./schema";

/**
 * The joint-venture exports' columns, declared once: the CSV, the XLSX and the JSON export all come from this
 * list (lib/export), so the files always hold the same fields.
 */

const percent = (value: number) => `${Number(value.toFixed(2))}%`;

/**
 * "Tuskar Agromash LLC (Gomel Region, BY) 51%; Kursk Oblast (RU) 49%": each partner with where it sits, in the
 * reader's language; a regional government is its own region.
 */
export function formatPartners(venture: JointVentureDto, locale: Locale): string {
  return venture.partners
    .map((partner) => {
      const name = locale === "ru" ? partner.name : (partner.nameEn ?? partner.name);
      const where = partner.type === "region" ? partner.country : `${nameIn(locale, partner.region)}, ${partner.country}`;
      return `${name} (${where}) ${percent(partner.sharePercent)}`;
    })
    .join("; ");
}

export const jointVentureTable: ExportTable<JointVentureDto> = {
  fileStem: "joint-ventures",
  sheetName: { en: "Joint ventures", ru: "Совместные предприятия" },
  columns: [
    { key: "slug", header: { en: "slug", ru: "код" }, type: "text", width: 24, value: (v) => v.slug },
    { key: "name", header: { en: "name", ru: "название" }, type: "text", width: 36, value: (v) => v.name },
    { key: "nameEn", header: { en: "English name", ru: "название на английском" }, type: "text", width: 36, value: (v) => v.nameEn },
    { key: "kind", header: { en: "kind", ru: "вид" }, type: "text", width: 22, value: (_, locale) => word(locale, "joint_venture") },
    { key: "status", header: { en: "status", ru: "статус" }, type: "text", width: 12, value: (v, locale) => word(locale, v.status) },
    { key: "region", header: { en: "region", ru: "регион" }, type: "text", value: (v, locale) => nameIn(locale, v.region) },
    { key: "country", header: { en: "country", ru: "страна" }, type: "text", width: 8, value: (v) => v.country },
    {
      key: "primarySector",
      header: { en: "primary sector", ru: "основная отрасль" },
      type: "text",
      width: 40,
      value: (v, locale) => {
        const primary = v.sectors.find((sector) => sector.primary);
        return primary ? `${primary.code} ${nameIn(locale, primary)}` : null;
      },
    },
    {
      key: "sectors",
      header: { en: "sectors", ru: "отрасли" },
      type: "text",
      width: 14,
      value: (v) => v.sectors.map((s) => s.code).join("; "),
    },
    { key: "foundedYear", header: { en: "founded year", ru: "год основания" }, type: "year", value: (v) => v.foundedYear },
    {
      key: "capitalAmount",
      header: { en: "capital amount", ru: "уставный капитал" },
      type: "number",
      value: (v) => v.capital?.amount ?? null,
    },
    { key: "currency", header: { en: "currency", ru: "валюта" }, type: "text", width: 8, value: (v) => v.capital?.currency ?? null },
    { key: "partners", header: { en: "partners", ru: "партнёры" }, type: "text", width: 60, value: formatPartners },
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 48, value: (v) => v.url },
    // Synthetic records say so in the file too, so that no one takes one for a real partner.
    {
      key: "isDemo",
      header: { en: "demo data", ru: "демо-данные" },
      type: "text",
      width: 10,
      value: (v, locale) => word(locale, v.isDemo ? "yes" : "no"),
    },
    { key: "updatedAt", header: { en: "updated", ru: "обновлено" }, type: "date", value: (v) => new Date(v.updatedAt) },
  ],
};

/** The JSON export: a JSON array, one record a line, valid for any count, 0 included; keys and English values of the columns. */
export const jsonEncoder = {
  head: "[",
  record: (venture: JointVentureDto, index: number) =>
    `${index === 0 ? "\n" : ",\n"}${JSON.stringify(jsonRecord(venture, jointVentureTable.columns))}`,
  tail: (count: number) => (count === 0 ? "]\n" : "\n]\n"),
};
