import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Bar } from "@/components/dashboard/count-table";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import type { Page } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import type { TradePairRow } from "@/lib/trade/analysis";

/** The region pairs with the largest turnover, as the trade overview ranks them; each opens the pair's trade. */
export async function TradeRanking({ trade }: { trade: Page<TradePairRow> }) {
  const [t, format, locale] = await Promise.all([getTranslations("dashboard"), getFormatter(), getLocale()]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const usd = (value: number) => format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const largest = Math.max(1, ...trade.items.map((row) => row.turnoverUsd));
  return (
    <Section title={t("tradeTitle")} id="trade">
      {trade.items.length === 0 ? (
        <Muted>{t("tradeEmpty")}</Muted>
      ) : (
        <>
          <p className="mb-4 max-w-3xl">{t("tradeLead")}</p>
          <Table
            caption={t("tradeCaption")}
            columns={[
              { label: t("pair") },
              { label: t("tradeYear"), numeric: true },
              { label: t("turnover"), numeric: true },
              { label: <span className="sr-only">{t("share")}</span> },
            ]}
            rows={trade.items.map((row) => [
              <Link key="p" href={paths.tradePair(row.region.slug, row.partner.slug)}>
                {t("pairName", { region: name(row.region), partner: name(row.partner) })}
              </Link>,
              row.year,
              usd(row.turnoverUsd),
              <Bar key="b" value={row.turnoverUsd} largest={largest} />,
            ])}
          />
          <p className="mt-4">
            <Link href={paths.trade()} className="font-bold">
              {t("allTrade")}
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}
