import { z } from "zod";
import { RecordId } from "@/lib/actions/fields";
import { staffJson, staffRoute, xlsxDownload } from "@/lib/http/staff-route";
import { locales } from "@/lib/i18n/locale";
import { buildErrorReport } from "@/lib/import/report";
import { batchRows, batchSheet, findBatch } from "@/lib/import/workspace";

const ReportParamsSchema = z.object({ lang: z.enum(locales).default("ru") });

/**
 * An import's error report as XLSX: the refused rows as uploaded, each with its row number and what to fix,
 * the cells at fault marked (lib/import/report.ts). The official fixes those rows and uploads them again.
 *
 *   /api/staff/imports/12/report?lang=en
 */
export const GET = staffRoute("Import report", async (request, _user, { params }: { params: Promise<{ id: string }> }) => {
  const query = ReportParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return staffJson({ error: "Give lang as ru or en, or leave it out." }, 400);
  const id = RecordId.safeParse((await params).id);
  const [batch, sheet] = id.success ? await Promise.all([findBatch(id.data), batchSheet(id.data)]) : [null, null];
  if (!id.success || !batch || !sheet) return staffJson({ error: "There is no such import." }, 404);
  const rows = (await batchRows(id.data)).map((row) => ({ row: row.row, status: row.action, label: row.label ?? "", issues: row.issues }));
  return xlsxDownload(await buildErrorReport({ sheet, rows, locale: query.data.lang }), `interregio-import-${batch.id}-errors.xlsx`);
});
