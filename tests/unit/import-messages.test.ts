import { describe, expect, it } from "vitest";
import { importMessageKeys } from "@/lib/import/messages";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

/** The ICU placeholders of a text: `{limit}`, `{row}`. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((match) => match[1]!).sort();

describe("the import's messages", () => {
  it.each(importMessageKeys)("%s has a text in both languages, with the same values", (key) => {
    const english = (en.import as Record<string, string>)[key];
    const russian = (ru.import as Record<string, string>)[key];
    expect(english, `messages/en.json import.${key}`).toEqual(expect.any(String));
    expect(russian, `messages/ru.json import.${key}`).toEqual(expect.any(String));
    // The ambiguous region names its candidates in the reader's language.
    const sameValues = (text: string) => placeholders(text).map((name) => name.replace(/^candidates(En|Ru)$/, "candidates"));
    expect(sameValues(russian!)).toEqual(sameValues(english!));
  });

  it("has no text without a key", () => {
    expect(Object.keys(en.import).sort()).toEqual([...importMessageKeys].sort());
    expect(Object.keys(ru.import).sort()).toEqual([...importMessageKeys].sort());
  });
});
