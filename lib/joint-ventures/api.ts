import "server-only";
import { searchParamsToQuery } from "@/lib/api/schema";
import { z } from "zod";
import { ApiProblem, invalidParameters, problemResponse } from "@/lib/api/problem";
import { exportFileName, exportOptionFields, type ExportFormat } from "@/lib/export/columns";
import { exportFailure, exportResponse, instanceOf } from "@/lib/export/response";
import { exportContentTypes } from "@/lib/export/write";
import type { Locale } from "@/lib/i18n/locale";
import { jointVentureTable, jsonEncoder } from "@/lib/joint-ventures/export";
import type { JointVentureQuery } from "@/lib/joint-ventures/dto";
import { InvalidCursorError, listJointVenturesByCursor, openJointVentureSource, streamJointVentures } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema, type JointVentureDto } from "@/lib/joint-ventures/schema";
import type { CursorPage } from "@/lib/pagination";

/**
 * GET /api/v1/joint-ventures: the joint-venture table's keyset read, with the filter checked by its own schema
 * (ranges in order); and the exports, whose columns are lib/joint-ventures/export.ts.
 */
export async function listJointVenturesForApi(query: JointVentureQuery): Promise<CursorPage<JointVentureDto>> {
  const { limit, cursor, ...fields } = query;
  const filter = JointVentureFilterSchema.safeParse(fields);
  if (!filter.success) throw invalidParameters(filter.error.issues);
  try {
    return await listJointVenturesByCursor(filter.data, { cursor, limit, sorted: query.sort !== undefined || query.dir !== undefined });
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ApiProblem("invalidParameters", "Check the parameter cursor: it is not one this API gave out; start again without it.", {
        errors: { cursor: ["cursor is not one this API gave out: start again without it."] },
      });
    }
    throw error;
  }
}

/**
 * GET /api/v1/joint-ventures/export.{csv,xlsx,json}: the whole filtered table, streamed as a download, in the
 * table's order. Bad filters are a 400 problem before any row is read; a database that cannot be reached is a
 * 503, not a download cut short.
 */
export async function jointVenturesExportResponse(request: Request, format: ExportFormat | "json"): Promise<Response> {
  const url = new URL(request.url);
  const instance = instanceOf(request);
  const query = searchParamsToQuery(url.searchParams);
  const optionFields = format === "json" ? {} : exportOptionFields(format);
  // Unknown parameters are refused, as everywhere in the API: a misspelt filter must not export everything.
  const known = z.strictObject({ ...JointVentureFilterSchema.shape, ...optionFields }).safeParse(query);
  const { lang, sep } = known.success ? (known.data as { lang?: Locale; sep?: unknown }) : {};
  const parsed = known.success ? JointVentureFilterSchema.safeParse(withoutOptions(query)) : known;
  if (!parsed.success) return problemResponse(invalidParameters(parsed.error.issues).problem, {}, instance);
  const locale = lang ?? "en";
  try {
    if (format === "json") {
      const body = await streamJointVentures(parsed.data, jsonEncoder, { origin: url.origin, signal: request.signal });
      return new Response(body, {
        headers: {
          "Content-Type": exportContentTypes.json,
          "Content-Disposition": `attachment; filename="${exportFileName(jointVentureTable.fileStem, "json")}"`,
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }
    const source = await openJointVentureSource(parsed.data, { origin: url.origin, signal: request.signal, locale });
    return await exportResponse({ request, format, table: jointVentureTable, source, options: { lang: locale, sep } });
  } catch (error) {
    return exportFailure(error, instance);
  }
}

/** The query without the file's own parameters, for the filter schema. */
function withoutOptions(query: Record<string, string | string[]>): Record<string, string | string[]> {
  const { lang: _lang, sep: _sep, ...rest } = query;
  void _lang;
  void _sep;
  return rest;
}
