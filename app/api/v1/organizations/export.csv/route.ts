import { methodNotAllowed, preflight } from "@/lib/api/http";
import { organizationsExportResponse } from "@/lib/organizations/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The organizations of the list's filters as a CSV file, streamed. */
export function GET(request: Request) {
  return organizationsExportResponse(request, "csv");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
