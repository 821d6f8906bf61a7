import { methodNotAllowed, preflight } from "@/lib/api/http";
import { tradePairsExportResponse } from "@/lib/trade/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The ranked region pairs as CSV (UTF-8 with BOM), streamed. */
export function GET(request: Request) {
  return tradePairsExportResponse(request, "csv");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
