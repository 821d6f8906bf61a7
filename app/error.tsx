"use client";

import { useTranslations } from "next-intl";

/**
 * A page failed on the server. Trying again reloads the whole page rather than re-render this one: if the
 * database has just gone down, the failure has already told the proxy (instrumentation.ts), and the reload
 * gets its 503 page, which says so; otherwise the page comes back.
 */
export default function ErrorPage() {
  const t = useTranslations("error");
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
      <p className="mb-6 max-w-3xl">{t("text")}</p>
      <button type="button" onClick={() => window.location.reload()} className="cursor-pointer bg-panel px-4 py-2 shadow-[0_2px_0_#929191]">
        {t("retry")}
      </button>
    </div>
  );
}
