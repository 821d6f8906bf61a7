import type { ReactNode } from "react";
import Link from "next/link";

/**
 * A list's filters as a plain GET form: choosing and pressing Apply loads the list's URL with the choices in
 * its query, so it works without JavaScript and the back button and shared links restore the view.
 */
export function FilterForm({
  action,
  label,
  applyLabel,
  clearLabel,
  clearHref,
  hidden = {},
  children,
}: {
  action: string;
  label: string;
  applyLabel: string;
  clearLabel: string;
  /** Shown only while a filter is set. */
  clearHref?: string;
  /** Choices the form does not show but keeps (e.g. an organization the meetings are narrowed to). */
  hidden?: Record<string, string | number | undefined>;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} aria-label={label} className="mb-6 bg-panel p-4">
      {Object.entries(hidden).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
        {children}
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <button type="submit" className="button">
            {applyLabel}
          </button>
          {clearHref && <Link href={clearHref}>{clearLabel}</Link>}
        </div>
      </div>
    </form>
  );
}

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

/**
 * A labelled select of a filter form; `anyLabel` is the empty choice that leaves the filter off. `id` is needed
 * only where two selects post the same name (the tracker's pair of regions).
 */
export function SelectFilter({
  id,
  name,
  label,
  value,
  options = [],
  groups = [],
  anyLabel,
}: {
  id?: string;
  name: string;
  label: string;
  value: string | number | undefined;
  options?: SelectOption[];
  groups?: SelectGroup[];
  anyLabel?: string;
}) {
  const selectId = id ?? `filter-${name}`;
  return (
    <div className="flex max-w-full flex-col">
      <label htmlFor={selectId} className="font-bold">
        {label}
      </label>
      <select id={selectId} name={name} defaultValue={value === undefined ? "" : String(value)} className="input max-w-full sm:max-w-xs">
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
