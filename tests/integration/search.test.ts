import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRegistry, suggestEntries } from "@/lib/search/queries";
import { SearchParamsSchema, type SearchParams } from "@/lib/search/schema";
import { prisma, seedOnce } from "./setup";

const run = Date.now().toString(36);
let kursk: { id: number };
let gomel: { id: number };

const search = (input: Partial<Record<keyof SearchParams, unknown>>, facets = false) =>
  searchRegistry(SearchParamsSchema.parse({ perPage: 50, ...input }), { facets });
const slugsOf = (result: { items: { slug: string }[] }) => result.items.map((item) => item.slug);

async function createOrganization(
  slug: string,
  data: {
    name: string;
    nameEn?: string;
    region: { id: number };
    country: string;
    kind?: "enterprise" | "university" | "joint_venture";
    descriptionEn?: string;
    descriptionRu?: string;
    foundedYear?: number;
    sectors?: string[];
  },
) {
  return prisma.organization.create({
    data: {
      slug: `${slug}-${run}`,
      kind: data.kind ?? "enterprise",
      name: data.name,
      nameEn: data.nameEn,
      regionId: data.region.id,
      countryCode: data.country,
      status: "active",
      descriptionEn: data.descriptionEn,
      descriptionRu: data.descriptionRu,
      foundedYear: data.foundedYear,
      sectors: data.sectors ? { create: data.sectors.map((code, i) => ({ sectorCode: code, isPrimary: i === 0 })) } : undefined,
    },
    select: { id: true, slug: true },
  });
}

beforeAll(async () => {
  await seedOnce();
  kursk = await prisma.region.findUniqueOrThrow({ where: { slug: "kursk-oblast" }, select: { id: true } });
  gomel = await prisma.region.findUniqueOrThrow({ where: { slug: "gomel-region" }, select: { id: true } });
  // Only a Cyrillic name: found from Latin. Only a Latin name: found from Cyrillic.
  await createOrganization("gomselmash", { name: "ОАО «Гомсельмаш»", region: gomel, country: "BY", sectors: ["28"], foundedYear: 1930 });
  await createOrganization("zarechny-latin", {
    name: "Zarechny Mekhzavod",
    region: kursk,
    country: "RU",
    sectors: ["25"],
    foundedYear: 1995,
  });
  await createOrganization("tractor-works", {
    name: "ООО «Кварцевый тракторный завод»",
    nameEn: "Kvartsevy Tractor Works",
    region: kursk,
    country: "RU",
    descriptionEn: "Builds wheeled tractors for grain farms.",
    sectors: ["28"],
    foundedYear: 2001,
  });
  await createOrganization("tractor-repair", {
    name: "ООО «Кварцевый ремонт тракторов»",
    nameEn: "Kvartsevy Tractor Repair",
    region: gomel,
    country: "BY",
    descriptionRu: "Ремонт тракторов и кварцитовых комбайнов.",
    sectors: ["33"],
    foundedYear: 2012,
  });
  // A name with a word of one letter and this run's own word, for queries of operators between words.
  await createOrganization("depot-b", { name: `ООО «Склад Б ${run}»`, nameEn: `Depot B ${run}`, region: gomel, country: "BY" });
  const archived = await createOrganization("archived-kvartsevy", { name: "ООО «Кварцевый архив»", region: kursk, country: "RU" });
  await prisma.organization.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
});

afterAll(() => prisma.$disconnect());

