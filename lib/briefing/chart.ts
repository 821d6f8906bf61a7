import { TRADE_COLOURS, valueTicks, yearSpan, type TradeYear } from "@/lib/trade/series";

/**
 * The briefing's trade chart as an SVG document, drawn here from the series (no browser, no network): bars of
 * turnover by year, with exports and imports beside them where any year records them, on round steps from zero.
 * The page shows it inline and the PDF draws it with pdfmake's `svg`; the table beside it holds the figures.
 * Pure: every text comes in as an argument, and each one is escaped.
 */

export type TradeChartText = { turnover: string; exports: string; imports: string; noFigure: string };

const WIDTH = 500;
const HEIGHT = 200;
const PLOT = { left: 78, right: 8, top: 30, bottom: 24 };
const ink = "#0b0c0c";
const grid = "#b1b4b6";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const r = (n: number) => Math.round(n * 10) / 10;

/** The chart of `years` (oldest first); null when there is no year to draw. */
export function tradeChartSvg(years: readonly TradeYear[], locale: string, text: TradeChartText): string | null {
  if (years.length === 0) return null;
  const span = yearSpan(years);
  const byYear = new Map(years.map((entry) => [entry.year, entry]));
  const parts = years.some((entry) => entry.exportsUsd !== null || entry.importsUsd !== null);
  const keys = parts ? (["turnover", "exports", "imports"] as const) : (["turnover"] as const);
  const ticks = valueTicks(Math.max(...years.map((entry) => entry.turnoverUsd)));
  const top = ticks[ticks.length - 1] || 1;
  const compact = new Intl.NumberFormat(locale, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

  // The legend above the plot: a swatch and a name per series, wrapped into rows (text widths estimated).
  const legend: string[] = [];
  let [x, row] = [PLOT.left, 0];
  for (const key of keys) {
    const width = 22 + text[key].length * 5;
    if (x > PLOT.left && x + width > WIDTH) [x, row] = [PLOT.left, row + 1];
    legend.push(`<rect x="${x}" y="${4 + row * 16}" width="12" height="10" fill="${TRADE_COLOURS[key]}"/>`);
    legend.push(`<text x="${x + 16}" y="${13 + row * 16}" font-size="9" fill="${ink}">${escape(text[key])}</text>`);
    x += width;
  }
  const plotTop = PLOT.top + row * 16;
  const height = HEIGHT + row * 16;

  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value: number) => plotTop + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / span.length;
  const barWidth = Math.min(48, (slot * 0.7) / keys.length);

  const out: string[] = [];
  for (const tick of ticks) {
    out.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${r(y(tick))}" y2="${r(y(tick))}" stroke="${grid}" stroke-width="0.6"/>`,
    );
    out.push(
      `<text x="${PLOT.left - 6}" y="${r(y(tick) + 3)}" text-anchor="end" font-size="9" fill="${ink}">${escape(compact.format(tick))}</text>`,
    );
  }
  span.forEach((year, i) => {
    const centre = PLOT.left + slot * (i + 0.5);
    const entry = byYear.get(year);
    const start = centre - (barWidth * keys.length) / 2;
    keys.forEach((key, k) => {
      const value = entry ? { turnover: entry.turnoverUsd, exports: entry.exportsUsd, imports: entry.importsUsd }[key] : null;
      if (value === null || !(value > 0)) return;
      const left = start + k * barWidth;
      out.push(
        `<rect x="${r(left)}" y="${r(y(value))}" width="${r(barWidth - 1)}" height="${r(y(0) - y(value))}" fill="${TRADE_COLOURS[key]}"/>`,
      );
    });
    if (!entry) {
      out.push(
        `<text x="${r(centre)}" y="${r(y(0) - 4)}" text-anchor="middle" font-size="8" fill="${ink}">${escape(text.noFigure)}</text>`,
      );
    }
    out.push(`<text x="${r(centre)}" y="${height - 8}" text-anchor="middle" font-size="9" fill="${ink}">${year}</text>`);
  });
  out.push(`<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="${ink}" stroke-width="1"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="Roboto, Arial, sans-serif">${[...legend, ...out].join("")}</svg>`;
}
