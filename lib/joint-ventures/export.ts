import { z } from "zod";
import { ApiProblem, apiUnavailableResponse, invalidParameters, problemResponse } from "@/lib/api/problem";
import { csvEncoder, exportContentTypes, exportFileName, jsonEncoder } from "./csv";
import { streamJointVentures } from "./queries";
import { JointVentureFilterSchema } from "./schema";

/** `?a=1&a=2&b=3` as { a: ["1", "2"], b: "3" }, the shape the filter schema reads. */
export function searchParamsToQuery(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * The response of GET /api/v1/joint-ventures/export.{csv,json}: the whole filtered table, streamed as a download.
 * Bad filters are a 400 problem before any row is read; a database that cannot be reached is a 503, not a
 * download cut short.
 */
export async function jointVenturesExportResponse(request: Request, format: "csv" | "json"): Promise<Response> {
  const url = new URL(request.url);
  const instance = `${url.pathname}${url.search}`;
  const query = searchParamsToQuery(url.searchParams);
  // Unknown parameters are refused, as everywhere in the API: a misspelt filter must not export everything.
  const known = z.strictObject(JointVentureFilterSchema.shape).safeParse(query);
  const parsed = known.success ? JointVentureFilterSchema.safeParse(query) : known;
  if (!parsed.success) return problemResponse(invalidParameters(parsed.error.issues).problem, {}, instance);
  let body: ReadableStream<Uint8Array>;
  try {
    body = await streamJointVentures(parsed.data, format === "csv" ? csvEncoder : jsonEncoder, {
      origin: url.origin,
      signal: request.signal,
    });
  } catch (error) {
    console.error("joint-venture export failed to start", error);
    const isConnection = error instanceof Error && /connect|ECONNREFUSED|timeout|terminat/i.test(error.message);
    if (isConnection) return apiUnavailableResponse(instance);
    return problemResponse(
      new ApiProblem("internalError", "The export could not be made. Try again; if it fails again, tell the registry's team.").problem,
      {},
      instance,
    );
  }
  return new Response(body, {
    headers: {
      "Content-Type": exportContentTypes[format],
      "Content-Disposition": `attachment; filename="${exportFileName(format)}"`,
      // A snapshot of a changing registry: always fresh, never kept by a shared cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
