import "server-only";
import { readDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toSectorRef } from "@/lib/api/refs";
import { mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import type { SectorDetailDto, SectorDto, SectorQuery } from "@/lib/sectors/dto";
import { findSector, listSectorsWithCounts, sectorRowSelect } from "@/lib/sectors/queries";

/** The sectors endpoints' reads: NACE Rev. 2 sections and divisions with how many live organizations each holds. */

type SectorRow = Prisma.SectorGetPayload<{ select: typeof sectorRowSelect }>;

/**
 * Live organizations per sector code. Counting a large section means reading most of organization_sectors, so
 * the counts are the sector pages' own, computed in one grouped query and kept for a minute per process.
 */
async function organizationCountsBySector(): Promise<Map<string, number>> {
  const sections = await listSectorsWithCounts();
  const counts = new Map<string, number>();
  for (const section of sections) {
    counts.set(section.code, section.organizations);
    for (const division of section.divisions) counts.set(division.code, division.organizations);
  }
  return counts;
}

function toSector(s: SectorRow, counts: Map<string, number>): SectorDto {
  return {
    code: s.code,
    level: s.level,
    nameEn: s.nameEn,
    nameRu: s.nameRu,
    section: s.section ? toSectorRef(s.section) : null,
    organizationCount: counts.get(s.code) ?? 0,
    url: paths.sector(s.code),
  };
}

/** GET /api/v1/sectors: ordered by code, the divisions (01-99) before the sections (A-U), a unique key like any other. */
export async function listSectorsPage(query: SectorQuery): Promise<CursorPage<SectorDto>> {
  const [rows, counts] = await Promise.all([
    readDb().sector.findMany({
      where: {
        level: query.level,
        sectionCode: query.section,
        ...(query.cursor ? { code: { gt: query.cursor[0] } } : {}),
      },
      orderBy: { code: "asc" },
      take: query.limit + 1,
      select: sectorRowSelect,
    }),
    organizationCountsBySector(),
  ]);
  return mapCursorPage(
    rows,
    query.limit,
    (s) => [s.code],
    (s) => toSector(s, counts),
  );
}

/** GET /api/v1/sectors/{code}: the sector as its page reads it. */
export async function getSectorDetail(code: string): Promise<SectorDetailDto | null> {
  const [sector, counts] = await Promise.all([findSector(code.toUpperCase()), organizationCountsBySector()]);
  if (!sector) return null;
  return { ...toSector(sector, counts), divisions: sector.divisions.map(toSectorRef) };
}
