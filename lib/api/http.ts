import { createHash } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/env";
import { databaseIsUp } from "@/lib/db/health";
import type { Operation } from "@/lib/api/operations";
import { ApiProblem, invalidParameters, problemResponse, serviceUnavailableProblem } from "@/lib/api/problem";

/**
 * The HTTP side of the JSON API: query parsing, ETag and caching, CORS, method handling and errors. A route
 * file binds one operation (lib/api/operations.ts) to one read, and exports what `apiRoute` returns.
 */

export const allowedMethods = "GET, HEAD, OPTIONS";

/**
 * Anyone may read the registry from any site. The answer does not depend on the caller's origin (the header is
 * a constant `*`, no credentials), so caches need no `Vary: Origin`.
 */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
};

const defaultMaxAge = 60;

/** Strong validator: the same body gives the same tag on every server. */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** RFC 9110 If-None-Match: a list of tags or `*`, compared weakly (W/ prefixes ignored). */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

/** What a zod object declares as an array, so that `?type=a&type=b` becomes `["a", "b"]` and not the last value. */
function arrayKeys(schema: z.ZodObject): Set<string> {
  const keys = new Set<string>();
  for (const [key, field] of Object.entries(schema.shape)) {
    let def = (field as z.ZodType)._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    while (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "pipe" || def.type === "catch") {
      const inner = def.type === "pipe" ? def.in : def.innerType;
      if (!inner) break;
      def = inner._zod.def as typeof def;
    }
    if (def.type === "array") keys.add(key);
  }
  return keys;
}

/**
 * The query string as an object for zod. Empty values count as absent (a form that leaves a filter blank);
 * a parameter given twice where one value is expected is passed as an array, which the schema refuses.
 */
export function queryObject(params: URLSearchParams, schema: z.ZodObject): Record<string, string | string[]> {
  const arrays = arrayKeys(schema);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((value) => value !== "");
    if (values.length === 0) continue;
    out[key] = arrays.has(key) || values.length > 1 ? values : values[0]!;
  }
  return out;
}

export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(queryObject(params, schema));
  if (!parsed.success) throw invalidParameters(parsed.error.issues);
  return parsed.data;
}

/** A 200 with ETag and caching, or a 304 when the client already holds this body. */
export function jsonResponse(request: Request, data: unknown, maxAge = defaultMaxAge): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = {
    ...corsHeaders,
    ETag: etag,
    "Cache-Control": `public, max-age=${maxAge}`,
  };
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

function instanceOf(request: Request): string | undefined {
  try {
    const url = new URL(request.url);
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** Whether an error came from the database connection rather than from the query. */
function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const e = current as { code?: unknown; name?: unknown; kind?: unknown; cause?: unknown };
    if (e.name === "PrismaClientInitializationError") return true;
    if (
      typeof e.code === "string" &&
      /^(P1001|P1002|P1008|P1017|P2024|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|57P0[1-3]|08\d{3})$/.test(e.code)
    )
      return true;
    if (e.kind === "DatabaseNotReachable" || e.kind === "ConnectionClosed" || e.kind === "SocketTimeout") return true;
    if (e instanceof Error && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message))
      return true;
    current = e.cause;
  }
  return false;
}

/** PostgreSQL's data exceptions (SQLSTATE class 22: out of range, bad format) and Prisma's name for them. */
function isDataException(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const e = current as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof e.code === "string" && /^(P2020|P2007|22[0-9A-Z]{3})$/.test(e.code)) return true;
    current = e.cause ?? e.meta?.driverAdapterError;
  }
  return false;
}

async function databaseIsDown(): Promise<boolean> {
  try {
    return !(await databaseIsUp(env().DATABASE_URL));
  } catch {
    return true;
  }
}

/**
 * An error that is not a problem we raised: 503 if the database is the cause, else a plain 500. Neither says
 * more than that; the details go to the server's log only.
 */
