import { getLocale, getTranslations } from "next-intl/server";
import { BriefingDossier } from "@/components/briefing/briefing-dossier";
import { BriefingDownload } from "@/components/briefing/briefing-download";
import { BriefingForm } from "@/components/briefing/briefing-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { getBriefingData } from "@/lib/briefing/queries";
import { BriefingPageParamsSchema } from "@/lib/briefing/schema";
import { buildBriefingView } from "@/lib/briefing/view";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { requireStaffPage } from "@/lib/auth/session";
import "./briefing.css";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("briefing"))("pageTitle") };
}

/**
 * The briefing pack: staff pick a region (and a partner region for a pair) and get the dossier for a visit,
 * to print (briefing.css) or to download as a PDF in either language (./pdf/route.ts).
 */
export default async function BriefingPage({ searchParams }: Props) {
  await requireStaffPage();
  const [params, locale, t] = await Promise.all([
    searchParams.then((raw) => BriefingPageParamsSchema.parse(raw)),
    getLocale().then(toLocale),
    getTranslations("briefing"),
  ]);
  // The same region twice is the region alone: said, not refused.
  const samePartner = params.region !== undefined && params.partner === params.region;
  const partner = samePartner ? undefined : params.partner;
  const data = params.region ? await getBriefingData(params.region, partner, locale) : null;
  const view = data ? buildBriefingView(data, locale) : null;

  return (
    <div className="briefing">
      <div className="briefing-noprint">
        <PageHeading lead={t("lead")}>{t("pageTitle")}</PageHeading>
        <BriefingForm locale={locale} region={params.region} partner={partner} />
        {!params.region && <p className="mb-6">{t("pickRegion")}</p>}
        {params.region && !data && <Notice tone="error">{t("notFound")}</Notice>}
        {data && samePartner && <Notice>{t("samePartner", { region: localized(locale, data.region.nameEn, data.region.nameRu) })}</Notice>}
      </div>
      {data && view && (
        <>
          <BriefingDownload
            region={data.region.slug}
            partner={data.partner?.slug}
            language={params.lang ?? locale}
            ministry={params.ministry}
            mark={params.mark}
          />
          <BriefingDossier view={view} />
        </>
      )}
    </div>
  );
}
