/**
 * Loads the reference data (NACE Rev. 2, countries, regions) and the demo scenario of
 * ../shared/docs/domain.md. Idempotent: a record that exists is left as it is, so a second run adds nothing
 * and never overwrites what staff have changed since.
 *
 *   DATABASE_URL=... npm run db:seed
 */
import { pathToFileURL } from "node:url";
import { createPrismaClient, type Db, type Tx } from "../lib/db/prisma-client.ts";
import { naceDivisions, naceSections } from "./nace.ts";
import { countries, regions } from "./regions.ts";
import { demoOrganizations } from "./demo-organizations.ts";
import { demoCommitments, demoFollowUpMeetings, demoMeeting, demoParticipants, demoRegionNotes, demoStatements } from "./demo-meetings.ts";

export type SeedOptions = {
  /** Creates the demo staff login (the embedded default and the tests only). */
  demoStaff?: { email: string; name: string; passwordHash: string };
};

/** The id of a seeded record by its slug; a slug the seed does not hold is a mistake in the seed. */
type IdOf = (slug: string) => number;

function lookup(ids: Map<string, number>, what: string): IdOf {
  return (slug) => {
    const id = ids.get(slug);
    if (id === undefined) throw new Error(`The seed names an unknown ${what}: ${slug}`);
    return id;
  };
}

export async function seedDatabase(prisma: Db, options: SeedOptions = {}) {
  await prisma.$transaction(
    async (tx) => {
      await seedSectorsAndCountries(tx);
      const regionId = await seedRegions(tx);
      const organizationId = await seedDemoOrganizations(tx, regionId);
      await seedDemoMeeting(tx, regionId);
      await seedFollowUpMeetings(tx, regionId, organizationId);
      await seedDemoTrade(tx, regionId);
      if (options.demoStaff) {
        await tx.user.upsert({ where: { email: options.demoStaff.email }, create: { ...options.demoStaff, role: "editor" }, update: {} });
      }
    },
    { timeout: 60_000 },
  );
}

/**
 * The reference data only (NACE Rev. 2, countries, regions), which a new deployment needs before staff add
 * records; no demo record and no account. The image's entry loads it when asked (SEED_REFERENCE_DATA=on).
 */
export async function seedReferenceData(prisma: Db) {
  await prisma.$transaction(
    async (tx) => {
      await seedSectorsAndCountries(tx);
      await seedRegions(tx);
    },
    { timeout: 60_000 },
  );
}

async function seedSectorsAndCountries(tx: Tx) {
  await tx.sector.createMany({
    data: naceSections.map((s) => ({ code: s.code, level: "section" as const, nameEn: s.nameEn, nameRu: s.nameRu })),
    skipDuplicates: true,
  });
  await tx.sector.createMany({
    data: naceDivisions.map((d) => ({ ...d, level: "division" as const })),
    skipDuplicates: true,
  });
  await tx.country.createMany({ data: countries, skipDuplicates: true });
}

/** The regions, each after its parent; the ids of all of them by slug. */
async function seedRegions(tx: Tx): Promise<IdOf> {
  const regionIds = new Map<string, number>();
  for (const { parentSlug, ...region } of regions) {
    const parentId = parentSlug ? regionIds.get(parentSlug) : undefined;
    const row = await tx.region.upsert({
      where: { slug: region.slug },
      create: { ...region, parentId },
      update: {},
      select: { id: true },
    });
    regionIds.set(region.slug, row.id);
  }
  return lookup(regionIds, "region");
}

