"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
      <p className="mb-6 max-w-3xl">{t("text")}</p>
      <button type="button" onClick={reset} className="cursor-pointer bg-panel px-4 py-2 shadow-[0_2px_0_#929191]">
        {t("retry")}
      </button>
    </div>
  );
}
