import type { IncomingMessage, ServerResponse } from "node:http";
import { requestIdHeader } from "@/lib/http/incoming";
import type { OperatorRoute } from "@/lib/http/operator-routes";
import { logger, type RequestContext } from "@/lib/log";
import { observeRequest } from "@/lib/metrics";

/**
 * Where Next keeps what it learned of a request (next/dist/server/request-meta.js); `match` is the route it
 * chose. Internal to Next, so read defensively: without it a request counts as "unmatched".
 */
const nextRequestMeta = Symbol.for("NextInternalRequestMeta");
type NextMeta = { match?: { definition?: { pathname?: unknown } } };

/** The request's path without its query, cut to a length a log line can carry. */
export function pathOf(request: IncomingMessage): string {
  return (request.url ?? "/").split("?", 1)[0]!.slice(0, 512);
}

/**
 * The route as a metric label, from a bounded set whatever paths clients send: an operator route, the route
 * pattern Next matched (`/organizations/[slug]`), Next's own files, or "unmatched" (a 404, or a request the proxy
 * or the server answered before Next chose a route).
 */
export function routeLabel(request: IncomingMessage, operatorRoute: OperatorRoute | null): string {
  if (operatorRoute) return operatorRoute;
  const matched = (request as IncomingMessage & { [nextRequestMeta]?: NextMeta })[nextRequestMeta]?.match?.definition?.pathname;
  if (typeof matched === "string") return matched;
  return pathOf(request).startsWith("/_next/") ? "/_next" : "unmatched";
}

/**
 * The request's context (lib/log.ts), and, once its response has ended or its client has gone, its log line and
 * its count in the metrics. The line has the request id, method, path, route, status, duration and the staff
 * user when the request read the session; never a header, cookie or body. The operators' routes, polled every
 * few seconds, log at debug level.
 */
export function trackRequest(request: IncomingMessage, response: ServerResponse, operatorRoute: OperatorRoute | null): RequestContext {
  const started = process.hrtime.bigint();
  const context: RequestContext = { requestId: String(request.headers[requestIdHeader] ?? "") };
  response.once("close", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const route = routeLabel(request, operatorRoute);
    observeRequest(route, response.statusCode, ms / 1000);
    const line = {
      requestId: context.requestId,
      method: request.method,
      path: pathOf(request),
      route,
      status: response.statusCode,
      ms: Math.round(ms * 10) / 10,
      ...(context.userId === undefined ? {} : { userId: context.userId }),
      // The client went away before the response was sent in full.
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    logger()[operatorRoute ? "debug" : "info"](line, "request");
  });
  return context;
}
