import "server-only";
import { NextRequest } from "next/server";
import type { NextAuthOptions } from "next-auth";
import { paths } from "@/lib/paths";

/**
 * The HTTP side of next-auth 4's route (app/api/auth/[...nextauth]/route.ts). next-auth answers HEAD with 400,
 * the credentials callback on GET with a 500, a malformed JSON body, an unreadable callbackUrl or an error code
 * it cannot put in a Location header with a 500 (node_modules/next-auth/core/index.js). These are the request's
 * faults: they are answered here with a 4xx in JSON before next-auth sees them, and HEAD runs as GET.
 */

type RouteContext = { params: Promise<{ nextauth?: string[] }> };
type Handler = (request: NextRequest, context: RouteContext) => Promise<Response>;

/** The largest body read: the sign-in form sends under 1 KB (email, password, CSRF token, return address). */
export const authBodyLimit = 64 * 1024;

/** A placeholder origin to resolve a relative callbackUrl against, as next-auth does, without a real request's. */
const base = "http://interregio.invalid";

/** The cookies in which next-auth keeps the return address across the sign-in (plain and over HTTPS). */
const callbackCookies = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** What next-auth's error codes look like, also ours from lib/auth/sign-in.ts (`throttled:<ISO time>`). */
const errorCode = /^[A-Za-z0-9_.:+-]{1,200}$/;

/** The methods next-auth answers for an action (and provider), or null when it has no such address. */
function methodsFor(action: string | undefined, provider: string | undefined, options: NextAuthOptions): string[] | null {
  switch (action) {
    case "providers":
    case "csrf":
    case "error":
    case "verify-request":
      return ["GET"];
    case "session":
    case "signin":
    case "signout":
      return ["GET", "POST"];
    case "_log":
      return ["POST"];
    case "callback": {
      const type = options.providers.find((candidate) => candidate.id === provider)?.type;
      // Credentials are posted by the sign-in form; a provider's redirect comes back by GET (or POST, form_post).
      if (type === "credentials") return ["POST"];
      return type ? ["GET", "POST"] : null;
    }
    default:
      return null;
  }
}

function refusal(status: 400 | 404 | 405 | 413, message: string, headers: [string, string][] = []): Response {
  return Response.json({ error: message }, { status, headers: [["cache-control", "no-store"], ...headers] });
}

/** Whether next-auth can read this as a return address: its check (core/lib/assert.js) would otherwise fail with a 500. */
function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/** Why the address, query or cookies cannot be answered, or null when next-auth may have them. */
function refuseQuery(request: NextRequest, action: string | undefined, provider: string | undefined): Response | null {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && callbackUrl !== "" && !isHttpUrl(callbackUrl)) {
    return refusal(400, "callbackUrl must be an address on this site, such as /workspace.");
  }
  const damaged = callbackCookies.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && value !== "" && !isHttpUrl(value);
  });
  if (damaged.length > 0) {
    const cleared = damaged.map((name): [string, string] => [
      "set-cookie",
      `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
    ]);
    return refusal(400, `The saved return address was damaged and has been cleared: sign in again at ${paths.signIn()}.`, cleared);
  }
  // next-auth writes the error action's code into a Location header as it is: a line break or a character
  // beyond Latin-1 there is a 500.
  const error = action === "error" ? (request.nextUrl.searchParams.get("error") ?? provider) : undefined;
  if (error !== undefined && !errorCode.test(error)) {
    return refusal(400, "error must be a sign-in error code, such as CredentialsSignin.");
  }
  return null;
}

/**
 * The request with its body read and checked: next-auth reads a JSON or form body whole and answers a JSON one
 * that does not parse with a 500. Other bodies it ignores, and so does this.
 */
async function checkBody(request: NextRequest): Promise<NextRequest | Response> {
  const type = request.headers.get("content-type") ?? "";
  const isJson = type.includes("application/json");
  if (!isJson && !type.includes("application/x-www-form-urlencoded")) return request;
  const tooLarge = () => refusal(413, `The body is larger than ${authBodyLimit / 1024} KB: the sign-in form never sends so much.`);
  if (Number(request.headers.get("content-length") ?? 0) > authBodyLimit) return tooLarge();
  const text = await request.text();
  if (text.length > authBodyLimit) return tooLarge();
  if (isJson) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return refusal(
        400,
        "The body is not a JSON object: send the fields as a JSON object, or as a form (application/x-www-form-urlencoded).",
      );
    }
  }
  return new NextRequest(request.url, { method: "POST", headers: request.headers, body: text });
}

/** GET, HEAD and POST for the route: next-auth's handler behind the checks above. */
export function authRoute(handler: Handler, options: NextAuthOptions) {
  async function answer(request: NextRequest, context: RouteContext): Promise<Response> {
    const [action, provider] = (await context.params).nextauth ?? [];
    const methods = methodsFor(action, provider, options);
    if (!methods) return refusal(404, `There is no such sign-in address. Sign in at ${paths.signIn()}.`);
    const method = request.method === "HEAD" ? "GET" : request.method;
    if (!methods.includes(method)) {
      const allow = methods.includes("GET") ? [...methods, "HEAD"] : methods;
      const message = `${request.method} is not allowed here: use ${allow.join(" or ")}. To sign in, use the form at ${paths.signIn()}.`;
      return refusal(405, message, [["allow", allow.join(", ")]]);
    }
    const refused = refuseQuery(request, action, provider);
    if (refused) return refused;
    if (request.method === "HEAD") {
      // next-auth knows no HEAD: it answers the GET, whose body is dropped.
      const response = await handler(new NextRequest(request.url, { method: "GET", headers: request.headers }), context);
      return new Response(null, { status: response.status, headers: response.headers });
    }
    if (method !== "POST") return handler(request, context);
    const checked = await checkBody(request);
    return checked instanceof Response ? checked : handler(checked, context);
  }
  return { GET: answer, HEAD: answer, POST: answer };
}
