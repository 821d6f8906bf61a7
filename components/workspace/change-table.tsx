import type { FieldChange } from "@/lib/actions/form-state";

export type ChangeTableTexts = { caption: string; field: string; before: string; after: string; blank: string; yes: string; no: string };

/**
 * Field: before → after, as a table: a record's history and an edit's conflict both show changes so. No hooks,
 * so that server and client components alike render it with their own translations.
 */
export function ChangeTable({
  changes,
  labelOf,
  texts,
}: {
  changes: FieldChange[];
  labelOf: (field: string) => string;
  texts: ChangeTableTexts;
}) {
  // Snapshots keep flags as true/false; people read yes/no.
  const shown = (value: string) => (value === "true" ? texts.yes : value === "false" ? texts.no : value);
  return (
    <table className="mt-2 w-full table-fixed border-collapse text-left">
      <caption className="sr-only">{texts.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-1/4 border-b-2 border-ink py-1 pr-4">
            {texts.field}
          </th>
          <th scope="col" className="border-b-2 border-ink py-1 pr-4">
            {texts.before}
          </th>
          <th scope="col" className="border-b-2 border-ink py-1 pr-4">
            {texts.after}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row" className="border-b border-line py-1 pr-4 align-top">
              {labelOf(change.field)}
            </th>
            <td className="border-b border-line py-1 pr-4 align-top break-words">
              {change.before ? (
                <del className="no-underline">{shown(change.before)}</del>
              ) : (
                <span className="text-muted">{texts.blank}</span>
              )}
            </td>
            <td className="border-b border-line py-1 pr-4 align-top break-words">
              {change.after ? <ins className="no-underline">{shown(change.after)}</ins> : <span className="text-muted">{texts.blank}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
