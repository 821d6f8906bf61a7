import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import type {
  CountryDto,
  MeetingDetailDto,
  MeetingDto,
  MeetingRefDto,
  OrganizationDetailDto,
  OrganizationDto,
  OrganizationRefDto,
  RegionDetailDto,
  RegionDto,
  RegionRefDto,
  SectorDetailDto,
  SectorDto,
  SearchHitDto,
  SearchResultDto,
  SectorRefDto,
  SuggestionDto,
} from "@/lib/api/dto";
import type {
  JointVentureQuery,
  MeetingQuery,
  OrganizationQuery,
  RegionQuery,
  SearchQuery,
  SectorQuery,
  SuggestQuery,
} from "@/lib/api/schema";
import { ApiProblem, invalidParameters } from "@/lib/api/problem";
import { InvalidCursorError, listJointVenturesByCursor } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema, type JointVentureDto } from "@/lib/joint-ventures/schema";
import { searchRegistry, suggestEntries } from "@/lib/search/queries";
import { listSectorsWithCounts } from "@/lib/sectors/queries";
import { splitHighlights, type SearchHit } from "@/lib/search/schema";

/**
 * The API's reads. Lists are keyset pages on a unique key (id ascending; date and id descending for meetings),
 * so a client walking the whole set while records are added sees nothing twice and misses nothing that was
 * there when it started. Each read selects only what its DTO needs; related rows of a page come in one
 * batched query per relation (Prisma's `IN (...)`), never one per item. Rows are mapped to DTOs explicitly.
 */

const regionRefSelect = { slug: true, nameEn: true, nameRu: true } as const satisfies Prisma.RegionSelect;
const countrySelect = { code: true, nameEn: true, nameRu: true } as const satisfies Prisma.CountrySelect;
const sectorRefSelect = { code: true, nameEn: true, nameRu: true } as const satisfies Prisma.SectorSelect;
const organizationRefSelect = { slug: true, kind: true, name: true, nameEn: true } as const satisfies Prisma.OrganizationSelect;
const meetingRefSelect = { slug: true, titleEn: true, titleRu: true, date: true } as const satisfies Prisma.MeetingSelect;

type RegionRefRow = { slug: string; nameEn: string; nameRu: string };
type SectorRefRow = { code: string; nameEn: string; nameRu: string };
type OrganizationRefRow = Pick<OrganizationRefDto, "slug" | "kind" | "name" | "nameEn">;
type MeetingRefRow = { slug: string; titleEn: string; titleRu: string; date: Date };

/** A `@db.Date` comes back as midnight UTC. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function toNumber(value: { toString(): string }): number {
  return Number(value.toString());
}

const toRegionRef = (r: RegionRefRow): RegionRefDto => ({ slug: r.slug, nameEn: r.nameEn, nameRu: r.nameRu, url: paths.region(r.slug) });
const toSectorRef = (s: SectorRefRow): SectorRefDto => ({ code: s.code, nameEn: s.nameEn, nameRu: s.nameRu, url: paths.sector(s.code) });
const toCountry = (c: CountryDto): CountryDto => ({ code: c.code, nameEn: c.nameEn, nameRu: c.nameRu });
const toOrganizationRef = (o: OrganizationRefRow): OrganizationRefDto => ({
  slug: o.slug,
  kind: o.kind,
  name: o.name,
  nameEn: o.nameEn,
  url: paths.organization(o.slug),
});
const toMeetingRef = (m: MeetingRefRow): MeetingRefDto => ({
  slug: m.slug,
  titleEn: m.titleEn,
  titleRu: m.titleRu,
  date: isoDate(m.date),
  url: paths.meeting(m.slug),
});
const toParty = (p: { organization: OrganizationRefRow | null; region: RegionRefRow | null }) => ({
  organization: p.organization ? toOrganizationRef(p.organization) : null,
  region: p.region ? toRegionRef(p.region) : null,
});

/** Maps a keyset page of rows to a page of DTOs; the cursor is built from the row, before mapping. */
function mapPage<Row, Dto>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
  toDto: (row: Row) => Dto,
): CursorPage<Dto> {
  const page = toCursorPage(rows, limit, keyOf);
  return { items: page.items.map(toDto), nextCursor: page.nextCursor };
}

