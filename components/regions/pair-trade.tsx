import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TradeFigures } from "@/components/trade/trade-figures";
import { Section } from "@/components/ui/section";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { PairRegion } from "@/lib/regions/pair";
import { readPairTrade } from "@/lib/trade/analysis";

/**
 * The trade between the two regions themselves (the figures recorded for this pair, not for their parts), seen
 * from the first: its summary, chart and table, and a link to the pair's trade page.
 */
export async function PairTrade({ region, partner }: { region: PairRegion; partner: PairRegion }) {
  const [t, locale, years] = await Promise.all([getTranslations("regionPair"), getLocale(), readPairTrade(region.id, partner.id)]);
  const names = { region: localized(locale, region.nameEn, region.nameRu), partner: localized(locale, partner.nameEn, partner.nameRu) };
  return (
    <Section title={t("tradeTitle")} id="trade">
      <TradeFigures years={years} regionName={names.region} partnerName={names.partner} />
      <p className="mt-4">
        <Link href={paths.tradePair(region.slug, partner.slug)} className="font-bold">
          {t("tradeAll", names)}
        </Link>
      </p>
    </Section>
  );
}
