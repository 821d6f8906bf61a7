import "server-only";
import { corsHeaders, errorResponse, ifNoneMatchMatches, parseQuery } from "@/lib/api/http";
import { operations } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { readSqlPool } from "@/lib/db/pg";
import { exportFileName } from "@/lib/export/columns";
import { dumpBody, latestDump, type StoredDump } from "./store";

/**
 * `/api/v1/dump.zip`: the newest complete full download, streamed from the database a chunk at a time, with its
 * SHA-256 as a strong ETag and its build time as Last-Modified; 503 with Retry-After until the first build is done.
 */

/** Whether the client's copy is this one: If-None-Match first, If-Modified-Since only without it (RFC 9110). */
function notModified(request: Request, dump: StoredDump, etag: string): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) return ifNoneMatchMatches(ifNoneMatch, etag);
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return Number.isFinite(since) && Math.floor(dump.completedAt.getTime() / 1000) * 1000 <= since;
}

export async function dumpResponse(request: Request, method: "GET" | "HEAD"): Promise<Response> {
  try {
    parseQuery(operations.downloadDump.query, new URL(request.url).searchParams);
    // One pool for the whole answer: with read replicas, the row and its chunks come from the same one.
    const pool = readSqlPool();
    const dump = await latestDump(pool);
    if (!dump)
      throw new ApiProblem(
        "serviceUnavailable",
        "The full download is being prepared for the first time. Try again in a minute; the lists and exports of the API work meanwhile.",
        { headers: { "Retry-After": "60" } },
      );
    const etag = `"${dump.sha256}"`;
    const headers = {
      ...corsHeaders,
      "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Length, Retry-After",
      ETag: etag,
      "Last-Modified": dump.completedAt.toUTCString(),
      // A newer build may come a minute after any change: reuse for a minute, then ask again with the ETag.
      "Cache-Control": "public, max-age=60",
    };
    if (notModified(request, dump, etag)) return new Response(null, { status: 304, headers });
    const fileHeaders = {
      ...headers,
      "Content-Type": "application/zip",
      "Content-Length": String(dump.sizeBytes),
      "Content-Disposition": `attachment; filename="${exportFileName("interregio", "zip", dump.completedAt)}"`,
      "X-Content-Type-Options": "nosniff",
    };
    if (method === "HEAD") return new Response(null, { status: 200, headers: fileHeaders });
    return new Response(dumpBody(pool, dump), { status: 200, headers: fileHeaders });
  } catch (error) {
    return errorResponse(error, request);
  }
}
