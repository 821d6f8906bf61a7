import type { ReactNode } from "react";

export function SummaryList({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="max-w-3xl border-t border-line">
      {rows.map(([term, value], i) => (
        <div key={i} className="grid gap-x-6 border-b border-line py-3 sm:grid-cols-3">
          <dt className="font-bold">{term}</dt>
          <dd className="sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
