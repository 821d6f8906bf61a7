import { NextResponse, type NextRequest } from "next/server";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { undecodablePathProblem } from "@/lib/api/address";
import { corsHeaders } from "@/lib/api/http";
import { problemResponse } from "@/lib/api/problem";
import { databaseIsUp } from "@/lib/db/health";
import { actionArgumentsTooDeep } from "@/lib/http/action-body";
import { actionBodyLimit } from "@/lib/http/body-size";
import { detectLocale, localeCookie, type Locale } from "@/lib/i18n/locale";
import {
  apiContentSecurityPolicy,
  contentSecurityPolicy,
  createNonce,
  fixedSecurityHeaders,
  servedOverHttps,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

/** The request header in which the proxy passes the page's path to the staff pages' guard. */
const pathHeader = "x-interregio-path";

/** Pages are read (GET, HEAD) and post their server actions (POST); nothing else reaches them. */
const pageMethods = ["GET", "HEAD", "POST"];
/** Methods no route of ours answers: TRACE echoes requests back (cross-site tracing), CONNECT opens tunnels. */
const refusedEverywhere = new Set(["TRACE", "TRACK", "CONNECT"]);

/**
 * Runs before every page, action and the non-JSON API routes. It refuses what no page can answer (a path that
 * does not decode, a method pages do not take, an action posted from another site, a body over the actions'
 * limit) with a small page of its own, answers 503 while the database is down, and gives every page a CSP
 * with a fresh nonce. Authorization is not done here: every action checks it. Of the JSON API it sees only the
 * paths with a `%` (see `config`), and refuses those that do not decode.
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/v1/")) return checkApiAddress(request);
  const nonce = createNonce();
  const headers = securityHeaders(request, contentSecurityPolicy(nonce, process.env.NODE_ENV === "development"));
  const locale = detectLocale(request.cookies.get(localeCookie)?.value, request.headers.get("accept-language"));

  const refusal = refuseRequest(request);
  if (refusal) return plainPage(locale, refusal, headers);
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/") && (await actionArgumentsTooDeep(request))) {
    return plainPage(locale, { status: 400, page: "badRequest" }, headers);
  }

  // A server action answers an outage itself, with the form's state: "not saved, try again" beside everything
  // the editor typed (lib/actions/staff-action.ts). The 503 page would replace the form and lose that text.
  const url = process.env.DATABASE_URL;
  const isActionCall = request.method === "POST" && request.headers.has("next-action");
  if (!isActionCall && (!url || !(await databaseIsUp(url)))) return plainPage(locale, { status: 503, page: "unavailable" }, headers);

  const requestHeaders = new Headers(request.headers);
  // The staff pages' guard sends a signed-out reader to sign in and back to this path (lib/auth/session.ts).
  requestHeaders.set(pathHeader, request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the nonce from the request's CSP and puts it on its own scripts (the Next 16 CSP guide).
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

type Refusal = {
  status: 400 | 403 | 405 | 413 | 503;
  page: "badAddress" | "badRequest" | "methodNotAllowed" | "crossSite" | "bodyTooLarge" | "unavailable";
};

/** Why this request is refused before any page sees it, or null to let it through. */
export function refuseRequest(request: NextRequest): Refusal | null {
  const path = request.nextUrl.pathname;
  // `%ff`, `%zz` and a lone `%` do not decode; a NUL reaches no record. Next itself would answer 500.
  const decoded = decodeOrNull(path);
  if (decoded === null || decoded.includes("\u0000")) return { status: 400, page: "badAddress" };

  const method = request.method.toUpperCase();
  const isApi = path.startsWith("/api/");
  // The API's route handlers answer other methods with 405 themselves.
  if (refusedEverywhere.has(method) || (!isApi && !pageMethods.includes(method))) return { status: 405, page: "methodNotAllowed" };

  // Next refuses a server action from another site with a 500; a refusal is a 403. Pages take POST only for actions,
  // and the staff routes only from the workspace's own forms (the import's upload), which carry the staff cookie.
  const isAction = request.headers.has("next-action") || (method === "POST" && (!isApi || path.startsWith("/api/staff/")));
  if (isAction && !sameSite(request)) return { status: 403, page: "crossSite" };

  // Over the actions' limit Next answers 500 after reading it all; the staff form never sends so much.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (method === "POST" && !isApi && length > actionBodyLimit.bytes) return { status: 413, page: "bodyTooLarge" };
  return null;
}

/**
 * Whether an action comes from this site: its Origin is the public address's (NEXTAUTH_URL: scheme, host and
 * port), or, when that is unset, the origin of the URL Next built for this request. Host and X-Forwarded-Host
 * are not asked: whoever sends the request chooses them. A request without an Origin is not from a browser
 * (browsers send one on every POST) and is let through, as Next 16's own check does: handleAction in
 * next/dist/server/app-render/action-handler.js lets a missing Origin pass with a warning, since a handmade
 * request carries no one's cookies but its sender's.
 */
function sameSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const sent = originOf(origin); // null for "null", from a sandboxed frame or a file
  return sent !== null && sent === (originOf(process.env.NEXTAUTH_URL) ?? request.nextUrl.origin);
}

