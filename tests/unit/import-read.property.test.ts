import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importMessageKeys } from "@/lib/import/messages";
import { readSpreadsheet, type ReadLimits, type ReadResult } from "@/lib/import/read";
import {
  createRegionMatcher,
  parseDate,
  parseDecimal,
  parseOrganizationKind,
  parseSectorCode,
  parseWebsite,
  parseYear,
  type ParseResult,
} from "@/lib/import/values";
import { workbook } from "@/tests/support/spreadsheets";

// Whatever the file, the reader answers with sheets within the bounds or a message: it never throws, never keeps
// a control character, never hands on a row or cell beyond a limit.

const small: Partial<ReadLimits> = { maxDataRows: 12, maxColumns: 6, maxCellChars: 25, maxTotalChars: 2000, headerSearchRows: 5 };
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const knownKeys = new Set<string>(importMessageKeys);

/** What every result must be, checked against the limits it was read with. */
function expectWithinBounds(result: ReadResult, limits: Partial<ReadLimits>) {
  if (!result.ok) {
    expect(knownKeys.has(result.error.key), result.error.key).toBe(true);
    return;
  }
  let rows = 0;
  for (const sheet of result.sheets) {
    expect(sheet.headers.length).toBeLessThanOrEqual(limits.maxColumns!);
    expect(sheet.rows.length).toBeGreaterThan(0);
    let previous = sheet.headerRow;
    for (const row of sheet.rows) {
      expect(row.row).toBeGreaterThan(previous);
      previous = row.row;
      expect(row.cells).toHaveLength(sheet.headers.length);
      for (const cell of row.cells) {
        expect(cell.length).toBeLessThanOrEqual(limits.maxCellChars!);
        expect(CONTROL.test(cell)).toBe(false);
      }
      expect(row.cells.some((cell) => cell.trim() !== "") || (row.problems?.length ?? 0) > 0).toBe(true);
    }
    rows += sheet.rows.length;
  }
  expect(rows).toBeLessThanOrEqual(limits.maxDataRows!);
}

/** Text made mostly of what CSV files are made of: separators, quotes, line ends, Cyrillic, digits, controls. */
const csvText = fc
  .array(
    fc.oneof(
      fc.constantFrom(";", ",", "\t", '"', '""', "\n", "\r\n", "\r", " ", "\u0000", "\u0007", "\u00a0"),
      fc.constantFrom("Наименование", "Регион", "ИНН", "Name", "Region", "Год", "Курская область", "ООО «Ромашка»", "1 250,50"),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(""));

describe("readSpreadsheet never throws and stays within its bounds", () => {
  it("on CSV text in any encoding", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom("utf-8", "utf-8-bom", "windows-1251", "utf-16le-bom"), async (text, encoding) => {
        const bytes =
          encoding === "windows-1251"
            ? iconv.encode(text, "windows-1251")
            : encoding === "utf-16le-bom"
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")])
              : Buffer.from((encoding === "utf-8-bom" ? "\ufeff" : "") + text, "utf8");
        expectWithinBounds(await readSpreadsheet({ bytes, name: "file.csv" }, small), { ...small });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("on any bytes, whatever the file is called", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom("a.csv", "a.xlsx", "a.txt", "a"),
        fc.constantFrom(new Uint8Array(), new Uint8Array([0x50, 0x4b, 0x03, 0x04])),
        async (body, name, start) => {
          const bytes = Buffer.concat([start, body]);
          expectWithinBounds(await readSpreadsheet({ bytes, name }, small), small);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it("on a workbook with bytes changed anywhere", async () => {
    const original = await workbook((book) => {
      const sheet = book.addWorksheet("Данные");
      sheet.addRow(["Наименование", "Регион", "Год основания"]);
      for (let i = 1; i <= 20; i++) sheet.addRow([`Завод ${i}`, "Курская область", 1990 + i]);
      sheet.mergeCells("B2:B3");
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        async (changes) => {
          const bytes = Buffer.from(original);
          for (const [at, value] of changes) bytes[at] = value;
          expectWithinBounds(await readSpreadsheet({ bytes, name: "реестр.xlsx" }, small), small);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe("value parsers never throw and answer in their own shape", () => {
  const matchRegion = createRegionMatcher([
    { id: 1, nameEn: "Kursk Oblast", nameRu: "Курская область", isoCode: "RU-KRS" },
    { id: 2, nameEn: "Minsk", nameRu: "Минск", isoCode: "BY-HM" },
  ]);
  const shapes: [string, (text: string) => ParseResult<unknown>, RegExp][] = [
    ["parseDecimal", (text) => parseDecimal(text), /^-?\d+(\.\d+)?$/],
    ["parseDate", parseDate, /^(19\d\d|20\d\d|2100)-\d\d-\d\d$/],
    ["parseYear", parseYear, /^\d{4}$/],
    ["parseSectorCode", parseSectorCode, /^(?:[A-U]|\d{2})$/],
    ["parseWebsite", parseWebsite, /^https?:\/\/\S+$/],
    ["parseOrganizationKind", parseOrganizationKind, /^(enterprise|university|joint_venture)$/],
    ["a region matcher", matchRegion, /^[12]$/],
  ];
  const typed = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.stringMatching(/^[-−]?[\d \u00a0.,]{1,20}(e[+-]?\d{1,2})?%?$/),
    fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{2,4}$/),
  );

  it.each(shapes)("%s", (_, parse, shape) => {
    fc.assert(
      fc.property(typed, (text) => {
        const result = parse(text);
        if (result.ok) {
          if (result.value !== null) expect(String(result.value)).toMatch(shape);
        } else expect(knownKeys.has(result.message.key)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it.each(shapes)("%s takes no longer on a cell of 10,000 characters", (_, parse) => {
    for (const text of ["1 ".repeat(5000), `C${" ".repeat(9998)}x`, `1${" ".repeat(9998)}г`, "1".repeat(9999) + " 1", "а".repeat(10_000)]) {
      const started = performance.now();
      parse(text);
      expect(performance.now() - started).toBeLessThan(50);
    }
  });

  it("reads a number back as it was written, in each style officials use", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.nat({ max: 99 }),
        fc.constantFrom(" ", "\u00a0", "\u202f", ","),
        (whole, cents, group) => {
          const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
          const fraction = String(cents).padStart(2, "0");
          const written = group === "," ? `${grouped}.${fraction}` : `${grouped},${fraction}`;
          expect(parseDecimal(written)).toEqual({ ok: true, value: `${whole}.${fraction}` });
        },
      ),
    );
  });
});
