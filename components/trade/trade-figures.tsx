import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TradeChart, type TradeChartPoint } from "@/components/trade/trade-chart";
import { Muted } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { growthBasis, valueTicks, yearSpan, type TradeYear } from "@/lib/trade/series";
import { describeGrowth, summarizeTrade, type TradeTranslator } from "@/lib/trade/summary";

type Props = {
  /** The pair's series, oldest first (readPairTrade), seen from the region named first. */
  years: readonly TradeYear[];
  regionName: string;
  partnerName: string;
  /** Links to the series as files (Excel first), where the page offers them. */
  downloads?: { xlsx: string; csv: string };
};

/** The text summary in the reader's language, for pages and briefings that quote it outside TradeFigures. */
export async function tradeSummaryText({ years, regionName, partnerName }: Omit<Props, "downloads">): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("trade"), getLocale()]);
  return summarizeTrade({ years, regionName, partnerName, locale, t });
}

/**
 * The trade between two regions without a heading of its own, for the trade page, the region-pair page and the
 * briefing to place under theirs: the text summary, the chart (described by that summary) and the table of
 * every figure with its source. Growth is the stored series' own: "not recorded" where the year before is
 * missing or was zero, never guessed.
 */
export async function TradeFigures({ years, regionName, partnerName, downloads }: Props) {
  const [t, format, locale] = await Promise.all([getTranslations("trade"), getFormatter(), getLocale()]);
  const summary = summarizeTrade({ years, regionName, partnerName, locale, t });
  if (years.length === 0) return <Muted>{summary}</Muted>;

  const usd = (value: number | null) =>
    value === null ? t("notReported") : format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const cell = (text: string | number) => <span className="whitespace-nowrap">{text}</span>;
  const names = { region: regionName, partner: partnerName };
  const byYear = new Map(years.map((entry) => [entry.year, entry]));
  const data: TradeChartPoint[] = yearSpan(years).map((year) => {
    const entry = byYear.get(year);
    const gap = t("chartGap");
    return {
      year: String(year),
      turnover: entry?.turnoverUsd ?? null,
      exports: entry?.exportsUsd ?? null,
      imports: entry?.importsUsd ?? null,
      labels: entry
        ? { turnover: usd(entry.turnoverUsd), exports: usd(entry.exportsUsd), imports: usd(entry.importsUsd) }
        : { turnover: gap, exports: gap, imports: gap },
    };
  });
  const ticks = valueTicks(Math.max(...years.map((entry) => entry.turnoverUsd)));
  const tickLabels = ticks.map((tick) => format.number(tick, { style: "currency", currency: "USD", notation: "compact" }));

  return (
    <div>
      <p className="mb-4 max-w-3xl text-xl">{summary}</p>
      <figure className="mb-6">
        <TradeChart
          title={t("chartTitle", names)}
          description={summary}
          data={data}
          series={{ turnover: t("chartTurnover"), exports: t("chartExports", names), imports: t("chartImports", names) }}
          showParts={years.some((entry) => entry.exportsUsd !== null || entry.importsUsd !== null)}
          ticks={ticks}
          tickLabels={tickLabels}
        />
        <figcaption className="mt-2 text-muted">{t("chartHint")}</figcaption>
      </figure>
      <Table
        caption={t("tableCaption", names)}
        columns={[
          { label: t("year") },
          { label: t("turnover"), numeric: true },
          { label: t("exportsOf", names), numeric: true },
          { label: t("importsOf", names), numeric: true },
          { label: t("growth"), numeric: true },
          { label: t("source") },
        ].map((column) => ({ ...column, label: <span className="break-normal">{column.label}</span> }))}
        rows={years.map((entry) => [
          cell(entry.year),
          cell(usd(entry.turnoverUsd)),
          cell(usd(entry.exportsUsd)),
          cell(usd(entry.importsUsd)),
          <GrowthCell key="g" years={years} entry={entry} locale={locale} label={describeGrowth(years, entry, locale, t)} t={t} />,
          entry.source.url ? (
            <a key="s" href={entry.source.url} rel="noopener noreferrer">
              {entry.source.title}
            </a>
          ) : (
            entry.source.title
          ),
        ])}
      />
      <p className="mt-3 max-w-3xl text-muted">{t("growthNote", names)}</p>
      {downloads && (
        <ul className="mt-3 flex flex-wrap gap-x-6">
          <li>
            <a href={downloads.xlsx} download>
              {t("downloadPairXlsx")}
            </a>
          </li>
          <li>
            <a href={downloads.csv} download>
              {t("downloadPairCsv")}
            </a>
          </li>
        </ul>
      )}
    </div>
  );
}

/** A growth figure with its sign, or "not recorded" and why, the full reason kept for screen readers. */
function GrowthCell({
  years,
  entry,
  locale,
  label,
  t,
}: {
  years: readonly TradeYear[];
  entry: TradeYear;
  locale: string;
  label: string;
  t: TradeTranslator;
}) {
  if (entry.growthPercent !== null) {
    const shown = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
      entry.growthPercent / 100,
    );
    return <span title={label}>{shown}</span>;
  }
  const zero = growthBasis(years, entry.year) === "previousZero";
  return (
    <span className="text-muted">
      <span className="whitespace-nowrap">{t("notRecorded")}</span>
      {zero && <span className="block text-base">{t("previousZero", { previous: entry.year - 1 })}</span>}
    </span>
  );
}
