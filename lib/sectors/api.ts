import "server-only";
import { readDb } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/columns";
import { listExportResponse } from "@/lib/export/response";
import { arraySource, type RowSource } from "@/lib/export/write";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toSectorRef } from "@/lib/api/refs";
import { mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import {
  SectorCsvExportQuerySchema,
  SectorXlsxExportQuerySchema,
  type SectorDetailDto,
  type SectorDto,
  type SectorQuery,
} from "@/lib/sectors/dto";
import { sectorTable, type SectorExportRow } from "@/lib/sectors/export";
import { findSector, listSectorsWithCounts, sectorRowSelect, type SectorCount } from "@/lib/sectors/queries";

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

/**
 * The sectors page's rows, in its order and with its counts, as a row source for the CSV and XLSX writers
 * (lib/export/write.ts). NACE has 109 sectors: they are read at once, from the read cache the page uses.
 */
async function openSectorSource(_query: unknown, { origin }: { origin: string }): Promise<RowSource<SectorExportRow>> {
  const row = (sector: SectorCount, sectionCode: string | null): SectorExportRow => ({
    ...sector,
    level: sectionCode === null ? "section" : "division",
    sectionCode,
    url: `${origin}${paths.sector(sector.code)}`,
  });
  const sections = await listSectorsWithCounts();
  return arraySource(
    sections.flatMap(({ divisions, ...section }) => [row(section, null), ...divisions.map((division) => row(division, section.code))]),
  );
}

/**
 * GET /api/v1/sectors/export.{csv,xlsx}: every section and division as the sectors page lists them, with their
 * counts, names in the file's language. Bad parameters are a 400 naming them.
 */
export function sectorsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  return listExportResponse(request, format, {
    schemas: { csv: SectorCsvExportQuerySchema, xlsx: SectorXlsxExportQuerySchema },
    table: sectorTable,
    open: openSectorSource,
  });
}
