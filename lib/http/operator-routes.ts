import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { notReadyReason } from "@/lib/db/health";
import { env } from "@/lib/env";
import { answerPlainText } from "@/lib/http/incoming";
import { logger } from "@/lib/log";
import { metricsText } from "@/lib/metrics";

/**
 * The operators' routes, answered by the server script (scripts/serve.ts) before Next sees the request: no proxy,
 * no session, no page; plain text that no cache keeps.
 *
 *   /healthz   200 while the process answers at all (liveness)
 *   /readyz    200 when PostgreSQL answers with every migration applied and the process is not shutting down,
 *              else 503 with the reason (readiness: a load balancer sends traffic elsewhere)
 *   /metrics   Prometheus metrics (lib/metrics.ts), only with `Authorization: Bearer $METRICS_TOKEN`; 404 when
 *              METRICS_TOKEN is unset, 401 without the right token
 */
export const operatorRoutes = ["/healthz", "/readyz", "/metrics"] as const;
export type OperatorRoute = (typeof operatorRoutes)[number];

/** What the routes read of the server: whether it is shutting down, and where the migrations are. */
export type ServerState = { shuttingDown: boolean; migrationsDir: string };

/** The operator route `path` names, or null for every other path (Next's). */
export function operatorRouteOf(path: string): OperatorRoute | null {
  return (operatorRoutes as readonly string[]).includes(path) ? (path as OperatorRoute) : null;
}

/** Answers `route`; never throws (a failure is a 500 with no detail, and the error with its stack in the log). */
export async function answerOperatorRoute(route: OperatorRoute, request: IncomingMessage, response: ServerResponse, state: ServerState) {
  if (request.method !== "GET" && request.method !== "HEAD")
    return answerPlainText(response, 405, "Method Not Allowed", { allow: "GET, HEAD" });
  try {
    if (route === "/healthz") return answerPlainText(response, 200, "ok");
    if (route === "/readyz") {
      const reason = state.shuttingDown ? "shutting down" : await notReadyReason(env().DATABASE_URL, state.migrationsDir);
      return answerPlainText(response, reason ? 503 : 200, reason ?? "ready");
    }
    const token = env().METRICS_TOKEN;
    if (!token) return answerPlainText(response, 404, "Not Found");
    if (!bearerMatches(request.headers.authorization, token)) {
      return answerPlainText(response, 401, "Unauthorized", { "www-authenticate": 'Bearer realm="metrics"' });
    }
    const { text, contentType } = await metricsText();
    response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(text);
  } catch (error) {
    logger().error({ err: error, route }, "operator route failed");
    if (!response.headersSent) answerPlainText(response, 500, "Internal Server Error");
    else response.destroy();
  }
}

/**
 * Whether `header` is `Bearer <token>`. The two are hashed to one length and compared in constant time, so the
 * time taken tells nothing of how much of the token was right, nor of its length.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer (\S+)$/i.exec(header ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(token)) && sent.length > 0;
}
