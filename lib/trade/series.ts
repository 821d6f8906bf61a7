/**
 * Trade between two regions as a series of years, pure and client-safe: growth is derived here from the stored
 * figures only (never stored, never guessed), and a figure filed the other way round is turned to face the
 * region the series is seen from. lib/trade/analysis.ts reads the rows; the pages, the API, the CSV and the
 * briefing all use the same series.
 */

export type TradeYear = {
  year: number;
  turnoverUsd: number;
  /** What the first region sold to the partner; null where the source does not say. */
  exportsUsd: number | null;
  /** What the first region bought from the partner; null where the source does not say. */
  importsUsd: number | null;
  /** Change of turnover on the year before, in percent; null when that year is not recorded or its turnover was zero. */
  growthPercent: number | null;
  /** The source as filed, and its Russian title where the figure has one (the Russian briefing cites that). */
  source: { title: string; titleRu: string | null; url: string | null };
};

/** The chart's colours (GOV.UK's, each at least 3:1 against white): the page's chart and the briefing's draw with them. */
export const TRADE_COLOURS = { turnover: "#1d70b8", exports: "#00703c", imports: "#4c2c92" } as const;

/** Why a year has or lacks a growth figure: the page and the API say which. */
export type GrowthBasis = "recorded" | "previousMissing" | "previousZero";

/**
 * Growth of turnover over the year before, in percent; null where the year before is not recorded (null or
 * undefined) and where its turnover was zero or less: growth from nothing has no percentage.
 */
export function growthPercent(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || !(previous > 0)) return null;
  return ((current - previous) / previous) * 100;
}

/** A stored trade figure as the query reads it: as filed, from `regionId`'s side. */
export type StoredTradeFigure = {
  year: number;
  regionId: number;
  turnoverUsd: number;
  exportsUsd: number | null;
  importsUsd: number | null;
  sourceTitle: string;
  sourceTitleRu?: string | null;
  sourceUrl: string | null;
};

/**
 * The pair's figures as a series seen from `viewerId`, oldest first. A figure filed by the partner (its
 * `regionId` is not the viewer) has its exports and imports swapped: the partner's exports are the viewer's
 * imports. Growth compares each year with the stored figure of the year before, whichever way that was filed.
 */
export function buildTradeSeries(figures: readonly StoredTradeFigure[], viewerId: number): TradeYear[] {
  const sorted = [...figures].sort((a, b) => a.year - b.year);
  const turnoverByYear = new Map(sorted.map((figure) => [figure.year, figure.turnoverUsd]));
  return sorted.map((figure) => {
    const ours = figure.regionId === viewerId;
    return {
      year: figure.year,
      turnoverUsd: figure.turnoverUsd,
      exportsUsd: ours ? figure.exportsUsd : figure.importsUsd,
      importsUsd: ours ? figure.importsUsd : figure.exportsUsd,
      growthPercent: growthPercent(figure.turnoverUsd, turnoverByYear.get(figure.year - 1)),
      source: { title: figure.sourceTitle, titleRu: figure.sourceTitleRu ?? null, url: figure.sourceUrl },
    };
  });
}

/** Why `year` of the series has (or lacks) its growth figure. */
export function growthBasis(years: readonly Pick<TradeYear, "year" | "turnoverUsd">[], year: number): GrowthBasis {
  const previous = years.find((entry) => entry.year === year - 1);
  if (!previous) return "previousMissing";
  return previous.turnoverUsd > 0 ? "recorded" : "previousZero";
}

/** The years from the first to the last recorded one, gaps included: a chart shows a missing year as a gap. */
export function yearSpan(years: readonly Pick<TradeYear, "year">[]): number[] {
  if (years.length === 0) return [];
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Round steps for a value axis from zero to at least `max`: 1, 2 or 5 times a power of ten, about `count`
 * of them. Worked out on the server, so that the chart's labels are formatted there in the reader's locale.
 */
export function valueTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  // The last step reaches or passes `max`.
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}
