import { methodNotAllowed, preflight } from "@/lib/api/http";
import { tradePairExportResponse } from "@/lib/trade/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; partner: string }> };

/** The trade between two regions by year as an Excel workbook (XLSX). */
export async function GET(request: Request, context: Context) {
  return tradePairExportResponse(request, await context.params, "xlsx");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
