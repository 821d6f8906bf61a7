"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useCombobox } from "downshift";
import { useLocale, useTranslations } from "next-intl";
import { paths } from "@/lib/paths";
import { MIN_SUGGEST_LENGTH, type SearchType } from "@/lib/search/schema";

export type SuggestionOption = { type: SearchType; slug: string; title: string; context: string | null };

function optionPath(option: SuggestionOption) {
  if (option.type === "organization") return paths.organization(option.slug);
  if (option.type === "region") return paths.region(option.slug);
  return paths.meeting(option.slug);
}

/** Reads the suggestion endpoint's answer; anything unexpected is no suggestions rather than an error. */
function toOptions(body: unknown, locale: string): SuggestionOption[] {
  const items = (body as { items?: unknown })?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((raw) => {
    const item = raw as Record<string, unknown>;
    const pick = (en: unknown, ru: unknown) => String((locale === "ru" ? ru || en : en || ru) ?? "");
    if (typeof item.slug !== "string" || typeof item.type !== "string") return [];
    return [
      {
        type: item.type as SearchType,
        slug: item.slug,
        title: pick(item.titleEn, item.titleRu),
        context: pick(item.contextEn, item.contextRu) || null,
      },
    ];
  });
}

/**
 * The header's search box: a plain GET form to the search page (it works without JavaScript), enhanced with
 * suggestions as you type. Downshift gives the ARIA combobox: arrows move, Enter opens the highlighted
 * record (or searches when none is highlighted), Escape closes.
 */
export function SearchBox({ initialQuery = "" }: { initialQuery?: string }) {
  const t = useTranslations("search.box");
  const tSearch = useTranslations("search");
  const locale = useLocale();
  const router = useRouter();
  const hintId = useId();
  const [text, setText] = useState(initialQuery);
  const inputId = useId();

  useEffect(() => {
    // What was typed before the page became interactive is in the DOM, not in state: adopt it, not lose it.
    const typed = (document.getElementById(inputId) as HTMLInputElement | null)?.value ?? "";
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time sync from the DOM at hydration
    if (typed && typed !== initialQuery) setText(typed);
  }, [inputId, initialQuery]);
  // Suggestions belong to the text they were found for: older ones are not shown for newer text.
  const [found, setFound] = useState<{ query: string; options: SuggestionOption[] }>({ query: "", options: [] });
  const query = text.trim();
  const options = found.query === query ? found.options : [];

  useEffect(() => {
    if (query.length < MIN_SUGGEST_LENGTH) return;
    const controller = new AbortController();
    // Wait for a pause in typing: one request per word, not per key.
    const timer = setTimeout(() => {
      fetch(paths.api.suggest({ q: query, limit: 8 }), { signal: controller.signal, headers: { accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { items: [] }))
        .then((body) => setFound({ query, options: toOptions(body, locale) }))
        .catch(() => {
          if (!controller.signal.aborted) setFound({ query, options: [] });
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, locale]);

  const { isOpen, highlightedIndex, getInputProps, getItemProps, getLabelProps, getMenuProps } = useCombobox<SuggestionOption>({
    items: options,
    inputId,
    inputValue: text,
    itemToString: (option) => option?.title ?? "",
    onInputValueChange: ({ inputValue, type }) => {
      // Choosing a suggestion navigates; it should not put the record's name into the box. Typing is taken in
      // the input's own onChange: downshift reports it after rendering, and a render in between with the old
      // text put it back into the box, losing keys typed quickly.
      if (
        type === useCombobox.stateChangeTypes.ItemClick ||
        type === useCombobox.stateChangeTypes.InputKeyDownEnter ||
        type === useCombobox.stateChangeTypes.InputChange
      )
        return;
      setText(inputValue ?? "");
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) router.push(optionPath(selectedItem));
    },
  });

  const showMenu = isOpen && query.length >= MIN_SUGGEST_LENGTH && found.query === query;
  return (
    <form action={paths.search()} method="get" role="search" className="relative w-full sm:w-80">
      <label {...getLabelProps()} className="sr-only">
        {t("label")}
      </label>
      <div className="flex">
        <input
          {...getInputProps({
            name: "q",
            type: "search",
            maxLength: 1000,
            placeholder: t("placeholder"),
            "aria-describedby": hintId,
            onChange: (event) => setText((event.target as HTMLInputElement).value),
            onKeyDown: (event) => {
              // Enter with no suggestion highlighted submits the form: a search for the text as typed.
              if (event.key === "Enter" && highlightedIndex < 0) {
                (event.nativeEvent as KeyboardEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
              }
            },
          })}
          className="w-full min-w-0 border-2 border-white bg-white px-2 py-1 text-ink"
        />
        <button type="submit" className="cursor-pointer border-2 border-white bg-brand px-3 py-1 font-bold text-white">
          {t("submit")}
        </button>
      </div>
      <span id={hintId} className="sr-only">
        {tSearch("hint")}
      </span>
      <ul
        {...getMenuProps({ "aria-label": t("suggestions") })}
        className={showMenu ? "absolute right-0 left-0 z-20 mt-1 border-2 border-ink bg-white text-ink shadow-lg" : "hidden"}
      >
        {showMenu &&
          options.map((option, index) => (
            <li
              key={`${option.type}:${option.slug}`}
              {...getItemProps({ item: option, index })}
              className={`cursor-pointer border-b border-line px-3 py-2 ${highlightedIndex === index ? "bg-brand text-white" : ""}`}
            >
              <span className="block font-bold">{option.title}</span>
              <span className={`block text-base ${highlightedIndex === index ? "text-white" : "text-muted"}`}>
                {tSearch(`types.${option.type}`)}
                {option.context ? ` · ${option.context}` : ""}
              </span>
            </li>
          ))}
      </ul>
      {showMenu && options.length === 0 && (
        <p className="absolute right-0 left-0 z-20 mt-1 border-2 border-ink bg-white px-3 py-2 text-muted">{t("noSuggestions")}</p>
      )}
    </form>
  );
}
