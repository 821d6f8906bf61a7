import "server-only";
import { readDb } from "@/lib/db/client";
import type { OrganizationSort } from "@/lib/organizations/schema";
import type { ExportFormat } from "@/lib/export/columns";
import { listExportResponse } from "@/lib/export/response";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toMeetingRef, toNumber, toOrganizationRef, toParty, toRegionRef, toSectorRef } from "@/lib/api/refs";
import { meetingRefSelect } from "@/lib/meetings/queries";
import {
  OrganizationCsvExportQuerySchema,
  OrganizationXlsxExportQuerySchema,
  type OrganizationDetailDto,
  type OrganizationDto,
  type OrganizationQuery,
} from "@/lib/organizations/dto";
import { organizationTable } from "@/lib/organizations/export";
import {
  listOrganizationIdsInOrder,
  type OrganizationSortKey,
  organizationDetailsSelect,
  organizationRefSelect,
  organizationSectorsSelect,
  organizationSummarySelect,
  openOrganizationSource,
} from "@/lib/organizations/queries";
import { idKey, idKeyset, mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { regionRefSelect } from "@/lib/regions/queries";

/**
 * The organizations endpoints' reads, with the fields the organization pages read (lib/organizations/queries.ts).
 * Related rows of a page come in one batched query per relation (Prisma's `IN (...)`), never one per item.
 */

/**
 * `C` means the section and every division in it; `28` means that division. The section's codes come from a
 * subquery on sectors (`sector_code IN (SELECT code ...)`), which walks organization_sectors by its index
 * instead of joining every row to sectors.
 */
function sectorFilter(code: string): Prisma.OrganizationSectorWhereInput {
  return /^[A-Z]$/.test(code) ? { sector: { OR: [{ code }, { sectionCode: code }] } } : { sectorCode: code };
}

const organizationSelect = {
  id: true,
  ...organizationSummarySelect,
  region: { select: regionRefSelect },
  sectors: organizationSectorsSelect,
} as const satisfies Prisma.OrganizationSelect;

type OrganizationRow = Prisma.OrganizationGetPayload<{ select: typeof organizationSelect }>;

function toOrganization(organization: OrganizationRow): OrganizationDto {
  const { slug, kind, name, nameEn, otherNames, status, foundedYear, countryCode, region, sectors, website, isDemo } = organization;
  return {
    slug,
    kind,
    name,
    nameEn,
    otherNames,
    status,
    foundedYear,
    countryCode,
    region: toRegionRef(region),
    sectors: sectors.map((s) => ({ ...toSectorRef(s.sector), isPrimary: s.isPrimary })),
    website,
    isDemo,
    updatedAt: organization.updatedAt.toISOString(),
    url: paths.organization(slug),
  };
}

/**
 * GET /api/v1/organizations with `sort`: a keyset page in the list page's order, on (the sort's value, id). The
 * query's schema has checked that the cursor comes from the same order.
 */
async function listOrganizationsInOrder(query: OrganizationQuery & { sort: OrganizationSort }): Promise<CursorPage<OrganizationDto>> {
  const keys = await listOrganizationIdsInOrder(query, query.sort, query.cursor as OrganizationSortKey | undefined, query.limit + 1);
  const rows = keys.length
    ? await readDb().organization.findMany({ where: { id: { in: keys.map((k) => k.id) } }, select: organizationSelect })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = keys.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [{ ...row, sortKey: k.key }] : [];
  });
  return mapCursorPage(ordered, query.limit, (row) => [row.sortKey, row.id], toOrganization);
}

/** GET /api/v1/organizations: a keyset page on the id, or in the list page's order with `sort`. */
export async function listOrganizationsPage(query: OrganizationQuery): Promise<CursorPage<OrganizationDto>> {
  if (query.sort) return listOrganizationsInOrder({ ...query, sort: query.sort });
  const page = idKeyset({ limit: query.limit, cursor: query.cursor as readonly [number] | undefined });
  const rows = await readDb().organization.findMany({
    ...page,
    where: {
      ...page.where,
      archivedAt: null,
      kind: query.kind,
      status: query.status,
      countryCode: query.country,
      updatedAt: query.updatedSince && { gte: query.updatedSince },
      ...(query.region ? { region: { slug: query.region } } : {}),
      ...(query.sector ? { sectors: { some: sectorFilter(query.sector) } } : {}),
    },
    select: organizationSelect,
  });
  return mapCursorPage(rows, query.limit, idKey, toOrganization);
}

/** GET /api/v1/organizations/{slug}: with its partners, its shares in joint ventures and where it was discussed. */
export async function getOrganizationDetail(slug: string): Promise<OrganizationDetailDto | null> {
  const o = await readDb().organization.findFirst({
    where: { slug, archivedAt: null },
    select: {
      ...organizationSelect,
      ...organizationDetailsSelect,
      partners: {
        where: { archivedAt: null },
        orderBy: [{ sharePercent: "desc" }, { id: "asc" }],
        take: 200,
        select: {
          sharePercent: true,
          partnerOrganization: { select: organizationRefSelect },
          partnerRegion: { select: regionRefSelect },
        },
      },
      ventureShares: {
        where: { archivedAt: null, venture: { archivedAt: null } },
        orderBy: { id: "asc" },
        take: 200,
        select: { sharePercent: true, venture: { select: organizationRefSelect } },
      },
      discussionLinks: {
        where: { archivedAt: null, meeting: { archivedAt: null } },
        orderBy: [{ meeting: { date: "desc" } }, { id: "desc" }],
        take: 200,
        select: { note: true, meeting: { select: meetingRefSelect } },
      },
    },
  });
  if (!o) return null;
  return {
    ...toOrganization(o),
    descriptionEn: o.descriptionEn,
    descriptionRu: o.descriptionRu,
    registrationNumber: o.registrationNumber,
    capitalAmount: o.capitalAmount === null ? null : toNumber(o.capitalAmount),
    capitalCurrency: o.capitalCurrency,
    products: o.products,
    fieldsOfStudy: o.fieldsOfStudy,
    partners: o.partners.map((p) => ({
      ...toParty({ organization: p.partnerOrganization, region: p.partnerRegion }),
      sharePercent: toNumber(p.sharePercent),
    })),
    ventureShares: o.ventureShares.map((v) => ({ sharePercent: toNumber(v.sharePercent), venture: toOrganizationRef(v.venture) })),
    discussedAt: o.discussionLinks.map((l) => ({ note: l.note, meeting: toMeetingRef(l.meeting) })),
  };
}

/**
 * GET /api/v1/organizations/export.{csv,xlsx}: every organization of the list page's filters, in its order,
 * streamed from a database cursor. Bad parameters are a 400 before any row is read.
 */
export function organizationsExportResponse(request: Request, format: ExportFormat): Promise<Response> {
  return listExportResponse(request, format, {
    schemas: { csv: OrganizationCsvExportQuerySchema, xlsx: OrganizationXlsxExportQuerySchema },
    table: organizationTable,
    open: openOrganizationSource,
  });
}
