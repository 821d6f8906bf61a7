import Link from "next/link";
import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";

export type CountRow = { key: string; label: ReactNode; count: number; href: string; linkLabel: string };

/**
 * Counts as a table: each label and each number opens the list it counts (a zero is plain text: its list would
 * be empty); a bar beside the number shows its size against the largest (for the eye only: the number says it
 * all, so the bar is hidden from screen readers).
 */
export function CountTable({
  caption,
  labelHeading,
  countHeading,
  barHeading,
  rows,
  format,
}: {
  caption: string;
  labelHeading: string;
  countHeading: string;
  barHeading: string;
  rows: CountRow[];
  format: (value: number) => string;
}) {
  const largest = Math.max(1, ...rows.map((row) => row.count));
  return (
    <Table
      caption={caption}
      columns={[{ label: labelHeading }, { label: countHeading, numeric: true }, { label: <span className="sr-only">{barHeading}</span> }]}
      rows={rows.map((row) => [
        <Link key="l" href={row.href}>
          {row.label}
        </Link>,
        row.count === 0 ? (
          format(0)
        ) : (
          <Link key="c" href={row.href} aria-label={row.linkLabel}>
            {format(row.count)}
          </Link>
        ),
        <Bar key="b" value={row.count} largest={largest} />,
      ])}
    />
  );
}

/** A horizontal bar proportional to `value`; hidden from assistive technology (the number beside it is read). */
export function Bar({ value, largest, narrow = false }: { value: number; largest: number; narrow?: boolean }) {
  const percent = largest > 0 ? Math.round((value / largest) * 1000) / 10 : 0;
  return (
    <span aria-hidden className={`block h-4 bg-panel ${narrow ? "w-12 sm:w-32" : "w-20 sm:w-64"}`}>
      <span className="block h-4 bg-brand" style={{ width: `${percent}%` }} />
    </span>
  );
}
