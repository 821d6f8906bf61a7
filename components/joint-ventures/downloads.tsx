import { getLocale, getTranslations } from "next-intl/server";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { paths, type Query } from "@/lib/paths";

/**
 * Links to the whole filtered result as files; plain links, so the browser downloads them itself. Excel first:
 * it opens with typed cells in any spreadsheet program; the CSV in the reader's language and separator.
 */
export async function JointVentureDownloads({ query, total }: { query: Query; total: number }) {
  const [t, locale] = await Promise.all([getTranslations("jointVentures"), getLocale().then(toLocale)]);
  return (
    <div className="mb-4">
      <p className="text-muted">{t("downloadHint", { count: total })}</p>
      <ul className="flex flex-wrap gap-x-6">
        <li>
          <a href={paths.api.jointVenturesExport("xlsx", { ...query, ...fileParams(locale, "xlsx") })} download>
            {t("downloadXlsx")}
          </a>
        </li>
        <li>
          <a href={paths.api.jointVenturesExport("csv", { ...query, ...fileParams(locale, "csv") })} download>
            {t("downloadCsv")}
          </a>
        </li>
        <li>
          <a href={paths.api.jointVenturesExport("json", query)} download>
            {t("downloadJson")}
          </a>
        </li>
      </ul>
    </div>
  );
}
