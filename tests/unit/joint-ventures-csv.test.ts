import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvHead, csvRow, jointVentureColumns, jsonEncoder, jsonRecord, toCsv } from "@/lib/joint-ventures/csv";
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
    { type: "organization", slug: "tuskar-agromash", name: "ООО «Тускарь Агромаш»", nameEn: "Tuskar Agromash LLC", sharePercent: 51 },
    { type: "region", slug: "gomel-region", name: "Гомельская область", nameEn: "Gomel Region", sharePercent: 49 },
  ],
  url: "https://interregio.example/organizations/seym-ptich-agrotech",
  isDemo: true,
  updatedAt: "2026-12-01T10:00:00.000Z",
};

/** Splits a CSV text into records of cells, honouring RFC 4180 quotes (a reader's view of the file). */
function parseCsv(text: string): string[][] {
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
    else if (c === ",") {
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

describe("csvCell", () => {
  it.each([
    ["plain text", "Kursk", "Kursk"],
    ["a comma", "Minsk, Belarus", '"Minsk, Belarus"'],
    ["a double quote", 'Bench "Venture"', '"Bench ""Venture"""'],
    ["a line feed", "line one\nline two", '"line one\nline two"'],
    ["a CRLF", "line one\r\nline two", '"line one\r\nline two"'],
  ])("quotes %s as RFC 4180 says", (_name, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises a cell starting with %j so it cannot run as a formula", (start) => {
    const cell = csvCell(`${start}HYPERLINK("http://evil.example")`);
    // After unquoting, the cell starts with the single quote, not the formula character.
    const [[value]] = parseCsv(`${cell}\r\n`) as [[string]];
    expect(value.startsWith("'")).toBe(true);
    expect(value.slice(1)).toBe(`${start}HYPERLINK("http://evil.example")`);
  });

  it("leaves a formula character inside the text alone, and numbers as numbers", () => {
    expect(csvCell("Seym-Ptich")).toBe("Seym-Ptich");
    expect(csvCell(120000000)).toBe("120000000");
    expect(csvCell(null)).toBe("");
  });
});

describe("the CSV file", () => {
  const text = toCsv([venture]);

  it("starts with the UTF-8 byte order mark and the header row, with CRLF line ends", () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text.slice(1).split("\r\n")[0]).toBe(jointVentureColumns.map((c) => c.header).join(","));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "").includes("\n")).toBe(false);
  });

  it("keeps Cyrillic intact and lists partners with their shares", () => {
    const [header, row] = parseCsv(text.slice(1)) as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("name")).toBe("ООО «Агротехника Сейм-Птичь»");
    expect(cell("partners")).toBe("Tuskar Agromash LLC 51%; Gomel Region 49%");
    expect(cell("primary sector")).toBe("28 Manufacture of machinery and equipment n.e.c.");
    expect(cell("sectors")).toBe("28; 46");
    expect(cell("capital amount")).toBe("120000000");
    expect(cell("currency")).toBe("RUB");
    expect(cell("url")).toBe(venture.url);
    expect(cell("demo data")).toBe("yes");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new TextEncoder().encode(text))).toBe(text);
  });

  it("neutralises a hostile venture name in a whole row", () => {
    const [, row] = parseCsv((csvHead() + csvRow({ ...venture, name: "=1+2", nameEn: "@SUM(A1)" })).slice(1)) as [string[], string[]];
    expect(row[1]).toBe("'=1+2");
    expect(row[2]).toBe("'@SUM(A1)");
  });
});

describe("the JSON export", () => {
  it("has the same columns as the CSV, and is valid JSON for no records and for several", () => {
    expect(Object.keys(jsonRecord(venture))).toEqual(jointVentureColumns.map((c) => c.key));
    expect(JSON.parse(jsonEncoder.head + jsonEncoder.tail(0))).toEqual([]);
    const two = jsonEncoder.head + jsonEncoder.record(venture, 0) + jsonEncoder.record(venture, 1) + jsonEncoder.tail(2);
    expect(JSON.parse(two)).toEqual([jsonRecord(venture), jsonRecord(venture)]);
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
