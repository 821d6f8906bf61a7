import { importFields, recordTypes, type ImportField, type RecordType } from "./fields";
import { importMessage, type ImportMessage } from "./messages";
import { normalizeWords } from "./values";

/**
 * A sheet's headers matched to a record type's fields, as officials write them: "Наименование", "Полное
 * наименование предприятия", "ИНН/УНП", "Год  основания" and "год оснований" (spacing, case, ё and small typos),
 * "Оборот, тыс. долл. США" (the amount column, its values in thousands), "Регион / Region" (the template's
 * bilingual headers). The official confirms or changes the result on the mapping screen. Client-safe.
 */

/** A sheet's columns as matched to one record type, for the official to confirm or change. */
export type HeaderMatch = {
  /** Column index (0-based, as in `Sheet.headers`) → field name; each field at most once. */
  mapping: Record<number, string>;
  /** The columns left unmapped (a column without a header too), for the screen to list. */
  unmapped: number[];
  /** Amount columns whose header says "тыс." (1000) or "млн" (1,000,000): their values are multiplied. */
  multipliers: Record<number, number>;
  /** What the official should know about a column's header (scaled values, an amount not in dollars). */
  notes: { column: number; message: ImportMessage<"headerScaled" | "headerCurrencyNotUsd"> }[];
};

/** Words that qualify a header without naming the column: "Наименование организации", "Name of the company". */
const FILLER = new Set(
  "организации предприятия компании учреждения юридического лица юрлица в за по of the in for organization organisation company enterprise".split(
    " ",
  ),
);
const THOUSANDS = new Set("тыс тысяч тысячах thousand thousands thsd k".split(" "));
const MILLIONS = new Set("млн миллион миллионов миллионах million millions mln mn".split(" "));
const DOLLARS = new Set("долл доллар доллары долларов доллара сша usd us dollar dollars".split(" "));
const OTHER_CURRENCY = new Set(
  "руб рубль рубли рублей rub rur byn byr бел белорусских российских eur евро euro euros cny юаней".split(" "),
);

/** Headers longer than this are compared exactly only: no one titles a column with a paragraph. */
const MAX_FUZZY_LENGTH = 60;

type Header = { words: string; sorted: string; compact: string; multiplier: number; otherCurrency: boolean };

/** A header (or an alias) as compared: its words without fillers, units and currencies, in order and sorted. */
function readHeader(text: string): Header {
  const all = normalizeWords(text).split(" ").filter(Boolean);
  const multiplier = all.some((w) => MILLIONS.has(w)) ? 1_000_000 : all.some((w) => THOUSANDS.has(w)) ? 1000 : 1;
  const otherCurrency = all.some((w) => OTHER_CURRENCY.has(w));
  const kept = all.filter((w) => !FILLER.has(w) && !THOUSANDS.has(w) && !MILLIONS.has(w) && !DOLLARS.has(w) && !OTHER_CURRENCY.has(w));
  // A header that is nothing but such words ("Организация", "Company") is itself the name of the column.
  const words = kept.length > 0 ? kept : all;
  return { words: words.join(" "), sorted: [...words].sort().join(" "), compact: words.join(""), multiplier, otherCurrency };
}

/** Edits (insert, delete, change, swap of neighbours) from one text to another, or `limit + 1` once above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many typos a header of this length may have: none in ИНН or СП, one in "Регион", two in "Год основания". */
const allowedTypos = (length: number) => (length < 4 ? 0 : length < 8 ? 1 : 2);

type Alias = Header & { field: ImportField };
const aliasesByType = new Map<RecordType, Alias[]>(
  recordTypes.map((type) => [type, importFields[type].flatMap((field) => field.aliases.map((alias) => ({ ...readHeader(alias), field })))]),
);

