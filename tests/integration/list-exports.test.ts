import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/organizations/export.csv/route";
import { GET as exportXlsx } from "@/app/api/v1/organizations/export.xlsx/route";
import { GET as exportRegionsCsv } from "@/app/api/v1/regions/export.csv/route";
import { GET as exportRegionsXlsx } from "@/app/api/v1/regions/export.xlsx/route";
import { regionTable } from "@/lib/regions/export";
import { listRegions } from "@/lib/regions/queries";
import { RegionListSchema } from "@/lib/regions/schema";
import { GET as exportMeetingsCsv } from "@/app/api/v1/meetings/export.csv/route";
import { GET as exportMeetingsXlsx } from "@/app/api/v1/meetings/export.xlsx/route";
import { meetingTable } from "@/lib/meetings/export";
import { listMeetings } from "@/lib/meetings/queries";
import { MeetingListSchema } from "@/lib/meetings/schema";
import { GET as exportSectorsCsv } from "@/app/api/v1/sectors/export.csv/route";
import { GET as exportSectorsXlsx } from "@/app/api/v1/sectors/export.xlsx/route";
import { sectorTable } from "@/lib/sectors/export";
import { listSectorsWithCounts } from "@/lib/sectors/queries";
import { env } from "@/lib/env";
import { organizationTable } from "@/lib/organizations/export";
import { listOrganizations } from "@/lib/organizations/queries";
import { OrganizationListSchema } from "@/lib/organizations/schema";
import { prisma, seedOnce } from "./setup";

/** The organizations, meetings, regions and sectors lists' exports against the lists themselves: the same filters give the same records, in order. */

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const hostileSlug = `org-export-${run}`;

beforeAll(async () => {
  await seedOnce();
  const region = await prisma.region.findFirstOrThrow({ where: { slug: "kursk-oblast" } });
  await prisma.organization.create({
    data: {
      slug: hostileSlug,
      name: `=cmd ${run}`,
      nameEn: null,
      kind: "enterprise",
      status: "active",
      foundedYear: 1999,
      regionId: region.id,
      countryCode: region.countryCode,
    },
  });
});

afterAll(async () => {
  await prisma.organization.deleteMany({ where: { slug: hostileSlug } });
});

/** The downloaded workbook, once the answer is known to be a 200. */
async function workbookOf(response: Response) {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** A 200's CSV file named `<stem>-<day>.csv`, with its byte order mark, as text (TextDecoder drops the mark). */
async function csvTextOf(response: Response, stem: string) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${stem}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

const request = (format: "csv" | "xlsx", query: string) =>
  new Request(`http://registry.test/api/v1/organizations/export.${format}?${query}`);

describe("the organizations exports", () => {
  it("CSV in Russian with semicolons: Russian headers, as many lines as the list counts, in the list's order", async () => {
    const lines = (await csvTextOf(await exportCsv(request("csv", "region=kursk-oblast&lang=ru&sep=;")), "organizations"))
      .split("\r\n")
      .filter((line) => line !== "");
    expect(lines[0]).toBe(organizationTable.columns.map((column) => column.header.ru).join(";"));
    const list = await listOrganizations(OrganizationListSchema.parse({ region: "kursk-oblast", perPage: 100 }), "ru");
    expect(lines.length - 1).toBe(list.total);
    expect(lines.slice(1, 1 + list.items.length).map((line) => line.split(";")[0])).toEqual(list.items.map((item) => item.slug));
    const hostile = lines.find((line) => line.startsWith(`${hostileSlug};`))!;
    expect(hostile).toContain(`;'=cmd ${run};;предприятие;действует;Курская область;RU;`);
  });

  it("XLSX: typed cells, the formula-like name as text, a frozen header and the licence on the About sheet", async () => {
    const workbook = await workbookOf(await exportXlsx(request("xlsx", "kind=enterprise&founded=1999&lang=ru")));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const list = await listOrganizations(OrganizationListSchema.parse({ kind: "enterprise", founded: "1999" }), "ru");
    expect(sheet.rowCount - 1).toBe(list.total);
    const column = (key: string) => organizationTable.columns.findIndex((c) => c.key === key) + 1;
    let found = false;
    sheet.eachRow((row, number) => {
      if (number === 1 || row.getCell(column("slug")).value !== hostileSlug) return;
      found = true;
      expect(row.getCell(column("name")).value).toBe(`=cmd ${run}`);
      expect(row.getCell(column("name")).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(column("foundedYear")).value).toBe(1999);
      expect(row.getCell(column("updatedAt")).value).toBeInstanceOf(Date);
    });
    expect(found).toBe(true);
    expect(workbook.getWorksheet("О данных")!.getRow(1).getCell(2).value).toBe(env().DATA_LICENCE);
  });

  it("refuses bad and unknown parameters with a 400 that names them", async () => {
    const response = await exportCsv(request("csv", "kind=bank&sort=colour&page=2"));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["kind", "sort", "page"]));
  });
});

