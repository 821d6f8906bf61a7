import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * The process's structured log: one JSON object a line on stdout (pino), for a log collector to read. The
 * server (scripts/serve.ts, lib/http/request-log.ts) writes one line per request; errors carry their stack.
 * No module logs a request or response body.
 *
 * No "server-only": the server script loads this outside Next. The logger and the request context live on
 * globalThis, because the server script and Next's bundle load this module separately in one process.
 */

/**
 * What is never written, wherever it sits in a logged object (top level or one level down): secrets by name,
 * and the headers that carry them. pino replaces the value, so a careless `log.info({ body })` still leaks none.
 */
export const redactedPaths = ["password", "passwordHash", "token", "secret", "authorization", "cookie", "set-cookie"].flatMap((key) => [
  `["${key}"]`,
  `*["${key}"]`,
  `*.headers["${key}"]`,
]);

/** A logger at `level`; pretty-printed for people in development (pino-pretty, a development dependency only). */
export function createLogger(level: string, { pretty = false, destination }: { pretty?: boolean; destination?: DestinationStream } = {}) {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: redactedPaths, censor: "[redacted]" },
      ...(pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid" } } } : {}),
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as {
  interregioLogger?: Logger;
  interregioRequestContext?: AsyncLocalStorage<RequestContext>;
};

/** The process's logger, at LOG_LEVEL. */
export function logger(): Logger {
  return (globalForLog.interregioLogger ??= createLogger(env().LOG_LEVEL, { pretty: process.env.NODE_ENV === "development" }));
}

/** What the request log line learns while Next handles the request. */
export type RequestContext = { requestId: string; userId?: number };

/** The context of the request being handled; scripts/serve.ts runs each request in one. */
export const requestContext = (globalForLog.interregioRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Records the signed-in staff user for the request's log line (lib/auth/session.ts, once per request). */
export function noteSignedInUser(userId: number) {
  const context = requestContext.getStore();
  if (context) context.userId = userId;
}