/** The field a header names, and how sure: 0 is an exact match, more is a match with typos; null is none. */
function bestField(type: RecordType, header: Header): { field: ImportField; cost: number } | null {
  if (header.compact === "") return null;
  let best: { field: ImportField; cost: number } | null = null;
  for (const alias of aliasesByType.get(type)!) {
    let cost: number | null = null;
    if (alias.words === header.words || alias.sorted === header.sorted || alias.compact === header.compact) cost = 0;
    // A typo is looked for past the first letter only: it keeps the search fast over the first rows of a sheet.
    else if (header.compact.length <= MAX_FUZZY_LENGTH && header.compact[0] === alias.compact[0]) {
      const limit = allowedTypos(Math.min(alias.compact.length, header.compact.length));
      const distance = limit > 0 ? editDistance(header.compact, alias.compact, limit) : limit + 1;
      if (distance <= limit) cost = distance;
    }
    if (cost !== null && (!best || cost < best.cost)) best = { field: alias.field, cost };
  }
  return best;
}

/** A header as read once for all record types: the whole of it, and its halves if bilingual ("Регион / Region"). */
type ReadCell = { text: string; whole: Header; parts: Header[] };

function readCell(text: string): ReadCell {
  const parts = text.split(/\s+\/\s+|\r?\n/).filter((part) => part.trim() !== "");
  return { text, whole: readHeader(text), parts: parts.length > 1 ? parts.map(readHeader) : [] };
}

/** A header's field: the whole header's, or the field both halves of a bilingual header agree on. */
function headerField(type: RecordType, cell: ReadCell) {
  if (cell.parts.length > 1) {
    const found = cell.parts.map((part) => bestField(type, part));
    const first = found[0];
    if (first && found.every((f) => f?.field === first.field)) return { field: first.field, cost: Math.max(...found.map((f) => f!.cost)) };
  }
  return bestField(type, cell.whole);
}

function matchCells(type: RecordType, cells: readonly ReadCell[]): HeaderMatch {
  const candidates: { column: number; field: ImportField; cost: number }[] = [];
  const notes: HeaderMatch["notes"] = [];
  const multipliers: Record<number, number> = {};
  cells.forEach((cell, column) => {
    const found = headerField(type, cell);
    if (!found) return;
    if (found.field.usd && cell.whole.otherCurrency) {
      notes.push({ column, message: importMessage("headerCurrencyNotUsd", { header: cell.text.trim() }) });
      return;
    }
    candidates.push({ column, ...found });
  });
  candidates.sort((a, b) => a.cost - b.cost || a.column - b.column);
  const mapping: Record<number, string> = {};
  const taken = new Set<string>();
  for (const { column, field } of candidates) {
    if (column in mapping || taken.has(field.name)) continue;
    mapping[column] = field.name;
    taken.add(field.name);
    const multiplier = field.value === "amount" ? cells[column]!.whole.multiplier : 1;
    if (multiplier !== 1) {
      multipliers[column] = multiplier;
      notes.push({ column, message: importMessage("headerScaled", { header: cells[column]!.text.trim(), multiplier }) });
    }
  }
  const unmapped = cells.flatMap((_, column) => (column in mapping ? [] : [column]));
  return { mapping, unmapped, multipliers, notes: notes.sort((a, b) => a.column - b.column) };
}

/**
 * The columns of a sheet matched to the fields of a record type. The surest matches are taken first, so that
 * "Наименование" goes to the name and "Наименование (англ.)" to the English name whatever their order; a
 * field is given to one column only, and a column to one field.
 */
export function matchHeaders(type: RecordType, headers: readonly string[]): HeaderMatch {
  return matchCells(type, headers.map(readCell));
}

/**
 * The record type whose fields the headers match best (the most required fields, then the most fields), or
 * null when no type matches two columns: for the upload screen's first guess and for finding the header row.
 */
export function guessRecordType(headers: readonly string[]): { type: RecordType; matched: number } | null {
  const cells = headers.map(readCell);
  let best: { type: RecordType; matched: number; required: number } | null = null;
  for (const type of recordTypes) {
    const { mapping } = matchCells(type, cells);
    const names = new Set(Object.values(mapping));
    const matched = names.size;
    const required = importFields[type].filter((f) => f.required && names.has(f.name)).length;
    if (!best || required > best.required || (required === best.required && matched > best.matched)) best = { type, matched, required };
  }
  return best && best.matched >= 2 ? { type: best.type, matched: best.matched } : null;
}
