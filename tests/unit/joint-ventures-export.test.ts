import ExcelJS from "exceljs";
import type { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { jsonRecord } from "@/lib/export/columns";
import { arraySource, writeCsv, writeXlsx, type ExportAbout } from "@/lib/export/write";
import { jointVentureTable, jsonEncoder } from "@/lib/joint-ventures/export";
import { JointVentureFilterSchema, parseJointVentureFilterLenient, type JointVentureDto } from "@/lib/joint-ventures/schema";

const venture: JointVentureDto = {
  slug: "seym-ptich-agrotech",
  name: "ООО «Агротехника Сейм-Птичь»",
  nameEn: "Seym-Ptich Agrotech LLC",
  status: "active",
  foundedYear: 2011,
  capital: { amount: 120000000, currency: "RUB" },
  region: { slug: "kursk-oblast", nameEn: "Kursk Oblast", nameRu: "Курская область" },
  country: "RU",
  sectors: [
    { code: "28", nameEn: "Manufacture of machinery and equipment n.e.c.", nameRu: "Производство машин", primary: true },
    { code: "46", nameEn: "Wholesale trade", nameRu: "Оптовая торговля", primary: false },
  ],
  partners: [
    {
      type: "organization",
      slug: "tuskar-agromash",
      name: "ООО «Тускарь Агромаш»",
      nameEn: "Tuskar Agromash LLC",
      sharePercent: 51,
      region: { slug: "kursk-oblast", nameEn: "Kursk Oblast", nameRu: "Курская область" },
      country: "RU",
    },
    {
      type: "region",
      slug: "gomel-region",
      name: "Гомельская область",
      nameEn: "Gomel Region",
      sharePercent: 49,
      region: { slug: "gomel-region", nameEn: "Gomel Region", nameRu: "Гомельская область" },
      country: "BY",
    },
  ],
  url: "https://interregio.example/organizations/seym-ptich-agrotech",
  isDemo: true,
  updatedAt: "2026-12-01T10:00:00.000Z",
};

/** Splits a CSV text into records of cells, honouring RFC 4180 quotes (a reader's view of the file). */
function parseCsv(text: string, sep = ","): string[][] {
  const records: string[][] = [];
  let cell = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      record.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return records;
}

const about: ExportAbout = {
  licence: "CC BY 4.0",
  registryUpdatedAt: new Date("2026-12-01T10:00:00Z"),
  sourceUrl: "https://interregio.example/api/v1/joint-ventures/export.xlsx?sector=C",
  filters: ["sector: C"],
};

const bytesOf = async (stream: Readable) => Buffer.concat((await stream.toArray()) as Buffer[]);
const csvOf = async (ventures: JointVentureDto[], locale: "en" | "ru" = "en", separator: "," | ";" = ",") =>
  bytesOf(writeCsv(jointVentureTable, arraySource(ventures), { locale, separator, about }));

describe("the CSV file", () => {
  it("starts with the UTF-8 byte order mark and the header row, with CRLF line ends", async () => {
    const bytes = await csvOf([venture]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toBe(jointVentureTable.columns.map((c) => c.header.en).join(","));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "").includes("\n")).toBe(false);
  });

  it("keeps Cyrillic intact and lists partners with their shares, regions and countries", async () => {
    const [header, row] = parseCsv((await csvOf([venture])).toString("utf8").slice(1)) as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("name")).toBe("ООО «Агротехника Сейм-Птичь»");
    expect(cell("partners")).toBe("Tuskar Agromash LLC (Kursk Oblast, RU) 51%; Gomel Region (BY) 49%");
    expect(cell("primary sector")).toBe("28 Manufacture of machinery and equipment n.e.c.");
    expect(cell("sectors")).toBe("28; 46");
    expect(cell("capital amount")).toBe("120000000");
    expect(cell("founded year")).toBe("2011");
    expect(cell("currency")).toBe("RUB");
    expect(cell("url")).toBe(venture.url);
    expect(cell("demo data")).toBe("yes");
    expect(cell("updated")).toBe("2026-12-01");
  });

  it("in Russian with semicolons: Russian headers, statuses, names and partners", async () => {
    const text = (await csvOf([{ ...venture, name: "ООО «Сейм; Птичь»" }], "ru", ";")).toString("utf8").slice(1);
    const [header, row] = parseCsv(text, ";") as [string[], string[]];
    expect(header).toEqual(jointVentureTable.columns.map((c) => c.header.ru));
    const cell = (name: string) => row[header.indexOf(name)];
    // A separator inside a cell is quoted, so the row keeps its columns.
    expect(row.length).toBe(header.length);
    expect(cell("название")).toBe("ООО «Сейм; Птичь»");
    expect(cell("статус")).toBe("действует");
    expect(cell("вид")).toBe("совместное предприятие");
    expect(cell("регион")).toBe("Курская область");
    expect(cell("основная отрасль")).toBe("28 Производство машин");
    expect(cell("партнёры")).toBe("ООО «Тускарь Агромаш» (Курская область, RU) 51%; Гомельская область (BY) 49%");
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises a text cell starting with %j so it cannot run as a formula", async (start) => {
    const hostile = `${start}HYPERLINK("http://evil.example")`;
    const [, row] = parseCsv((await csvOf([{ ...venture, name: hostile }])).toString("utf8").slice(1)) as [string[], string[]];
    expect(row[1]).toBe(`'${hostile}`);
  });

  it("leaves a formula character inside the text alone, and a negative number a number", async () => {
    const text = (await csvOf([{ ...venture, name: "Seym-Ptich", capital: { amount: -5, currency: "RUB" } }])).toString("utf8");
    const [header, row] = parseCsv(text.slice(1)) as [string[], string[]];
    expect(row[header.indexOf("name")]).toBe("Seym-Ptich");
    expect(row[header.indexOf("capital amount")]).toBe("-5");
  });
});

