import { getTranslations } from "next-intl/server";
import { paths, type Query } from "@/lib/paths";

/** Links to the whole filtered result as files; plain links, so the browser downloads them itself. */
export async function JointVentureDownloads({ query, total }: { query: Query; total: number }) {
  const t = await getTranslations("jointVentures");
  return (
    <div className="mb-4">
      <p className="text-muted">{t("downloadHint", { count: total })}</p>
      <ul className="flex flex-wrap gap-x-6">
        <li>
          <a href={paths.api.jointVenturesExport("csv", query)} download>
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
