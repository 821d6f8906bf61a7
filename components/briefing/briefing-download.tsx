import { getTranslations } from "next-intl/server";
import { SelectFilter } from "@/components/ui/filter-form";
import { InputFilter } from "@/components/ui/input-filter";
import { BRIEFING_MINISTRY_MAX, briefingMarks, type BriefingMark } from "@/lib/briefing/schema";
import { locales, type Locale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";

/**
 * The PDF of the briefing shown, in the language the reader picks (their own by default), optionally headed on
 * every page by the ministry's name and a classification mark: a GET form to the PDF route, which answers with
 * an attachment, so the browser downloads it and the page stays.
 */
export async function BriefingDownload({
  region,
  partner,
  language,
  ministry,
  mark,
}: {
  region: string;
  partner?: string;
  language: Locale;
  ministry?: string;
  mark?: BriefingMark;
}) {
  const t = await getTranslations("briefing");
  return (
    <form method="get" action={paths.staff.briefingPdf()} aria-label={t("pdfLabel")} className="briefing-noprint mb-8 bg-panel p-4">
      <input type="hidden" name="region" value={region} />
      {partner && <input type="hidden" name="partner" value={partner} />}
      <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
        <SelectFilter
          name="lang"
          label={t("pdfLanguage")}
          value={language}
          options={locales.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
        />
        <InputFilter
          name="ministry"
          label={t("ministry")}
          hint={t("ministryHint")}
          value={ministry}
          maxLength={BRIEFING_MINISTRY_MAX}
          className="w-full sm:w-96"
        />
        <SelectFilter
          name="mark"
          label={t("mark")}
          value={mark}
          anyLabel={t("noMark")}
          options={briefingMarks.map((choice) => ({ value: choice, label: t(`marks.${choice}`) }))}
        />
        <button type="submit" className="button">
          {t("download")}
        </button>
      </div>
      <p className="mt-3 text-base text-muted">{t("printHint")}</p>
    </form>
  );
}
