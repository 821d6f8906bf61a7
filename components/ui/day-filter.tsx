import { useLocale, useTranslations } from "next-intl";
import { dayExample, formatDay } from "@/lib/i18n/dates";

/**
 * A day in a filter form (due from, changed until): one text input typed as the reader writes a day, with the
 * form in a visible hint, as the staff forms' `DateField` (a date input would follow the browser's mm/dd/yyyy).
 * `value` is the list's ISO day from its URL, shown in the reader's form.
 */
export function DayFilter({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  const locale = useLocale();
  const t = useTranslations("errors");
  const id = `filter-${name}`;
  return (
    <div className="flex max-w-full flex-col">
      <label htmlFor={id} className="font-bold">
        {label}
      </label>
      <span id={`${id}-hint`} className="text-base text-muted">
        {t("dateHint", { example: dayExample(locale) })}
      </span>
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={value ? formatDay(locale, value) : ""}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        className="input tabular max-w-full"
        style={{ width: "18ch" }}
      />
    </div>
  );
}
