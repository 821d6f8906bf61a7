import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { Bounded, RegionPartner } from "@/lib/regions/pair";
import type { RegionTradeRow } from "@/lib/regions/queries";

/**
 * A region's partner regions, the most active first, each linking to the two side by side, with the latest trade
 * turnover of the two (what the map above shades by trade; `trade` is the region's figures, newest first).
 */
export async function RegionPartners({
  region,
  partners,
  trade,
}: {
  region: { slug: string; nameEn: string; nameRu: string };
  partners: Bounded<RegionPartner>;
  trade: RegionTradeRow[];
}) {
  const [t, tMap, format, locale] = await Promise.all([getTranslations("regionPair"), getTranslations("map"), getFormatter(), getLocale()]);
  const latestTrade = new Map<string, RegionTradeRow>();
  for (const row of trade) if (!latestTrade.has(row.partner.slug)) latestTrade.set(row.partner.slug, row);
  const tradeCell = (slug: string) => {
    const row = latestTrade.get(slug);
    if (!row) return tMap("none");
    const formatted = format.number(row.turnoverUsd, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
    return tMap("tradeInYear", { formatted, year: row.year });
  };
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  return (
    <Section title={t("partnersTitle")} id="partners">
      <p className="mb-4 max-w-3xl">{t("partnersLead", { region: name(region) })}</p>
      {partners.items.length === 0 ? (
        <Muted>{t("partnersEmpty")}</Muted>
      ) : (
        <>
          {partners.total > partners.items.length && (
            <Muted>{t("partnersShown", { shown: partners.items.length, formatted: format.number(partners.total) })}</Muted>
          )}
          <Table
            caption={t("partnersCaption", { region: name(region) })}
            hideCaption
            columns={[
              { label: t("columnPartner") },
              { label: t("columnMeetings"), numeric: true },
              { label: t("columnVentures"), numeric: true },
              { label: t("columnTradeYears"), numeric: true },
              { label: tMap("columnTrade"), numeric: true },
            ]}
            rows={partners.items.map((partner) => [
              <Link
                key="p"
                href={paths.regionPair(region.slug, partner.slug)}
                aria-label={t("withPartner", { region: name(region), partner: name(partner) })}
              >
                {name(partner)}
              </Link>,
              format.number(partner.meetings),
              format.number(partner.ventures),
              format.number(partner.tradeYears),
              tradeCell(partner.slug),
            ])}
          />
        </>
      )}
    </Section>
  );
}
