import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { RecordId } from "@/lib/actions/fields";
import { getCurrentUser } from "@/lib/auth/session";
import { locales } from "@/lib/i18n/locale";
import { buildErrorReport } from "@/lib/import/report";
import { batchRows, batchSheet, findBatch } from "@/lib/import/workspace";

const ReportParamsSchema = z.object({ lang: z.enum(locales).default("ru") });

/**
 * An import's error report as XLSX: the refused rows as uploaded, each with its row number and what to fix,
 * the cells at fault marked (lib/import/report.ts). The official fixes those rows and uploads them again.
 * Staff only, checked here against the database.
 *
 *   /api/staff/imports/12/report?lang=en
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const headers = { "cache-control": "private, no-store" };
  try {
    if (!(await getCurrentUser())) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers });
    const query = ReportParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!query.success) return NextResponse.json({ error: "Give lang as ru or en, or leave it out." }, { status: 400, headers });
    const id = RecordId.safeParse((await params).id);
    const [batch, sheet] = id.success ? await Promise.all([findBatch(id.data), batchSheet(id.data)]) : [null, null];
    if (!id.success || !batch || !sheet) return NextResponse.json({ error: "There is no such import." }, { status: 404, headers });
    const rows = (await batchRows(id.data)).map((row) => ({
      row: row.row,
      status: row.action,
      label: row.label ?? "",
      issues: row.issues,
    }));
    const body = await buildErrorReport({ sheet, rows, locale: query.data.lang });
    return new NextResponse(new Uint8Array(body), {
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="interregio-import-${batch.id}-errors.xlsx"`,
      },
    });
  } catch (error) {
    console.error("Import report failed", error);
    return NextResponse.json({ error: "The registry is not available. Try again in a minute." }, { status: 503, headers });
  }
}
