import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateField, dayParam } from "@/lib/actions/fields";
import { DAY_INPUT_MAX, formatDay, formatMoment, parseDay, showTypedDay } from "@/lib/i18n/dates";

/** A real day from 1900 to 2100, as year, month and day. */
const realDay = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
const isoOf = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

describe("formatDay and formatMoment", () => {
  it("write a day as the reader does: 10.03.2015 in Russian, 10 March 2015 in English", () => {
    const day = new Date("2015-03-10T00:00:00Z");
    expect(formatDay("ru", day)).toBe("10.03.2015");
    expect(formatDay("en", day)).toBe("10 March 2015");
    expect(formatDay("en", "2021-01-01")).toBe("1 January 2021");
    expect(formatDay("ru", "2021-01-01")).toBe("01.01.2021");
  });

  it("give a moment its UTC time after the day", () => {
    const moment = new Date("2026-12-07T09:05:59Z");
    expect(formatMoment("ru", moment)).toBe("07.12.2026, 09:05");
    expect(formatMoment("en", moment)).toBe("7 December 2026, 09:05");
  });

  it("show a record's ISO day in the reader's form, and anything typed as it was typed", () => {
    expect(showTypedDay("ru", "2015-03-10")).toBe("10.03.2015");
    expect(showTypedDay("en", "2015-03-10")).toBe("10 March 2015");
    expect(showTypedDay("ru", "31.02.2015")).toBe("31.02.2015");
    expect(showTypedDay("en", "2015-02-31")).toBe("2015-02-31");
  });
});

describe("parseDay", () => {
  it.each([
    ["10.03.2015", "2015-03-10"],
    ["1.3.2015", "2015-03-01"],
    [" 10.03.2015 ", "2015-03-10"],
    ["10.03.2015 г.", "2015-03-10"],
    ["2015-03-10", "2015-03-10"],
    ["2015-3-1", "2015-03-01"],
    ["10 March 2015", "2015-03-10"],
    ["10 march 2015", "2015-03-10"],
    ["10 Mar. 2015", "2015-03-10"],
    ["March 10, 2015", "2015-03-10"],
    ["10 марта 2015", "2015-03-10"],
    ["10 марта 2015 года", "2015-03-10"],
    ["10 МАРТА 2015 г.", "2015-03-10"],
    ["1 сент. 2015", "2015-09-01"],
    ["29.02.2016", "2016-02-29"],
    ["29.02.2000", "2000-02-29"],
    ["01.01.1900", "1900-01-01"],
    ["31.12.2100", "2100-12-31"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDay(text)).toEqual({ ok: true, iso });
  });

  it.each([
    ["31.02.2015", { problem: "day", daysInMonth: 28 }],
    ["29.02.2015", { problem: "day", daysInMonth: 28 }],
    ["29.02.1900", { problem: "day", daysInMonth: 28 }],
    ["31 April 2015", { problem: "day", daysInMonth: 30 }],
    ["00.03.2015", { problem: "day", daysInMonth: 31 }],
    ["10.13.2015", { problem: "month" }],
    ["10 Smarch 2015", { problem: "month" }],
    ["10.03.15", { problem: "twoDigitYear" }],
    ["10.03.1812", { problem: "year" }],
    ["10.03.2101", { problem: "year" }],
    ["10.03.215", { problem: "year" }],
    // Slashes are not guessed: 3 October in Russia, 10 March in the United States.
    ["03/10/2015", { problem: "format" }],
    ["March 2015", { problem: "format" }],
    ["next Tuesday", { problem: "format" }],
    ["2015-03-10T00:00:00Z", { problem: "format" }],
    ["", { problem: "format" }],
  ])("refuses %j saying what to fix", (text, problem) => {
    expect(parseDay(text)).toEqual({ ok: false, ...problem });
  });

  it("reads back every real day it writes, in both languages and as ISO", () => {
    fc.assert(
      fc.property(realDay, fc.constantFrom("en", "ru"), (day, locale) => {
        const iso = isoOf(day);
        expect(parseDay(formatDay(locale, iso))).toEqual({ ok: true, iso });
        expect(parseDay(iso)).toEqual({ ok: true, iso });
      }),
    );
  });

  it("refuses every day past its month's end with that month's length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 70 }),
        (year, month, over) => {
          const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const day = days + over;
          if (day > 99) return;
          expect(parseDay(`${day}.${month}.${year}`)).toEqual({ ok: false, problem: "day", daysInMonth: days });
        },
      ),
    );
  });

  it("never throws on any text and accepts only real days from 1900 to 2100, written back as typed", () => {
    const texty = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc
        .tuple(
          fc.stringMatching(/^[0-9 ]{0,5}$/),
          fc.constantFrom(".", "/", "-", " ", ". ", ""),
          fc.oneof(fc.stringMatching(/^[0-9]{0,3}$/), fc.constantFrom("марта", "March", "Sept", "мая", "г.")),
          fc.constantFrom(".", "/", "-", " ", ", "),
          fc.stringMatching(/^[0-9]{0,6}$/),
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(texty, (text) => {
        const parsed = parseDay(text);
        if (!parsed.ok) return;
        expect(parsed.iso >= "1900-01-01" && parsed.iso <= "2100-12-31").toBe(true);
        expect(parseDay(formatDay("ru", parsed.iso))).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses text far longer than any date without reading it", () => {
    expect(parseDay(`10.03.2015${" ".repeat(DAY_INPUT_MAX)}x`)).toEqual({ ok: false, problem: "format" });
    expect(parseDay("1".repeat(1_000_000))).toEqual({ ok: false, problem: "format" });
  });
});

describe("dateField and dayParam", () => {
  it("take the reader's form and give the form a message naming the part to fix", () => {
    expect(dateField({ required: true }).parse("10.03.2015")).toEqual(new Date("2015-03-10T00:00:00Z"));
    expect(dateField({ required: true }).parse("10 марта 2015")).toEqual(new Date("2015-03-10T00:00:00Z"));
    expect(dateField({ required: false }).parse("  ")).toBeNull();
    const refused = dateField({ required: true }).safeParse("31.02.2015");
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual(["dateNoSuchDay|28"]);
    expect(
      dateField({ required: true })
        .safeParse("")
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["required"]);
  });

  it("read a list's day from its URL as ISO, and fail on anything else", () => {
    expect(dayParam.parse("10.03.2015")).toBe("2015-03-10");
    expect(dayParam.parse("2015-03-10")).toBe("2015-03-10");
    expect(dayParam.safeParse("2015-02-30").success).toBe(false);
    expect(dayParam.safeParse("x".repeat(10_000)).success).toBe(false);
  });
});