describe("relevance", () => {
  it("finds a region by its Russian name, first among the results", async () => {
    const result = await search({ q: "Курская область" });
    expect(result.items[0]).toMatchObject({ type: "region", slug: "kursk-oblast" });
  });

  it("finds a region by its English name", async () => {
    expect(slugsOf(await search({ q: "Kursk Oblast", type: "region" }))).toEqual(["kursk-oblast"]);
  });

  it("finds Russian word forms by stemming: Курской finds Курская область", async () => {
    expect(slugsOf(await search({ q: "Курской", type: "region" }))).toContain("kursk-oblast");
  });

  it("finds a Cyrillic-only name from Latin script", async () => {
    expect(slugsOf(await search({ q: "Gomselmash" }))).toContain(`gomselmash-${run}`);
  });

  it("finds a Latin-only name from Cyrillic script", async () => {
    expect(slugsOf(await search({ q: "Заречный Мехзавод" }))).toContain(`zarechny-latin-${run}`);
  });

  it("forgives a typo in a name", async () => {
    expect(slugsOf(await search({ q: "Gomselmsh" }))).toContain(`gomselmash-${run}`);
  });

  it("matches a quoted phrase only with its words together", async () => {
    const slugs = slugsOf(await search({ q: '"Kvartsevy Tractor Works"' }));
    expect(slugs).toContain(`tractor-works-${run}`);
    expect(slugs).not.toContain(`tractor-repair-${run}`);
  });

  it("leaves out records holding a -word", async () => {
    const slugs = slugsOf(await search({ q: "Kvartsevy -repair" }));
    expect(slugs).toContain(`tractor-works-${run}`);
    expect(slugs).not.toContain(`tractor-repair-${run}`);
  });

  it("reads 'working' as itself, not as a word for a plant", async () => {
    // "works" was once a synonym of завод, found by its stem "work": "working" then matched every enterprise.
    const slugs = slugsOf(await search({ q: "Kvartsevy working" }));
    expect(slugs).not.toContain(`tractor-repair-${run}`);
    expect(slugsOf(await search({ q: "Kvartsevy завод" }))).toEqual(
      expect.arrayContaining([`tractor-works-${run}`, `tractor-repair-${run}`]),
    );
  });

  it("finds either word with or", async () => {
    const slugs = slugsOf(await search({ q: "Gomselmash or Zarechny" }));
    expect(slugs).toEqual(expect.arrayContaining([`gomselmash-${run}`, `zarechny-latin-${run}`]));
  });

  it("ranks a match in the name above a match in the description", async () => {
    const token = `zq${run}`;
    const inDescription = await createOrganization("in-description", {
      name: "ООО «Описание»",
      region: kursk,
      country: "RU",
      descriptionEn: `Supplies ${token} parts.`,
    });
    const inName = await createOrganization("in-name", { name: `ООО «${token}»`, region: kursk, country: "RU" });
    expect(slugsOf(await search({ q: token }))).toEqual([inName.slug, inDescription.slug]);
  });

  it("shows the passage of the description where the words matched", async () => {
    const result = await search({ q: "кварцитовых" });
    expect(slugsOf(result)).toContain(`tractor-repair-${run}`);
    const hit = result.items.find((item) => item.slug === `tractor-repair-${run}`);
    expect(hit?.snippetRu).toContain("\u0002кварцитовых\u0003");
  });

  it("marks the matched words in the title", async () => {
    const result = await search({ q: "Kursk Oblast", type: "region" });
    expect(result.items[0]?.headlineEn).toBe("\u0002Kursk\u0003 \u0002Oblast\u0003");
  });

  it("does not find archived records", async () => {
    expect(slugsOf(await search({ q: "Кварцевый архив" }))).not.toContain(`archived-kvartsevy-${run}`);
  });
});

