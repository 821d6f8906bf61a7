import "server-only";
import { cache } from "react";
import type { FormValues } from "@/lib/actions/form-state";
import type { SnapshotReader } from "@/lib/actions/versioned";
import { cached } from "@/lib/cache";
import { db, readDb, type Tx } from "@/lib/db/client";
import { openQueryCursor, readSqlPool } from "@/lib/db/pg";
import type { RowSource } from "@/lib/export/write";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationKind, OrganizationStatus } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import { listTimeline } from "@/lib/meetings/timeline";
import type { OrganizationFilter, OrganizationSort } from "@/lib/organizations/schema";
import { toPage, type Page, type PageParams } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { countrySelect, regionRefSelect } from "@/lib/regions/queries";
import { sectorRefSelect } from "@/lib/sectors/queries";

const regionSelect = { select: regionRefSelect };

/** A link to an organization: what names it and tells what it is. */
export const organizationRefSelect = { slug: true, kind: true, name: true, nameEn: true } as const satisfies Prisma.OrganizationSelect;

/** An organization as a list shows it (the API's list), beside its region and sectors. */
export const organizationSummarySelect = {
  ...organizationRefSelect,
  otherNames: true,
  status: true,
  foundedYear: true,
  countryCode: true,
  website: true,
  isDemo: true,
  updatedAt: true,
} as const satisfies Prisma.OrganizationSelect;

/** What its own page, its edit form and the API's record add. */
export const organizationDetailsSelect = {
  descriptionEn: true,
  descriptionRu: true,
  registrationNumber: true,
  capitalAmount: true,
  capitalCurrency: true,
  products: true,
  fieldsOfStudy: true,
} as const satisfies Prisma.OrganizationSelect;

/** Its sectors, the primary one first. */
export const organizationSectorsSelect = {
  orderBy: [{ isPrimary: "desc" }, { sectorCode: "asc" }],
  select: { isPrimary: true, sector: { select: sectorRefSelect } },
} as const satisfies Prisma.Organization$sectorsArgs;

/** Partners and venture shares on an organization page; a venture has a handful, this only guards the page. */
export const RELATED_LIMIT = 50;

export type NamedRef = { slug: string; nameEn: string; nameRu: string };
export type SectorRef = { code: string; nameEn: string; nameRu: string };

/** One row of an organizations table: what the list shows, nothing more. */
export type OrganizationRow = {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  kind: OrganizationKind;
  status: OrganizationStatus;
  foundedYear: number | null;
  isDemo: boolean;
  region: NamedRef;
  primarySector: SectorRef | null;
};

type RawOrganizationRow = Omit<OrganizationRow, "region" | "primarySector"> & {
  regionSlug: string;
  regionNameEn: string;
  regionNameRu: string;
  sectorCode: string | null;
  sectorNameEn: string | null;
  sectorNameRu: string | null;
};

/**
 * The WHERE clause of the list, shared by the page and its count. Region and sector arrive as slug and code
 * and are resolved inside the query: an unknown one matches nothing, which the page reports as no results.
 */