describe("the meetings exports", () => {
  const meetingsRequest = (format: "csv" | "xlsx", query: string) =>
    new Request(`http://registry.test/api/v1/meetings/export.${format}?${query}`);

  it("CSV: as many lines as the list counts, in its order, with days as YYYY-MM-DD", async () => {
    const response = await exportMeetingsCsv(meetingsRequest("csv", "region=kursk-oblast&sort=date-asc"));
    expect(response.status).toBe(200);
    const lines = (await response.text()).split("\r\n").filter((line) => line !== "");
    expect(lines[0]).toBe(meetingTable.columns.map((column) => column.header.en).join(","));
    const list = await listMeetings(MeetingListSchema.parse({ region: "kursk-oblast", sort: "date-asc", perPage: 100 }));
    expect(list.total).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(list.total);
    const first = list.items[0]!;
    expect(lines[1]!.startsWith(`${first.slug},${first.date.toISOString().slice(0, 10)},`)).toBe(true);
  });

  it("XLSX in Russian: dates as dates, levels in Russian, the count as a number", async () => {
    const workbook = await workbookOf(await exportMeetingsXlsx(meetingsRequest("xlsx", "lang=ru")));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Встречи");
    const list = await listMeetings(MeetingListSchema.parse({}));
    expect(sheet.rowCount - 1).toBe(list.total);
    const column = (key: string) => meetingTable.columns.findIndex((c) => c.key === key) + 1;
    const newest = sheet.getRow(2);
    expect(newest.getCell(column("slug")).value).toBe(list.items[0]!.slug);
    expect(newest.getCell(column("date")).value).toEqual(new Date(`${list.items[0]!.date.toISOString().slice(0, 10)}T00:00:00Z`));
    expect(["глава государства", "правительство", "региональный", "ведомство", "деловой форум"]).toContain(
      newest.getCell(column("level")).value,
    );
    expect(typeof newest.getCell(column("discussed")).value).toBe("number");
    expect((await exportMeetingsXlsx(meetingsRequest("xlsx", "year=1800"))).status).toBe(400);
  });
});

describe("the regions exports", () => {
  const regionsRequest = (format: "csv" | "xlsx", query: string) =>
    new Request(`http://registry.test/api/v1/regions/export.${format}?${query}`);

  it("CSV: the list's regions for its filters, in its order", async () => {
    const response = await exportRegionsCsv(regionsRequest("csv", "country=BY"));
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter((line) => line !== "");
    expect(lines[0]).toBe(regionTable.columns.map((column) => column.header.en).join(","));
    const list = await listRegions(RegionListSchema.parse({ country: "BY", perPage: 100 }), "en");
    expect(list.total).toBeGreaterThan(1);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(list.items.map((region) => region.slug));
  });

  it("XLSX in Russian: Russian headers, names and levels, in the Russian list's order, counts as numbers", async () => {
    const workbook = await workbookOf(await exportRegionsXlsx(regionsRequest("xlsx", "lang=ru&level=region")));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Регионы");
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["код", "название", "уровень"]);
    const list = await listRegions(RegionListSchema.parse({ level: "region", perPage: 100 }), "ru");
    expect(sheet.rowCount - 1).toBe(list.total);
    expect(sheet.getRow(2).getCell(2).value).toBe(list.items[0]!.nameRu);
    expect(sheet.getRow(2).getCell(3).value).toBe("регион");
    expect(typeof sheet.getRow(2).getCell(6).value).toBe("number");
    const problem = await (await exportRegionsXlsx(regionsRequest("xlsx", "level=planet&sep=;"))).json();
    expect(Object.keys(problem.errors).sort()).toEqual(["level", "sep"]);
  });
});