describe("facets", () => {
  it("count what each filter keeps, as a direct SQL count does", async () => {
    const { facets, total } = await search({ q: "Kvartsevy" }, true);
    const live = await prisma.$queryRaw<{ country_code: string; decade: number; count: bigint }[]>`
      SELECT country_code, founded_year / 10 * 10 AS decade, count(*) FROM organizations
       WHERE archived_at IS NULL AND name LIKE '%Кварцевый%' GROUP BY 1, 2`;
    const sum = (rows: typeof live) => rows.reduce((n, row) => n + Number(row.count), 0);
    expect(total).toBe(sum(live));
    expect(facets!.type).toEqual([{ value: "organization", count: sum(live), labelEn: null, labelRu: null }]);
    for (const country of new Set(live.map((row) => row.country_code)))
      expect(facets!.country.find((f) => f.value === country)?.count).toBe(sum(live.filter((row) => row.country_code === country)));
    for (const decade of new Set(live.map((row) => row.decade)))
      expect(facets!.foundedDecade.find((f) => f.value === String(decade))?.count).toBe(sum(live.filter((row) => row.decade === decade)));
    const [manufacturing] = await prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(DISTINCT o.id) FROM organizations o JOIN organization_sectors os ON os.organization_id = o.id
        JOIN sectors s ON s.code = os.sector_code
       WHERE o.archived_at IS NULL AND o.name LIKE '%Кварцевый%' AND s.section_code = 'C'`;
    expect(facets!.sector.find((f) => f.value === "C")?.count).toBe(Number(manufacturing!.count));
  });

  it("promise as many results as the filter then gives, for every value", async () => {
    const base = { q: "Kursk" };
    const { facets, total } = await search(base, true);
    expect(total).toBeGreaterThan(3);
    for (const item of facets!.country) expect((await search({ ...base, country: item.value })).total).toBe(item.count);
    for (const item of facets!.type) expect((await search({ ...base, type: item.value })).total).toBe(item.count);
    for (const item of facets!.region) expect((await search({ ...base, region: item.value })).total).toBe(item.count);
  });

  it("narrow the other facets when a filter is chosen", async () => {
    const { facets } = await search({ q: "Kvartsevy", country: "BY" }, true);
    expect(facets!.region.map((f) => f.value)).toEqual(["gomel-region"]);
  });
});

describe("bad input", () => {
  const facetValues = (result: Awaited<ReturnType<typeof search>>) => Object.values(result.facets!).flat();

  it.each([
    ["empty", ""],
    ["punctuation", "!!! ??? ((( )))"],
    ["quotes only", '""""'],
    ["a lone minus", "-"],
  ])("finds nothing for %s, on one page with no facet values", async (_, q) => {
    const result = await search({ q }, true);
    expect(result).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
    expect(facetValues(result)).toEqual([]);
  });

  it("reads SQL as words that no record holds, and leaves the table and its count as they were", async () => {
    const table = async () => {
      const [row] = await prisma.$queryRaw<{ exists: boolean; count: number }[]>`
        SELECT to_regclass('public.organizations') IS NOT NULL AS exists, (SELECT count(*)::int FROM organizations) AS count`;
      return row;
    };
    const before = await table();
    const result = await search({ q: "'; DROP TABLE organizations; -- \\ \" or 1=1" }, true);
    expect(result).toMatchObject({ items: [], total: 0 });
    expect(facetValues(result)).toEqual([]);
    expect(await table()).toEqual(before);
    expect(before).toMatchObject({ exists: true });
    expect(slugsOf(await search({ q: "Gomselmash" }))).toContain(`gomselmash-${run}`);
  });

  it("reads a query of 1,000 characters by its first 32 words: the same answer as those words", async () => {
    const long = await search({ q: "Курск ".repeat(166) + "abcd" }, true);
    expect(long).toEqual(await search({ q: Array(32).fill("Курск").join(" ") }, true));
    expect(long.total).toBeGreaterThan(0);
    expect(slugsOf(long)).toContain("kursk-oblast");
  });

  it("reads tsquery syntax as no more than its words: the same answer as those words", async () => {
    const result = await search({ q: "a & | ! <-> :* ( ) b" }, true);
    expect(result).toEqual(await search({ q: "a b" }, true));
    // The same syntax between words only this file's record holds finds that record alone.
    expect(slugsOf(await search({ q: `b & | ! <-> :* ( ) ${run}` }))).toEqual([`depot-b-${run}`]);
  });

  it("gives no suggestions for punctuation and suggestions for two letters", async () => {
    expect(await suggestEntries("'\"")).toEqual([]);
    expect((await suggestEntries("Ku")).length).toBeGreaterThan(0);
  });
});

describe("suggestions", () => {
  it("complete a prefix in either script", async () => {
    expect((await suggestEntries("Гомсел")).map((s) => s.slug)).toContain(`gomselmash-${run}`);
    expect((await suggestEntries("gomsel")).map((s) => s.slug)).toContain(`gomselmash-${run}`);
    expect((await suggestEntries("Kursk Obl")).map((s) => s.slug)).toContain("kursk-oblast");
  });

  it("are bounded", async () => {
    expect((await suggestEntries("o", 8)).length).toBe(0);
    expect((await suggestEntries("ООО", 5)).length).toBeLessThanOrEqual(5);
  });
});
