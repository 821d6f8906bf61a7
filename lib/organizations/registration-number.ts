/**
 * National registration numbers, checked by their check digits before they are stored: a mistyped digit is
 * caught beside the field rather than kept as a number that belongs to no one. Pure and client-safe.
 *
 * - INN (Russia, ИНН): 10 digits for an organization, 12 for a person or sole trader. Each check digit is a
 *   weighted sum of the digits before it, modulo 11, modulo 10 (Federal Tax Service order of 2012 on the INN).
 * - UNP (Belarus, УНП): 9 characters, the last a check digit: the weighted sum of the first eight (weights 29,
 *   23, 19, 17, 13, 7, 5, 3) modulo 11; a remainder of 10 is never issued. Organizations have 9 digits; sole
 *   traders may have two letters first (one of A B C E H K M, then one of A B C E H K M O P T, which counts as
 *   its place in that list); a number of digits starts with 1-7, the region. The algorithm is the one python-stdnum implements from the
 *   Belarusian tax ministry's rules, and the published UNP 200988541 passes it.
 */

/** Why a number was refused: a message key under `errors.` in the catalogues. */
export type RegistrationNumberProblem = "innFormat" | "innCheckDigit" | "unpFormat" | "unpCheckDigit";

const INN_10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function innCheckDigit(digits: readonly number[], weights: readonly number[]) {
  return (weights.reduce((sum, weight, i) => sum + weight * digits[i]!, 0) % 11) % 10;
}

/** Whether a Russian INN has the right length and check digits. */
export function checkInn(value: string): RegistrationNumberProblem | null {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return "innFormat";
  const digits = [...value].map(Number);
  if (digits.length === 10) return innCheckDigit(digits, INN_10_WEIGHTS) === digits[9] ? null : "innCheckDigit";
  const valid = innCheckDigit(digits, INN_11_WEIGHTS) === digits[10] && innCheckDigit(digits, INN_12_WEIGHTS) === digits[11];
  return valid ? null : "innCheckDigit";
}

const UNP_WEIGHTS = [29, 23, 19, 17, 13, 7, 5, 3];
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SECOND_LETTERS = "ABCEHKMOPT";

/** Whether a Belarusian UNP has the right form and check digit. */
export function checkUnp(value: string): RegistrationNumberProblem | null {
  if (!/^(?:[1-7]\d|[ABCEHKM][ABCEHKMOPT])\d{7}$/.test(value)) return "unpFormat";
  // A letter in second place counts as its place in the list of letters; every other character as its value.
  const values = [...value.slice(0, 8)].map((char, i) =>
    i === 1 && /[A-Z]/.test(char) ? SECOND_LETTERS.indexOf(char) : ALPHABET.indexOf(char),
  );
  const remainder = UNP_WEIGHTS.reduce((sum, weight, i) => sum + weight * values[i]!, 0) % 11;
  return remainder < 10 && remainder === Number(value[8]) ? null : "unpCheckDigit";
}

/**
 * The number as stored: spaces and dashes taken out, letters in upper case, and the Cyrillic letters that look
 * like Latin ones (a Belarusian sole trader's UNP is often typed in Cyrillic) written in Latin.
 */
export function normalizeRegistrationNumber(value: string) {
  const cyrillic = "АВЕКМНОРСТ";
  const latin = "ABEKMHOPCT";
  return [...value.replace(/[\s\u00a0\u202f-]+/g, "").toUpperCase()]
    .map((char) => {
      const index = cyrillic.indexOf(char);
      return index < 0 ? char : latin[index]!;
    })
    .join("");
}

/** Checks a normalized number by its country's rules; countries without known rules take any number. */
export function checkRegistrationNumber(countryCode: string, value: string): RegistrationNumberProblem | null {
  if (countryCode === "RU") return checkInn(value);
  if (countryCode === "BY") return checkUnp(value);
  return null;
}
