import { methodNotAllowed, preflight } from "@/lib/api/http";
import { organizationsExportResponse } from "@/lib/organizations/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The organizations of the list's filters as a XLSX file, streamed. */
export function GET(request: Request) {
  return organizationsExportResponse(request, "xlsx");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
