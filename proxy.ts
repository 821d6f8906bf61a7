import { NextResponse, type NextRequest } from "next/server";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { databaseIsUp } from "@/lib/health";
import { detectLocale, localeCookie } from "@/lib/i18n/locale";

/** The request header in which the proxy passes the page's path to the staff pages' guard. */
const pathHeader = "x-interregio-path";

/** Answers 503 with a plain page while the database is down. Authorization is not done here: every action checks it. */
export async function proxy(request: NextRequest) {
  const url = process.env.DATABASE_URL;
  if (url && (await databaseIsUp(url))) {
    // The staff pages' guard sends a signed-out reader to sign in and back to this path (lib/session.ts).
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(pathHeader, request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  return unavailableResponse(detectLocale(request.cookies.get(localeCookie)?.value, request.headers.get("accept-language")));
}

export function unavailableResponse(locale: "en" | "ru") {
  const t = (locale === "ru" ? ru : en).unavailable;
  const site = (locale === "ru" ? ru : en).site;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title} – ${site.name}</title>
<style>body{margin:0;font-family:"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c}header{background:#0b0c0c;color:#fff;border-bottom:8px solid #1d70b8;padding:12px 16px;font-weight:700;font-size:1.5rem}main{max-width:60rem;margin:0 auto;padding:32px 16px}h1{font-size:2.25rem;line-height:1.1}a{color:#1d70b8}a:focus{background:#fd0;color:#0b0c0c;outline:3px solid transparent}</style></head>
<body><header>${site.name}</header><main id="main"><h1>${t.title}</h1><p>${t.text}</p><p><a href="">${t.retry}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": "30", "cache-control": "no-store" },
  });
}

export const config = {
  // Pages and actions; not static assets, which need no database, and not the JSON API, whose handlers answer
  // an outage themselves with a 503 problem+json (lib/api/http.ts): the proxy's pass costs an API request a
  // third of its time (the search API served 170 requests/s through it, 270 without).
  matcher: ["/((?!api/v1|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
