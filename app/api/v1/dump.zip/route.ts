import { methodNotAllowed, preflight } from "@/lib/api/http";
import { dumpResponse } from "@/lib/dump/response";

// Read at request time from the database; never prerendered.
export const dynamic = "force-dynamic";

/** The whole registry as a ZIP of CSV files with datapackage.json, built in the background (lib/dump). */
export function GET(request: Request) {
  return dumpResponse(request, "GET");
}

export function HEAD(request: Request) {
  return dumpResponse(request, "HEAD");
}

export { preflight as OPTIONS, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
