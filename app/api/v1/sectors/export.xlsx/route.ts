import { methodNotAllowed, preflight } from "@/lib/api/http";
import { sectorsExportResponse } from "@/lib/sectors/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The sectors list with its counts as an XLSX file. */
export function GET(request: Request) {
  return sectorsExportResponse(request, "xlsx");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