async function unexpectedErrorResponse(error: unknown, instance: string | undefined): Promise<Response> {
  if (isConnectionError(error) || (await databaseIsDown())) {
    const problem = serviceUnavailableProblem();
    return problemResponse(problem.problem, { ...corsHeaders, ...problem.headers }, instance);
  }
  console.error("API request failed", instance, error);
  if (isDataException(error)) {
    // A value the schemas let through but PostgreSQL refused (out of range): still the request's fault, not a 500.
    const problem = new ApiProblem(
      "invalidParameters",
      "A parameter's value is out of the range the registry can look up: use a smaller one.",
      {
        errors: { query: ["A value is out of range."] },
      },
    );
    return problemResponse(problem.problem, corsHeaders, instance);
  }
  const internal = new ApiProblem(
    "internalError",
    "Something went wrong on our side. Try again later; if it persists, tell the registry's staff.",
  );
  return problemResponse(internal.problem, corsHeaders, instance);
}

export async function errorResponse(error: unknown, request: Request): Promise<Response> {
  const instance = instanceOf(request);
  if (error instanceof ApiProblem) return problemResponse(error.problem, { ...corsHeaders, ...error.headers }, instance);
  return unexpectedErrorResponse(error, instance);
}

/**
 * Outside production every response is parsed through its DTO schema before it is sent, so a read that drifts
 * from the contract fails the tests at once. In production the types hold that contract (each read returns the
 * schema's type, mapped field by field) and the parse would cost about as much as the JSON encoding.
 */
const checkResponses = process.env.NODE_ENV !== "production";

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

type Input<O extends Operation> = {
  query: O["query"] extends z.ZodObject ? z.output<O["query"]> : Record<string, never>;
  params: O["pathParams"] extends z.ZodObject ? z.output<O["pathParams"]> : Record<string, never>;
  request: Request;
};

/** What the read returns: the response's input type, so the handler may return plain rows that the schema checks. */
type Output<O extends Operation> = z.input<O["response"]> | null;

export function methodNotAllowed(request: Request): Response {
  const problem = new ApiProblem("methodNotAllowed", `This API is read-only: use GET. ${request.method} is not allowed here.`);
  return problemResponse(problem.problem, { ...corsHeaders, Allow: allowedMethods }, instanceOf(request));
}

/** The answer to a CORS preflight (and to a plain OPTIONS). */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders,
      Allow: allowedMethods,
      "Access-Control-Allow-Methods": allowedMethods,
      "Access-Control-Allow-Headers": "If-None-Match, Accept, Accept-Language",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * The handlers of one route: GET runs `read` with the parsed query and path parameters, returns 404 when it
 * returns null, and (outside production) checks its result against the operation's response schema, the one
 * the OpenAPI document is built from; HEAD is GET without the body; OPTIONS answers preflights; the writing
 * methods answer 405.
 */
export function apiRoute<O extends Operation>(operation: O, read: (input: Input<O>) => Promise<Output<O>>) {
  async function GET(request: Request, context?: RouteContext): Promise<Response> {
    try {
      const url = new URL(request.url);
      const query = operation.query ? parseQuery(operation.query, url.searchParams) : {};
      let params = {};
      if (operation.pathParams) {
        const parsed = operation.pathParams.safeParse((await context?.params) ?? {});
        if (!parsed.success) throw new ApiProblem("notFound", "There is no such record: check the address.");
        params = parsed.data;
      }
      const result = await read({ query, params, request } as Input<O>);
      if (result === null)
        throw new ApiProblem(
          "notFound",
          `There is no such record at ${url.pathname}. Check the address, or find the record through the list.`,
        );
      return jsonResponse(request, checkResponses ? operation.response.parse(result) : result, operation.maxAge);
    } catch (error) {
      return errorResponse(error, request);
    }
  }

  async function HEAD(request: Request, context?: RouteContext): Promise<Response> {
    const response = await GET(request, context);
    return new Response(null, { status: response.status, headers: response.headers });
  }

  return {
    GET,
    HEAD,
    OPTIONS: preflight,
    POST: methodNotAllowed,
    PUT: methodNotAllowed,
    PATCH: methodNotAllowed,
    DELETE: methodNotAllowed,
  };
}
