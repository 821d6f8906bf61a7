import { naceDivisions, naceSections } from "@/prisma/nace";
import type { CommitmentStatus, MeetingLevel, OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import { parseDay } from "@/lib/i18n/dates";
import { importMessage, type ImportMessage, type ImportMessageKey, type ValueMessageKey } from "./messages";

/**
 * Values as officials type them in spreadsheets, read into what the forms take: a region's id, a kind, a NACE
 * code, `yyyy-mm-dd`, a plain decimal string. Pure and client-safe. Each parser answers blank with `null`, so
 * that the form's own schema says whether the field may be blank, with the form's message (parity with the
 * forms); and a value that is there but cannot be read with a message key, never a guess.
 */

/** A parsed value (`null` for a blank cell), or why it could not be read. */
export type ParseResult<T, Key extends ImportMessageKey = ValueMessageKey> =
  { ok: true; value: T | null } | { ok: false; message: ImportMessage<Key> };

const ok = <T>(value: T | null): ParseResult<T> => ({ ok: true, value });
/**
 * Longer than any value of its kind can be: such a cell is refused before any pattern looks at it, so that no
 * pattern's work grows with a 10,000-character cell.
 */
const MAX_LENGTH = { date: 64, number: 64, year: 32, sector: 500, website: 2000 } as const;
/** A refusal; the value it quotes is cut to what a message can show (the report has the whole cell beside it). */
const fail = <T>(key: ValueMessageKey, values?: Record<string, string | number>): ParseResult<T> => {
  const quoted =
    values && typeof values.value === "string" && values.value.length > 100
      ? { ...values, value: `${values.value.slice(0, 100)}…` }
      : values;
  return { ok: false, message: importMessage(key, quoted) };
};

/** Lower case, ё as е, every run of punctuation and spaces as one space: how names and words are compared. */
export function normalizeWords(text: string) {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// ---- Regions ----

/** A region as the matcher needs it: the caller reads these from the registry. */
export type RegionEntry = { id: number; nameEn: string; nameRu: string; otherNames?: readonly string[]; isoCode?: string | null };

/** Words that say a name is a region (oblast, krai) or a city; they are left out when names are compared. */
const REGION_WORDS = new Set(["область", "обл", "oblast", "obl", "region", "province", "край", "krai", "kray"]);
const CITY_WORDS = new Set(["г", "гор", "город", "city", "gorod"]);
const FILLER_WORDS = new Set(["республика", "republic", "of", "the"]);
/** Other names of the two countries, for the regions with these ISO codes. */
const COUNTRY_NAMES: Record<string, readonly string[]> = {
  BY: ["республика беларусь", "republic of belarus", "рб", "белоруссия", "belorussia"],
  RU: ["российская федерация", "russian federation", "рф"],
};

type NameKind = "region" | "city" | "plain";

/** A name's core (without the words above) and which of those words it had. */
function nameParts(text: string): { core: string; kind: NameKind } {
  const words = normalizeWords(text).split(" ");
  const kind: NameKind = words.some((w) => REGION_WORDS.has(w)) ? "region" : words.some((w) => CITY_WORDS.has(w)) ? "city" : "plain";
  const core = words.filter((w) => !REGION_WORDS.has(w) && !CITY_WORDS.has(w) && !FILLER_WORDS.has(w)).join(" ");
  return { core, kind };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A matcher of region names as typed, built once per import from the registry's regions (no database here).
 * It takes either language's name ("Гомельская область", "Gomel Region"), the ISO 3166-2 code ("BY-HO"), and
 * the region's alternative names, the common variants: "Гомельская обл.", "Gomel Oblast" for "Gomel Region", "г. Минск" and "Minsk City" for the
 * city of Minsk. A word for a region or a city decides between a region and its capital ("Minsk Oblast" is the
 * region, "Minsk" the city). A value that fits two regions is refused and names both: an import never guesses.
 */
export function createRegionMatcher(regions: readonly RegionEntry[]): (text: string) => ParseResult<number> {
  const byCode = new Map<string, RegionEntry>();
  const byName = new Map<string, RegionEntry[]>();
  const byCore = new Map<string, { region: RegionEntry; kind: NameKind }[]>();
  for (const region of regions) {
    const code = region.isoCode?.trim().toUpperCase();
    if (code) byCode.set(code, region);
    // The region's alternative names, kept by staff on the region form ("Gomel Oblast", "Homiel Region").
    const names = [region.nameEn, region.nameRu, ...(region.otherNames ?? []), ...(code ? (COUNTRY_NAMES[code] ?? []) : [])];
    for (const name of names) {
      addTo(byName, normalizeWords(name), region);
      const { core, kind } = nameParts(name);
      if (core) addTo(byCore, core, { region, kind });
    }
  }
  const unique = (list: readonly RegionEntry[]) => [...new Map(list.map((r) => [r.id, r])).values()];
  const answer = (value: string, found: readonly RegionEntry[]): ParseResult<number> => {
    const distinct = unique(found);
    if (distinct.length === 1) return ok(distinct[0]!.id);
    if (distinct.length === 0) return fail("regionNotFound", { value });
    return fail("regionAmbiguous", {
      value,
      candidatesEn: distinct.map((r) => r.nameEn).join("; "),
      candidatesRu: distinct.map((r) => r.nameRu).join("; "),
    });
  };

  return (text) => {
    const value = text.trim();
    if (value === "") return ok(null);
    const code = value.toUpperCase().replace(/\s+/g, "").replace(/_/g, "-");
    if (/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code) && byCode.has(code)) return ok(byCode.get(code)!.id);
    const byWholeName = byName.get(normalizeWords(value));
    if (byWholeName) return answer(value, byWholeName);
    const { core, kind } = nameParts(value);
    const candidates = byCore.get(core) ?? [];
    // "Minsk Oblast" is not the city of Minsk; "г. Минск" is not Minsk Region. Names without such a word fit either.
    const fitting = kind === "plain" ? candidates : candidates.filter((c) => c.kind === kind || c.kind === "plain");
    const preferred = fitting.filter((c) => c.kind === kind);
    return answer(
      value,
      (preferred.length > 0 ? preferred : fitting).map((c) => c.region),
    );
  };
}

// ---- Words for a choice: kinds, statuses, levels ----

/** A parser of one enum's values from words people use for them (and the value's own name). */
function choiceParser<T extends string>(words: Record<T, readonly string[]>): (text: string) => ParseResult<T> {
  const lookup = new Map<string, T>();
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][]) {
    for (const word of [value, ...list]) lookup.set(normalizeWords(word), value);
  }
  return (text) => {
    const normalized = normalizeWords(text);
    if (normalized === "") return ok(null);
    const value = lookup.get(normalized);
    return value ? ok(value) : fail("choiceUnknown", { value: text.trim() });
  };
}

