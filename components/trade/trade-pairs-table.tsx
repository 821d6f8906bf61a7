import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { TradePairRow } from "@/lib/trade/analysis";

/** The ranked region pairs: each links to the pair's trade page, seen from the region named first. */
export async function TradePairsTable({ rows }: { rows: TradePairRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("trade"), getFormatter(), getLocale()]);
  const name = (region: { nameEn: string; nameRu: string }) => localized(locale, region.nameEn, region.nameRu);
  return (
    <Table
      caption={t("overviewCaption")}
      hideCaption
      columns={[
        { label: t("pair") },
        { label: t("latestYear"), numeric: true },
        { label: t("turnover"), numeric: true },
        { label: t("growth"), numeric: true },
      ]}
      rows={rows.map((row) => [
        <Link key="p" href={paths.tradePair(row.region.slug, row.partner.slug)}>
          {t("pairLink", { region: name(row.region), partner: name(row.partner) })}
        </Link>,
        row.year,
        format.number(row.turnoverUsd, { style: "currency", currency: "USD", maximumFractionDigits: 0 }),
        row.growthPercent === null ? (
          <span key="g" className="text-muted">
            {t("notRecorded")}
            {row.previousTurnoverUsd === 0 && <span className="block text-base">{t("previousZero", { previous: row.year - 1 })}</span>}
          </span>
        ) : (
          format.number(row.growthPercent / 100, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })
        ),
      ])}
    />
  );
}
