import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/joint-ventures/export.csv/route";
import { GET as exportJson } from "@/app/api/v1/joint-ventures/export.json/route";
import { GET as exportXlsx } from "@/app/api/v1/joint-ventures/export.xlsx/route";
import ExcelJS from "exceljs";
import { openQueryCursor, sqlPool, streamQuery } from "@/lib/db/pg";
import type { ExportTable } from "@/lib/export/columns";
import { writeCsv, writeXlsx } from "@/lib/export/write";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { jointVentureTable, jsonEncoder } from "@/lib/joint-ventures/export";
import { listJointVentures, listJointVenturesByCursor, streamJointVentures } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema, JOINT_VENTURE_SORTS, type JointVentureDto } from "@/lib/joint-ventures/schema";
import { prisma, seedOnce } from "./setup";

/**
 * Ventures made here, in two regions of their own, so that each filter's answer among them is known exactly;
 * the demo ventures of the seed are there too, and the totals are checked against Prisma's own count.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const slug = (name: string) => `jv-test-${name}-${run}`;
const regionA = slug("region-a"); // in Russia
const regionB = slug("region-b"); // in Belarus
const v = { alpha: slug("alpha"), beta: slug("beta"), gamma: slug("gamma"), archived: slug("archived") };
const ours = new Set(Object.values(v));

const parse = (query: Record<string, unknown>) => JointVentureFilterSchema.parse(query);

/** Every venture the table shows for a query, all pages walked. */
async function allFor(query: Record<string, unknown>, locale: "en" | "ru" = "en"): Promise<JointVentureDto[]> {
  const items: JointVentureDto[] = [];
  for (let page = 1; ; page++) {
    const result = await listJointVentures(parse(query), { page, perPage: 100 }, locale);
    items.push(...result.items);
    if (page >= result.pageCount) return items;
  }
}

async function oursFor(query: Record<string, unknown>): Promise<string[]> {
  return (await allFor(query))
    .map((venture) => venture.slug)
    .filter((s) => ours.has(s))
    .sort();
}

