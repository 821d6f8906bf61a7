"use client";

import { useEffect, useState } from "react";
import { useCombobox } from "downshift";
import { useLocale, useTranslations } from "next-intl";
import { fieldId, useErrorText, useStaffForm } from "@/components/form/staff-form";
import { paths } from "@/lib/paths";
import type { LookupItem, LookupType } from "@/lib/search/schema";

/**
 * A search-as-you-type field for a related record (a region, an organization, a meeting, a sector): with
 * 100,000 organizations a select of every one cannot work. It asks the staff lookup endpoint after a pause
 * in typing, offers at most 10 matches in either script, and puts the chosen record's id in a hidden input
 * named `name`; its label travels as `name__label`, so that a failed save shows the choice again. Downshift
 * gives the ARIA combobox: arrows move, Enter chooses, Escape closes. Typing after a choice clears it.
 */
export function RecordPicker({
  name,
  type,
  label,
  hint,
  kind,
}: {
  name: string;
  type: LookupType;
  label: string;
  hint?: string;
  /** Organizations only: limit the matches to one kind. */
  kind?: string;
}) {
  const t = useTranslations("workspace");
  const errorText = useErrorText();
  const locale = useLocale();
  const { valueOf, errorsOf } = useStaffForm();
  const id = fieldId(name);
  const initialId = String(valueOf(name) ?? "");
  const initialLabel = String(valueOf(`${name}__label`) ?? "");
  const [chosen, setChosen] = useState<{ id: string; label: string }>({ id: initialId, label: initialLabel });
  const [text, setText] = useState(initialLabel);
  const [found, setFound] = useState<{ query: string; items: LookupItem[] }>({ query: "", items: [] });
  const [seen, setSeen] = useState({ id: initialId, label: initialLabel });
  if (seen.id !== initialId || seen.label !== initialLabel) {
    // The server echoed another value (a failed save): show it.
    setSeen({ id: initialId, label: initialLabel });
    setChosen({ id: initialId, label: initialLabel });
    setText(initialLabel);
  }
  const query = text.trim();
  const searching = query.length >= 1 && query !== chosen.label;
  const items = found.query === query ? found.items : [];

  useEffect(() => {
    if (!searching) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(paths.staff.lookup({ type, q: query, kind }), { signal: controller.signal, headers: { accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { items: [] }))
        .then((body: { items?: LookupItem[] }) => setFound({ query, items: Array.isArray(body.items) ? body.items : [] }))
        .catch(() => {
          if (!controller.signal.aborted) setFound({ query, items: [] });
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, searching, type, kind]);

  const labelOf = (item: LookupItem | null) =>
    item ? (locale === "ru" ? item.labelRu || item.labelEn : item.labelEn || item.labelRu) : "";
  const contextOf = (item: LookupItem) => (locale === "ru" ? item.contextRu || item.contextEn : item.contextEn || item.contextRu);

  const { isOpen, highlightedIndex, getInputProps, getItemProps, getLabelProps, getMenuProps, openMenu } = useCombobox<LookupItem>({
    items,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-menu`,
    inputValue: text,
    itemToString: labelOf,
    // Typing is taken in the input's own onChange below: downshift reports input changes after rendering,
    // and a render in between with the old text put it back into the field, losing keys typed quickly.
    onInputValueChange: ({ inputValue, type: change }) => {
      if (change !== useCombobox.stateChangeTypes.InputChange) setText(inputValue ?? "");
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      const itemLabel = labelOf(selectedItem);
      setChosen({ id: String(selectedItem.id), label: itemLabel });
      setText(itemLabel);
    },
  });

  useEffect(() => {
    // Text typed before the page's script ran stays in the field but never reached React's state: take it
    // once on mount, so that a quick editor on a slow connection still gets matches.
    const typed = (document.getElementById(id) as HTMLInputElement | null)?.value ?? "";
    if (typed === text) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time sync with what the browser kept
    setText(typed);
    setChosen({ id: "", label: "" });
    openMenu();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only
  }, []);

  const errors = errorsOf(name);
  const invalid = Boolean(errors?.length);
  const showMenu = isOpen && searching && found.query === query;
  return (
    <div className={`relative mb-6 ${invalid ? "border-l-4 border-danger pl-4" : ""}`}>
      <label {...getLabelProps()} className="block font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-muted">
        {hint ?? t("pickerHint")}
      </p>
      {invalid && (
        <p id={`${id}-error`} className="font-bold text-danger">
          {errors?.map(errorText).join(" ")}
        </p>
      )}
      <input type="hidden" name={name} value={chosen.id} />
      <input type="hidden" name={`${name}__label`} value={chosen.label} />
      <input
        {...getInputProps({
          "aria-describedby": `${id}-hint${invalid ? ` ${id}-error` : ""}`,
          "aria-invalid": invalid ? true : undefined,
          maxLength: 200,
          autoComplete: "off",
          spellCheck: false,
          onChange: (event) => {
            setText((event.target as HTMLInputElement).value);
            setChosen({ id: "", label: "" });
          },
          // Enter in the field chooses a match; it must not submit the form half-filled.
          onKeyDown: (event) => {
            if (event.key === "Enter" && highlightedIndex < 0 && searching) event.preventDefault();
          },
        })}
        className={`input mt-1 block w-full max-w-xl ${invalid ? "border-danger!" : ""}`}
      />
      <ul
        {...getMenuProps({ "aria-label": t("matches", { label }) })}
        className={showMenu ? "absolute z-20 mt-1 w-full max-w-xl border-2 border-ink bg-white shadow-lg" : "hidden"}
      >
        {showMenu &&
          items.map((item, index) => (
            <li
              key={item.id}
              {...getItemProps({ item, index })}
              className={`cursor-pointer border-b border-line px-3 py-2 ${highlightedIndex === index ? "bg-brand text-white" : ""}`}
            >
              <span className="block font-bold">{labelOf(item)}</span>
              {contextOf(item) && (
                <span className={`block text-base ${highlightedIndex === index ? "text-white" : "text-muted"}`}>{contextOf(item)}</span>
              )}
            </li>
          ))}
      </ul>
      {showMenu && items.length === 0 && (
        <p role="status" className="absolute z-20 mt-1 w-full max-w-xl border-2 border-ink bg-white px-3 py-2 text-muted">
          {t("noMatches")}
        </p>
      )}
      {chosen.id && (
        <p className="mt-1 text-base text-muted" aria-live="polite">
          {t("chosen", { label: chosen.label })}
        </p>
      )}
    </div>
  );
}
