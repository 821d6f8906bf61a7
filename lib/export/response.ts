import "server-only";
import { Readable } from "node:stream";
import type { z } from "zod";
import { ApiProblem, apiUnavailableResponse, invalidParameters, problemResponse } from "@/lib/api/problem";
import { searchParamsToQuery } from "@/lib/api/schema";
import { getRegistryUpdatedAt } from "@/lib/dashboard/queries";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locale";
import { exportFileName, type ExportFormat, type ExportTable } from "./columns";
import { exportContentTypes, writeCsv, writeXlsx, type RowSource } from "./write";

/** The HTTP side of the exports: the streamed response, and the answer when it cannot start. */

/** The file's own parameters, as parsed by `exportOptionFields`'s schemas (XLSX has no separator). */
export type ExportOptions = { lang: Locale; sep?: unknown };

/** The filters of a download in words for the XLSX's About sheet: every parameter but the file's own. */
export function describeFilters(params: URLSearchParams): string[] {
  const out: string[] = [];
  for (const key of new Set(params.keys())) {
    if (key === "lang" || key === "sep") continue;
    out.push(`${key}: ${params.getAll(key).join(", ")}`);
  }
  return out.slice(0, 50);
}

export const instanceOf = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

/**
 * The download: reads the first batch before answering, so that a database that is down or a statement that
 * fails becomes an error status (thrown, for `exportFailure`) rather than a file cut short; then streams the rest
 * in the reader's language.
 */
export async function exportResponse<Row>({
  request,
  format,
  table,
  source,
  options,
  fileStem = table.fileStem,
  headers = {},
}: {
  request: Request;
  format: ExportFormat;
  table: ExportTable<Row>;
  source: RowSource<Row>;
  options: ExportOptions;
  fileStem?: string;
  headers?: Record<string, string>;
}): Promise<Response> {
  let first: Row[];
  let registryUpdatedAt: Date | null;
  try {
    [first, registryUpdatedAt] = await Promise.all([source.read(), format === "xlsx" ? getRegistryUpdatedAt() : Promise.resolve(null)]);
  } catch (error) {
    await source.close(true);
    throw error;
  }
  const url = new URL(request.url);
  const write = format === "csv" ? writeCsv : writeXlsx;
  const stream = write(table, source, {
    locale: options.lang,
    separator: options.sep === ";" ? ";" : ",",
    first,
    about: { licence: env().DATA_LICENCE, registryUpdatedAt, sourceUrl: url.href, filters: describeFilters(url.searchParams) },
  });
  // A client that goes away destroys the Node stream, which stops the writer and closes the cursor.
  request.signal.addEventListener("abort", () => stream.destroy(), { once: true });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": exportContentTypes[format],
      "Content-Disposition": `attachment; filename="${exportFileName(fileStem, format)}"`,
      // A snapshot of a changing registry: always fresh, never kept by a shared cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

/** Another answer than the file: the problem it names (404, 400), 503 while the database is down, else a plain 500. */
export function exportFailure(error: unknown, instance: string, headers: Record<string, string> = {}): Response {
  if (error instanceof ApiProblem) return problemResponse(error.problem, headers, instance);
  console.error("export failed to start", instance, error);
  if (error instanceof Error && /connect|ECONNREFUSED|timeout|terminat/i.test(error.message)) return apiUnavailableResponse(instance);
  return problemResponse(
    new ApiProblem("internalError", "The export could not be made. Try again; if it fails again, tell the registry's team.").problem,
    headers,
    instance,
  );
}

/**
 * A list's download (`/api/v1/<list>/export.{csv,xlsx}`): the query parsed by the format's strict schema (a 400
 * naming each bad parameter before any row is read), then every row the list's source reads, streamed in the
 * file's language.
 */
export async function listExportResponse<Query extends ExportOptions, Row>(
  request: Request,
  format: ExportFormat,
  {
    schemas,
    table,
    open,
  }: {
    schemas: Record<ExportFormat, z.ZodType<Query>>;
    table: ExportTable<Row>;
    open: (query: Query, context: { origin: string; signal: AbortSignal; locale: Locale }) => Promise<RowSource<Row>>;
  },
): Promise<Response> {
  const url = new URL(request.url);
  const instance = instanceOf(request);
  const parsed = schemas[format].safeParse(searchParamsToQuery(url.searchParams));
  if (!parsed.success) return problemResponse(invalidParameters(parsed.error.issues).problem, {}, instance);
  try {
    const source = await open(parsed.data, { origin: url.origin, signal: request.signal, locale: parsed.data.lang });
    return await exportResponse({ request, format, table, source, options: parsed.data });
  } catch (error) {
    return exportFailure(error, instance);
  }
}
