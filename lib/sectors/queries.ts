import { cache } from "react";
import { cached } from "@/lib/cache";
import { readDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A link to a sector: its code and names. */
export const sectorRefSelect = { code: true, nameEn: true, nameRu: true } as const satisfies Prisma.SectorSelect;
/** A sector in a list: its level and, for a division, its section. */
export const sectorRowSelect = {
  ...sectorRefSelect,
  level: true,
  section: { select: sectorRefSelect },
} as const satisfies Prisma.SectorSelect;

export type SectorCount = { code: string; nameEn: string; nameRu: string; organizations: number };
export type SectionWithDivisions = SectorCount & { divisions: SectorCount[] };

/**
 * How many live organizations each sector holds, by code: a division its organizations, a section the
 * distinct organizations filed under it or any of its divisions (one in two divisions of a section counts
 * once). One grouped query over organization_sectors; at 100,000 organizations it takes a few hundred
 * milliseconds, so the page reads it through the read cache (`listSectorsWithCounts`).
 */
export async function countOrganizationsBySector(): Promise<Map<string, number>> {
  const rows = await readDb().$queryRaw<{ code: string; wholeSection: boolean; organizations: number }[]>`
    SELECT CASE WHEN grouping(s.code) = 1 THEN coalesce(s.section_code, s.code) ELSE s.code END AS code,
           grouping(s.code) = 1 AS "wholeSection",
           count(DISTINCT os.organization_id)::int AS organizations
    FROM organization_sectors os
    JOIN sectors s ON s.code = os.sector_code
    JOIN organizations o ON o.id = os.organization_id AND o.archived_at IS NULL
    GROUP BY GROUPING SETS ((coalesce(s.section_code, s.code)), (coalesce(s.section_code, s.code), s.code))`;
  // The second grouping set also yields organizations filed under a section itself: the section's own row wins.
  return new Map(rows.filter((row) => row.wholeSection || /^\d{2}$/.test(row.code)).map((row) => [row.code, row.organizations]));
}

/** The NACE sections with their divisions, each with how many live organizations it holds. */
export const listSectorsWithCounts = cached("sectors-with-counts", ["sectors", "organizations"], readSectorsWithCounts);

async function readSectorsWithCounts(): Promise<SectionWithDivisions[]> {
  const [sectors, countOf] = await Promise.all([
    readDb().sector.findMany({
      orderBy: { code: "asc" },
      select: { code: true, level: true, sectionCode: true, nameEn: true, nameRu: true },
    }),
    countOrganizationsBySector(),
  ]);
  const withCount = (s: (typeof sectors)[number]): SectorCount => ({
    code: s.code,
    nameEn: s.nameEn,
    nameRu: s.nameRu,
    organizations: countOf.get(s.code) ?? 0,
  });
  return sectors
    .filter((s) => s.level === "section")
    .map((section) => ({
      ...withCount(section),
      divisions: sectors.filter((s) => s.sectionCode === section.code).map(withCount),
    }));
}

/** A section with its divisions, or a division with its section; null for a code that is not a sector. */
export function findSector(code: string) {
  return readDb().sector.findUnique({
    where: { code },
    select: { ...sectorRowSelect, divisions: { orderBy: { code: "asc" }, select: sectorRefSelect } },
  });
}

/** `findSector` once per request, kept in the read cache between requests. */
export const getSector = cache(cached("sector", ["sectors"], findSector));

export type SectorPage = NonNullable<Awaited<ReturnType<typeof getSector>>>;

/** Sections and divisions for a sector filter's select. */
export const listSectorOptions = cached("sector-options", ["sectors"], readSectorOptions);

async function readSectorOptions() {
  const sectors = await readDb().sector.findMany({
    orderBy: { code: "asc" },
    select: { code: true, level: true, sectionCode: true, nameEn: true, nameRu: true },
  });
  return sectors
    .filter((s) => s.level === "section")
    .map((section) => ({ ...section, divisions: sectors.filter((s) => s.sectionCode === section.code) }));
}