/** A URL's origin as browsers write it (lower case, no default port), or null when it is not a URL. */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

function decodeOrNull(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * An API path that does not decode gets the API's 400 problem+json, with the headers of the API's other answers
 * (next.config.ts does not reach an answer the proxy makes); any other goes on to its route handler.
 */
function checkApiAddress(request: NextRequest): Response {
  const problem = undecodablePathProblem(request.nextUrl.pathname);
  if (!problem) return NextResponse.next();
  const headers = { ...corsHeaders, ...securityHeaders(request, apiContentSecurityPolicy) };
  return problemResponse(problem.problem, headers, request.nextUrl.pathname + request.nextUrl.search);
}

/** The headers every answer of the proxy carries, its own pages included; HSTS only over HTTPS. */
function securityHeaders(request: NextRequest, policy: string): Record<string, string> {
  const headers: Record<string, string> = { "content-security-policy": policy };
  for (const { key, value } of fixedSecurityHeaders) headers[key.toLowerCase()] = value;
  if (servedOverHttps(request.headers.get("x-forwarded-proto"), process.env.NEXTAUTH_URL, request.nextUrl.protocol)) {
    headers["strict-transport-security"] = strictTransportSecurity;
  }
  return headers;
}

/** A small page without scripts, in the reader's language, for the proxy's own answers. */
function plainPage(locale: Locale, { status, page }: Refusal, security: Record<string, string>) {
  const catalogue = locale === "ru" ? ru : en;
  const texts =
    page === "unavailable"
      ? { title: catalogue.unavailable.title, text: catalogue.unavailable.text, link: catalogue.unavailable.retry, href: "" }
      : { title: catalogue.errors[`${page}Title`], text: catalogue.errors[page], link: catalogue.notFound.back, href: "/" };
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${texts.title} – ${catalogue.site.name}</title>
<style>body{margin:0;font-family:"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c}header{background:#0b0c0c;color:#fff;border-bottom:8px solid #1d70b8;padding:12px 16px;font-weight:700;font-size:1.5rem}main{max-width:60rem;margin:0 auto;padding:32px 16px}h1{font-size:2.25rem;line-height:1.1}a{color:#1d70b8}a:focus{background:#fd0;color:#0b0c0c;outline:3px solid transparent}</style></head>
<body><header>${catalogue.site.name}</header><main id="main"><h1>${texts.title}</h1><p>${texts.text}</p><p><a href="${texts.href}">${texts.link}</a></p></main></body></html>`;
  const headers: Record<string, string> = { ...security, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  if (status === 503) headers["retry-after"] = "30";
  if (status === 405) headers.allow = pageMethods.join(", ");
  return new NextResponse(html, { status, headers });
}

export const config = {
  matcher: [
    // Pages and actions; not static assets, which need no database, and not the JSON API, whose handlers answer
    // an outage themselves with a 503 problem+json (lib/api/http.ts) and carry next.config.ts's headers: the
    // proxy's pass costs an API request a third of its time (the search API served 170 requests/s through it, 270 without).
    "/((?!api/v1|_next/static|_next/image|favicon.ico|robots.txt).*)",
    // Of the API, only a path with a percent sign, which may not decode (`%ff`): Next would answer it a bare 500.
    // Next tries the raw path as well as the decoded one, so `%` is seen here.
    "/api/v1/:path(.*%.*)",
  ],
};
