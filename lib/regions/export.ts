import { nameIn, organizationCountColumn, word, type ExportTable } from "@/lib/export/columns";
import type { RegionExportRow } from "./queries";

/** The regions list's export columns, declared once (lib/export writes them as CSV and XLSX). */
export const regionTable: ExportTable<RegionExportRow> = {
  fileStem: "regions",
  sheetName: { en: "Regions", ru: "Регионы" },
  columns: [
    { key: "slug", header: { en: "slug", ru: "код" }, type: "text", width: 24, value: (r) => r.slug },
    { key: "name", header: { en: "name", ru: "название" }, type: "text", width: 32, value: (r, locale) => nameIn(locale, r) },
    { key: "level", header: { en: "level", ru: "уровень" }, type: "text", width: 12, value: (r, locale) => word(locale, r.level) },
    { key: "isoCode", header: { en: "ISO code", ru: "код ISO" }, type: "text", width: 10, value: (r) => r.isoCode },
    { key: "country", header: { en: "country", ru: "страна" }, type: "text", width: 16, value: (r, locale) => nameIn(locale, r.country) },
    organizationCountColumn(),
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 40, value: (r) => r.url },
  ],
};