function organizationWhere(filter: OrganizationFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`o.archived_at IS NULL`];
  if (filter.kind) conditions.push(Prisma.sql`o.kind = ${filter.kind}::"OrganizationKind"`);
  if (filter.status) conditions.push(Prisma.sql`o.status = ${filter.status}::"OrganizationStatus"`);
  if (filter.country) conditions.push(Prisma.sql`o.country_code = ${filter.country}`);
  if (filter.region)
    conditions.push(Prisma.sql`o.region_id = (SELECT r.id FROM regions r WHERE r.slug = ${filter.region} AND r.archived_at IS NULL)`);
  if (filter.founded) conditions.push(Prisma.sql`o.founded_year = ${filter.founded}::int`);
  if (filter.sector)
    // A section holds the organizations of its divisions as well as any filed under the section itself.
    conditions.push(Prisma.sql`o.id IN (
      SELECT os.organization_id FROM organization_sectors os
      WHERE os.sector_code IN (SELECT s.code FROM sectors s WHERE s.code = ${filter.sector} OR s.section_code = ${filter.sector}))`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The order of the list. Names sort by the name the reader sees (English name, else the registered one, on
 * English pages; the registered name on Russian ones), matching the partial indexes of the migration; the
 * id breaks ties so that pages neither repeat nor skip a row.
 */
function organizationOrder(sort: OrganizationSort, locale: Locale): Prisma.Sql {
  const descending = sort.endsWith("-desc");
  const direction = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  if (sort.startsWith("founded")) return Prisma.sql`o.founded_year ${direction} NULLS LAST, o.id ${direction}`;
  const name = locale === "en" ? Prisma.sql`coalesce(o.name_en, o.name)` : Prisma.sql`o.name`;
  return Prisma.sql`${name} ${direction}, o.id ${direction}`;
}

export type OrganizationListOptions = OrganizationFilter & PageParams & { sort: OrganizationSort };

/** The list's rows and the export's: each organization with its region and its primary sector, if any. */
const listFrom = Prisma.sql`FROM organizations o
      JOIN regions r ON r.id = o.region_id
      LEFT JOIN LATERAL (
        SELECT s.code, s.name_en, s.name_ru FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code
        WHERE os.organization_id = o.id AND os.is_primary LIMIT 1
      ) ps ON true`;

/** A row of `listFrom` shaped as the list shows it: the region and the primary sector as objects. */
function toListRow<Raw extends RawOrganizationRow>({
  regionSlug,
  regionNameEn,
  regionNameRu,
  sectorCode,
  sectorNameEn,
  sectorNameRu,
  ...row
}: Raw) {
  return {
    ...row,
    region: { slug: regionSlug, nameEn: regionNameEn, nameRu: regionNameRu },
    primarySector: sectorCode ? { code: sectorCode, nameEn: sectorNameEn ?? "", nameRu: sectorNameRu ?? "" } : null,
  };
}

/**
 * A page of live organizations, filtered and sorted in SQL, with the total for the pagination. Kept in the
 * read cache: counting 100,000 rows for every reader of the first page is the cost of a list, not its rows.
 */
export const listOrganizations = cached("organizations-list", ["organizations", "regions", "sectors"], readOrganizations);

async function readOrganizations(options: OrganizationListOptions, locale: Locale): Promise<Page<OrganizationRow>> {
  const where = organizationWhere(options);
  const offset = (options.page - 1) * options.perPage;
  const [rows, counted] = await Promise.all([
    readDb().$queryRaw<RawOrganizationRow[]>`
      SELECT o.id, o.slug, o.name, o.name_en AS "nameEn", o.kind::text AS kind, o.status::text AS status,
             o.founded_year AS "foundedYear", o.is_demo AS "isDemo",
             r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
             ps.code AS "sectorCode", ps.name_en AS "sectorNameEn", ps.name_ru AS "sectorNameRu"
      ${listFrom}
      WHERE ${where}
      ORDER BY ${organizationOrder(options.sort, locale)}
      LIMIT ${options.perPage} OFFSET ${offset}`,
    readDb().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM organizations o WHERE ${where}`,
  ]);
  return toPage(rows.map(toListRow), counted[0]?.total ?? 0, options);
}

/** The newest live organizations of the list's filters (its feed), newest record first. */
export const listNewestOrganizations = cached(
  "organizations-newest",
  ["organizations", "regions", "sectors"],
  async (filter: OrganizationFilter, limit: number): Promise<(OrganizationRow & { updatedAt: Date })[]> => {
    const rows = await readDb().$queryRaw<(RawOrganizationRow & { updatedAt: Date })[]>`
      SELECT o.id, o.slug, o.name, o.name_en AS "nameEn", o.kind::text AS kind, o.status::text AS status,
             o.founded_year AS "foundedYear", o.is_demo AS "isDemo", o.updated_at AS "updatedAt",
             r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
             ps.code AS "sectorCode", ps.name_en AS "sectorNameEn", ps.name_ru AS "sectorNameRu"
      ${listFrom}
      WHERE ${organizationWhere(filter)}
      ORDER BY o.id DESC
      LIMIT ${limit}`;
    return rows.map(toListRow);
  },
);

/** The key of a keyset walk in the list's order: the sort's value (names as the English page sorts them, null for no year) and the id. */
export type OrganizationSortKey = readonly [string | number | null, number];

/**
 * The ids of a keyset page of live organizations in the list's order (the API's list with `sort`), after the
 * cursor's key, with each one's key. Undated organizations come last either way, as on the page, so a year's
 * walk reads the dated ones and then the undated ones, each in the order of the index the page's sort uses.
 */
export async function listOrganizationIdsInOrder(
  filter: OrganizationFilter & { updatedSince?: Date },
  sort: OrganizationSort,
  after: OrganizationSortKey | undefined,
  limit: number,
): Promise<{ id: number; key: string | number | null }[]> {
  const descending = sort.endsWith("-desc");
  const direction = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const beyond = (key: Prisma.Sql, value: string | number) =>
    descending ? Prisma.sql`(${key}, o.id) < (${value}, ${after![1]})` : Prisma.sql`(${key}, o.id) > (${value}, ${after![1]})`;
  const conditions = [organizationWhere(filter)];
  if (filter.updatedSince) conditions.push(Prisma.sql`o.updated_at >= ${filter.updatedSince}`);
  const where = (...more: Prisma.Sql[]) => Prisma.join([...conditions, ...more], " AND ");
  if (sort.startsWith("name")) {
    const name = Prisma.sql`coalesce(o.name_en, o.name)`;
    return readDb().$queryRaw`
      SELECT o.id, ${name} AS key FROM organizations o
      WHERE ${where(...(after ? [beyond(name, after[0] as string)] : []))}
      ORDER BY ${name} ${direction}, o.id ${direction}
      LIMIT ${limit}`;
  }
  const year = Prisma.sql`o.founded_year`;
  const afterYear = after?.[0];
  const dated =
    afterYear === null
      ? null
      : where(Prisma.sql`${year} IS NOT NULL`, ...(afterYear !== undefined ? [beyond(year, afterYear as number)] : []));
  const undated = where(
    Prisma.sql`${year} IS NULL`,
    ...(afterYear === null ? [descending ? Prisma.sql`o.id < ${after![1]}` : Prisma.sql`o.id > ${after![1]}`] : []),
  );
  return readDb().$queryRaw`
    SELECT id, key FROM (
      ${
        dated
          ? Prisma.sql`(SELECT 0 AS part, o.id, ${year} AS key FROM organizations o WHERE ${dated}
        ORDER BY ${year} ${direction}, o.id ${direction} LIMIT ${limit})
      UNION ALL`
          : Prisma.empty
      }
      (SELECT 1 AS part, o.id, NULL::int AS key FROM organizations o WHERE ${undated} ORDER BY o.id ${direction} LIMIT ${limit})
    ) page
    ORDER BY part, key ${direction}, id ${direction}
    LIMIT ${limit}`;
}

/** One organization as the list's export writes it. */
export type OrganizationExportRow = OrganizationRow & { country: string; url: string; updatedAt: Date };

/**
 * Every organization of the list's filters, in the list's order, as a row source for the CSV and XLSX writers
 * (lib/export/write.ts): one database cursor, one snapshot, read a batch at a time.
 */
export async function openOrganizationSource(
  filter: OrganizationFilter & { sort: OrganizationSort },
  { origin = "", signal, locale = "en" }: { origin?: string; signal?: AbortSignal; locale?: Locale } = {},
): Promise<RowSource<OrganizationExportRow>> {
  const cursor = await openQueryCursor<RawOrganizationRow & { country: string; updatedAt: Date }>(
    Prisma.sql`
      SELECT o.id, o.slug, o.name, o.name_en AS "nameEn", o.kind::text AS kind, o.status::text AS status,
             o.founded_year AS "foundedYear", o.is_demo AS "isDemo", o.country_code AS country,
             o.updated_at AT TIME ZONE 'UTC' AS "updatedAt",
             r.slug AS "regionSlug", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
             ps.code AS "sectorCode", ps.name_en AS "sectorNameEn", ps.name_ru AS "sectorNameRu"
      ${listFrom}
      WHERE ${organizationWhere(filter)}
      ORDER BY ${organizationOrder(filter.sort, locale)}`,
    { signal, pool: readSqlPool() },
  );
  return {
    read: async () =>
      (await cursor.read()).map((raw) => {
        const row = toListRow(raw);
        return { ...row, country: row.country.trim(), url: `${origin}${paths.organization(row.slug)}` };
      }),
    close: cursor.close,
  };
}

/** One read per request (the page and its metadata share it), kept in the read cache between requests. */
export const getOrganizationPage = cache(
  cached("organization-page", ["organizations", "regions", "sectors", "links", "meetings"], async (slug: string) => {
    const organization = await readDb().organization.findFirst({
      where: { slug, archivedAt: null },
      select: {
        id: true,
        ...organizationSummarySelect,
        ...organizationDetailsSelect,
        country: { select: countrySelect },
        region: regionSelect,
        sectors: { ...organizationSectorsSelect, take: RELATED_LIMIT },
      },
    });
    if (!organization) return null;
    // Related rows are read by top-level queries: a nested `take` is applied in memory, after reading them all.
    const [partners, ventureShares, timeline] = await Promise.all([
      readDb().jointVenturePartner.findMany({
        where: { ventureId: organization.id, archivedAt: null },
        orderBy: [{ sharePercent: "desc" }, { id: "asc" }],
        take: RELATED_LIMIT,
        select: {
          sharePercent: true,
          partnerOrganization: { select: { slug: true, name: true, nameEn: true, region: regionSelect } },
          partnerRegion: regionSelect,
        },
      }),
      readDb().jointVenturePartner.findMany({
        where: { partnerOrganizationId: organization.id, archivedAt: null, venture: { archivedAt: null } },
        orderBy: [{ sharePercent: "desc" }, { id: "asc" }],
        take: RELATED_LIMIT,
        select: { sharePercent: true, venture: { select: { slug: true, name: true, nameEn: true } } },
      }),
      listTimeline({ organizationId: organization.id }),
    ]);
    const { capitalAmount, ...rest } = organization;
    return {
      ...rest,
      capitalAmount: capitalAmount === null ? null : Number(capitalAmount),
      partners: partners.map((p) => ({ ...p, sharePercent: Number(p.sharePercent) })),
      ventureShares: ventureShares.map((v) => ({ ...v, sharePercent: Number(v.sharePercent) })),
      timeline: timeline.entries,
      timelineTotal: timeline.total,
    };
  }),
);

export type OrganizationPage = NonNullable<Awaited<ReturnType<typeof getOrganizationPage>>>;

// ---- The staff workspace ----

const editSelect = {
  id: true,
  ...organizationSummarySelect,
  ...organizationDetailsSelect,
  regionId: true,
  region: { select: { nameEn: true, nameRu: true } },
  version: true,
  archivedAt: true,
  sectors: { ...organizationSectorsSelect, take: RELATED_LIMIT },
  partners: {
    where: { archivedAt: null },
    orderBy: { id: "asc" },
    take: RELATED_LIMIT,
    select: {
      sharePercent: true,
      partnerOrganization: { select: { id: true, name: true, nameEn: true } },
      partnerRegion: { select: { id: true, nameEn: true, nameRu: true } },
    },
  },
} satisfies Prisma.OrganizationSelect;

const percent = (share: Prisma.Decimal) => `${share.toString()}%`;

type SnapshotRow = {
  kind: string;
  name: string;
  nameEn: string | null;
  otherNames: string[];
  region: string;
  countryCode: string;
  status: string;
  foundedYear: number | null;
  website: string | null;
  descriptionEn: string | null;
  descriptionRu: string | null;
  registrationNumber: string | null;
  capitalAmount: string | null;
  capitalCurrency: string | null;
  products: string | null;
  fieldsOfStudy: string[];
  version: number;
  archived: boolean;
  sectors: { isPrimary: boolean; code: string; nameEn: string }[];
  partners: { organizationName: string | null; regionName: string | null; share: string }[];
};

/**
 * An organization as its audit events keep it: names for related records (its region, sectors and partners
 * with their shares), so that a history reads without lookups; the partners are covered by the venture's
 * version and events. One query (the edit form's select takes seven), since every write of an organization
 * reads it once or twice and an import writes thousands: the same rows as the edit form's (its orders and
 * limits), and amounts printed as Prisma prints a Decimal.
 */
export const snapshotOrganization: SnapshotReader = async (tx, id) => (await snapshotOrganizations(tx, [id])).get(id) ?? null;

/** `snapshotOrganization` of many in one query (the import writes hundreds a chunk); a missing id is left out. */
export async function snapshotOrganizations(tx: Tx, ids: readonly number[]) {
  const rows = await tx.$queryRaw<(SnapshotRow & { id: number })[]>`
    SELECT o.id, o.kind::text AS kind, o.name, o.name_en AS "nameEn", o.other_names AS "otherNames", r.name_en AS region,
           o.country_code AS "countryCode", o.status::text AS status, o.founded_year AS "foundedYear", o.website,
           o.description_en AS "descriptionEn", o.description_ru AS "descriptionRu", o.registration_number AS "registrationNumber",
           o.capital_amount::text AS "capitalAmount", o.capital_currency AS "capitalCurrency", o.products,
           o.fields_of_study AS "fieldsOfStudy", o.version, o.archived_at IS NOT NULL AS archived,
           coalesce((SELECT json_agg(json_build_object('isPrimary', s.is_primary, 'code', s.code, 'nameEn', s.name_en)
                                     ORDER BY s.is_primary DESC, s.sector_code)
                       FROM (SELECT os.is_primary, os.sector_code, sc.code, sc.name_en
                               FROM organization_sectors os JOIN sectors sc ON sc.code = os.sector_code
                              WHERE os.organization_id = o.id
                              ORDER BY os.is_primary DESC, os.sector_code LIMIT ${RELATED_LIMIT}) s), '[]') AS sectors,
           coalesce((SELECT json_agg(json_build_object('organizationName', p.organization_name, 'regionName', p.region_name,
                                                       'share', p.share) ORDER BY p.id)
                       FROM (SELECT jp.id, coalesce(po.name_en, po.name) AS organization_name, pr.name_en AS region_name,
                                    jp.share_percent::text AS share
                               FROM joint_venture_partners jp
                               LEFT JOIN organizations po ON po.id = jp.partner_organization_id
                               LEFT JOIN regions pr ON pr.id = jp.partner_region_id
                              WHERE jp.venture_id = o.id AND jp.archived_at IS NULL
                              ORDER BY jp.id LIMIT ${RELATED_LIMIT}) p), '[]') AS partners
    FROM organizations o JOIN regions r ON r.id = o.region_id
    WHERE o.id = ANY(${[...ids]}::int[])`;
  return new Map(rows.map((o) => [o.id, snapshotOf(o)]));
}

function snapshotOf(o: SnapshotRow) {
  const primary = o.sectors.find((s) => s.isPrimary);
  const decimal = (text: string) => new Prisma.Decimal(text);
  return {
    kind: o.kind,
    name: o.name,
    nameEn: o.nameEn,
    otherNames: o.otherNames,
    region: o.region,
    countryCode: o.countryCode,
    status: o.status,
    foundedYear: o.foundedYear,
    website: o.website,
    descriptionEn: o.descriptionEn,
    descriptionRu: o.descriptionRu,
    registrationNumber: o.registrationNumber,
    primarySector: primary ? `${primary.code} ${primary.nameEn}` : null,
    sectors: o.sectors.filter((s) => !s.isPrimary).map((s) => `${s.code} ${s.nameEn}`),
    capitalAmount: o.capitalAmount === null ? null : decimal(o.capitalAmount).toString(),
    capitalCurrency: o.capitalCurrency,
    products: o.products,
    partners: o.partners.map((p) => `${p.organizationName ?? p.regionName} ${percent(decimal(p.share))}`),
    fieldsOfStudy: o.fieldsOfStudy,
    version: o.version,
    archived: o.archived,
  };
}

/**
 * An organization for its edit form, archived or not; null when there is no such id. Picker labels in `locale`.
 * Once per request: the edit page and its title share it.
 */
export const getOrganizationForEdit = cache(async (id: number, locale: Locale = "en") => {
  const o = await db().organization.findUnique({ where: { id }, select: editSelect });
  return o ? editFormOf(o, locale) : null;
});

/** Organizations for their edit forms, by id, in one read (the import's preview reads hundreds at once); a missing id is left out. */
export async function getOrganizationsForEdit(ids: readonly number[], locale: Locale = "en") {
  const found = await db().organization.findMany({ where: { id: { in: [...ids] } }, select: editSelect });
  return new Map(found.map((o) => [o.id, editFormOf(o, locale)]));
}

function editFormOf(o: Prisma.OrganizationGetPayload<{ select: typeof editSelect }>, locale: Locale) {
  const inLocale = (en: string | null, ru: string | null) => (locale === "ru" ? ru || en : en || ru) ?? "";
  const values: FormValues = {
    kind: o.kind,
    name: o.name,
    nameEn: o.nameEn ?? "",
    otherNames: o.otherNames.join("\n"),
    regionId: String(o.regionId),
    regionId__label: inLocale(o.region.nameEn, o.region.nameRu),
    status: o.status,
    foundedYear: o.foundedYear === null ? "" : String(o.foundedYear),
    website: o.website ?? "",
    descriptionEn: o.descriptionEn ?? "",
    descriptionRu: o.descriptionRu ?? "",
    registrationNumber: o.registrationNumber ?? "",
    capitalAmount: o.capitalAmount === null ? "" : o.capitalAmount.toString(),
    capitalCurrency: o.capitalCurrency ?? "",
    products: o.products ?? "",
    fieldsOfStudy: o.fieldsOfStudy.join("\n"),
    version: String(o.version),
  };
  const sectorLabel = (s: { code: string; nameEn: string; nameRu: string }) => `${s.code} ${inLocale(s.nameEn, s.nameRu)}`;
  const primary = o.sectors.find((s) => s.isPrimary);
  if (primary) Object.assign(values, { primarySector: primary.sector.code, primarySector__label: sectorLabel(primary.sector) });
  o.sectors
    .filter((s) => !s.isPrimary)
    .forEach((s, i) =>
      Object.assign(values, { [`sectors.${i}.code`]: s.sector.code, [`sectors.${i}.code__label`]: sectorLabel(s.sector) }),
    );
  o.partners.forEach((p, i) => {
    values[`partners.${i}.share`] = p.sharePercent.toString();
    if (p.partnerOrganization) {
      values[`partners.${i}.organizationId`] = String(p.partnerOrganization.id);
      values[`partners.${i}.organizationId__label`] = inLocale(p.partnerOrganization.nameEn, p.partnerOrganization.name);
    }
    if (p.partnerRegion) {
      values[`partners.${i}.regionId`] = String(p.partnerRegion.id);
      values[`partners.${i}.regionId__label`] = inLocale(p.partnerRegion.nameEn, p.partnerRegion.nameRu);
    }
  });
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    nameEn: o.nameEn,
    kind: o.kind,
    archived: o.archivedAt !== null,
    version: o.version,
    values,
  };
}

/** How many likely duplicates the create form lists: enough to spot the one, few enough to read. */
export const DUPLICATES_LIMIT = 5;

export type LikelyDuplicate = {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  regionNameEn: string;
  regionNameRu: string;
  registrationNumber: string | null;
  sameNumber: boolean;
};

type TypedOrganization = { name: string; nameEn: string | null; countryCode: string; registrationNumber: string | null };

/**
 * Live organizations that may be the one being added: the same registration number in the same country, or
 * a name in either script close to one typed, by trigram word similarity over the romanised names (the
 * indexed `search_latin`, compared with `interregio_romanize` of the typed name, so that "Gomselmash" finds
 * «Гомсельмаш»). A close name counts only where the numbers do not tell the two apart: when either has none (an
 * organization with another number is another legal entity, and the check digits make a mistyped number rare).
 * The same number first, then the closest names; at most DUPLICATES_LIMIT.
 */
export async function findLikelyDuplicates(client: Tx, typed: TypedOrganization): Promise<LikelyDuplicate[]> {
  const [found] = await findLikelyDuplicatesOfEach(client, [typed]);
  return found ?? [];
}

/**
 * `findLikelyDuplicates` for several typed organizations in one query (the import's preview asks for hundreds
 * at once): the same search for each, run by the database one after another; a list for each, in their order.
 */
export async function findLikelyDuplicatesOfEach(client: Tx, typed: readonly TypedOrganization[]): Promise<LikelyDuplicate[][]> {
  const lists: LikelyDuplicate[][] = typed.map(() => []);
  // Typed with a number, the names are searched among the organizations without one: a partial index of a
  // fifth of the registry or less, where the whole index costs milliseconds a name (an import asks thousands).
  const numbered = typed.flatMap((t, index) => (t.registrationNumber ? [index] : []));
  const unnumbered = typed.flatMap((t, index) => (t.registrationNumber ? [] : [index]));
  for (const [indexes, onlyUnnumbered] of [
    [numbered, true],
    [unnumbered, false],
  ] as const) {
    if (indexes.length === 0) continue;
    const found = await likelyDuplicatesQuery(
      client,
      indexes.map((index) => typed[index]!),
      onlyUnnumbered,
    );
    found.forEach((list, i) => (lists[indexes[i]!] = list));
  }
  return lists;
}

async function likelyDuplicatesQuery(client: Tx, typed: readonly TypedOrganization[], onlyUnnumbered: boolean) {
  // Said in the names' own condition, so that the planner takes the partial index for them.
  const unnumbered = onlyUnnumbered ? Prisma.sql`o.registration_number IS NULL AND o.archived_at IS NULL AND` : Prisma.empty;
  const rows = await client.$queryRaw<(LikelyDuplicate & { typed: number })[]>`
    SELECT t.ord::int AS typed, d.id, d.slug, d.name, d."nameEn", d."regionNameEn", d."regionNameRu", d."registrationNumber", d."sameNumber"
    FROM unnest(${typed.map((t) => t.name)}::text[], ${typed.map((t) => t.nameEn ?? t.name)}::text[],
                ${typed.map((t) => t.countryCode)}::text[], ${typed.map((t) => t.registrationNumber)}::text[])
           WITH ORDINALITY AS t(name, name_en, country_code, registration_number, ord)
    CROSS JOIN LATERAL (
      SELECT o.id, o.slug, o.name, o.name_en AS "nameEn", r.name_en AS "regionNameEn", r.name_ru AS "regionNameRu",
             o.registration_number AS "registrationNumber",
             coalesce(o.country_code = t.country_code::char(2) AND o.registration_number = t.registration_number, false) AS "sameNumber",
             greatest(word_similarity(interregio_romanize(t.name), o.search_latin),
                      word_similarity(interregio_romanize(t.name_en), o.search_latin)) AS closeness
      FROM organizations o
      JOIN regions r ON r.id = o.region_id
      WHERE o.archived_at IS NULL
        AND ((o.country_code = t.country_code::char(2) AND o.registration_number = t.registration_number)
          OR (${unnumbered} interregio_romanize(t.name) <% o.search_latin)
          OR (${unnumbered} interregio_romanize(t.name_en) <% o.search_latin))
      ORDER BY "sameNumber" DESC, closeness DESC, o.id
      LIMIT ${DUPLICATES_LIMIT}
    ) d
    ORDER BY t.ord, d."sameNumber" DESC, d.closeness DESC, d.id`;
  const lists: LikelyDuplicate[][] = typed.map(() => []);
  for (const { typed: ord, ...duplicate } of rows) lists[ord - 1]!.push(duplicate);
  return lists;
}