/** An organization's kind by word: "завод", "вуз", "СП", "joint venture". */
export const parseOrganizationKind = choiceParser<OrganizationKind>({
  enterprise: ["предприятие", "завод", "фабрика", "комбинат", "компания", "фирма", "enterprise", "company", "plant", "factory", "firm"],
  university: [
    ...["вуз", "университет", "институт", "академия", "высшее учебное заведение", "учреждение высшего образования"],
    ...["university", "institute", "academy", "higher education institution", "higher education establishment"],
  ],
  joint_venture: ["сп", "совместное предприятие", "jv", "joint venture", "joint-venture"],
});

/** An organization's status: "действует", "active", "ликвидировано". */
export const parseOrganizationStatus = choiceParser<OrganizationStatus>({
  planned: ["планируется", "планируемое", "проект", "planned"],
  active: ["действует", "действующее", "действующий", "работает", "active", "operating"],
  closed: ["закрыто", "закрыт", "ликвидировано", "ликвидирован", "прекратило деятельность", "closed", "liquidated"],
});

/** A meeting's level: "глава государства", "правительство", "бизнес-форум". */
export const parseMeetingLevel = choiceParser<MeetingLevel>({
  head_of_state: ["глава государства", "главы государств", "высший уровень", "на высшем уровне", "head of state", "heads of state"],
  government: ["правительство", "правительственный", "правительственная", "government", "governmental"],
  regional: ["региональный", "региональная", "регион", "regional"],
  agency: ["ведомство", "ведомственный", "ведомственная", "министерство", "agency", "ministry"],
  business_forum: ["бизнес форум", "деловой форум", "форум", "business forum", "forum"],
});

