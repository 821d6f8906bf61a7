import { describe, expect, it } from "vitest";
import {
  createRegionMatcher,
  excelSerialToIsoDate,
  parseCommitmentStatus,
  parseDate,
  parseDecimal,
  parseMeetingLevel,
  parseOrganizationKind,
  parseCurrency,
  parseOrganizationStatus,
  parseSectorCode,
  parseWebsite,
  parseYear,
  plainNumber,
  shiftDecimal,
  splitList,
  type ParseResult,
} from "@/lib/import/values";

// The regions as the seed has them (prisma/seed.ts), with the ids a registry would give them.
const regions = [
  { id: 1, nameEn: "Belarus", nameRu: "Беларусь", isoCode: "BY" },
  { id: 2, nameEn: "Minsk", nameRu: "Минск", isoCode: "BY-HM" },
  { id: 3, nameEn: "Minsk Region", nameRu: "Минская область", isoCode: "BY-MI" },
  { id: 4, nameEn: "Gomel Region", nameRu: "Гомельская область", isoCode: "BY-HO" },
  { id: 5, nameEn: "Mogilev Region", nameRu: "Могилёвская область", isoCode: "BY-MA" },
  { id: 6, nameEn: "Russia", nameRu: "Россия", isoCode: "RU" },
  { id: 7, nameEn: "Kursk Oblast", nameRu: "Курская область", isoCode: "RU-KRS" },
  { id: 8, nameEn: "Bryansk Oblast", nameRu: "Брянская область", isoCode: null },
];
const matchRegion = createRegionMatcher(regions);

const value = <T>(result: ParseResult<T>) => (result.ok ? result.value : `refused: ${result.message.key}`);

describe("createRegionMatcher", () => {
  it.each([
    ["Гомельская область", 4],
    ["Гомельская обл.", 4],
    ["гомельская  обл", 4],
    ["Гомельская", 4],
    ["Gomel Region", 4],
    ["Gomel Oblast", 4],
    ["gomel region", 4],
    ["BY-HO", 4],
    ["by-ho", 4],
    ["Курская область", 7],
    ["Kursk Region", 7],
    ["Kursk Oblast", 7],
    ["RU-KRS", 7],
    ["Могилевская область", 5],
    ["Могилёвская обл.", 5],
    ["Брянская обл.", 8],
    ["Минск", 2],
    ["г. Минск", 2],
    ["г.Минск", 2],
    ["Minsk City", 2],
    ["Minsk", 2],
    ["Minsk Oblast", 3],
    ["Минская область", 3],
    ["Минская обл.", 3],
    ["Беларусь", 1],
    ["Республика Беларусь", 1],
    ["Republic of Belarus", 1],
    ["BY", 1],
    ["Российская Федерация", 6],
    ["Россия", 6],
  ])("reads %s", (typed, id) => {
    expect(matchRegion(typed)).toEqual({ ok: true, value: id });
  });

  it("leaves a blank cell to the form", () => {
    expect(matchRegion("  ")).toEqual({ ok: true, value: null });
  });

  it("says which region it does not know", () => {
    expect(matchRegion("Смоленская область")).toEqual({
      ok: false,
      message: { key: "regionNotFound", values: { value: "Смоленская область" } },
    });
    expect(matchRegion("RU-SMO").ok).toBe(false);
  });

  it("reads a region's alternative names, kept by staff on the region form", () => {
    const withOtherNames = createRegionMatcher([
      ...regions.filter((r) => r.id !== 4),
      { id: 4, nameEn: "Gomel Region", nameRu: "Гомельская область", isoCode: "BY-HO", otherNames: ["Homiel Region", "Homyel Voblasts"] },
    ]);
    expect(withOtherNames("Homiel Region")).toEqual({ ok: true, value: 4 });
    expect(withOtherNames("homyel voblasts")).toEqual({ ok: true, value: 4 });
    expect(matchRegion("Homiel Region").ok).toBe(false);
  });

  it("refuses a name that fits two regions, naming both", () => {
    const twoGeorgias = createRegionMatcher([
      { id: 1, nameEn: "Georgia", nameRu: "Грузия", isoCode: "GE" },
      { id: 2, nameEn: "Georgia", nameRu: "Джорджия", isoCode: "US-GA" },
    ]);
    expect(twoGeorgias("Georgia")).toEqual({
      ok: false,
      message: { key: "regionAmbiguous", values: { value: "Georgia", candidatesEn: "Georgia; Georgia", candidatesRu: "Грузия; Джорджия" } },
    });
    expect(twoGeorgias("Грузия")).toEqual({ ok: true, value: 1 });
    expect(twoGeorgias("US-GA")).toEqual({ ok: true, value: 2 });
  });
});

