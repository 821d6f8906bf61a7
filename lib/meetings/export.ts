import { nameIn, word, type ExportTable } from "@/lib/export/columns";
import type { MeetingExportRow } from "./queries";

/** The meetings list's export columns, declared once (lib/export writes them as CSV and XLSX). */
export const meetingTable: ExportTable<MeetingExportRow> = {
  fileStem: "meetings",
  sheetName: { en: "Meetings", ru: "Встречи" },
  columns: [
    { key: "slug", header: { en: "slug", ru: "код" }, type: "text", width: 24, value: (m) => m.slug },
    { key: "date", header: { en: "date", ru: "дата" }, type: "date", value: (m) => m.date },
    {
      key: "title",
      header: { en: "title", ru: "название" },
      type: "text",
      width: 48,
      value: (m, locale) => nameIn(locale, { nameEn: m.titleEn, nameRu: m.titleRu }),
    },
    { key: "level", header: { en: "level", ru: "уровень" }, type: "text", width: 18, value: (m, locale) => word(locale, m.level) },
    {
      key: "place",
      header: { en: "place", ru: "место" },
      type: "text",
      value: (m, locale) => nameIn(locale, { nameEn: m.placeEn, nameRu: m.placeRu }) || null,
    },
    {
      key: "discussed",
      header: { en: "records discussed", ru: "обсуждено записей" },
      type: "number",
      width: 12,
      value: (m) => m.discussed,
    },
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 48, value: (m) => m.url },
    {
      key: "isDemo",
      header: { en: "demo data", ru: "демо-данные" },
      type: "text",
      width: 10,
      value: (m, locale) => word(locale, m.isDemo ? "yes" : "no"),
    },
  ],
};
