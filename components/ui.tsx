import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** The shared pieces every page is built from: headings, summary lists, tables, tags, notices. */

export function PageHeading({ caption, children, lead }: { caption?: ReactNode; children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-8">
      {caption && <p className="mb-1 text-lg text-muted">{caption}</p>}
      <h1 className="text-3xl leading-tight font-bold sm:text-4xl">{children}</h1>
      {lead && <p className="mt-4 max-w-3xl text-xl">{lead}</p>}
    </div>
  );
}

export function Section({ title, children, id }: { title: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="mt-10" aria-labelledby={id}>
      <h2 id={id} className="mb-4 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

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

export type Column = { label: ReactNode; numeric?: boolean };

/** A table of records; `hideCaption` keeps the caption for screen readers where a heading already says it. */
export function Table({
  caption,
  columns,
  rows,
  hideCaption = false,
}: {
  caption: ReactNode;
  columns: Column[];
  rows: ReactNode[][];
  hideCaption?: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className={hideCaption ? "sr-only" : "mb-3 text-left text-xl font-bold"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`border-b-2 border-ink py-2 pr-4 align-bottom ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="border-b border-line py-2 pr-4 align-top font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={`border-b border-line py-2 pr-4 align-top ${columns[c]?.numeric ? "tabular text-right" : ""}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Tag({
  children,
  tone = "grey",
  title,
}: {
  children: ReactNode;
  tone?: "grey" | "blue" | "green" | "yellow";
  title?: string;
}) {
  const tones = {
    grey: "bg-[#eeefef] text-[#383f43]",
    blue: "bg-[#d2e2f1] text-[#0c2d4a]",
    green: "bg-[#cce2d8] text-[#005a30]",
    yellow: "bg-[#fff7bf] text-[#594d00]",
  };
  return (
    <strong title={title} className={`inline-block px-2 py-0.5 text-base font-bold ${tones[tone]}`}>
      {children}
    </strong>
  );
}

/** Marks a synthetic record, so that no one takes it for a real partner. */
export async function DemoTag() {
  const t = await getTranslations("site");
  return (
    <Tag tone="yellow" title={t("demoTitle")}>
      {t("demo")}
    </Tag>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "error" }) {
  const border = { info: "border-brand", success: "border-ok", error: "border-danger" }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`border-l-8 ${border} my-4 max-w-3xl bg-panel px-4 py-3`}>
      {children}
    </div>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}
