import { getFormatter, getTranslations } from "next-intl/server";
import { CountTable } from "@/components/dashboard/count-table";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { DASHBOARD_YEARS, type YearCount } from "@/lib/dashboard/queries";
import { paths } from "@/lib/paths";

/** New partners: organizations by founded year, a summary sentence and a table with bars, each year linking to its list. */
export async function FoundedTrend({ founded }: { founded: YearCount[] }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const number = (value: number) => format.number(value);
  const total = founded.reduce((sum, row) => sum + row.count, 0);
  const peak = founded.reduce<YearCount | null>((best, row) => (best === null || row.count > best.count ? row : best), null);
  return (
    <Section title={t("foundedTitle")} id="founded">
      {founded.length === 0 || total === 0 || !peak ? (
        <Muted>{t("foundedEmpty")}</Muted>
      ) : (
        <>
          <p className="mb-2 max-w-3xl">{t("foundedLead", { years: DASHBOARD_YEARS })}</p>
          <p className="mb-4 max-w-3xl font-bold">
            {t("foundedSummary", {
              from: String(founded[0]?.year),
              to: String(founded.at(-1)?.year),
              formatted: number(total),
              peakYear: String(peak.year),
              peakFormatted: number(peak.count),
            })}
          </p>
          <CountTable
            caption={t("foundedCaption")}
            labelHeading={t("year")}
            countHeading={t("count")}
            barHeading={t("share")}
            format={number}
            rows={[...founded].reverse().map((row) => ({
              key: String(row.year),
              label: <span className="tabular">{row.year}</span>,
              count: row.count,
              href: paths.organizations({ founded: row.year }),
              linkLabel: t("showList", { label: String(row.year), formatted: number(row.count) }),
            }))}
          />
        </>
      )}
    </Section>
  );
}