async function createVenture(data: {
  slug: string;
  name: string;
  nameEn: string | null;
  regionId: number;
  countryCode: string;
  status: "planned" | "active" | "closed";
  foundedYear: number | null;
  capital: [string, string] | null;
  sectors: string[];
  archived?: boolean;
}) {
  return prisma.organization.create({
    data: {
      slug: data.slug,
      kind: "joint_venture",
      name: data.name,
      nameEn: data.nameEn,
      regionId: data.regionId,
      countryCode: data.countryCode,
      status: data.status,
      foundedYear: data.foundedYear,
      capitalAmount: data.capital?.[0] ?? null,
      capitalCurrency: data.capital?.[1] ?? null,
      archivedAt: data.archived ? new Date() : null,
      sectors: { create: data.sectors.map((code, i) => ({ sectorCode: code, isPrimary: i === 0 })) },
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  await seedOnce();
  const ra = await prisma.region.create({
    data: { slug: regionA, nameEn: `Test Oblast A ${run}`, nameRu: `Тестовая область А ${run}`, level: "region", countryCode: "RU" },
  });
  const rb = await prisma.region.create({
    data: { slug: regionB, nameEn: `Test Region B ${run}`, nameRu: `Тестовая область Б ${run}`, level: "region", countryCode: "BY" },
  });
  const orgA = await prisma.organization.create({
    data: {
      slug: slug("org-a"),
      kind: "enterprise",
      name: `ООО «Тест А ${run}»`,
      nameEn: `Test A ${run}`,
      regionId: ra.id,
      countryCode: "RU",
      status: "active",
    },
  });
  const orgB = await prisma.organization.create({
    data: {
      slug: slug("org-b"),
      kind: "enterprise",
      name: `ОАО «Тест Б ${run}»`,
      nameEn: null,
      regionId: rb.id,
      countryCode: "BY",
      status: "active",
    },
  });
  // alpha: machinery (C) and wholesale (G); partners in A (a firm) and B (the regional government). A formula-like name.
  const alpha = await createVenture({
    slug: v.alpha,
    name: `=ООО «Альфа ${run}»`,
    nameEn: `Alpha, "JV" ${run}`,
    regionId: ra.id,
    countryCode: "RU",
    status: "active",
    foundedYear: 2001,
    capital: ["1000.00", "RUB"],
    sectors: ["28", "46"],
  });
  // beta: food (C); a live partner in B, and an archived one in A that must not count.
  const beta = await createVenture({
    slug: v.beta,
    name: `СООО «Бета ${run}»`,
    nameEn: null,
    regionId: rb.id,
    countryCode: "BY",
    status: "planned",
    foundedYear: 2005,
    capital: ["5000.00", "USD"],
    sectors: ["10"],
  });
  // gamma: vehicles and machinery (both C), no partners, no year, no capital.
  await createVenture({
    slug: v.gamma,
    name: `ЗАО «Гамма ${run}»`,
    nameEn: `Gamma ${run}`,
    regionId: ra.id,
    countryCode: "RU",
    status: "closed",
    foundedYear: null,
    capital: null,
    sectors: ["29", "28"],
  });
  await createVenture({
    slug: v.archived,
    name: `ООО «Архив ${run}»`,
    nameEn: `Archived ${run}`,
    regionId: ra.id,
    countryCode: "RU",
    status: "active",
    foundedYear: 2003,
    capital: ["3000.00", "RUB"],
    sectors: ["28"],
    archived: true,
  });
  await prisma.jointVenturePartner.createMany({
    data: [
      { ventureId: alpha.id, partnerOrganizationId: orgA.id, sharePercent: "51" },
      { ventureId: alpha.id, partnerRegionId: rb.id, sharePercent: "49" },
      { ventureId: beta.id, partnerOrganizationId: orgB.id, sharePercent: "50" },
      { ventureId: beta.id, partnerOrganizationId: orgA.id, sharePercent: "30", archivedAt: new Date() },
    ],
  });
});

afterAll(async () => {
  await prisma.$disconnect();
  await sqlPool().end();
});

describe("listJointVentures filters", () => {
  it("shows each live venture with its region, sectors and live partners with their shares", async () => {
    const [alpha] = (await allFor({ region: regionB })).filter((x) => x.slug === v.alpha);
    expect(alpha).toMatchObject({
      name: `=ООО «Альфа ${run}»`,
      status: "active",
      foundedYear: 2001,
      capital: { amount: 1000, currency: "RUB" },
      region: { slug: regionA },
      country: "RU",
      sectors: [
        { code: "28", primary: true },
        { code: "46", primary: false },
      ],
      partners: [
        { type: "organization", slug: slug("org-a"), sharePercent: 51 },
        { type: "region", slug: regionB, nameEn: `Test Region B ${run}`, sharePercent: 49 },
      ],
      url: `/organizations/${v.alpha}`,
      isDemo: false,
    });
    const [beta] = (await allFor({ region: regionB })).filter((x) => x.slug === v.beta);
    expect(beta!.partners.map((p) => p.slug)).toEqual([slug("org-b")]);
  });

  it("never shows an archived venture", async () => {
    expect(await oursFor({})).toEqual([v.alpha, v.beta, v.gamma].sort());
  });

  it("matches any of the sectors, or all of them; a section matches its divisions", async () => {
    expect(await oursFor({ sector: "28" })).toEqual([v.alpha, v.gamma].sort());
    expect(await oursFor({ sector: ["28", "10"] })).toEqual([v.alpha, v.beta, v.gamma].sort());
    expect(await oursFor({ sector: ["28", "10"], match: "all" })).toEqual([]);
    expect(await oursFor({ sector: ["28", "46"], match: "all" })).toEqual([v.alpha]);
    expect(await oursFor({ sector: ["28", "29"], match: "all" })).toEqual([v.gamma]);
    expect(await oursFor({ sector: "C" })).toEqual([v.alpha, v.beta, v.gamma].sort());
    expect(await oursFor({ sector: "G" })).toEqual([v.alpha]);
    expect(await oursFor({ sector: ["C", "G"], match: "all" })).toEqual([v.alpha]);
    expect(await oursFor({ sector: ["C", "29"], match: "all" })).toEqual([v.gamma]);
  });

  it("finds ventures by a live partner's region or country, a regional government counting as its region", async () => {
    expect(await oursFor({ region: regionA })).toEqual([v.alpha]);
    expect(await oursFor({ region: regionB })).toEqual([v.alpha, v.beta].sort());
    expect(await oursFor({ region: [regionA, regionB] })).toEqual([v.alpha, v.beta].sort());
    expect(await oursFor({ country: "ru" })).toEqual([v.alpha]);
    expect(await oursFor({ country: "BY" })).toEqual([v.alpha, v.beta].sort());
    expect(await oursFor({ country: "BY", region: regionA })).toEqual([v.alpha]);
  });

  it("with regionMatch=all, needs a partner in each region: Gomel and Kursk, not Gomel or Kursk", async () => {
    expect(await oursFor({ region: [regionA, regionB], regionMatch: "all" })).toEqual([v.alpha]);
    expect(await oursFor({ region: [regionB], regionMatch: "all" })).toEqual([v.alpha, v.beta].sort());
    // Against SQL, over the demo registry too: every venture with a live partner in each of the two regions.
    const expected = await prisma.$queryRaw<{ slug: string }[]>(Prisma.sql`
      SELECT o.slug FROM organizations o
      WHERE o.kind = 'joint_venture' AND o.archived_at IS NULL
        AND (SELECT count(DISTINCT pr.slug) FROM joint_venture_partners p
             LEFT JOIN organizations po ON po.id = p.partner_organization_id
             JOIN regions pr ON pr.id = coalesce(p.partner_region_id, po.region_id)
             WHERE p.venture_id = o.id AND p.archived_at IS NULL AND pr.slug IN ('gomel-region', 'kursk-oblast')) = 2
      ORDER BY 1`);
    const both = (await allFor({ region: ["gomel-region", "kursk-oblast"], regionMatch: "all" })).map((venture) => venture.slug).sort();
    expect(both).toEqual(expected.map((row) => row.slug));
    expect(both.length).toBeGreaterThan(0);
    const either = await allFor({ region: ["gomel-region", "kursk-oblast"] });
    expect(either.length).toBeGreaterThan(both.length);
  });

  it("never ranks capital across currencies: sorted by currency, then amount, or within the chosen currency", async () => {
    const sorted = await allFor({ sort: "capital", dir: "desc" });
    const withCapital = sorted.filter((venture) => venture.capital !== null);
    // No capital comes last; the currencies come in alphabetical order, each one's amounts largest first.
    expect(sorted.slice(withCapital.length).every((venture) => venture.capital === null)).toBe(true);
    const currencies = withCapital.map((venture) => venture.capital!.currency);
    expect(currencies).toEqual([...currencies].sort());
    for (const currency of new Set(currencies)) {
      const amounts = withCapital.filter((venture) => venture.capital!.currency === currency).map((venture) => venture.capital!.amount);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    }
    const dollars = await allFor({ sort: "capital", dir: "desc", currency: "usd" });
    expect(dollars.length).toBeGreaterThan(0);
    expect(dollars.every((venture) => venture.capital?.currency === "USD")).toBe(true);
    expect(dollars.map((venture) => venture.slug)).toEqual(
      withCapital.filter((venture) => venture.capital!.currency === "USD").map((venture) => venture.slug),
    );
    expect(JointVentureFilterSchema.safeParse({ currency: "dollars" }).success).toBe(false);
  });

  it("filters by status, founding year and capital", async () => {
    expect(await oursFor({ status: ["planned", "closed"] })).toEqual([v.beta, v.gamma].sort());
    expect(await oursFor({ foundedFrom: 2003 })).toEqual([v.beta]);
    expect(await oursFor({ foundedTo: 2003 })).toEqual([v.alpha]);
    expect(await oursFor({ foundedFrom: 2001, foundedTo: 2005 })).toEqual([v.alpha, v.beta].sort());
    expect(await oursFor({ capitalMin: 2000 })).toEqual([v.beta]);
    expect(await oursFor({ capitalMax: 2000 })).toEqual([v.alpha]);
  });

  it("counts what Prisma counts, for each kind of filter", async () => {
    const live = { kind: "joint_venture" as const, archivedAt: null };
    const inSector = (code: string) => ({ sectors: { some: { sector: { OR: [{ code }, { sectionCode: code }] } } } });
    const partnerIn = (where: object) => ({
      partners: { some: { archivedAt: null, OR: [{ partnerRegion: where }, { partnerOrganization: { region: where } }] } },
    });
    const cases: [Record<string, unknown>, object][] = [
      [{}, live],
      [{ sector: ["28", "10"] }, { ...live, OR: [inSector("28"), inSector("10")] }],
      [
        { sector: ["C", "46"], match: "all" },
        { ...live, AND: [inSector("C"), inSector("46")] },
      ],
      [{ region: ["kursk-oblast", regionB] }, { ...live, ...partnerIn({ slug: { in: ["kursk-oblast", regionB] } }) }],
      [{ country: "BY" }, { ...live, ...partnerIn({ countryCode: "BY" }) }],
      [
        { status: ["active"], foundedFrom: 2010 },
        { ...live, status: { in: ["active"] }, foundedYear: { gte: 2010 } },
      ],
      [
        { capitalMin: 4000000, capitalMax: 200000000 },
        { ...live, capitalAmount: { gte: 4000000, lte: 200000000 } },
      ],
    ];
    for (const [query, where] of cases) {
      const page = await listJointVentures(parse(query), { page: 1, perPage: 5 });
      expect({ query, total: page.total }).toEqual({ query, total: await prisma.organization.count({ where }) });
      expect(page.items.length).toBe(Math.min(5, page.total));
    }
    // Past the last page: no rows, and still the total.
    const beyond = await listJointVentures(parse({ sector: "28" }), { page: 50, perPage: 100 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(await prisma.organization.count({ where: { ...live, ...inSector("28") } }));
  });

  // Capital sorts by currency first: its own test above.
  const plainSorts = JOINT_VENTURE_SORTS.filter((sort) => sort !== "capital");
  it.each(plainSorts.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))(
    "sorts by %s %s, missing values last",
    async (sort, dir) => {
      const statusOrder = { planned: 0, active: 1, closed: 2 };
      const keyOf = (x: JointVentureDto): string | number | null => {
        switch (sort) {
          case "name":
            return x.nameEn ?? x.name;
          case "region":
            return x.region.nameEn;
          case "status":
            return statusOrder[x.status];
          case "founded":
            return x.foundedYear;
          case "sector":
            return x.sectors.find((s) => s.primary)?.code ?? null;
        }
      };
      const keys = (await allFor({ sort, dir })).map(keyOf);
      expect(keys.length).toBeGreaterThan(3);
      const present = keys.filter((k) => k !== null);
      // Nulls only at the end.
      expect(keys.slice(present.length).every((k) => k === null)).toBe(true);
      const sorted = [...present].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
      expect(present).toEqual(dir === "asc" ? sorted : sorted.reverse());
    },
  );

  it("sorts by the Russian name for a Russian reader", async () => {
    const names = (await allFor({ region: regionB }, "ru")).filter((x) => ours.has(x.slug)).map((x) => x.name);
    expect(names).toEqual([`=ООО «Альфа ${run}»`, `СООО «Бета ${run}»`]);
  });
});

describe("listJointVenturesByCursor", () => {
  it("walks all pages while ventures are added: none twice, none skipped", async () => {
    const before = await prisma.organization.findMany({ where: { kind: "joint_venture", archivedAt: null }, select: { slug: true } });
    const region = await prisma.region.findUniqueOrThrow({ where: { slug: regionA } });
    const seen: string[] = [];
    const added: string[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 1000; round++) {
      const page: Awaited<ReturnType<typeof listJointVenturesByCursor>> = await listJointVenturesByCursor(parse({}), { cursor, limit: 3 });
      seen.push(...page.items.map((x) => x.slug));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      if (round < 3) {
        const added1 = slug(`walk-${round}`);
        await createVenture({
          slug: added1,
          name: `ООО «Обход ${round} ${run}»`,
          nameEn: null,
          regionId: region.id,
          countryCode: "RU",
          status: "active",
          foundedYear: 2020,
          capital: null,
          sectors: ["62"],
        });
        added.push(added1);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before.map((x) => x.slug)));
    // Added with higher ids, so the walk reaches them too.
    expect(seen).toEqual(expect.arrayContaining(added));
    await prisma.organization.updateMany({ where: { slug: { in: added } }, data: { archivedAt: new Date() } });
  });

  it("applies the filter and refuses a cursor that is not one of ours", async () => {
    const page = await listJointVenturesByCursor(parse({ region: regionB }), { cursor: null, limit: 10 });
    expect(page.items.map((x) => x.slug).sort()).toEqual([v.alpha, v.beta].sort());
    expect(page.nextCursor).toBeNull();
    await expect(listJointVenturesByCursor(parse({}), { cursor: "not-a-cursor", limit: 10 })).rejects.toThrow(/cursor/);
  });
});

describe("the exports", () => {
  const request = (format: "csv" | "json" | "xlsx", query: string) =>
    new Request(`http://registry.test/api/v1/joint-ventures/export.${format}?${query}`);

  it("CSV: BOM, header, one line per venture, neutralised formula cells, as an attachment", async () => {
    const response = await exportCsv(request("csv", `region=${regionB}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="joint-ventures-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "slug,name,English name,kind,status,region,country,primary sector,sectors,founded year,capital amount,currency,partners,url,demo data,updated",
    );
    expect(lines.length - 2).toBe(2);
    const alpha = lines.find((line) => line.startsWith(`${v.alpha},`))!;
    expect(alpha).toContain(`,'=ООО «Альфа ${run}»,"Alpha, ""JV"" ${run}",joint venture,active,Test Oblast A ${run},RU,`);
    // Each partner with where it sits: a firm's region and country, a regional government's country.
    expect(alpha).toContain(
      `,"Test A ${run} (Test Oblast A ${run}, RU) 51%; Test Region B ${run} (BY) 49%",http://registry.test/organizations/${v.alpha},no,`,
    );
  });

  it("CSV in Russian with semicolons: Russian headers, statuses and names, the same lines", async () => {
    const response = await exportCsv(request("csv", `region=${regionB}&lang=ru&sep=;`));
    expect(response.status).toBe(200);
    // text() drops the byte order mark.
    const lines = (await response.text()).split("\r\n").filter((line) => line !== "");
    expect(lines[0]).toBe(jointVentureTable.columns.map((column) => column.header.ru).join(";"));
    expect(lines[0]).toContain("название;название на английском;вид;статус;регион;");
    expect(lines).toHaveLength(3);
    const alpha = lines.find((line) => line.startsWith(`${v.alpha};`))!;
    expect(alpha).toContain(`;'=ООО «Альфа ${run}»;"Alpha, ""JV"" ${run}";совместное предприятие;действует;Тестовая область А ${run};RU;`);
    // Cells holding the separator are quoted, so the line keeps its columns.
    expect(alpha).toContain(
      `;"28; 46";2001;1000;RUB;"ООО «Тест А ${run}» (Тестовая область А ${run}, RU) 51%; Тестовая область Б ${run} (BY) 49%";`,
    );
    const bad = await exportCsv(request("csv", "sep=|&lang=de"));
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: Record<string, string[]> }).errors)).toEqual(
      expect.arrayContaining(["sep", "lang"]),
    );
    // A workbook has no separator: the parameter is refused rather than ignored.
    expect((await exportXlsx(request("xlsx", "sep=;"))).status).toBe(400);
  });

  it("XLSX: typed cells, Russian intact, a formula-like name kept as text, a frozen header and an About sheet", async () => {
    const response = await exportXlsx(request("xlsx", `region=${regionB}&lang=ru&sort=capital&dir=desc`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="joint-ventures-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const [sheet, about] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(jointVentureTable.columns.map((column) => column.header.ru));
    const column = (key: string) => jointVentureTable.columns.findIndex((c) => c.key === key) + 1;
    expect(sheet.rowCount).toBe(3);
    // By currency first (RUB before USD), as the table sorts.
    const alpha = sheet.getRow(2);
    expect(alpha.getCell(column("slug")).value).toBe(v.alpha);
    const name = alpha.getCell(column("name"));
    expect(name.value).toBe(`=ООО «Альфа ${run}»`);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(alpha.getCell(column("capitalAmount")).value).toBe(1000);
    expect(alpha.getCell(column("capitalAmount")).type).toBe(ExcelJS.ValueType.Number);
    expect(typeof alpha.getCell(column("foundedYear")).value).toBe("number");
    expect(alpha.getCell(column("updatedAt")).value).toBeInstanceOf(Date);
    expect(alpha.getCell(column("status")).value).toBe("действует");
    expect(alpha.getCell(column("region")).value).toBe(`Тестовая область А ${run}`);
    expect(about.name).toBe("О данных");
    const lines = new Map<string, unknown>();
    about.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(lines.get("Лицензия")).toBe(env().DATA_LICENCE);
    expect(lines.get("Реестр обновлён")).toBeInstanceOf(Date);
    expect(String(lines.get("Источник"))).toContain("/api/v1/joint-ventures/export.xlsx?");
    expect(String(lines.get("Фильтры"))).toContain(`region: ${regionB}`);
    expect(lines.get("Строк")).toBe(2);
  });

  it("XLSX: one row per venture of the whole result, as many as the table counts", async () => {
    const response = await exportXlsx(request("xlsx", "sector=C"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const { total } = await listJointVentures(parse({ sector: "C" }), { page: 1, perPage: 1 });
    expect(total).toBeGreaterThan(2);
    expect(workbook.worksheets[0]!.rowCount - 1).toBe(total);
    expect(workbook.getWorksheet("About")!.getRow(1).getCell(2).value).toBe(env().DATA_LICENCE);
  });

  it("CSV: one line per venture of the whole result, as many as the table counts", async () => {
    const response = await exportCsv(request("csv", "sector=C"));
    const lines = (await response.text()).split("\r\n").filter((line) => line !== "");
    const { total } = await listJointVentures(parse({ sector: "C" }), { page: 1, perPage: 1 });
    expect(lines.length - 1).toBe(total);
  });

  it("JSON: parses, with the same records, and is an empty array when nothing matches", async () => {
    const response = await exportJson(request("json", `region=${regionB}&sort=capital&dir=desc`));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const records = (await response.json()) as Record<string, unknown>[];
    // By currency first (RUB before USD), never RUB against USD.
    expect(records.map((r) => r.slug)).toEqual([v.alpha, v.beta]);
    expect(records[0]).toMatchObject({ name: `=ООО «Альфа ${run}»`, capitalAmount: 1000, currency: "RUB", sectors: "28; 46" });
    const empty = await exportJson(request("json", `region=${regionA}&status=closed`));
    expect(await empty.json()).toEqual([]);
  });

  it("refuses bad parameters with a 400 problem that names them", async () => {
    for (const [format, handler] of [
      ["csv", exportCsv],
      ["json", exportJson],
      ["xlsx", exportXlsx],
    ] as const) {
      const response = await handler(request(format, "sector=ZZ&status=sleeping&foundedFrom=1700"));
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = (await response.json()) as {
        type: string;
        title: string;
        status: number;
        detail: string;
        errors: Record<string, string[]>;
      };
      expect(body).toMatchObject({
        status: 400,
        title: expect.any(String),
        type: expect.any(String),
        detail: expect.stringContaining("sector"),
      });
      expect(Object.keys(body.errors).map((key) => key.split(".")[0])).toEqual(expect.arrayContaining(["sector", "status", "foundedFrom"]));
    }
    const crossed = await exportCsv(request("csv", "foundedFrom=2010&foundedTo=2000"));
    expect(crossed.status).toBe(400);
    expect(((await crossed.json()) as { errors: Record<string, string[]> }).errors).toHaveProperty("foundedTo");
    const misspelt = await exportCsv(request("csv", "sektor=28"));
    expect(misspelt.status).toBe(400);
    expect(((await misspelt.json()) as { errors: Record<string, string[]> }).errors).toHaveProperty("sektor");
  });

  it("gives the connection back when the reader stops early", async () => {
    const pool = sqlPool();
    const stream = await streamJointVentures(parse({}), jsonEncoder, { batchSize: 1 });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    expect(pool.totalCount - pool.idleCount).toBeGreaterThanOrEqual(1);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it("gives the connection back when the request is aborted (the client went away)", async () => {
    const pool = sqlPool();
    const controller = new AbortController();
    const stream = await streamJointVentures(parse({}), jsonEncoder, { batchSize: 1, signal: controller.signal });
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pool.totalCount - pool.idleCount).toBe(0);
    // What was read ahead may still come out; then the stream ends in an error, never as a complete file.
    let ended: unknown;
    try {
      for (let i = 0; i < 6; i++) if ((await reader.read()).done) ended = "complete";
    } catch (error) {
      ended = error;
    }
    expect(ended).toBeInstanceOf(Error);
  });

  it.each(["csv", "xlsx"] as const)(
    "%s: reads from the database only as fast as the reader takes, and gives the connection back when the reader goes away",
    async (format) => {
      const pool = sqlPool();
      let read = 0;
      const cursor = await openQueryCursor<{ n: number }>(Prisma.sql`SELECT n FROM generate_series(1, ${200_000}::int) AS n`, {
        batchSize: 500,
      });
      const source = { read: async () => cursor.read().then((rows) => ((read += rows.length), rows)), close: cursor.close };
      const table: ExportTable<{ n: number }> = {
        fileStem: "numbers",
        sheetName: { en: "Numbers", ru: "Числа" },
        columns: [{ key: "n", header: { en: "n", ru: "n" }, type: "number", value: (row) => row.n }],
      };
      const about = { licence: "CC BY 4.0", registryUpdatedAt: null, sourceUrl: "", filters: [] };
      const stream = (format === "csv" ? writeCsv : writeXlsx)(table, source, { locale: "en", about });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Nobody reads the file: the writer stops after a few batches instead of holding the whole result.
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(50_000);
      expect(pool.totalCount - pool.idleCount).toBeGreaterThanOrEqual(1);
      stream.destroy();
      await vi.waitFor(() => expect(pool.totalCount - pool.idleCount).toBe(0), { timeout: 2000 });
    },
  );

  it("reads from the database only as fast as the reader takes (back-pressure), and all rows in the end", async () => {
    let encoded = 0;
    const stream = await streamQuery<{ n: number }>(
      Prisma.sql`SELECT n FROM generate_series(1, ${20_000}::int) AS n`,
      { head: "", row: (row) => (encoded++, `${row.n}\n`), tail: () => "" },
      { batchSize: 100 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The first batch and at most the two read ahead: nothing more while no one reads.
    expect(encoded).toBeLessThanOrEqual(300);
    const text = await new Response(stream).text();
    expect(encoded).toBe(20_000);
    expect(text.split("\n").filter(Boolean)).toHaveLength(20_000);
  });
});
