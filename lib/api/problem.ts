import { z } from "zod";
import { paths } from "@/lib/paths";

/**
 * Errors of the JSON API as RFC 9457 problem details (`application/problem+json`). Every problem names what
 * to fix in plain words; none carries a stack, SQL or a driver message.
 */

export const problemContentType = "application/problem+json";

/** The kinds of problem. Each `type` points at its description in the OpenAPI document. */
export const problemKinds = {
  invalidParameters: { status: 400, title: "Invalid parameters", component: "InvalidParameters" },
  notFound: { status: 404, title: "Not found", component: "NotFound" },
  methodNotAllowed: { status: 405, title: "Method not allowed", component: "MethodNotAllowed" },
  internalError: { status: 500, title: "Internal error", component: "InternalError" },
  serviceUnavailable: { status: 503, title: "Service unavailable", component: "ServiceUnavailable" },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export function problemType(kind: ProblemKind) {
  return `${paths.api.openapi()}#/components/responses/${problemKinds[kind].component}`;
}

export const ProblemSchema = z.object({
  type: z.string().describe("A URI reference that names the kind of problem: its description in this document."),
  title: z.string().describe("A short summary of the kind of problem."),
  status: z.number().int().describe("The HTTP status code."),
  detail: z.string().describe("What went wrong with this request and what to do about it."),
  instance: z.string().optional().describe("The path and query of the request."),
  errors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe("For invalid parameters: each parameter's name and what is wrong with its value."),
});

export type Problem = z.infer<typeof ProblemSchema>;

/** Thrown by a handler (or the query parsing) to answer with a problem instead of a result. */
export class ApiProblem extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(kind: ProblemKind, detail: string, extra: { errors?: Record<string, string[]>; headers?: Record<string, string> } = {}) {
    super(detail);
    const { status, title } = problemKinds[kind];
    this.problem = { type: problemType(kind), title, status, detail, ...(extra.errors ? { errors: extra.errors } : {}) };
    this.headers = extra.headers ?? {};
  }
}

/** Zod issues as RFC 9457 `errors`: parameter name -> messages; unknown parameters are named too. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(key, "This parameter is not known here: check its spelling against the API description.");
      continue;
    }
    // Keyed by the parameter, also for one bad value of a repeated parameter (path ["kind", 1]).
    add(issue.path.length > 0 ? String(issue.path[0]) : "query", issue.message);
  }
  return errors;
}

export function invalidParameters(issues: readonly z.core.$ZodIssue[]) {
  const errors = fieldErrors(issues);
  const names = Object.keys(errors);
  return new ApiProblem(
    "invalidParameters",
    `Check the ${names.length === 1 ? "parameter" : "parameters"} ${names.join(", ")}: ${names.map((name) => errors[name]!.join(" ")).join(" ")}`,
    { errors },
  );
}

/** The response for a problem; problems are never cached, so a fixed record or a recovered database shows at once. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}, instance?: string): Response {
  const body = instance === undefined ? problem : { ...problem, instance };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { "Content-Type": problemContentType, "Cache-Control": "no-store", ...headers },
  });
}

/**
 * 503 while PostgreSQL is down. Exported so that the proxy can answer API clients in JSON rather than with the
 * HTML page it shows readers.
 */
export function serviceUnavailableProblem() {
  return new ApiProblem("serviceUnavailable", "The registry's database cannot be reached just now. Try again in a minute.", {
    headers: { "Retry-After": "30" },
  });
}

/**
 * The whole 503 answer for an API request while the database is down, for the proxy (proxy.ts), which answers
 * before any route handler runs: API clients get problem+json there too, not the readers' HTML page.
 */
export function apiUnavailableResponse(instance?: string): Response {
  const unavailable = serviceUnavailableProblem();
  return problemResponse(unavailable.problem, { "Access-Control-Allow-Origin": "*", ...unavailable.headers }, instance);
}
