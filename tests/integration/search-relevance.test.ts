import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRegistry } from "@/lib/search/queries";
import { SearchParamsSchema } from "@/lib/search/schema";
import { judgements, type Judgement } from "@/tests/support/search-judgements";
import { regions as referenceRegions } from "@/prisma/regions";
import { prisma, seedOnce } from "./setup";

/**
 * The level the search reached on the judged set (tests/support/search-judgements.ts): a change that makes
 * the search worse fails here. Before the typo, domain and alternative-name work (82 queries): 0.707 in the top 3,
 * nDCG@10 0.702; after: 0.988 and 0.980 (the one miss: "software" puts an institute training software engineers
 * second).
 */
const MIN_TOP3_SHARE = 0.98;
const MIN_NDCG = 0.975;

/** nDCG@10 with each expected record as relevant (1) and everything else not (0). */
function ndcgAt10(slugs: string[], expected: string[]) {
  const dcg = slugs.slice(0, 10).reduce((sum, slug, i) => sum + (expected.includes(slug) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = expected.slice(0, 10).reduce((sum, _, i) => sum + 1 / Math.log2(i + 2), 0);
  return dcg / ideal;
}

type Scored = Judgement & { slugs: string[]; inTop3: boolean; ndcg: number };

async function score(judgement: Judgement): Promise<Scored> {
  // Judged over the seeded registry: records other test files add to the same database are left out, reading on
  // (up to 20 pages) while they crowd out the first ten seeded results, as an import of 500 organizations can.
  const slugs: string[] = [];
  for (let page = 1; page <= 20 && slugs.length < 10; page += 1) {
    const result = await searchRegistry(SearchParamsSchema.parse({ q: judgement.q, perPage: 50, page }));
    slugs.push(...result.items.filter((item) => seeded.has(`${item.type}:${item.slug}`)).map((item) => item.slug));
    if (page >= result.pageCount) break;
  }
  const clean = !(judgement.absent ?? []).some((slug) => slugs.includes(slug));
  const inTop3 = clean && judgement.top3.every((slug) => slugs.slice(0, 3).includes(slug));
  const ndcg = judgement.top3.length === 0 ? Number(clean) : clean ? ndcgAt10(slugs, judgement.top3) : 0;
  return { ...judgement, slugs, inTop3, ndcg };
}

/** The records of the seed (reference data and the demo scenario), as `type:slug`. */
const seeded = new Set<string>();

beforeAll(async () => {
  await seedOnce();
  const [orgs, meetings] = await Promise.all([
    prisma.organization.findMany({ where: { isDemo: true }, select: { slug: true } }),
    prisma.meeting.findMany({ where: { isDemo: true }, select: { slug: true } }),
  ]);
  for (const { slug } of orgs) seeded.add(`organization:${slug}`);
  for (const { slug } of referenceRegions) seeded.add(`region:${slug}`);
  for (const { slug } of meetings) seeded.add(`meeting:${slug}`);
});
afterAll(() => prisma.$disconnect());

describe("the judged relevance set", () => {
  it("has at least 60 queries in both scripts, every expected record a live demo record", async () => {
    expect(judgements.length).toBeGreaterThanOrEqual(60);
    expect(judgements.filter((j) => /\p{Script=Cyrillic}/u.test(j.q)).length).toBeGreaterThanOrEqual(15);
    expect(judgements.filter((j) => /\p{Script=Latin}/u.test(j.q)).length).toBeGreaterThanOrEqual(15);
    const slugs = [...new Set(judgements.flatMap((j) => [...j.top3, ...(j.absent ?? [])]))];
    const [orgs, regions, meetings] = await Promise.all([
      prisma.organization.findMany({ where: { slug: { in: slugs }, archivedAt: null }, select: { slug: true } }),
      prisma.region.findMany({ where: { slug: { in: slugs }, archivedAt: null }, select: { slug: true } }),
      prisma.meeting.findMany({ where: { slug: { in: slugs }, archivedAt: null }, select: { slug: true } }),
    ]);
    expect([...orgs, ...regions, ...meetings].map((row) => row.slug).sort()).toEqual(slugs.sort());
  });

  it("puts the expected records in the first three and ranks them well (top-3 share and nDCG@10)", async () => {
    const scored: Scored[] = [];
    for (const judgement of judgements) scored.push(await score(judgement));
    const share = scored.filter((s) => s.inTop3).length / scored.length;
    const ndcg = scored.reduce((sum, s) => sum + s.ndcg, 0) / scored.length;
    const kinds = [...new Set(scored.map((s) => s.kind))];
    const byKind = kinds.map((kind) => {
      const rows = scored.filter((s) => s.kind === kind);
      return `${kind}: ${rows.filter((s) => s.inTop3).length}/${rows.length}`;
    });
    console.log(
      [
        `judged set: ${scored.length} queries, top-3 share ${share.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)}`,
        `by kind: ${byKind.join(", ")}`,
        ...scored
          .filter((s) => !s.inTop3)
          .map((s) => `  missed ${JSON.stringify(s.q)}: expected ${s.top3.join(", ")}; got ${s.slugs.slice(0, 5).join(", ")}`),
      ].join("\n"),
    );
    expect(share).toBeGreaterThanOrEqual(MIN_TOP3_SHARE);
    expect(ndcg).toBeGreaterThanOrEqual(MIN_NDCG);
  });
});
