import { z } from "zod";
import { staffJson, staffRoute, xlsxDownload } from "@/lib/http/staff-route";
import { recordTypes } from "@/lib/import/fields";
import { buildTemplate } from "@/lib/import/template";
import { locales } from "@/lib/i18n/locale";

const TemplateParamsSchema = z.object({ type: z.enum(recordTypes), lang: z.enum(locales).default("ru") });

/**
 * The import template of one record type, as XLSX: headers in both languages, drop-down lists from the
 * registry, one example row (lib/import/template.ts).
 *
 *   /api/staff/import-template?type=organizations&lang=ru
 */
export const GET = staffRoute("Import template", async (request) => {
  const parsed = TemplateParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return staffJson({ error: `Give type (${recordTypes.join(", ")}) and, if you like, lang (ru or en).` }, 400);
  const { type, lang } = parsed.data;
  return xlsxDownload(await buildTemplate(type, lang), `interregio-${type}-${lang}.xlsx`);
});
