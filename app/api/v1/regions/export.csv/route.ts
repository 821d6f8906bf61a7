import { methodNotAllowed, preflight } from "@/lib/api/http";
import { regionsExportResponse } from "@/lib/regions/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The regions of the list's filters as a CSV file, streamed. */
export function GET(request: Request) {
  return regionsExportResponse(request, "csv");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