// ---- Regions ----

const regionSelect = {
  id: true,
  ...regionRefSelect,
  isoCode: true,
  level: true,
  isDemo: true,
  country: { select: countrySelect },
  parent: { select: regionRefSelect },
} as const satisfies Prisma.RegionSelect;

type RegionRow = Prisma.RegionGetPayload<{ select: typeof regionSelect }>;

function toRegion(r: RegionRow): RegionDto {
  return {
    slug: r.slug,
    nameEn: r.nameEn,
    nameRu: r.nameRu,
    isoCode: r.isoCode,
    level: r.level,
    country: toCountry(r.country),
    parent: r.parent ? toRegionRef(r.parent) : null,
    isDemo: r.isDemo,
    url: paths.region(r.slug),
  };
}

export async function listRegionsPage(query: RegionQuery): Promise<CursorPage<RegionDto>> {
  const rows = await db().region.findMany({
    where: {
      archivedAt: null,
      countryCode: query.country,
      level: query.level,
      ...(query.cursor ? { id: { gt: query.cursor[0] } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: regionSelect,
  });
  return mapPage(rows, query.limit, (r) => [r.id], toRegion);
}

export async function getRegionDetail(slug: string): Promise<RegionDetailDto | null> {
  const region = await db().region.findFirst({
    where: { slug, archivedAt: null },
    select: {
      ...regionSelect,
      children: { where: { archivedAt: null }, orderBy: { nameEn: "asc" }, take: 500, select: regionRefSelect },
    },
  });
  if (!region) return null;
  // A count of its own, on organizations(region_id): Prisma's nested `_count` grouped every organization first
  // (220 ms a request at 100,000 organizations).
  const organizationCount = await db().organization.count({ where: { regionId: region.id, archivedAt: null } });
  return { ...toRegion(region), children: region.children.map(toRegionRef), organizationCount };
}

// ---- Organizations ----

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
  slug: true,
  kind: true,
  name: true,
  nameEn: true,
  otherNames: true,
  status: true,
  foundedYear: true,
  countryCode: true,
  website: true,
  isDemo: true,
  region: { select: regionRefSelect },
  sectors: {
    orderBy: [{ isPrimary: "desc" }, { sectorCode: "asc" }],
    select: { isPrimary: true, sector: { select: sectorRefSelect } },
  },
} as const satisfies Prisma.OrganizationSelect;

type OrganizationRow = Prisma.OrganizationGetPayload<{ select: typeof organizationSelect }>;

function toOrganization(o: OrganizationRow): OrganizationDto {
  return {
    slug: o.slug,
    kind: o.kind,
    name: o.name,
    nameEn: o.nameEn,
    otherNames: o.otherNames,
    status: o.status,
    foundedYear: o.foundedYear,
    countryCode: o.countryCode,
    region: toRegionRef(o.region),
    sectors: o.sectors.map((s) => ({ ...toSectorRef(s.sector), isPrimary: s.isPrimary })),
    website: o.website,
    isDemo: o.isDemo,
    url: paths.organization(o.slug),
  };
}

export async function listOrganizationsPage(query: OrganizationQuery): Promise<CursorPage<OrganizationDto>> {
  const rows = await db().organization.findMany({
    where: {
      archivedAt: null,
      kind: query.kind,
      status: query.status,
      countryCode: query.country,
      ...(query.region ? { region: { slug: query.region } } : {}),
      ...(query.sector ? { sectors: { some: sectorFilter(query.sector) } } : {}),
      ...(query.cursor ? { id: { gt: query.cursor[0] } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: organizationSelect,
  });
  return mapPage(rows, query.limit, (o) => [o.id], toOrganization);
}

export async function getOrganizationDetail(slug: string): Promise<OrganizationDetailDto | null> {
  const o = await db().organization.findFirst({
    where: { slug, archivedAt: null },
    select: {
      ...organizationSelect,
      descriptionEn: true,
      descriptionRu: true,
      registrationNumber: true,
      capitalAmount: true,
      capitalCurrency: true,
      products: true,
      fieldsOfStudy: true,
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

// ---- Meetings ----

const meetingSelect = {
  id: true,
  slug: true,
  titleEn: true,
  titleRu: true,
  date: true,
  level: true,
  placeEn: true,
  placeRu: true,
  isDemo: true,
  regions: { orderBy: { region: { nameEn: "asc" } }, select: { region: { select: regionRefSelect } } },
} as const satisfies Prisma.MeetingSelect;

type MeetingRow = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

function toMeeting(m: MeetingRow): MeetingDto {
  return {
    slug: m.slug,
    titleEn: m.titleEn,
    titleRu: m.titleRu,
    date: isoDate(m.date),
    level: m.level,
    placeEn: m.placeEn,
    placeRu: m.placeRu,
    regions: m.regions.map((r) => toRegionRef(r.region)),
    isDemo: m.isDemo,
    url: paths.meeting(m.slug),
  };
}

/**
 * Newest first. After a cursor (date d, id i): rows with date < d, or date = d and id < i. The extra
 * `date <= d` bound lets PostgreSQL start the walk of meetings_live_date_idx at d instead of filtering from
 * the top.
 */
function meetingKeysetWhere(cursor: MeetingQuery["cursor"]): Prisma.MeetingWhereInput {
  if (!cursor) return {};
  const date = new Date(`${cursor[0]}T00:00:00Z`);
  return { date: { lte: date }, OR: [{ date: { lt: date } }, { id: { lt: cursor[1] } }] };
}

export async function listMeetingsPage(query: MeetingQuery): Promise<CursorPage<MeetingDto>> {
  const year = query.year;
  const rows = await db().meeting.findMany({
    where: {
      AND: [
        {
          archivedAt: null,
          level: query.level,
          ...(year ? { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } : {}),
          ...(query.region ? { regions: { some: { region: { slug: query.region } } } } : {}),
        },
        meetingKeysetWhere(query.cursor),
      ],
    },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: meetingSelect,
  });
  return mapPage(rows, query.limit, (m) => [isoDate(m.date), m.id], toMeeting);
}

export async function getMeetingDetail(slug: string): Promise<MeetingDetailDto | null> {
  const m = await db().meeting.findFirst({
    where: { slug, archivedAt: null },
    select: {
      ...meetingSelect,
      summaryEn: true,
      summaryRu: true,
      sourceTitle: true,
      sourceUrl: true,
      participants: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        take: 500,
        select: { personEn: true, personRu: true, roleEn: true, roleRu: true, sideRegion: { select: regionRefSelect } },
      },
      statements: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        take: 500,
        select: { speakerEn: true, speakerRu: true, textEn: true, textRu: true },
      },
      discussionLinks: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        take: 1000,
        select: { note: true, organization: { select: organizationRefSelect }, region: { select: regionRefSelect } },
      },
      commitments: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        take: 500,
        select: {
          textEn: true,
          textRu: true,
          status: true,
          dueDate: true,
          parties: {
            orderBy: { id: "asc" },
            select: { organization: { select: organizationRefSelect }, region: { select: regionRefSelect } },
          },
          followUps: {
            where: { meeting: { archivedAt: null } },
            orderBy: { meeting: { date: "asc" } },
            select: { meeting: { select: meetingRefSelect } },
          },
        },
      },
    },
  });
  if (!m) return null;
  return {
    ...toMeeting(m),
    summaryEn: m.summaryEn,
    summaryRu: m.summaryRu,
    sourceTitle: m.sourceTitle,
    sourceUrl: m.sourceUrl,
    participants: m.participants.map((p) => ({
      personEn: p.personEn,
      personRu: p.personRu,
      roleEn: p.roleEn,
      roleRu: p.roleRu,
      side: p.sideRegion ? toRegionRef(p.sideRegion) : null,
    })),
    statements: m.statements.map((s) => ({ speakerEn: s.speakerEn, speakerRu: s.speakerRu, textEn: s.textEn, textRu: s.textRu })),
    discussed: m.discussionLinks.map((l) => ({ ...toParty(l), note: l.note })),
    commitments: m.commitments.map((c) => ({
      textEn: c.textEn,
      textRu: c.textRu,
      status: c.status,
      dueDate: c.dueDate ? isoDate(c.dueDate) : null,
      parties: c.parties.map(toParty),
      followedUpAt: c.followUps.map((f) => toMeetingRef(f.meeting)),
    })),
  };
}

// ---- Sectors ----

const sectorSelect = { ...sectorRefSelect, level: true, section: { select: sectorRefSelect } } as const satisfies Prisma.SectorSelect;

type SectorRow = Prisma.SectorGetPayload<{ select: typeof sectorSelect }>;

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

/** Ordered by code: the divisions (01-99) before the sections (A-U), a unique key like any other. */
export async function listSectorsPage(query: SectorQuery): Promise<CursorPage<SectorDto>> {
  const [rows, counts] = await Promise.all([
    db().sector.findMany({
      where: {
        level: query.level,
        sectionCode: query.section,
        ...(query.cursor ? { code: { gt: query.cursor[0] } } : {}),
      },
      orderBy: { code: "asc" },
      take: query.limit + 1,
      select: sectorSelect,
    }),
    organizationCountsBySector(),
  ]);
  return mapPage(
    rows,
    query.limit,
    (s) => [s.code],
    (s) => toSector(s, counts),
  );
}

export async function getSectorDetail(code: string): Promise<SectorDetailDto | null> {
  const [sector, counts] = await Promise.all([
    db().sector.findUnique({
      where: { code: code.toUpperCase() },
      select: { ...sectorSelect, divisions: { orderBy: { code: "asc" }, select: sectorRefSelect } },
    }),
    organizationCountsBySector(),
  ]);
  if (!sector) return null;
  return { ...toSector(sector, counts), divisions: sector.divisions.map(toSectorRef) };
}

// ---- Search ----

const pathOf = { organization: paths.organization, region: paths.region, meeting: paths.meeting } as const;

function highlighted(text: string | null) {
  return text === null ? null : splitHighlights(text);
}

function toSearchHit(hit: SearchHit): SearchHitDto {
  return {
    type: hit.type,
    slug: hit.slug,
    titleEn: hit.titleEn,
    titleRu: hit.titleRu,
    headlineEn: splitHighlights(hit.headlineEn),
    headlineRu: splitHighlights(hit.headlineRu),
    snippetEn: highlighted(hit.snippetEn),
    snippetRu: highlighted(hit.snippetRu),
    rank: hit.rank,
    kind: hit.kind,
    status: hit.status,
    level: hit.level,
    date: hit.date,
    foundedYear: hit.foundedYear,
    countryCode: hit.countryCode,
    region: hit.region ? toRegionRef(hit.region) : null,
    isDemo: hit.isDemo,
    url: pathOf[hit.type](hit.slug),
  };
}

/** Ranked search is paged by number (`page`, `perPage`): a cursor has no stable key when ranks change. */
export async function searchForApi(query: SearchQuery): Promise<SearchResultDto> {
  const { facets, ...params } = query;
  const result = await searchRegistry(params, { facets: facets === true });
  return {
    items: result.items.map(toSearchHit),
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    pageCount: result.pageCount,
    ...(result.facets ? { facets: result.facets } : {}),
  };
}

export async function suggestForApi(query: SuggestQuery): Promise<{ items: SuggestionDto[] }> {
  const suggestions = await suggestEntries(query.q, query.limit);
  return {
    items: suggestions.map((s) => ({
      type: s.type,
      slug: s.slug,
      titleEn: s.titleEn,
      titleRu: s.titleRu,
      contextEn: s.contextEn,
      contextRu: s.contextRu,
      url: pathOf[s.type](s.slug),
    })),
  };
}

// ---- Joint ventures ----

/** The joint-venture module's keyset read, with the filter checked by its own schema (ranges in order). */
export async function listJointVenturesForApi(query: JointVentureQuery): Promise<CursorPage<JointVentureDto>> {
  const { limit, cursor, ...fields } = query;
  const filter = JointVentureFilterSchema.safeParse(fields);
  if (!filter.success) throw invalidParameters(filter.error.issues);
  try {
    return await listJointVenturesByCursor(filter.data, { cursor, limit });
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ApiProblem("invalidParameters", "Check the parameter cursor: it is not one this API gave out; start again without it.", {
        errors: { cursor: ["cursor is not one this API gave out: start again without it."] },
      });
    }
    throw error;
  }
}
