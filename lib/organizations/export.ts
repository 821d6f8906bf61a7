import { nameIn, word, type ExportTable } from "@/lib/export/columns";
import type { OrganizationExportRow } from "./queries";

/** The organizations list's export columns, declared once (lib/export writes them as CSV and XLSX). */
export const organizationTable: ExportTable<OrganizationExportRow> = {
  fileStem: "organizations",
  sheetName: { en: "Organizations", ru: "Организации" },
  columns: [
    { key: "slug", header: { en: "slug", ru: "код" }, type: "text", width: 24, value: (o) => o.slug },
    { key: "name", header: { en: "name", ru: "название" }, type: "text", width: 36, value: (o) => o.name },
    { key: "nameEn", header: { en: "English name", ru: "название на английском" }, type: "text", width: 36, value: (o) => o.nameEn },
    { key: "kind", header: { en: "kind", ru: "вид" }, type: "text", width: 22, value: (o, locale) => word(locale, o.kind) },
    { key: "status", header: { en: "status", ru: "статус" }, type: "text", width: 12, value: (o, locale) => word(locale, o.status) },
    { key: "region", header: { en: "region", ru: "регион" }, type: "text", value: (o, locale) => nameIn(locale, o.region) },
    { key: "country", header: { en: "country", ru: "страна" }, type: "text", width: 8, value: (o) => o.country },
    {
      key: "primarySector",
      header: { en: "primary sector", ru: "основная отрасль" },
      type: "text",
      width: 40,
      value: (o, locale) => (o.primarySector ? `${o.primarySector.code} ${nameIn(locale, o.primarySector)}` : null),
    },
    { key: "foundedYear", header: { en: "founded year", ru: "год основания" }, type: "year", value: (o) => o.foundedYear },
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 48, value: (o) => o.url },
    // Synthetic records say so in the file too, so that no one takes one for a real partner.
    {
      key: "isDemo",
      header: { en: "demo data", ru: "демо-данные" },
      type: "text",
      width: 10,
      value: (o, locale) => word(locale, o.isDemo ? "yes" : "no"),
    },
    { key: "updatedAt", header: { en: "updated", ru: "обновлено" }, type: "date", value: (o) => o.updatedAt },
  ],
};