describe("the sectors exports", () => {
  const sectorsRequest = (format: "csv" | "xlsx", query: string) =>
    new Request(`http://registry.test/api/v1/sectors/export.${format}?${query}`);
  /** The page's rows: each section, then its divisions, with their counts. */
  const pageRows = async () =>
    (await listSectorsWithCounts()).flatMap(({ divisions, ...section }) => [
      { ...section, section: null as string | null },
      ...divisions.map((division) => ({ ...division, section: section.code })),
    ]);

  it("CSV in Russian with semicolons: Russian headers, levels and names, every sector in the page's order with its count", async () => {
    const text = await csvTextOf(await exportSectorsCsv(sectorsRequest("csv", "lang=ru&sep=;")), "sectors");
    expect(text.slice(0, text.indexOf("\r\n"))).toBe("код NACE;уровень;секция;название;организаций;ссылка");
    const [header, ...lines] = parse(text, { delimiter: ";" }) as string[][];
    expect(header).toEqual(sectorTable.columns.map((column) => column.header.ru));
    const rows = await pageRows();
    expect(rows).toHaveLength(21 + 88);
    // Russian names that hold a semicolon ("Торговля оптовая и розничная; ремонт ...") are quoted, and read back whole.
    expect(text).toContain(';"Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов";');
    expect(lines).toEqual(
      rows.map((sector) => [
        sector.code,
        sector.section === null ? "секция" : "раздел",
        sector.section ?? "",
        sector.nameRu,
        String(sector.organizations),
        `http://registry.test/sectors/${sector.code}`,
      ]),
    );
    expect(rows.some((sector) => sector.organizations > 0)).toBe(true);
  });

  it("XLSX in English: English headers and names, counts as numbers, the licence on the About sheet", async () => {
    const workbook = await workbookOf(await exportSectorsXlsx(sectorsRequest("xlsx", "")));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Sectors");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["NACE code", "level", "section", "name", "organizations", "url"]);
    const rows = await pageRows();
    expect(sheet.rowCount - 1).toBe(rows.length);
    rows.forEach((sector, index) => {
      const row = sheet.getRow(index + 2);
      expect([
        row.getCell(1).value,
        row.getCell(2).value,
        row.getCell(3).value ?? null,
        row.getCell(4).value,
        row.getCell(5).value,
      ]).toEqual([sector.code, sector.section === null ? "section" : "division", sector.section, sector.nameEn, sector.organizations]);
    });
    expect(workbook.getWorksheet("About")!.getRow(1).getCell(2).value).toBe(env().DATA_LICENCE);
  });

  it("takes no filters: an unknown parameter, a bad language and a separator on XLSX are a 400 naming each", async () => {
    const csv = await (await exportSectorsCsv(sectorsRequest("csv", "level=section&lang=de"))).json();
    expect(Object.keys(csv.errors).sort()).toEqual(["lang", "level"]);
    const xlsx = await exportSectorsXlsx(sectorsRequest("xlsx", "sep=;"));
    expect(xlsx.status).toBe(400);
    expect(Object.keys((await xlsx.json()).errors)).toEqual(["sep"]);
  });
});
