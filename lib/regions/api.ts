import "server-only";
import { readDb } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/columns";
import { listExportResponse } from "@/lib/export/response";
import { toCountry, toRegionRef } from "@/lib/api/refs";
import { idKey, idKeyset, mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import {
  RegionCsvExportQuerySchema,
  RegionXlsxExportQuerySchema,
  type RegionDetailDto,
  type RegionDto,
  type RegionQuery,
} from "@/lib/regions/dto";
import { regionTable } from "@/lib/regions/export";
import { findRegion, listChildRegions, openRegionSource, regionSelect } from "@/lib/regions/queries";

/**
 * The regions endpoints' reads. Lists are keyset pages on the id, so a client walking the whole set while records
 * are added sees nothing twice and misses nothing that was there when it started.
 */

type RegionRow = NonNullable<Awaited<ReturnType<typeof findRegion>>>;

/** A region's part of the API's answers, shared by its list and its record. */
function toRegion(region: RegionRow): RegionDto {
  const { slug, nameEn, nameRu, otherNames, isoCode, level, country, parent, isDemo, updatedAt } = region;
  return {
    slug,
    nameEn,
    nameRu,
    otherNames,
    isoCode,
    level,
    country: toCountry(country),
    parent: parent && toRegionRef(parent),
    isDemo,
    updatedAt: updatedAt.toISOString(),
    url: paths.region(slug),
  };
}

/** GET /api/v1/regions */
export async function listRegionsPage(query: RegionQuery): Promise<CursorPage<RegionDto>> {
  const page = idKeyset(query);
  const rows = await readDb().region.findMany({
    ...page,
    where: {
      ...page.where,
      archivedAt: null,
      countryCode: query.country,
      level: query.level,
      updatedAt: query.updatedSince && { gte: query.updatedSince },
    },
    select: regionSelect,
  });
  return mapCursorPage(rows, query.limit, idKey, toRegion);
}

/** GET /api/v1/regions/{slug}: the region as its page reads it, with its parts and how many organizations it has. */
export async function getRegionDetail(slug: string): Promise<RegionDetailDto | null> {
  const region = await findRegion(slug);
  if (!region) return null;
  const [children, organizationCount] = await Promise.all([
    listChildRegions(region.id, 500),
    // A count of its own, on organizations(region_id): Prisma's nested `_count` grouped every organization first
    // (220 ms a request at 100,000 organizations).
    readDb().organization.count({ where: { regionId: region.id, archivedAt: null } }),
  ]);
  return { ...toRegion(region), children: children.map(toRegionRef), organizationCount };
}

/**
 * GET /api/v1/regions/export.{csv,xlsx}: every region of the list page's filters, in its order (names in the
 * file's language), streamed. Bad parameters are a 400 naming them before any row is read.
 */
export function regionsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  return listExportResponse(request, format, {
    schemas: { csv: RegionCsvExportQuerySchema, xlsx: RegionXlsxExportQuerySchema },
    table: regionTable,
    open: openRegionSource,
  });
}