/** A commitment's status: "согласовано", "в работе", "выполнено". */
export const parseCommitmentStatus = choiceParser<CommitmentStatus>({
  proposed: ["предложено", "предложение", "proposed"],
  agreed: ["согласовано", "договорились", "agreed"],
  in_progress: ["выполняется", "в работе", "в процессе", "in progress", "ongoing"],
  fulfilled: ["выполнено", "исполнено", "fulfilled", "done", "completed"],
  lapsed: ["утратило силу", "не выполнено", "истекло", "lapsed", "expired"],
});

// ---- NACE Rev. 2 (OKVED 2, OKED) ----

const sectionOfDivision = new Map(naceDivisions.map((d) => [d.code, d.sectionCode]));
const sectionCodes = new Set(naceSections.map((s) => s.code));
/** Cyrillic letters that look like Latin section letters: "С28" is typed with a Cyrillic С as often as not. */
const LOOKALIKES: Record<string, string> = { А: "A", В: "B", С: "C", Е: "E", Н: "H", К: "K", М: "M", О: "O", Р: "P", Т: "T", Х: "X" };

/**
 * A NACE code as typed: `C28`, `28`, `28.30`, `28.3` (Excel drops the zero), `28.30.1` → division `28`; `1.11`
 * (Excel drops the leading zero) → `01`; `C` → section `C`. A name after the code ("28.30 Производство …") is
 * left out. A date where a code should be is Excel's reading of "01.11" as 1 November: its day is the division.
 */
export function parseSectorCode(text: string): ParseResult<string> {
  const value = text.trim();
  if (value === "") return ok(null);
  if (value.length > MAX_LENGTH.sector) return fail("sectorFormat", { value });
  const excelDate = /^\d{4}-(\d{2})-(\d{2})$/.exec(value);
  const typed = excelDate ? `${excelDate[2]}.${excelDate[1]}` : value;
  const cleaned = typed
    .toUpperCase()
    .replace(/^(?:ОКВЭД|ОКЭД|OKVED|NACE(?:\s*REV\.?)?)(?:\s*2(?!\d))?\s*[:.]?\s*/u, "")
    .replace(/^[АВСЕНКМОРТХ](?!\p{L})/u, (letter) => LOOKALIKES[letter] ?? letter);
  const division = /^([A-U])?\s*(?:[.\-]\s*)?(\d{1,2})(?:\.\d{1,3}){0,3}(?:\s+\S.*)?$/su.exec(cleaned);
  if (division) {
    const code = division[2]!.padStart(2, "0");
    const section = sectionOfDivision.get(code);
    if (!section) return fail("sectorUnknown", { value });
    if (division[1] && division[1] !== section) return fail("sectorMismatch", { value, section });
    return ok(code);
  }
  const section = /^([A-U])(?:\s+\S.*)?$/su.exec(cleaned);
  if (section && sectionCodes.has(section[1]!)) return ok(section[1]!);
  return fail("sectorFormat", { value });
}

// ---- Dates ----

const DAY_MS = 86_400_000;
/** The largest serial the forms' dates can have: 2100-12-31. */
const LAST_SERIAL = 73_415;

/**
 * An Excel serial day number in the 1900 date system, as `yyyy-mm-dd`; the time of day is dropped. Excel counts
 * 29 February 1900, which never was (serial 60, kept for Lotus 1-2-3): from serial 61 on, days are one fewer.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day === 60 || day > 2_958_465) return null;
  const sinceLastDayOf1899 = day < 60 ? day : day - 1;
  return new Date(Date.UTC(1899, 11, 31) + sinceLastDayOf1899 * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date as officials write it, read as the forms read it (`parseDay`: `10.03.2015`, `10.03.2015 г.`,
 * `10 марта 2015`, ISO `2015-03-10`), with a time of day after it (`10.03.2015 0:00`), or an Excel serial number
 * (`42073`, what a date cell without a date format shows). Two-digit years are refused, not guessed: Excel reads
 * "31.12.30" as 1930, and a due date of 2030 would be imported a century early. Slashes are refused too, since
 * 03/10/2015 is 3 October in Russia and 10 March in the United States.
 */
