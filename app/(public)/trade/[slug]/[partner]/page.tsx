import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { TradeFigures } from "@/components/trade/trade-figures";
import { PageHeading } from "@/components/ui/page-heading";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localize";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { getTradePair } from "@/lib/trade/analysis";

type Props = { params: Promise<{ slug: string; partner: string }> };

/** Both slugs, or null when either cannot be a slug (it never reaches the database then). */
async function slugsOf(params: Props["params"]) {
  const { slug, partner } = await params;
  const first = SlugSchema.safeParse(slug);
  const second = SlugSchema.safeParse(partner);
  return first.success && second.success ? ([first.data, second.data] as const) : null;
}

export async function generateMetadata({ params }: Props) {
  const slugs = await slugsOf(params);
  if (!slugs) return {};
  const [pair, t, locale] = await Promise.all([getTradePair(...slugs), getTranslations("trade"), getLocale()]);
  if (!pair) return {};
  return {
    title: t("pairTitle", {
      region: localized(locale, pair.region.nameEn, pair.region.nameRu),
      partner: localized(locale, pair.partner.nameEn, pair.partner.nameRu),
    }),
  };
}

/**
 * Trade between two regions by year, seen from the first: /trade/kursk-oblast/belarus shows Kursk Oblast's
 * exports, /trade/belarus/kursk-oblast Belarus's. An unknown region or a region with itself is a 404.
 */
export default async function TradePairPage({ params }: Props) {
  const slugs = await slugsOf(params);
  if (!slugs) notFound();
  const [pair, t, locale] = await Promise.all([getTradePair(...slugs), getTranslations("trade"), getLocale()]);
  if (!pair) notFound();
  const regionName = localized(locale, pair.region.nameEn, pair.region.nameRu);
  const partnerName = localized(locale, pair.partner.nameEn, pair.partner.nameRu);
  const names = { region: regionName, partner: partnerName };
  return (
    <>
      <p className="mb-4">
        <Link href={paths.trade()}>{t("allPairs")}</Link>
      </p>
      <PageHeading caption={t("pairCaption")} lead={t("pairLead", names)}>
        {t("pairTitle", names)}
      </PageHeading>
      <TradeFigures
        years={pair.years}
        regionName={regionName}
        partnerName={partnerName}
        downloads={
          pair.years.length > 0
            ? {
                xlsx: paths.api.tradePairExport(pair.region.slug, pair.partner.slug, "xlsx", fileParams(toLocale(locale), "xlsx")),
                csv: paths.api.tradePairExport(pair.region.slug, pair.partner.slug, "csv", fileParams(toLocale(locale), "csv")),
              }
            : undefined
        }
      />
      <ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={paths.regionPair(pair.region.slug, pair.partner.slug)}>{t("pairPage", names)}</Link>
        </li>
        <li>
          <Link href={paths.region(pair.region.slug)}>{t("regionPage", { region: regionName })}</Link>
        </li>
        <li>
          <Link href={paths.region(pair.partner.slug)}>{t("regionPage", { region: partnerName })}</Link>
        </li>
      </ul>
      <DataSource sources={pair.years.map((year) => year.source)} />
    </>
  );
}
