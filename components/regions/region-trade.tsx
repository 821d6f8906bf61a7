import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { RegionPage } from "@/lib/regions/queries";

/** A region's latest trade figures with each partner, with growth over the year before; a partner opens the pair. */
export async function RegionTrade({ region, trade }: { region: { slug: string }; trade: RegionPage["trade"] }) {
  const [t, format, locale] = await Promise.all([getTranslations("regions"), getFormatter(), getLocale()]);
  const usd = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  return (
    <Section title={t("trade")} id="trade">
      {trade.length === 0 ? (
        <Muted>{t("noTrade")}</Muted>
      ) : (
        <Table
          caption={t("tradeCaption")}
          columns={[
            { label: t("year") },
            { label: t("partner") },
            { label: t("turnover"), numeric: true },
            { label: t("exports"), numeric: true },
            { label: t("imports"), numeric: true },
            { label: t("growth"), numeric: true },
            { label: t("source") },
          ]}
          rows={trade.map((row) => [
            row.year,
            <Link key="p" href={paths.regionPair(region.slug, row.partner.slug)}>
              {localized(locale, row.partner.nameEn, row.partner.nameRu)}
            </Link>,
            usd(row.turnoverUsd),
            usd(row.exportsUsd),
            usd(row.importsUsd),
            row.growthPercent === null ? (
              <span key="g" className="text-muted">
                {t("notRecorded")}
              </span>
            ) : (
              format.number(row.growthPercent / 100, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })
            ),
            row.sourceUrl ? (
              <a key="s" href={row.sourceUrl}>
                {row.sourceTitle}
              </a>
            ) : (
              row.sourceTitle
            ),
          ])}
        />
      )}
    </Section>
  );
}