export function parseDate(text: string): ParseResult<string> {
  if (text.trim().length > MAX_LENGTH.date) return fail("dateFormat");
  const value = text.trim().replace(/(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/, "");
  if (value === "") return ok(null);
  const day = parseDay(value);
  if (day.ok) return ok(day.iso);
  // A serial has five digits for any day since 1927: four digits or fewer are likelier a year or a slip.
  const serial = /^(\d{5})(?:[.,]\d+)?$/.exec(value);
  if (serial && Number(serial[1]) <= LAST_SERIAL) return ok(excelSerialToIsoDate(Number(serial[1])));
  if (day.problem === "twoDigitYear") return fail("dateTwoDigitYear");
  return fail(day.problem === "format" ? "dateFormat" : "dateNotReal");
}

// ---- Numbers ----

/** "12.5" with its point moved `places` to the right (left if negative), exactly: no float is involved. */
export function shiftDecimal(plain: string, places: number): string {
  const negative = plain.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? plain.slice(1) : plain).split(".");
  const digits = whole + fraction;
  let point = whole.length + places;
  let padded = digits;
  if (point > padded.length) padded = padded.padEnd(point, "0");
  if (point < 1) {
    padded = "0".repeat(1 - point) + padded;
    point = 1;
  }
  const integer = padded.slice(0, point).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(point).replace(/0+$/, "");
  const result = rest ? `${integer}.${rest}` : integer;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

/**
 * A number as plain decimal text, as Excel shows it: 15 significant digits (Excel's own precision, so that a
 * stored 0.30000000000000004 reads 0.3), never in exponent form. Used for numeric cells of a workbook.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  const shortest = String(Number(value.toPrecision(15)));
  const exponent = /^(-?)(\d+(?:\.\d+)?)e([+-]\d+)$/.exec(shortest);
  if (!exponent) return shortest;
  return (exponent[1] ?? "") + shiftDecimal(exponent[2]!, Number(exponent[3]));
}

const SPACES = /[\s\u00a0\u2007\u2009\u200a\u202f]+/g;

/** Whether the groups of a whole number are as written with thousands separators: 1-3 digits, then threes. */
const groupsOfThree = (groups: readonly string[]) => /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));

/**
 * A number as written in Russian or English, as a plain decimal string: `1 250 000,50` (with ordinary, no-break
 * or thin spaces), `1 250 000.50`, `1,250,000.50`, `1.250.000,50`, `250000000`, `2,5E+08`. A comma or point that
 * appears once is the decimal separator; one that repeats separates thousands and must do so in threes. So
 * "250,000" reads 250.000, which the form then refuses for its three decimals instead of importing a number a
 * thousand times wrong. `multiplier` applies a header's "тыс." or "млн" exactly; `percent` allows "49 %".
 */
export function parseDecimal(text: string, options: { multiplier?: number; percent?: boolean } = {}): ParseResult<string> {
  let value = text.trim().replace(/^[−–]/, "-");
  if (value.length > MAX_LENGTH.number) return fail("numberFormat");
  if (options.percent) value = value.replace(/\s*%$/, "");
  if (value === "") return ok(null);
  const negative = value.startsWith("-");
  if (negative) value = value.slice(1).trimStart();
  const exponent = /^(\d+(?:[.,]\d+)?)[eE]([+-]?\d{1,3})$/.exec(value);
  let plain: string | null = null;
  if (exponent) plain = shiftDecimal(exponent[1]!.replace(",", "."), Number(exponent[2]));
  else {
    if (!/^\d[\d.,\s\u00a0\u2007\u2009\u200a\u202f]*$/.test(value) || /\D$/.test(value)) return fail("numberFormat");
    const marked = value.replace(SPACES, " ");
    const separators = [...new Set(marked.replace(/\d/g, ""))];
    const last = marked.replace(/\d+$/, "").slice(-1);
    // The decimal separator is a comma or point that comes last and only once.
    const decimal = (last === "," || last === ".") && marked.split(last).length === 2 ? last : null;
    const [wholePart, fraction = ""] = decimal ? marked.split(decimal) : [marked];
    const grouping = separators.filter((s) => s !== decimal);
    if (grouping.length > 1) return fail("numberGrouping");
    const groups = grouping.length === 1 ? wholePart!.split(grouping[0]!) : [wholePart!];
    if (groups.length > 1 && !groupsOfThree(groups)) return fail("numberGrouping");
    if (!/^\d*$/.test(fraction) || (decimal && fraction === "")) return fail("numberFormat");
    const whole = groups.join("").replace(/^0+(?=\d)/, "");
    plain = fraction ? `${whole}.${fraction}` : whole;
  }
  if (options.multiplier && options.multiplier !== 1) plain = shiftDecimal(plain, Math.round(Math.log10(options.multiplier)));
  return ok(negative && /[1-9]/.test(plain) ? `-${plain}` : plain);
}

