import { cache } from "react";
import { db } from "@/lib/db";
import { timelineArgs } from "@/lib/meetings/timeline";

/** A link to a region: what every page needs to name it and point to it. */
export const regionRefSelect = { slug: true, nameEn: true, nameRu: true } as const;
const countrySelect = { code: true, nameEn: true, nameRu: true } as const;

/** Growth of trade over the year before, in percent; null where the year before is not recorded. */
export function tradeGrowthPercent(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous <= 0) return null;
  return ((current - previous) / previous) * 100;
}

export async function listRegions() {
  return db().region.findMany({
    where: { archivedAt: null },
    orderBy: [{ countryCode: "asc" }, { level: "asc" }, { nameEn: "asc" }],
    select: {
      ...regionRefSelect,
      isoCode: true,
      level: true,
      country: { select: countrySelect },
      _count: { select: { organizations: { where: { archivedAt: null } } } },
    },
  });
}

/** One read per request: the page and its metadata share it. */
export const getRegionPage = cache(async (slug: string) => {
  const region = await db().region.findFirst({
    where: { slug, archivedAt: null },
    select: {
      id: true,
      ...regionRefSelect,
      isoCode: true,
      level: true,
      country: { select: countrySelect },
      parent: { select: regionRefSelect },
      children: { where: { archivedAt: null }, select: regionRefSelect, orderBy: { nameEn: "asc" } },
      organizations: {
        where: { archivedAt: null },
        orderBy: { name: "asc" },
        select: { slug: true, name: true, nameEn: true, kind: true, status: true, isDemo: true },
      },
      discussionLinks: timelineArgs,
    },
  });
  if (!region) return null;

  const figures = await db().tradeFigure.findMany({
    where: { archivedAt: null, OR: [{ regionId: region.id }, { partnerRegionId: region.id }] },
    orderBy: [{ year: "desc" }],
    select: {
      year: true,
      regionId: true,
      partnerRegionId: true,
      turnoverUsd: true,
      exportsUsd: true,
      importsUsd: true,
      sourceTitle: true,
      sourceUrl: true,
      region: { select: regionRefSelect },
      partnerRegion: { select: regionRefSelect },
    },
  });
  const turnover = new Map(figures.map((f) => [`${f.regionId}:${f.partnerRegionId}:${f.year}`, Number(f.turnoverUsd)]));
  const trade = figures.map((f) => {
    // Seen from this region: the other side is the partner, whichever column it sits in.
    const partner = f.regionId === region.id ? f.partnerRegion : f.region;
    const value = Number(f.turnoverUsd);
    return {
      year: f.year,
      partner,
      turnoverUsd: value,
      exportsUsd: f.regionId === region.id ? numberOrNull(f.exportsUsd) : numberOrNull(f.importsUsd),
      importsUsd: f.regionId === region.id ? numberOrNull(f.importsUsd) : numberOrNull(f.exportsUsd),
      growthPercent: tradeGrowthPercent(value, turnover.get(`${f.regionId}:${f.partnerRegionId}:${f.year - 1}`)),
      sourceTitle: f.sourceTitle,
      sourceUrl: f.sourceUrl,
    };
  });

  const { discussionLinks, ...rest } = region;
  return { ...rest, trade, timeline: discussionLinks };
});

function numberOrNull(value: { toString(): string } | null) {
  return value === null ? null : Number(value.toString());
}

export type RegionPage = NonNullable<Awaited<ReturnType<typeof getRegionPage>>>;
