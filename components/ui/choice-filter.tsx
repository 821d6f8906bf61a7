/**
 * A filter form's choices as a fieldset: checkboxes where several may be chosen (statuses), radios where one is
 * (any or all). `chosen` is what the URL holds.
 */
export function ChoiceFilter({
  type = "checkbox",
  legend,
  name,
  options,
  chosen,
  className,
}: {
  type?: "checkbox" | "radio";
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  chosen: readonly string[] | string | undefined;
  className?: string;
}) {
  const isChosen = (value: string) => (Array.isArray(chosen) ? chosen.includes(value) : chosen === value);
  return (
    <fieldset className={className}>
      <legend className="font-bold">{legend}</legend>
      <div className="flex flex-wrap gap-x-6">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type={type} name={name} value={option.value} defaultChecked={isChosen(option.value)} className="size-5" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Many choices (sectors, regions) as checkboxes inside a disclosure, instead of a list box that needs Ctrl to
 * choose several: they work by touch and by keyboard alone, and work without JavaScript. The summary says how many
 * are chosen; it starts open when some are, so that the reader sees them. An option of `level` 1 is indented under
 * the one before it (a division under its section).
 */
export function ChoiceDisclosure({
  id,
  legend,
  hint,
  name,
  options,
  chosen = [],
  chosenText,
}: {
  id: string;
  legend: string;
  hint: string;
  name: string;
  options: { value: string; label: string; level?: 0 | 1; strong?: boolean }[];
  chosen?: readonly string[];
  chosenText: string;
}) {
  return (
    <details open={chosen.length > 0} className="border-2 border-ink bg-white">
      <summary className="cursor-pointer px-3 py-2 font-bold">
        {legend} <span className="font-normal text-muted">({chosenText})</span>
      </summary>
      <fieldset aria-describedby={`${id}-hint`} className="border-t border-line px-3 py-2">
        <legend className="sr-only">{legend}</legend>
        <p id={`${id}-hint`} className="mb-2 text-base text-muted">
          {hint}
        </p>
        <div className="max-h-80 overflow-y-auto">
          {options.map((option) => (
            <label
              key={option.value}
              className={`flex items-start gap-2 py-1 ${option.level === 1 ? "pl-7" : ""} ${option.strong ? "font-bold" : ""}`}
            >
              <input
                type="checkbox"
                name={name}
                value={option.value}
                defaultChecked={chosen.includes(option.value)}
                className="mt-0.5 size-5 shrink-0"
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
