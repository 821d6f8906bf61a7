import { nameIn, organizationCountColumn, word, type ExportTable } from "@/lib/export/columns";
import type { SectorCount } from "./queries";

/** One sector as the list's export writes it: a section, then each of its divisions, as the page lists them. */
export type SectorExportRow = SectorCount & { level: "section" | "division"; sectionCode: string | null; url: string };

/** The sectors list's export columns, declared once (lib/export writes them as CSV and XLSX). */
export const sectorTable: ExportTable<SectorExportRow> = {
  fileStem: "sectors",
  sheetName: { en: "Sectors", ru: "Отрасли" },
  columns: [
    { key: "code", header: { en: "NACE code", ru: "код NACE" }, type: "text", width: 8, value: (s) => s.code },
    { key: "level", header: { en: "level", ru: "уровень" }, type: "text", width: 10, value: (s, locale) => word(locale, s.level) },
    { key: "section", header: { en: "section", ru: "секция" }, type: "text", width: 8, value: (s) => s.sectionCode },
    { key: "name", header: { en: "name", ru: "название" }, type: "text", width: 60, value: (s, locale) => nameIn(locale, s) },
    organizationCountColumn(),
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 40, value: (s) => s.url },
  ],
};
