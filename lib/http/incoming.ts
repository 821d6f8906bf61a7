import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiContentSecurityPolicy, fixedSecurityHeaders } from "@/lib/http/security-headers";

/**
 * What the server (scripts/serve.ts) does to every request before Next sees it. Node's socket is the one
 * address a client cannot choose, and Next's handlers never see it (next-auth gets headers only), so the
 * server writes it into `clientAddressHeader`, dropping any copy the client sent. Forwarded headers are
 * believed only behind trusted proxies (TRUSTED_PROXY=n); otherwise they are removed, and Next fills them in
 * from the socket and the Host header. Every request gets an id in `requestIdHeader`, sent back on the response
 * and written on its log line: a trusted proxy's (behind TRUSTED_PROXY, when it looks like an id), else a new one.
 */
export const clientAddressHeader = "x-interregio-client-address";
export const requestIdHeader = "x-request-id";
const requestIdPattern = /^[\w.:@-]{1,128}$/;

const forwardedHeaders = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/** How many reverse proxies in front of the app append to X-Forwarded-For: TRUSTED_PROXY, 0 when unset or unreadable. */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY): number {
  const hops = Number(value ?? "");
  return Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0;
}

/**
 * Prepares `request` for Next, or answers it itself and returns false. A request body must say its length:
 * browsers always do, and a chunked body would reach the server action's reader, which counts it only after
 * reading it all (a 2 MB chunked post answered 500); it is refused with 411 before any of it is read.
 */
export function prepareIncoming(request: IncomingMessage, response: ServerResponse, hops = trustedProxyHops()): boolean {
  delete request.headers[clientAddressHeader];
  const address = request.socket.remoteAddress;
  if (address) request.headers[clientAddressHeader] = address;
  if (hops === 0) for (const name of forwardedHeaders) delete request.headers[name];
  const sentId = request.headers[requestIdHeader];
  if (hops === 0 || typeof sentId !== "string" || !requestIdPattern.test(sentId)) request.headers[requestIdHeader] = randomUUID();
  response.setHeader(requestIdHeader, request.headers[requestIdHeader]!);

  if (request.headers["transfer-encoding"] !== undefined && request.headers["content-length"] === undefined) {
    answerPlainText(response, 411, "Length Required: send the body with a Content-Length.", { connection: "close" });
    return false;
  }
  return true;
}

/** Answers with a line of plain text that no cache keeps, and the headers every answer carries. */
export function answerPlainText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  const head: Record<string, string> = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
  for (const { key, value } of fixedSecurityHeaders) head[key.toLowerCase()] = value;
  head["content-security-policy"] = apiContentSecurityPolicy;
  response.writeHead(status, { ...head, ...headers });
  response.end(`${text}\n`);
}