describe("organization kinds and other choices", () => {
  it.each([
    ["предприятие", "enterprise"],
    ["Завод", "enterprise"],
    ["enterprise", "enterprise"],
    ["вуз", "university"],
    ["ВУЗ", "university"],
    ["Университет", "university"],
    ["институт", "university"],
    ["Академия", "university"],
    ["university", "university"],
    ["СП", "joint_venture"],
    ["совместное предприятие", "joint_venture"],
    ["Совместное  предприятие", "joint_venture"],
    ["Joint venture", "joint_venture"],
    ["joint_venture", "joint_venture"],
  ])("reads the kind %s", (typed, kind) => {
    expect(parseOrganizationKind(typed)).toEqual({ ok: true, value: kind });
  });

  it("refuses a word it does not know rather than guess", () => {
    expect(parseOrganizationKind("колледж")).toEqual({ ok: false, message: { key: "choiceUnknown", values: { value: "колледж" } } });
    expect(parseOrganizationKind("")).toEqual({ ok: true, value: null });
  });

  it("reads statuses and levels by word", () => {
    expect(value(parseOrganizationStatus("Действует"))).toBe("active");
    expect(value(parseOrganizationStatus("ликвидировано"))).toBe("closed");
    expect(value(parseMeetingLevel("Глава государства"))).toBe("head_of_state");
    expect(value(parseMeetingLevel("бизнес-форум"))).toBe("business_forum");
    expect(value(parseCommitmentStatus("в работе"))).toBe("in_progress");
    expect(value(parseCommitmentStatus("Выполнено"))).toBe("fulfilled");
  });
});

describe("parseSectorCode", () => {
  it.each([
    ["C28", "28"],
    ["c28", "28"],
    ["С28", "28"], // a Cyrillic С
    ["C.28", "28"],
    ["28", "28"],
    ["28.30", "28"],
    ["28.3", "28"],
    ["28.30.1", "28"],
    ["ОКВЭД 28.30", "28"],
    ["ОКВЭД2: 28.30", "28"],
    ["NACE Rev. 2 C28", "28"],
    ["28.30 Производство машин и оборудования для сельского хозяйства", "28"],
    ["1.11", "01"],
    ["01.11", "01"],
    ["2025-11-01", "01"], // Excel took "01.11" for 1 November
    ["C", "C"],
    ["С", "C"],
    ["C Обрабатывающие производства", "C"],
  ])("reads %s as %s", (typed, code) => {
    expect(parseSectorCode(typed)).toEqual({ ok: true, value: code });
  });

  it.each([
    ["04", "sectorUnknown"],
    ["00.1", "sectorUnknown"],
    ["A28", "sectorMismatch"],
    ["2830", "sectorFormat"],
    ["V", "sectorFormat"],
    ["машиностроение", "sectorFormat"],
  ])("refuses %s (%s)", (typed, key) => {
    expect(value(parseSectorCode(typed))).toBe(`refused: ${key}`);
  });

  it("names the section a mismatched letter should have been", () => {
    expect(parseSectorCode("A28")).toEqual({ ok: false, message: { key: "sectorMismatch", values: { value: "A28", section: "C" } } });
  });
});

