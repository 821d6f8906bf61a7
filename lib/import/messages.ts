/**
 * What the import says to the official, as keys under `import.` in messages/en.json and messages/ru.json, with
 * the values the text needs (a limit, a row, the candidates of an ambiguous region). Client-safe: the upload
 * page, the error report and the command line all translate the same keys.
 */

/** Why a whole file is refused: nothing of it is read. */
const fileMessageKeys = [
  "fileTooLarge",
  "fileEmpty",
  "notSpreadsheet",
  "oldExcelFormat",
  "fileDamaged",
  "uncompressedTooLarge",
  "tooManySheets",
  "tooManyRows",
  "tooMuchText",
  "csvQuoteNotClosed",
  "csvQuotes",
  "csvRowTooLong",
  "noUsableSheet",
] as const;

/** Why one sheet of a workbook is left out; the other sheets are still read. */
const sheetMessageKeys = ["sheetHidden", "sheetNotTable", "sheetEmpty", "sheetHeaderOnly", "sheetNoHeader", "sheetTooManyColumns"] as const;

/** About one cell: a problem refuses its row, a warning says what the reader changed. */
const cellMessageKeys = ["cellTooLong", "formulaNotCalculated", "cellError", "controlCharactersRemoved"] as const;

/** About a column's header on the mapping screen. */
const headerMessageKeys = ["headerScaled", "headerCurrencyNotUsd"] as const;

/** Why a value as typed could not be read (the form's own checks come after, with the form's messages). */
const valueMessageKeys = [
  "regionNotFound",
  "regionAmbiguous",
  "choiceUnknown",
  "sectorFormat",
  "sectorUnknown",
  "sectorMismatch",
  "dateFormat",
  "dateTwoDigitYear",
  "dateNotReal",
  "numberFormat",
  "numberGrouping",
  "yearFormat",
  "websiteFormat",
  "websiteSeveral",
] as const;

/**
 * About one row as a whole, once its values are read: a record it names that the registry lacks, a row that
 * repeats another, a record it would update that is archived, and why a row needs the official's decision.
 */
const rowMessageKeys = [
  "organizationNotFound",
  "organizationAmbiguous",
  "meetingNotFound",
  "meetingAmbiguous",
  "partyNotFound",
  "sameNumberInFile",
  "sameNameInFile",
  "samePartnerInFile",
  "sameMeetingInFile",
  "sameLinkInFile",
  "sameTradeInFile",
  "sameCommitmentInFile",
  "matchArchived",
  "notJointVenture",
  "possibleDuplicate",
] as const;

// Each group its own type, so that a result says which kind of message it can carry (a sheet is skipped only
// with a sheet's reason, a value refused only with a value's).
export type FileMessageKey = (typeof fileMessageKeys)[number];
export type SheetMessageKey = (typeof sheetMessageKeys)[number];
export type CellMessageKey = (typeof cellMessageKeys)[number];
export type HeaderMessageKey = (typeof headerMessageKeys)[number];
export type ValueMessageKey = (typeof valueMessageKeys)[number];
export type RowMessageKey = (typeof rowMessageKeys)[number];
export type ImportMessageKey = FileMessageKey | SheetMessageKey | CellMessageKey | HeaderMessageKey | ValueMessageKey | RowMessageKey;

/** Every key, for the test that both catalogues have a text for each. */
export const importMessageKeys: readonly ImportMessageKey[] = [
  ...fileMessageKeys,
  ...sheetMessageKeys,
  ...cellMessageKeys,
  ...headerMessageKeys,
  ...valueMessageKeys,
  ...rowMessageKeys,
];

/** Why an upload is refused whole (the file, or its one sheet), as the upload page shows it. */
export const uploadMessageKeys = [...fileMessageKeys, ...sheetMessageKeys] as const;

/** A message key with the values its text shows: `{ key: "fileTooLarge", values: { limit: 20 } }`. */
export type ImportMessage<Key extends ImportMessageKey = ImportMessageKey> = {
  key: Key;
  values?: Record<string, string | number>;
};

/** A message, without `values` when there are none (so that results compare equal in tests and logs). */
export function importMessage<Key extends ImportMessageKey>(key: Key, values?: Record<string, string | number>): ImportMessage<Key> {
  return values ? { key, values } : { key };
}
