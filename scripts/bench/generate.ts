/**
 * The synthetic registry of `npm run bench`: 100,000 organizations, 20,000 meetings, 200,000 discussion links,
 * 3,000 commitments and some thousands of yearly trade figures on top of the seed's reference data. A fixed seed makes every run generate the same registry, so
 * figures from two runs compare. Rows go in as multi-row `INSERT ... SELECT FROM unnest(...)` of a few
 * thousand rows each, in one transaction: a generation that fails leaves no half-made registry behind.
 * The rows themselves: generate-organizations.ts (regions, organizations, joint-venture partners) and
 * generate-meetings.ts (meetings, discussion links, commitments, trade figures).
 */
import pg from "pg";
import { createPrismaClient } from "../../lib/db/prisma-client.ts";
import { seedDatabase } from "../../prisma/seed.ts";
import {
  createRandom,
  GENERATED_COUNTS,
  insertExtraRegions,
  insertOrganizations,
  insertVenturePartners,
} from "./generate-organizations.ts";
import { insertCommitments, insertDiscussionLinks, insertMeetings, insertTradeFigures } from "./generate-meetings.ts";

/** Bump when the generator changes what it makes: a registry made by another version is made anew. */
export const GENERATOR_VERSION = 3;
const SEED = 20261130;
export { GENERATED_COUNTS };

/** True when the database holds a registry made by this version of the generator. */
export async function isGenerated(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('bench_registry') IS NOT NULL AS found");
    if (!table.rows[0]?.found) return false;
    const marker = await client.query("SELECT 1 FROM bench_registry WHERE generator_version = $1", [GENERATOR_VERSION]);
    return (marker.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Fills a freshly migrated database with the reference data and the synthetic registry. */
export async function generateRegistry(url: string) {
  const started = performance.now();
  const step = (label: string) => console.log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const prisma = createPrismaClient(url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  step("reference data seeded");

  const random = createRandom(SEED);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const regions = await insertExtraRegions(client);
    step(`${regions.length} regions`);
    const divisions = (
      await client.query<{ code: string; section: string }>(
        "SELECT code, section_code AS section FROM sectors WHERE level = 'division' ORDER BY code",
      )
    ).rows;
    const orgs = await insertOrganizations(client, random, regions, divisions);
    step(`${orgs.length} organizations with their sectors`);
    const partners = await insertVenturePartners(client, random, orgs, regions);
    step(`${partners} joint-venture partners`);
    const meetings = await insertMeetings(client, random, regions);
    step(`${meetings.length} meetings with their regions`);
    const links = await insertDiscussionLinks(client, random, orgs, meetings);
    step(`${links} discussion links`);
    const commitments = await insertCommitments(client, random, orgs, meetings);
    step(`${commitments} commitments with their parties`);
    const trade = await insertTradeFigures(client, random, regions);
    step(`${trade} trade figures`);
    // The marker: a later run reuses this registry instead of generating it again.
    await client.query(
      "CREATE TABLE bench_registry (generator_version int NOT NULL, seed int NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())",
    );
    await client.query("INSERT INTO bench_registry (generator_version, seed) VALUES ($1, $2)", [GENERATOR_VERSION, SEED]);
    await client.query("COMMIT");
    step("committed (share-sum trigger checked)");
    // VACUUM as well as ANALYZE: it sets the visibility map, without which index-only scans fetch every heap
    // row. A live database gets this from autovacuum; a fresh bulk load has not had it yet.
    await client.query("VACUUM (ANALYZE)");
    step("vacuumed and analyzed");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  console.log(`Generated the registry in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
