import { jointVenturesExportResponse } from "@/lib/joint-ventures/api";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The filtered joint ventures as a JSON array, streamed. */
export function GET(request: Request) {
  return jointVenturesExportResponse(request, "json");
}