/** A year: `2014`, `2014 г.`, `2014 год`, `2 014` (a number cell with a thousands separator), `2014.0`. */
export function parseYear(text: string): ParseResult<string> {
  if (text.trim().length > MAX_LENGTH.year) return fail("yearFormat");
  const value = text
    .trim()
    .replace(/\s*(?:г\.?|гг\.?|год|года|year)$/iu, "")
    .replace(SPACES, "")
    .replace(/[.,]0+$/, "");
  if (value === "") return ok(null);
  return /^\d{4}$/.test(value) ? ok(value) : fail("yearFormat");
}

/** A website: `kurskmash.ru` and `www.kurskmash.ru` get `https://`; http and https addresses are kept as typed. */
export function parseWebsite(text: string): ParseResult<string> {
  const value = text.trim();
  if (value === "") return ok(null);
  if (value.length > MAX_LENGTH.website) return fail("websiteFormat");
  if (/[\s;,]/.test(value)) {
    const parts = value.split(/[\s;,]+/).filter(Boolean);
    return parts.length > 1 && parts.every((p) => /\.\p{L}{2,}/u.test(p)) ? fail("websiteSeveral") : fail("websiteFormat");
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  if (hasScheme && !/^https?:\/\//i.test(value)) return fail("websiteFormat");
  const address = hasScheme ? value : `https://${value.replace(/^\/\//, "")}`;
  if (!URL.canParse(address)) return fail("websiteFormat");
  // The host as the URL parser gives it (punycode for сайт.рф): a name with a top-level domain, not an address.
  const host = new URL(address).hostname.replace(/\.$/, "");
  if (value.includes("@") || !/\.(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i.test(host)) return fail("websiteFormat");
  return ok(address);
}

/** Words and signs for the currencies officials name most; a three-letter code is taken as it is. */
const CURRENCY_WORDS: Record<string, readonly string[]> = {
  RUB: ["₽", "руб", "рубль", "рубли", "рублей", "российский рубль", "российских рублей", "rur", "rouble", "roubles", "ruble", "rubles"],
  BYN: ["бел руб", "белорусский рубль", "белорусских рублей", "belarusian rouble", "belarusian ruble", "belarusian roubles"],
  USD: ["$", "долл", "доллар", "доллары", "долларов", "долл сша", "доллар сша", "us dollar", "us dollars", "dollar", "dollars"],
  EUR: ["€", "евро", "euro", "euros"],
  CNY: ["¥", "юань", "юаней", "yuan"],
};
const currencyLookup = new Map(
  Object.entries(CURRENCY_WORDS).flatMap(([code, words]) => words.map((word) => [/\p{L}/u.test(word) ? normalizeWords(word) : word, code])),
);

/**
 * A currency as a code: "руб.", "₽" → RUB, "бел. руб." → BYN, "долл. США", "$" → USD. Anything else is passed on
 * as typed, in capitals, for the form's own check ("three letters, such as USD"): its message is the form's.
 */
export function parseCurrency(text: string): ParseResult<string> {
  const value = text.trim();
  if (value === "") return ok(null);
  return ok(currencyLookup.get(value) ?? currencyLookup.get(normalizeWords(value)) ?? value.toUpperCase());
}

/** Several values in one cell (a meeting's regions, a commitment's parties): one per line or separated by ";". */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
