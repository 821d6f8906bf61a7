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