/** The demo organizations and the partners of each joint venture (listed after its partners); their ids by slug. */
async function seedDemoOrganizations(tx: Tx, regionId: IdOf): Promise<IdOf> {
  const organizationIds = new Map<string, number>();
  for (const org of demoOrganizations) {
    const existing = await tx.organization.findUnique({ where: { slug: org.slug }, select: { id: true } });
    if (existing) {
      organizationIds.set(org.slug, existing.id);
      continue;
    }
    const created = await tx.organization.create({
      data: {
        slug: org.slug,
        kind: org.kind,
        name: org.name,
        nameEn: org.nameEn,
        otherNames: org.otherNames,
        regionId: regionId(org.regionSlug),
        countryCode: regions.find((r) => r.slug === org.regionSlug)?.countryCode ?? "",
        status: org.status,
        foundedYear: org.foundedYear,
        website: org.website,
        descriptionEn: org.descriptionEn,
        descriptionRu: org.descriptionRu,
        registrationNumber: org.registrationNumber,
        capitalAmount: org.capital?.amount,
        capitalCurrency: org.capital?.currency,
        products: org.products,
        fieldsOfStudy: org.fieldsOfStudy ?? [],
        isDemo: true,
        sectors: { create: org.sectors.map((code, i) => ({ sectorCode: code, isPrimary: i === 0 })) },
      },
      select: { id: true },
    });
    organizationIds.set(org.slug, created.id);
    for (const partner of org.partners ?? []) {
      await tx.jointVenturePartner.create({
        data: {
          ventureId: created.id,
          partnerOrganizationId: partner.organizationSlug ? organizationIds.get(partner.organizationSlug) : undefined,
          partnerRegionId: partner.regionSlug ? regionId(partner.regionSlug) : undefined,
          sharePercent: partner.sharePercent,
        },
      });
    }
  }
  return lookup(organizationIds, "organization");
}

/** The meeting of 10 March 2015 between Belarus and Kursk Oblast: who met, what was said and proposed. */
async function seedDemoMeeting(tx: Tx, regionId: IdOf) {
  if (await tx.meeting.findUnique({ where: { slug: demoMeeting.slug }, select: { id: true } })) return;
  const sides = [{ regionId: regionId("belarus") }, { regionId: regionId("kursk-oblast") }];
  await tx.meeting.create({
    data: {
      ...demoMeeting,
      regions: { create: sides },
      participants: { create: demoParticipants.map(({ sideRegionSlug, ...p }) => ({ ...p, sideRegionId: regionId(sideRegionSlug) })) },
      statements: { create: demoStatements.map((s, i) => ({ ...s, position: i + 1 })) },
      commitments: { create: demoCommitments.map((c) => ({ ...c, status: "proposed" as const, parties: { create: sides } })) },
      discussionLinks: { create: demoRegionNotes.map(({ regionSlug, note }) => ({ regionId: regionId(regionSlug), note })) },
    },
  });
}

/** The synthetic meetings after it, each following up one of its proposals. */
async function seedFollowUpMeetings(tx: Tx, regionId: IdOf, organizationId: IdOf) {
  const proposals = await tx.commitment.findMany({
    where: { meeting: { slug: demoMeeting.slug } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  for (const { links, regions: regionSlugs, followsUpCommitment, ...meeting } of demoFollowUpMeetings) {
    if (await tx.meeting.findUnique({ where: { slug: meeting.slug }, select: { id: true } })) continue;
    const followed = proposals[followsUpCommitment];
    await tx.meeting.create({
      data: {
        ...meeting,
        isDemo: true,
        regions: { create: regionSlugs.map((slug) => ({ regionId: regionId(slug) })) },
        discussionLinks: { create: links.map((link) => ({ organizationId: organizationId(link.organization), note: link.note })) },
        followedUp: followed ? { create: [{ commitmentId: followed.id }] } : undefined,
      },
    });
  }
}

/** The one trade figure the source gives: Kursk Oblast with Belarus, $250 million in 2014. */
async function seedDemoTrade(tx: Tx, regionId: IdOf) {
  const [kursk, belarus] = [regionId("kursk-oblast"), regionId("belarus")];
  await tx.tradeFigure.upsert({
    where: { regionId_partnerRegionId_year: { regionId: kursk, partnerRegionId: belarus, year: 2014 } },
    create: {
      regionId: kursk,
      partnerRegionId: belarus,
      year: 2014,
      turnoverUsd: "250000000.00",
      sourceTitle: demoMeeting.sourceTitle,
      sourceTitleRu: demoMeeting.sourceTitleRu,
    },
    update: {},
  });
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the seed needs the database to load.");
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma);
    console.log("Seed loaded.");
  } finally {
    await prisma.$disconnect();
  }
}

// Run as a command only: not when imported, nor when bundled into another script (scripts/build.ts bundles the
// image's entry, scripts/docker-entry.ts, whose import.meta.url is then this module's too).
if (import.meta.url.endsWith("/prisma/seed.ts") && import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