describe("the XLSX file", () => {
  const workbookOf = async (ventures: JointVentureDto[], locale: "en" | "ru") => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await bytesOf(writeXlsx(jointVentureTable, arraySource(ventures), { locale, about }))) as unknown as ArrayBuffer,
    );
    return workbook;
  };

  it("has typed cells, a frozen header, Russian text intact and a formula-like name as text", async () => {
    const workbook = await workbookOf([venture, { ...venture, slug: "hostile", name: "=cmd|' /C calc'!A0" }], "ru");
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Совместные предприятия");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(jointVentureTable.columns.map((c) => c.header.ru));
    const column = (key: string) => jointVentureTable.columns.findIndex((c) => c.key === key) + 1;
    const first = sheet.getRow(2);
    expect(first.getCell(column("name")).value).toBe("ООО «Агротехника Сейм-Птичь»");
    expect(first.getCell(column("capitalAmount")).value).toBe(120000000);
    expect(first.getCell(column("foundedYear")).value).toBe(2011);
    expect(first.getCell(column("status")).value).toBe("действует");
    expect(first.getCell(column("updatedAt")).value).toEqual(new Date("2026-12-01T10:00:00Z"));
    const hostile = sheet.getRow(3).getCell(column("name"));
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe("=cmd|' /C calc'!A0");
    expect(hostile.formula).toBeUndefined();
    expect(sheet.rowCount).toBe(3);
  });

  it("says on its About sheet what the data is: licence, last update, source, filters", async () => {
    const workbook = await workbookOf([venture], "en");
    const sheet = workbook.getWorksheet("About")!;
    const lines = new Map<string, unknown>();
    sheet.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(lines.get("Licence")).toBe("CC BY 4.0");
    expect(lines.get("Registry last updated")).toEqual(about.registryUpdatedAt);
    expect(lines.get("Source")).toBe(about.sourceUrl);
    expect(lines.get("Filters")).toBe("sector: C");
    expect(lines.get("Rows")).toBe(1);
    expect((await workbookOf([], "ru")).getWorksheet("О данных")).toBeDefined();
  });
});

describe("the JSON export", () => {
  it("has the same columns as the files, and is valid JSON for no records and for several", () => {
    const record = jsonRecord(venture, jointVentureTable.columns);
    expect(Object.keys(record)).toEqual(jointVentureTable.columns.map((c) => c.key));
    expect(record).toMatchObject({ status: "active", capitalAmount: 120000000, foundedYear: 2011, updatedAt: "2026-12-01" });
    expect(JSON.parse(jsonEncoder.head + jsonEncoder.tail(0))).toEqual([]);
    const two = jsonEncoder.head + jsonEncoder.record(venture, 0) + jsonEncoder.record(venture, 1) + jsonEncoder.tail(2);
    expect(JSON.parse(two)).toEqual([record, record]);
  });
});

describe("the filter schema", () => {
  it("reads lists repeated or comma-separated, upper-cases codes, and ignores empty form fields", () => {
    const filter = JointVentureFilterSchema.parse({
      sector: ["c", "28,46"],
      status: "active",
      foundedFrom: "",
      capitalMin: "1000",
      region: "kursk-oblast",
    });
    expect(filter).toMatchObject({
      sector: ["C", "28", "46"],
      status: ["active"],
      region: ["kursk-oblast"],
      capitalMin: 1000,
      match: "any",
      sort: "name",
      dir: "asc",
    });
    expect(filter.foundedFrom).toBeUndefined();
  });

  it("refuses bad values strictly, naming the parameter", () => {
    const result = JointVentureFilterSchema.safeParse({
      sector: "ZZ",
      status: "sleeping",
      foundedFrom: "2020",
      foundedTo: "2010",
      sort: "colour",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => String(issue.path[0]));
    expect(paths).toEqual(expect.arrayContaining(["sector", "status", "sort"]));
  });

  it("on the page, drops only the bad values", () => {
    const filter = parseJointVentureFilterLenient({
      sector: ["28", "ZZ"],
      status: ["active", "sleeping"],
      sort: "colour",
      foundedFrom: "2020",
      foundedTo: "2010",
      country: "Belarus",
    });
    expect(filter).toMatchObject({ sector: ["28"], status: ["active"], sort: "name", foundedFrom: 2020 });
    expect(filter.foundedTo).toBeUndefined();
    expect(filter.country).toBeUndefined();
  });
});
