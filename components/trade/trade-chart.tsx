"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { TRADE_COLOURS } from "@/lib/trade/series";

/** One year of the chart; a year with no figure has null amounts and shows as a gap. */
export type TradeChartPoint = {
  year: string;
  turnover: number | null;
  exports: number | null;
  imports: number | null;
  /** The amounts as the table writes them, formatted on the server in the reader's locale. */
  labels: { turnover: string; exports: string; imports: string };
};

export type TradeChartProps = {
  /** The chart's accessible name. */
  title: string;
  /** The text summary: the chart's description for screen readers. */
  description: string;
  data: TradeChartPoint[];
  series: { turnover: string; exports: string; imports: string };
  /** Whether any year records exports or imports: else only turnover is drawn. */
  showParts: boolean;
  /** The value axis: round steps and their labels, both worked out on the server. */
  ticks: number[];
  tickLabels: string[];
};

/**
 * Trade by year as bars. Every text and number arrives formatted from the server (the reader's locale, the
 * same strings as the table beside it), so that the browser formats nothing and the chart says what the
 * table says. The SVG is an image named by `title` and described by the summary; its keyboard layer is off
 * because the table beside it gives the same figures to keyboard and screen-reader users.
 */
export function TradeChart({ title, description, data, series, showParts, ticks, tickLabels }: TradeChartProps) {
  const tickLabel = new Map(ticks.map((tick, i) => [tick, tickLabels[i] ?? ""]));
  const keys = showParts ? (["turnover", "exports", "imports"] as const) : (["turnover"] as const);
  return (
    <div className="h-80 w-full max-w-3xl">
      <BarChart
        responsive
        style={{ width: "100%", height: "100%" }}
        data={data}
        title={title}
        desc={description}
        role="img"
        aria-label={title}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      >
        <CartesianGrid vertical={false} stroke="#b1b4b6" />
        <XAxis dataKey="year" tick={{ fill: "#0b0c0c" }} tickLine={false} />
        <YAxis
          width={110}
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1] ?? "auto"]}
          tickFormatter={(value: number) => tickLabel.get(value) ?? ""}
          tick={{ fill: "#0b0c0c" }}
        />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as TradeChartPoint | undefined) : undefined;
            if (!point) return null;
            return (
              <div className="border border-ink bg-white px-3 py-2 text-base">
                <p className="font-bold">{point.year}</p>
                {keys.map((key) => (
                  <p key={key} className="tabular">
                    {series[key]}: {point.labels[key]}
                  </p>
                ))}
              </div>
            );
          }}
        />
        {showParts && <Legend itemSorter={null} wrapperStyle={{ color: "#0b0c0c" }} />}
        {keys.map((key) => (
          <Bar key={key} dataKey={key} name={series[key]} fill={TRADE_COLOURS[key]} maxBarSize={72} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
