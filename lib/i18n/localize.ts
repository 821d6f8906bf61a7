/** Picks the record's name in the reader's language, falling back to the other one. */
export function localized(locale: string, en: string | null | undefined, ru: string | null | undefined): string {
  return (locale === "ru" ? ru || en : en || ru) ?? "";
}

/** Sorts records by the name the reader sees, in the reader's alphabet. */
export function sortByName<T>(items: T[], locale: string, nameOf: (item: T) => string): T[] {
  const collator = new Intl.Collator(locale);
  return [...items].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}
