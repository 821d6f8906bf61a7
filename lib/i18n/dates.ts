import type { Locale } from "@/lib/i18n/locale";

/**
 * Calendar days as readers write them, client-safe: the forms show and take `10.03.2015` in Russian and
 * `10 March 2015` in English (not the browser's mm/dd/yyyy), and every page shows a day the same way. A day is
 * a UTC midnight `Date`, as the database's `date` columns are read (next-intl's time zone is UTC too).
 */

/** The days a form takes: the registry's records start long after 1900, and a typo of a century is caught. */
export const DAY_MIN = "1900-01-01";
export const DAY_MAX = "2100-12-31";
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

/** Nothing longer is a date ("10 сентября 2015 г." is 18 characters); longer input is refused before any pattern runs. */
export const DAY_INPUT_MAX = 40;

const monthsEn = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;
const monthsRuGenitive = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
] as const;
const monthsRuNominative = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
] as const;
const monthsEnTitle = monthsEn.map((month) => month[0]!.toUpperCase() + month.slice(1));

/**
 * Month words to their numbers: full names in English and Russian (either case), and their usual
 * abbreviations (`Mar`, `Sept`, `мар`, `сент`), lower case; a final dot is dropped before the look-up.
 */
const monthWords: ReadonlyMap<string, number> = new Map(
  [
    monthsEn,
    monthsEn.map((name) => name.slice(0, 3)),
    monthsRuGenitive,
    monthsRuNominative,
    ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    ["jan", "febr", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"],
    ["янв", "февр", "мар", "апр", "мая", "июн", "июл", "авг", "сент", "окт", "нояб", "дек"],
  ].flatMap((names) => names.map((name, i) => [name, i + 1] as const)),
);

/** Why a text is not a day: `format` (cannot be read), or which part to fix. */
export type DayProblem =
  | { problem: "format" }
  | { problem: "twoDigitYear" }
  | { problem: "year" }
  | { problem: "month" }
  | { problem: "day"; daysInMonth: number };

export type DayParse = { ok: true; iso: string } | ({ ok: false } & DayProblem);

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function check(year: number, month: number, day: number, yearDigits: number): DayParse {
  if (yearDigits === 2) return { ok: false, problem: "twoDigitYear" };
  if (yearDigits !== 4 || year < YEAR_MIN || year > YEAR_MAX) return { ok: false, problem: "year" };
  if (month < 1 || month > 12) return { ok: false, problem: "month" };
  const days = daysIn(year, month);
  if (day < 1 || day > days) return { ok: false, problem: "day", daysInMonth: days };
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

// Each pattern is anchored and linear (no nested repetition), and runs on at most DAY_INPUT_MAX characters.
const isoPattern = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/;
const dottedPattern = /^(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{1,4})$/;
const dayMonthYear = /^(\d{1,2})\.?\s+(\p{L}{3,10})\.?,?\s+(\d{1,4})$/u;
const monthDayYear = /^(\p{L}{3,10})\.?\s+(\d{1,2}),?\s+(\d{1,4})$/u;
/** A trailing "г." or "года" after a Russian year. */
const yearWord = /\s*(?:г\.?|года)$/u;

/**
 * A day as typed: `10.03.2015` (day first, as in Russia), `10 March 2015`, `10 марта 2015 г.`, `March 10, 2015`,
 * or ISO `2015-03-10`; one-digit days and months are fine (`1.3.2015`). Slashes are refused, not guessed:
 * 03/10/2015 is 3 October in Russia and 10 March in the United States. The year has four digits (a two-digit
 * year would have its century guessed) and lies from 1900 to 2100. An impossible day says what to fix:
 * 31.02.2015 is `day` with February 2015's 28 days. The spreadsheet import reads its dates with this too.
 */
export function parseDay(text: string): DayParse {
  if (text.length > DAY_INPUT_MAX * 2) return { ok: false, problem: "format" };
  const value = text.trim().replace(/\s+/g, " ").replace(yearWord, "");
  if (value.length > DAY_INPUT_MAX) return { ok: false, problem: "format" };
  const iso = isoPattern.exec(value);
  if (iso) return check(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[1]!.length);
  const dotted = dottedPattern.exec(value);
  if (dotted) return check(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]), dotted[3]!.length);
  const worded = dayMonthYear.exec(value);
  if (worded) return checkWorded(worded[3]!, worded[2]!, worded[1]!);
  const american = monthDayYear.exec(value);
  if (american) return checkWorded(american[3]!, american[1]!, american[2]!);
  return { ok: false, problem: "format" };
}

function checkWorded(year: string, monthWord: string, day: string): DayParse {
  const month = monthWords.get(monthWord.toLowerCase());
  if (month === undefined) return { ok: false, problem: "month" };
  return check(Number(year), month, Number(day), year.length);
}

/** A day of the database (`Date` at UTC midnight) or the API (`2015-03-10`) as the reader writes it: 10.03.2015, 10 March 2015. */
export function formatDay(locale: Locale | string, day: Date | string): string {
  const date = typeof day === "string" ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : day;
  if (Number.isNaN(date.getTime())) return typeof day === "string" ? day : "";
  const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  if (locale === "ru") return `${pad(dayOfMonth)}.${pad(month + 1)}.${pad(year, 4)}`;
  return `${dayOfMonth} ${monthsEnTitle[month]} ${pad(year, 4)}`;
}

/** A moment (an audit event, a sign-in) as the reader writes it: its day as `formatDay`, and the time in UTC. */
export function formatMoment(locale: Locale | string, moment: Date): string {
  return `${formatDay(locale, moment)}, ${pad(moment.getUTCHours())}:${pad(moment.getUTCMinutes())}`;
}

/** An ISO day (`2015-03-10`) as the reader writes it; anything else as it is, so what was typed stays in the form. */
export function showTypedDay(locale: Locale | string, value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDay(value).ok ? formatDay(locale, value) : value;
}

/** An example of the form a reader types a day in, for a field's hint. */
export const dayExample = (locale: Locale | string) => formatDay(locale, "2015-03-10");
