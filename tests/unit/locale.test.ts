import { describe, expect, it } from "vitest";
import { detectLocale } from "@/lib/i18n/locale";

describe("detectLocale", () => {
  it("answers the language chosen with the switch, whatever the browser says", () => {
    expect(detectLocale("ru", "en")).toBe("ru");
    expect(detectLocale("en", "ru")).toBe("en");
  });

  it("ignores a cookie that is not one of our languages", () => {
    expect(detectLocale("de", "ru")).toBe("ru");
    expect(detectLocale("", "ru-RU")).toBe("ru");
  });

  it("takes the best supported language by q-value, not the first range", () => {
    expect(detectLocale(undefined, "de,ru;q=0.8")).toBe("ru");
    expect(detectLocale(undefined, "en;q=0.1, ru;q=0.9")).toBe("ru");
    expect(detectLocale(undefined, "ru;q=0.5, en-GB;q=0.7")).toBe("en");
    expect(detectLocale(undefined, "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toBe("en");
  });

  it("keeps the browser's order between equal weights", () => {
    expect(detectLocale(undefined, "ru-RU,en")).toBe("ru");
    expect(detectLocale(undefined, "EN-us, ru")).toBe("en");
  });

  it("does not take a language the browser refuses with q=0", () => {
    expect(detectLocale(undefined, "ru;q=0, de")).toBe("en");
  });

  it("falls back to English on garbage or nothing", () => {
    expect(detectLocale(undefined, "garbage")).toBe("en");
    expect(detectLocale(undefined, ";;;,,,q=ru")).toBe("en");
    expect(detectLocale(undefined, "ru;q=abc")).toBe("en");
    expect(detectLocale(null, null)).toBe("en");
    expect(detectLocale(undefined, "")).toBe("en");
  });
});