describe("dates", () => {
  it.each([
    ["10.03.2015", "2015-03-10"],
    ["1.3.2015", "2015-03-01"],
    ["10.03.2015 0:00", "2015-03-10"],
    ["10.03.2015 г.", "2015-03-10"],
    ["2015-03-10", "2015-03-10"],
    ["2015-03-10T00:00:00Z", "2015-03-10"],
    ["42073", "2015-03-10"],
    ["42073.75", "2015-03-10"],
    ["29.02.2016", "2016-02-29"],
    // As the forms take it (lib/i18n/dates.ts).
    ["10 марта 2015", "2015-03-10"],
    ["10 March 2015", "2015-03-10"],
  ])("reads %s", (typed, iso) => {
    expect(parseDate(typed)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ["10.03.15", "dateTwoDigitYear"],
    ["31.02.2015", "dateNotReal"],
    ["29.02.2015", "dateNotReal"],
    ["10.03.1850", "dateNotReal"],
    ["03/10/2015", "dateFormat"],
    ["2015", "dateFormat"],
    ["10 мартобря 2015", "dateNotReal"],
    ["99999", "dateFormat"],
  ])("refuses %s (%s)", (typed, key) => {
    expect(value(parseDate(typed))).toBe(`refused: ${key}`);
  });

  it("counts Excel serials with the 1900 leap-year bug", () => {
    expect(excelSerialToIsoDate(1)).toBe("1900-01-01");
    expect(excelSerialToIsoDate(59)).toBe("1900-02-28");
    // Serial 60 is 29 February 1900, which Excel counts and the calendar does not.
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe("1900-03-01");
    expect(excelSerialToIsoDate(42073)).toBe("2015-03-10");
    expect(excelSerialToIsoDate(73415)).toBe("2100-12-31");
    expect(excelSerialToIsoDate(0)).toBeNull();
  });
});

describe("parseDecimal", () => {
  it.each([
    ["1 250 000,50", "1250000.50"],
    ["1\u00a0250\u00a0000,50", "1250000.50"],
    ["1\u202f250\u202f000.50", "1250000.50"],
    ["1\u2009250\u2009000,50", "1250000.50"],
    ["1 250 000.50", "1250000.50"],
    ["1,250,000.50", "1250000.50"],
    ["1.250.000,50", "1250000.50"],
    ["250000000", "250000000"],
    ["250 000 000", "250000000"],
    ["0,5", "0.5"],
    ["007", "7"],
    ["2,5E+08", "250000000"],
    ["2.5e8", "250000000"],
    ["1.5E-3", "0.0015"],
    ["-1 250,5", "-1250.5"],
    ["−42", "-42"],
    // A single comma is a decimal comma: "250,000" is 250.000, which the form refuses for three decimals.
    ["250,000", "250.000"],
    ["99999999999999999.99", "99999999999999999.99"],
  ])("reads %s as %s", (typed, plain) => {
    expect(parseDecimal(typed)).toEqual({ ok: true, value: plain });
  });

  it.each([
    ["1 25 000", "numberGrouping"],
    ["1,25,000", "numberGrouping"],
    ["1,250.000,5", "numberGrouping"],
    ["$250", "numberFormat"],
    ["250 млн", "numberFormat"],
    ["1,", "numberFormat"],
    ["12%", "numberFormat"],
    ["abc", "numberFormat"],
  ])("refuses %s (%s)", (typed, key) => {
    expect(value(parseDecimal(typed))).toBe(`refused: ${key}`);
  });

  it("applies a header's thousands or millions exactly, and a share's percent sign", () => {
    expect(value(parseDecimal("1 250,5", { multiplier: 1000 }))).toBe("1250500");
    expect(value(parseDecimal("250", { multiplier: 1_000_000 }))).toBe("250000000");
    expect(value(parseDecimal("0,123456789", { multiplier: 1000 }))).toBe("123.456789");
    expect(value(parseDecimal("49 %", { percent: true }))).toBe("49");
    expect(value(parseDecimal("33,33%", { percent: true }))).toBe("33.33");
  });

  it("leaves a blank cell to the form", () => {
    expect(parseDecimal(" ")).toEqual({ ok: true, value: null });
  });
});

describe("numbers as Excel shows them", () => {
  it.each([
    [250000000, "250000000"],
    [1250000.5, "1250000.5"],
    [0.1 + 0.2, "0.3"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [-42.5, "-42.5"],
    [Number.NaN, ""],
  ])("writes %s as %s", (number, text) => {
    expect(plainNumber(number)).toBe(text);
  });

  it("moves a decimal point without rounding", () => {
    expect(shiftDecimal("0.49", 2)).toBe("49");
    expect(shiftDecimal("12.5", -3)).toBe("0.0125");
    expect(shiftDecimal("-0.001", 3)).toBe("-1");
  });
});

describe("years, websites and lists", () => {
  it.each([
    ["2014", "2014"],
    ["2014 г.", "2014"],
    ["2014 год", "2014"],
    ["2 014", "2014"],
    ["2014.0", "2014"],
  ])("reads the year %s", (typed, year) => {
    expect(parseYear(typed)).toEqual({ ok: true, value: year });
  });

  it("refuses a year that is not four digits", () => {
    expect(value(parseYear("14"))).toBe("refused: yearFormat");
    expect(value(parseYear("2013-2014"))).toBe("refused: yearFormat");
  });

  it.each([
    ["kurskmash.ru", "https://kurskmash.ru"],
    ["www.kurskmash.ru", "https://www.kurskmash.ru"],
    ["kurskmash.ru/about", "https://kurskmash.ru/about"],
    ["http://kurskmash.ru", "http://kurskmash.ru"],
    ["https://www.gomel.by/", "https://www.gomel.by/"],
    ["сайт.рф", "https://сайт.рф"],
  ])("reads the website %s", (typed, address) => {
    expect(parseWebsite(typed)).toEqual({ ok: true, value: address });
  });

  it.each([
    ["info@kurskmash.ru", "websiteFormat"],
    ["ftp://kurskmash.ru", "websiteFormat"],
    ["mailto:info@kurskmash.ru", "websiteFormat"],
    ["нет", "websiteFormat"],
    ["kurskmash.ru; kurskmash.com", "websiteSeveral"],
  ])("refuses the website %s (%s)", (typed, key) => {
    expect(value(parseWebsite(typed))).toBe(`refused: ${key}`);
  });

  it("splits a list on semicolons and lines, not on commas within names", () => {
    expect(splitList("Курская область; Гомельская область\nBY-MI;;")).toEqual(["Курская область", "Гомельская область", "BY-MI"]);
    expect(splitList("ООО «Ромашка», г. Курск")).toEqual(["ООО «Ромашка», г. Курск"]);
  });
});

describe("parseCurrency", () => {
  it.each([
    ["руб.", "RUB"],
    ["₽", "RUB"],
    ["российских рублей", "RUB"],
    ["бел. руб.", "BYN"],
    ["Белорусский рубль", "BYN"],
    ["$", "USD"],
    ["долл. США", "USD"],
    ["€", "EUR"],
    ["евро", "EUR"],
    ["byn", "BYN"],
    ["", null],
  ])("reads %s as %s", (typed, code) => {
    expect(parseCurrency(typed)).toEqual({ ok: true, value: code });
  });

  it("passes anything else on in capitals, for the form's own message", () => {
    expect(parseCurrency("тугрики")).toEqual({ ok: true, value: "ТУГРИКИ" });
  });
});
