import { useId, type ReactNode } from "react";

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
  const captionId = useId();
  return (
    <TableRegion labelledBy={captionId}>
      <table className="w-full border-collapse text-left">
        <caption id={captionId} className={hideCaption ? "sr-only" : "mb-3 text-left text-xl font-bold"}>
          {caption}
        </caption>
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
                  <td
                    key={c}
                    className={`border-b border-line py-2 pr-4 align-top ${columns[c]?.numeric ? "tabular text-right whitespace-nowrap" : ""}`}
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/**
 * Where a table is wider than the screen (a phone), it scrolls sideways inside this region instead of widening the
 * page: a region named by the table's caption, focusable so that a keyboard can scroll it (GOV.UK's pattern). It
 * is `relative` so that a visually hidden caption is placed inside it, not at the far edge of the page.
 */
export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={labelledBy} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </div>
  );
}
