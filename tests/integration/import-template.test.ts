import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { previewImport } = await import("@/lib/import/preview");
const { buildTemplate, templateHeader } = await import("@/lib/import/template");
const { loadRegistry } = await import("@/lib/import/registry");
const { importFields, recordTypes } = await import("@/lib/import/fields");
const values = await import("@/lib/import/values");
const { prisma, seedOnce } = await import("./setup");
const { madeUpWord, readUpload } = await import("../support/import-sheets");

/**
 * The template an official downloads for each record type: headers in both languages that map every column, a
 * frozen header row, drop-down lists that the import reads, and an example row the demo registry already holds.
 */

beforeAll(() => seedOnce());
afterAll(() => prisma.$disconnect());

describe("the template", () => {
  const cases = recordTypes.flatMap((type) => (["ru", "en"] as const).map((locale) => [type, locale] as const));

  it.each(cases)("of %s (%s) reads back with every column mapped and its example already in the demo registry", async (type, locale) => {
    const bytes = await buildTemplate(type, locale);
    const { read, sheet, columns } = await readUpload(bytes, type);
    // The lists sit on a hidden sheet, which the import leaves out.
    expect(read.ok && read.skipped).toEqual([{ name: locale === "ru" ? "Списки" : "Lists", reason: { key: "sheetHidden" } }]);
    expect(sheet.headers).toEqual(importFields[type].map(templateHeader));
    expect(Object.values(columns.mapping)).toEqual(importFields[type].map((field) => field.name));
    expect(columns.unmapped).toEqual([]);
    expect(sheet.rows).toHaveLength(1);
    const preview = await previewImport({ type, sheet, columns, locale });
    expect(preview.rows[0], JSON.stringify(preview.rows[0])).toMatchObject({ row: 2, status: "unchanged" });
  });

  it.each(cases)("of %s (%s) has a frozen header and drop-down lists the import reads", async (type, locale) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildTemplate(type, locale)) as unknown as ArrayBuffer);
    const [data, lists] = book.worksheets;
    expect(data!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(lists!.state).toBe("hidden");

    const registry = await loadRegistry(type, locale);
    const readers: Record<string, (text: string) => { ok: boolean }> = {
      organizationKind: values.parseOrganizationKind,
      organizationStatus: values.parseOrganizationStatus,
      meetingLevel: values.parseMeetingLevel,
      commitmentStatus: values.parseCommitmentStatus,
      currency: (text) => ({ ok: /^[A-Z]{3}$/.test(text) }),
      region: registry.matchRegion,
      sector: values.parseSectorCode,
    };
    const validations = (data as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const listed = importFields[type].filter((field) => field.value in readers);
    expect(listed.length).toBeGreaterThan(0);
    for (const field of listed) {
      const letter = data!.getColumn(importFields[type].indexOf(field) + 1).letter;
      // Read back, exceljs gives the rule of each cell of the range: the first row and the last an import reads.
      const rule = validations[`${letter}2`];
      expect(rule, `${type}: the list of ${field.name}`).toMatchObject({ type: "list", allowBlank: true });
      expect(validations[`${letter}20001`]).toEqual(rule);
      const [, column, last] = /!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(rule!.formulae[0] as string)!;
      const items = Array.from({ length: Number(last) - 1 }, (_, i) => String(lists!.getCell(`${column}${i + 2}`).value));
      expect(items.length).toBeGreaterThan(field.value === "region" ? 10 : 1);
      for (const item of items) expect(readers[field.value]!(item), `${field.name}: ${item}`).toMatchObject({ ok: true });
    }
  });

  it("lists every NACE section and division, named in the reader's language", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildTemplate("organizations", "ru")) as unknown as ArrayBuffer);
    const lists = book.worksheets[1]!;
    const column = lists.getRow(1).values as unknown[];
    const sectorColumn = column.findIndex((header) => header === "Основной ОКВЭД / Primary sector (NACE)");
    const items = (lists.getColumn(sectorColumn).values as unknown[]).slice(2).map(String);
    expect(items).toHaveLength(88 + 21);
    expect(items).toContain("28 Производство машин и оборудования, не включенных в другие группировки");
    expect(items.map((item) => values.parseSectorCode(item))).not.toContainEqual(expect.objectContaining({ ok: false }));
  });

  it("lists a region by a name the import reads back as that region alone", async () => {
    const word = madeUpWord();
    const twins = await Promise.all(
      ["One", "Two"].map((suffix) =>
        prisma.region.create({
          data: {
            slug: `template-twin-${suffix.toLowerCase()}-${process.pid}-${Date.now()}`,
            nameRu: `Двойня ${word}`,
            nameEn: `Twin ${word} ${suffix}`,
            level: "region",
            countryCode: "RU",
          },
        }),
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildTemplate("trade", "ru")) as unknown as ArrayBuffer);
    const items = (book.worksheets[1]!.getColumn(1).values as unknown[]).slice(2).map(String);
    // Two regions of one Russian name: each listed by its English name, which is its own.
    expect(items).toEqual(expect.arrayContaining(twins.map((t) => t.nameEn)));
    expect(items).not.toContain(`Двойня ${word}`);
    await prisma.region.deleteMany({ where: { id: { in: twins.map((t) => t.id) } } });
  });
});
