import { NextResponse, type NextRequest } from "next/server";
import { renderBriefingPdf } from "@/lib/briefing/pdf";
import { getBriefingData } from "@/lib/briefing/queries";
import { BriefingPdfParamsSchema } from "@/lib/briefing/schema";
import { buildBriefingView } from "@/lib/briefing/view";
import { env } from "@/lib/env";
import { detectLocale, localeCookie } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * The briefing pack as a PDF (staff only, checked here against the database: the (staff) layout does not run
 * for a route). The language is the `lang` asked for, else the reader's; `ministry` and `mark` head every page.
 * Never cached: it answers one user.
 */
export async function GET(request: NextRequest) {
  try {
    const user = await getCurrentUser();
    if (!user) {
      // A browser following the download link is sent to sign in and back to the briefing; anything else is told.
      if (request.headers.get("accept")?.includes("text/html")) {
        return NextResponse.redirect(new URL(paths.signIn(briefingPageOf(request)), request.url), 303);
      }
      return problem(401, "Unauthorized", "Sign in first: the briefing pack is for staff.");
    }
    if (user.mustChangePassword) {
      return problem(403, "Forbidden", "Choose a new password first: an admin's one-time password is still yours.");
    }

    const parsed = BriefingPdfParamsSchema.safeParse(queryOf(request));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
      const detail = Object.values(errors).flat().join(" ");
      return problem(400, "Invalid parameters", detail, errors);
    }
    const { region, partner, ministry, mark } = parsed.data;
    const lang = parsed.data.lang ?? detectLocale(request.cookies.get(localeCookie)?.value, request.headers.get("accept-language"));
    const data = await getBriefingData(region, partner, lang);
    if (!data) return problem(404, "Not found", "There is no such region in the registry: check region and partner.");

    const now = new Date();
    const pdf = await renderBriefingPdf(buildBriefingView(data, lang, now, { ministry, mark }), publicOrigin(request));
    const filename = ["interregio-briefing", region, partner, lang, now.toISOString().slice(0, 10)].filter(Boolean).join("-");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}.pdf"`,
        "content-length": String(pdf.length),
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    console.error("Briefing PDF failed", error);
    return problem(503, "Service unavailable", "The briefing could not be made just now. Try again in a minute.");
  }
}

/** Each parameter's first value; a repeated one is read once, as the page reads it. */
function queryOf(request: NextRequest): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of request.nextUrl.searchParams) if (!(key in query)) query[key] = value;
  return query;
}

/** The briefing page for the same choice, where signing in comes back to. */
function briefingPageOf(request: NextRequest): string {
  const { region, partner, lang, ministry, mark } = queryOf(request);
  const parsed = BriefingPdfParamsSchema.safeParse({ region, partner, lang, ministry, mark });
  return parsed.success ? paths.staff.briefing(parsed.data) : paths.staff.briefing();
}

/** The address readers of the file can open: the configured public one, else the request's own. */
function publicOrigin(request: NextRequest): string {
  const configured = env().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : request.nextUrl.origin;
}

function problem(status: number, title: string, detail: string, errors?: Record<string, string[]>) {
  return NextResponse.json(
    { type: "about:blank", title, status, detail, ...(errors ? { errors } : {}) },
    { status, headers: { "content-type": "application/problem+json", "cache-control": "private, no-store" } },
  );
}
