import type { IncomingMessage, ServerResponse } from "node:http";
import type { Instrumentation } from "next";

/**
 * Runs once when the server starts. It refuses to start without the configuration (lib/env.ts: in production a
 * missing NEXTAUTH_SECRET or DATABASE_URL throws here, and the server does not come up), and answers TRACE
 * itself: Next builds a web Request for the proxy, which cannot carry TRACE, so without this such a request
 * gets a 500 and a stack trace in the log. Unless JOB_WORKER=off, it also starts this process's background
 * workers (lib/jobs/worker-process.ts): imports queued by any instance are committed here, and those a stopped
 * process left half-done are queued again to resume; the full download is rebuilt after writes. (A cluster of
 * several processes sets JOB_WORKER=off on its page servers and runs the workers in a process of their own:
 * scripts/serve.ts.) It joins the cache bus, so that every process's reads see
 * every process's writes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const config = (await import("@/lib/env")).assertConfigured();
  await refuseTrace();
  // The processes and instances tell each other what their writes changed (lib/cache.ts).
  if (process.env.INTERREGIO_CACHE !== "off") void (await import("@/lib/cache")).connectCacheBus(config.DATABASE_URL);
  if (config.JOB_WORKER === "on") void (await import("@/lib/jobs/worker-process")).startJobWorkers(config.DATABASE_URL);
}

/**
 * A request failed on the server: it is logged with its stack, its request id and its route pattern
 * (lib/log.ts), and the database may have just gone down. The proxy then checks it again on the next request
 * instead of trusting its last check (lib/db/health.ts), so the 503 page shows at once.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "edge") return;
  const [{ logger }, { distrustLastCheck }, { requestIdHeader }] = await Promise.all([
    import("@/lib/log"),
    import("@/lib/db/health"),
    import("@/lib/http/incoming"),
  ]);
  const { method, headers } = request;
  logger().error({ err: error, requestId: headers[requestIdHeader], method, route: context.routePath }, "request failed");
  distrustLastCheck();
};

let refusing = false;

/** Answers TRACE (and TRACK, where the HTTP parser lets it through) with 405 before Next sees the request. */
async function refuseTrace() {
  if (refusing) return;
  refusing = true;
  const [{ Server }, security] = await Promise.all([import("node:http"), import("@/lib/http/security-headers")]);
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: InstanceType<typeof Server>, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (request.method === "TRACE" || request.method === "TRACK") {
        const headers: Record<string, string> = { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8" };
        for (const { key, value } of security.fixedSecurityHeaders) headers[key] = value;
        headers["Content-Security-Policy"] = security.apiContentSecurityPolicy;
        response.writeHead(405, headers).end("Method Not Allowed\n");
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
