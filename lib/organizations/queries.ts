import { cache } from "react";
import { db } from "@/lib/db";
import { regionRefSelect } from "@/lib/regions/queries";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { timelineArgs } from "@/lib/meetings/timeline";

const regionSelect = { select: regionRefSelect };

export async function listOrganizations(filter: { kind?: OrganizationKind } = {}) {
  return db().organization.findMany({
    where: { archivedAt: null, kind: filter.kind },
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      nameEn: true,
      kind: true,
      status: true,
      isDemo: true,
      region: regionSelect,
      sectors: { where: { isPrimary: true }, select: { sector: { select: { code: true, nameEn: true, nameRu: true } } } },
    },
  });
}

/** One read per request: the page and its metadata share it. */
export const getOrganizationPage = cache(async (slug: string) => {
  const organization = await db().organization.findFirst({
    where: { slug, archivedAt: null },
    select: {
      slug: true,
      kind: true,
      name: true,
      nameEn: true,
      otherNames: true,
      status: true,
      foundedYear: true,
      website: true,
      descriptionEn: true,
      descriptionRu: true,
      registrationNumber: true,
      capitalAmount: true,
      capitalCurrency: true,
      products: true,
      fieldsOfStudy: true,
      isDemo: true,
      country: { select: { code: true, nameEn: true, nameRu: true } },
      region: regionSelect,
      sectors: {
        orderBy: [{ isPrimary: "desc" }, { sectorCode: "asc" }],
        select: { isPrimary: true, sector: { select: { code: true, nameEn: true, nameRu: true } } },
      },
      partners: {
        where: { archivedAt: null },
        orderBy: { sharePercent: "desc" },
        select: {
          sharePercent: true,
          partnerOrganization: { select: { slug: true, name: true, nameEn: true, region: regionSelect } },
          partnerRegion: regionSelect,
        },
      },
      ventureShares: {
        where: { archivedAt: null, venture: { archivedAt: null } },
        select: { sharePercent: true, venture: { select: { slug: true, name: true, nameEn: true } } },
      },
      discussionLinks: timelineArgs,
    },
  });
  if (!organization) return null;
  const { discussionLinks, capitalAmount, partners, ventureShares, ...rest } = organization;
  return {
    ...rest,
    capitalAmount: capitalAmount === null ? null : Number(capitalAmount),
    partners: partners.map((p) => ({ ...p, sharePercent: Number(p.sharePercent) })),
    ventureShares: ventureShares.map((v) => ({ ...v, sharePercent: Number(v.sharePercent) })),
    timeline: discussionLinks,
  };
});

export type OrganizationPage = NonNullable<Awaited<ReturnType<typeof getOrganizationPage>>>;
