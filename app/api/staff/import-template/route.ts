import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { recordTypes } from "@/lib/import/fields";
import { buildTemplate } from "@/lib/import/template";
import { locales } from "@/lib/i18n/locale";

const TemplateParamsSchema = z.object({ type: z.enum(recordTypes), lang: z.enum(locales).default("ru") });

/**
 * The import template of one record type, as XLSX: headers in both languages, drop-down lists from the
 * registry, one example row (lib/import/template.ts). Staff only, checked here against the database.
 *
 *   /api/staff/import-template?type=organizations&lang=ru
 */
export async function GET(request: NextRequest) {
  const headers = { "cache-control": "private, no-store" };
  try {
    const user = await getCurrentUser();
    if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers });
    const parsed = TemplateParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) {
      return NextResponse.json(
        { error: `Give type (${recordTypes.join(", ")}) and, if you like, lang (ru or en).` },
        { status: 400, headers },
      );
    }
    const { type, lang } = parsed.data;
    const body = await buildTemplate(type, lang);
    return new NextResponse(new Uint8Array(body), {
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="interregio-${type}-${lang}.xlsx"`,
      },
    });
  } catch (error) {
    console.error("Import template failed", error);
    return NextResponse.json({ error: "The registry is not available. Try again in a minute." }, { status: 503, headers });
  }
}
