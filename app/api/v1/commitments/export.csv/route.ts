import { methodNotAllowed, preflight } from "@/lib/api/http";
import { commitmentsExportResponse } from "@/lib/commitments/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The commitments of the tracker's filters as a CSV file, streamed. */
export function GET(request: Request) {
  return commitmentsExportResponse(request, "csv");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
