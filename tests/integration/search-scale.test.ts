import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRegistry } from "@/lib/search/queries";
import { SearchParamsSchema, type SearchParams } from "@/lib/search/schema";
import { MAX_COUNTED } from "@/lib/search/sql";
import { prisma, seedOnce } from "./setup";

/**
 * A broad search (lib/search/sql.ts): the matches are counted up to MAX_COUNTED and only the first RANKED_POOL of
 * them, in the cheap order (found as typed, name starting with the words, type, id), are ranked by ts_rank. A word
 * new to each run, held by more organizations than that, in their descriptions.
 */
const word = `zqvx${Date.now().toString(36)}`;
const many = MAX_COUNTED + 5;

const search = (q: string, more: Partial<Record<keyof SearchParams, unknown>> = {}, facets = false) =>
  searchRegistry(SearchParamsSchema.parse({ q, ...more }), { facets });

let bryansk: { id: number };

function organization(i: number, name: string, more: { kind?: "university"; descriptionEn?: string } = {}) {
  return {
    slug: `scale-${word}-${i}`,
    kind: more.kind ?? ("enterprise" as const),
    name,
    descriptionEn: more.descriptionEn,
    regionId: bryansk.id,
    countryCode: "RU",
    status: "active" as const,
  };
}

beforeAll(async () => {
  await seedOnce();
  bryansk = await prisma.region.findUniqueOrThrow({ where: { slug: "bryansk-oblast" }, select: { id: true } });
  const mentions = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) =>
      organization(from + k, `ООО «Масштаб ${from + k}»`, {
        kind: from + k < 5 ? "university" : undefined,
        descriptionEn: `Mentions ${word} in passing.`,
      }),
    );
  // Past the first RANKED_POOL by id, but among the first thousand found: a name that starts with the word.
  await prisma.organization.createMany({ data: mentions(0, 150) });
  await prisma.organization.create({ data: organization(150, `${word} Holding`) });
  await prisma.organization.createMany({ data: mentions(151, many) });
});

// Archived, so that the files after this one (one database for the run) do not meet a thousand extra records.
afterAll(async () => {
  await prisma.organization.updateMany({ where: { slug: { startsWith: `scale-${word}-` } }, data: { archivedAt: new Date() } });
  await prisma.$disconnect();
});
describe("a search matching more than a thousand records", () => {
  it("counts up to 1,000 and says there are more, with the pages to the thousandth", async () => {
    const result = await search(word);
    expect(result.total).toBe(MAX_COUNTED);
    expect(result.totalCapped).toBe(true);
    expect(result.pageCount).toBe(Math.ceil(MAX_COUNTED / result.perPage));
    const last = await search(word, { page: result.pageCount });
    expect(last.items).toHaveLength(result.perPage);
    expect(last.totalCapped).toBe(true);
  });

  it("puts the record whose name starts with the word first, although more than a hundred were found before it", async () => {
    const result = await search(word);
    expect(result.items[0]?.slug).toBe(`scale-${word}-150`);
  });

  it("puts the region named so first, although more than a thousand of its organizations match", async () => {
    const result = await search("Bryansk");
    expect(result.totalCapped).toBe(true);
    expect(result.items[0]).toMatchObject({ type: "region", slug: "bryansk-oblast" });
  });

  it("counts exactly again when a filter keeps fewer, and so do the facets", async () => {
    const universities = await search(word, { kind: "university" }, true);
    expect(universities.total).toBe(5);
    expect(universities.totalCapped).toBe(false);
    expect(universities.facets?.type).toEqual([{ value: "organization", count: 5, labelEn: null, labelRu: null }]);
    expect(universities.facets?.kind).toEqual([{ value: "university", count: 5, labelEn: null, labelRu: null }]);
  });

  it("takes the facets from the first 1,000 matches when there are more, so that a broad search stays fast", async () => {
    const withFacets = await search(word, {}, true);
    expect(withFacets.totalCapped).toBe(true);
    expect(withFacets.facets?.type).toEqual([{ value: "organization", count: MAX_COUNTED, labelEn: null, labelRu: null }]);
    // The thousand found first hold both kinds: filters for each are offered.
    expect(withFacets.facets?.kind.map((k) => k.value).sort()).toEqual(["enterprise", "university"]);
  });
});
