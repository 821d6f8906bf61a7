import { nameIn, word, type ExportTable } from "@/lib/export/columns";
import type { CommitmentStatus } from "@/lib/commitments/schema";

/** One commitment as the tracker's export writes it. */
export type CommitmentExportRow = {
  id: number;
  textEn: string;
  textRu: string;
  status: CommitmentStatus;
  dueDate: Date | null;
  overdue: boolean;
  meetingTitleEn: string;
  meetingTitleRu: string;
  meetingDate: Date;
  partiesEn: string | null;
  partiesRu: string | null;
  followUps: number;
  url: string;
};

/** The commitments tracker's export columns, declared once (lib/export writes them as CSV and XLSX). */
export const commitmentTable: ExportTable<CommitmentExportRow> = {
  fileStem: "commitments",
  sheetName: { en: "Commitments", ru: "Обязательства" },
  columns: [
    { key: "id", header: { en: "number", ru: "номер" }, type: "number", width: 10, value: (c) => c.id },
    {
      key: "text",
      header: { en: "commitment", ru: "обязательство" },
      type: "text",
      width: 60,
      value: (c, locale) => nameIn(locale, { nameEn: c.textEn, nameRu: c.textRu }),
    },
    { key: "status", header: { en: "status", ru: "статус" }, type: "text", width: 16, value: (c, locale) => word(locale, c.status) },
    { key: "dueDate", header: { en: "due", ru: "срок" }, type: "date", value: (c) => c.dueDate },
    {
      key: "overdue",
      header: { en: "overdue", ru: "просрочено" },
      type: "text",
      width: 10,
      value: (c, locale) => word(locale, c.overdue ? "yes" : "no"),
    },
    {
      key: "parties",
      header: { en: "parties", ru: "стороны" },
      type: "text",
      width: 40,
      value: (c, locale) => nameIn(locale, { nameEn: c.partiesEn, nameRu: c.partiesRu }) || null,
    },
    {
      key: "meeting",
      header: { en: "meeting", ru: "встреча" },
      type: "text",
      width: 40,
      value: (c, locale) => nameIn(locale, { nameEn: c.meetingTitleEn, nameRu: c.meetingTitleRu }),
    },
    { key: "meetingDate", header: { en: "meeting date", ru: "дата встречи" }, type: "date", value: (c) => c.meetingDate },
    { key: "followUps", header: { en: "follow-ups", ru: "рассмотрено на встречах" }, type: "number", width: 12, value: (c) => c.followUps },
    { key: "url", header: { en: "url", ru: "ссылка" }, type: "text", width: 40, value: (c) => c.url },
  ],
};
