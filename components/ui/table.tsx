import type { ReactNode } from "react";

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
