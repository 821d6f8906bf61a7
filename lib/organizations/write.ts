import "server-only";
import { databaseErrorCode } from "@/lib/actions/prisma-errors";
import { uniqueSlug, uniqueSlugs } from "@/lib/actions/slug";
import { ActionRefusal } from "@/lib/actions/staff-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkRegistrationNumber } from "@/lib/organizations/registration-number";
import type { OrganizationFormInput, OrganizationUpdateSchema } from "@/lib/organizations/schema";
import type { z } from "zod";

// How an organization is checked and written, apart from the form's actions (lib/organizations/actions.ts), so
// that the spreadsheet import (lib/import) writes a row as the form would: the same checks, the same fields,
// the same partners and sectors. The audit event and the version are the caller's (lib/actions/versioned.ts).

type Partner = OrganizationFormInput["partners"][number];
type Writer = Pick<CurrentUser, "id">;

const fieldRefusal = (field: string, message: string) => new ActionRefusal({ message: "checkFields", errors: { [field]: [message] } });

function refuseField(field: string, message: string): never {
  throw fieldRefusal(field, message);
}

/**
 * The country of the chosen region, which the organization takes (a composite foreign key holds the two
 * together). A new choice must be a live region; an archived one the record already has may stay.
 */
async function regionCountry(tx: Tx, regionId: number, currentRegionId?: number) {
  const region = await tx.region.findUnique({ where: { id: regionId }, select: { countryCode: true, archivedAt: true } });
  if (!region || (region.archivedAt !== null && regionId !== currentRegionId)) refuseField("regionId", "recordMissing");
  return region.countryCode;
}

function checkNumber(countryCode: string, registrationNumber: string | null) {
  if (registrationNumber === null) return;
  const problem = checkRegistrationNumber(countryCode, registrationNumber);
  if (problem) refuseField("registrationNumber", problem);
}

async function checkSectors(tx: Tx, data: OrganizationFormInput) {
  const codes = [data.primarySector, ...data.sectors.map((row) => row.code)];
  const known = new Set((await tx.sector.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((s) => s.code));
  if (!known.has(data.primarySector)) refuseField("primarySector", "recordMissing");
  const missing = data.sectors.find((row) => !known.has(row.code));
  if (missing) refuseField(`sectors.${missing.index}.code`, "recordMissing");
}

/** Sectors have no history of their own: the set is replaced, and the organization's event records it. */
async function writeSectors(tx: Tx, organizationId: number, data: OrganizationFormInput, options: { isNew?: boolean } = {}) {
  // A record written a moment ago has none to replace.
  if (!options.isNew) await tx.organizationSector.deleteMany({ where: { organizationId } });
  await tx.organizationSector.createMany({
    data: [
      { organizationId, sectorCode: data.primarySector, isPrimary: true },
      ...data.sectors.map((row) => ({ organizationId, sectorCode: row.code, isPrimary: false })),
    ],
  });
}

/**
 * Every partner is a record that exists, and not the venture itself. A partner newly added must be live; one
 * the venture already has may stay after it was archived.
 */
async function checkPartners(
  tx: Tx,
  ventureId: number,
  partners: Partner[],
  current: { organizationId: number | null; regionId: number | null }[],
) {
  const organizationIds = partners.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId]));
  const regionIds = partners.flatMap((p) => (p.regionId === null ? [] : [p.regionId]));
  // One after the other: a transaction's queries share one connection.
  const organizations = await tx.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, archivedAt: true } });
  const regions = await tx.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, archivedAt: true } });
  const usable = (found: { id: number; archivedAt: Date | null }[], kept: (number | null)[]) =>
    new Set(found.filter((r) => r.archivedAt === null || kept.includes(r.id)).map((r) => r.id));
  const liveOrganizations = usable(
    organizations,
    current.map((c) => c.organizationId),
  );
  const liveRegions = usable(
    regions,
    current.map((c) => c.regionId),
  );
  for (const partner of partners) {
    if (partner.organizationId === ventureId) refuseField(`partners.${partner.index}.organizationId`, "partnerSelf");
    if (partner.organizationId !== null && !liveOrganizations.has(partner.organizationId)) {
      refuseField(`partners.${partner.index}.organizationId`, "recordMissing");
    }
    if (partner.regionId !== null && !liveRegions.has(partner.regionId)) refuseField(`partners.${partner.index}.regionId`, "recordMissing");
  }
}

type PartnerRow = { id: number; organizationId: number | null; regionId: number | null; share: Prisma.Decimal };

const partnerKey = (p: { organizationId: number | null; regionId: number | null }) =>
  p.organizationId !== null ? `organization:${p.organizationId}` : `region:${p.regionId}`;

/**
 * The venture's partners are replaced by the submitted set as a difference, not by deleting and inserting:
 * a partner that stays keeps its row (its id, who added it and when), a changed share is an update of that
 * row with its own version, and a removed partner is archived, so the table itself still shows who held a
 * share once. The venture's version and audit event cover the whole set.
 *
 * The share trigger is deferred to the commit; it is made immediate after the rows that shrink the total
 * (archived partners, lowered shares), while the record is still of the kind it was, and before the rows
 * that grow it. Its refusal then surfaces here, as an error this action maps to the `partners` field, and
 * a venture that becomes an enterprise can drop its partners in the same save.
 */
async function replacePartners(tx: Tx, ventureId: number, partners: Partner[], user: Writer, applyRecord: () => Promise<void>) {
  const existing = (
    await tx.jointVenturePartner.findMany({
      where: { ventureId, archivedAt: null },
      select: { id: true, partnerOrganizationId: true, partnerRegionId: true, sharePercent: true },
    })
  ).map((row): PartnerRow => ({
    id: row.id,
    organizationId: row.partnerOrganizationId,
    regionId: row.partnerRegionId,
    share: row.sharePercent,
  }));
  await checkPartners(tx, ventureId, partners, existing);

  const byKey = new Map(existing.map((row) => [partnerKey(row), row]));
  const submitted = new Set(partners.map(partnerKey));
  const removed = existing.filter((row) => !submitted.has(partnerKey(row)));
  const changed = partners.flatMap((p) => {
    const row = byKey.get(partnerKey(p));
    return row && !row.share.equals(new Prisma.Decimal(p.share)) ? [{ row, share: new Prisma.Decimal(p.share) }] : [];
  });
  const added = partners.filter((p) => !byKey.has(partnerKey(p)));
  const stamp = { version: { increment: 1 }, updatedAt: new Date(), updatedById: user.id };

  if (removed.length) {
    await tx.jointVenturePartner.updateMany({
      where: { id: { in: removed.map((r) => r.id) } },
      data: { ...stamp, archivedAt: new Date() },
    });
  }
  for (const { row, share } of changed.filter((c) => c.share.lessThan(c.row.share))) {
    await tx.jointVenturePartner.update({ where: { id: row.id }, data: { ...stamp, sharePercent: share } });
  }
  await tx.$executeRaw`SET CONSTRAINTS "joint_venture_partners_share_sum" IMMEDIATE`;
  await applyRecord();
  for (const { row, share } of changed.filter((c) => c.share.greaterThan(c.row.share))) {
    await tx.jointVenturePartner.update({ where: { id: row.id }, data: { ...stamp, sharePercent: share } });
  }
  if (added.length) {
    await tx.jointVenturePartner.createMany({
      data: added.map((p) => ({
        ventureId,
        partnerOrganizationId: p.organizationId,
        partnerRegionId: p.regionId,
        sharePercent: p.share,
        createdById: user.id,
        updatedById: user.id,
      })),
    });
  }
}

/** The database's own refusal of shares over 100 (its trigger), as the same field error the form gives. */
function isShareTotalRefusal(error: unknown) {
  return databaseErrorCode(error) === "23514" && error instanceof Error && /more than 100/.test(error.message);
}

/** One transaction for the whole save; the share trigger's refusal comes back as the form's error on `partners`. */
export async function writeTransaction<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(write);
  } catch (error) {
    if (isShareTotalRefusal(error)) refuseField("partners", "sharesTooHigh");
    throw error;
  }
}

const fields = (data: OrganizationFormInput, countryCode: string) => ({
  kind: data.kind,
  name: data.name,
  nameEn: data.nameEn,
  otherNames: data.otherNames,
  regionId: data.regionId,
  countryCode,
  status: data.status,
  foundedYear: data.foundedYear,
  website: data.website,
  descriptionEn: data.descriptionEn,
  descriptionRu: data.descriptionRu,
  registrationNumber: data.registrationNumber,
  capitalAmount: data.capitalAmount,
  capitalCurrency: data.capitalCurrency,
  products: data.products,
  fieldsOfStudy: data.fieldsOfStudy,
});

/** The checks a new organization must pass before it is written: a live region, its number, known sectors. Returns its country. */
export async function checkNewOrganization(tx: Tx, data: OrganizationFormInput) {
  const countryCode = await regionCountry(tx, data.regionId);
  checkNumber(countryCode, data.registrationNumber);
  await checkSectors(tx, data);
  return countryCode;
}

/** Writes a new organization with its sectors and, for a joint venture, its partners; returns its id. */
export async function insertOrganization(tx: Tx, data: OrganizationFormInput, countryCode: string, user: Writer) {
  const slug = await uniqueSlug(tx, "organizations", data.nameEn ?? data.name, 160);
  const organization = await tx.organization.create({
    data: { ...fields(data, countryCode), slug, createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  await writeSectors(tx, organization.id, data, { isNew: true });
  // The partners are checked after the record is written, in the same transaction: a refusal leaves nothing.
  if (data.partners.length) await replacePartners(tx, organization.id, data.partners, user, async () => {});
  return organization.id;
}

/** The checks of an edit, and what it writes under the row lock (see `updateVersioned`). */
export async function organizationEdit(
  tx: Tx,
  data: z.output<typeof OrganizationUpdateSchema>,
  { id, user }: { id: number; user: Writer },
) {
  const current = await tx.organization.findUnique({ where: { id }, select: { regionId: true } });
  if (!current) throw new ActionRefusal({ message: "recordMissing" });
  const countryCode = await regionCountry(tx, data.regionId, current.regionId);
  checkNumber(countryCode, data.registrationNumber);
  await checkSectors(tx, data);
  return {
    apply: async (tx: Tx) => {
      const writeRecord = async () => {
        await tx.organization.update({ where: { id }, data: fields(data, countryCode) });
      };
      await replacePartners(tx, id, data.partners, user, writeRecord);
      await writeSectors(tx, id, data);
    },
  };
}

// ---- Many organizations at once: the import's chunks ----

/** An organization of a chunk: its checked form, and for an edit the record and the region it has now. */
type ChunkItem = { data: OrganizationFormInput; current?: { id: number; regionId: number } };

/**
 * The checks of `checkNewOrganization` and `organizationEdit` for a chunk of organizations, in two queries
 * instead of two a record: for each, its country, or the refusal the form would give it (the first it finds,
 * in the form's order: region, number, sectors).
 */
export async function checkOrganizations(
  tx: Tx,
  items: readonly ChunkItem[],
): Promise<({ countryCode: string } | { refusal: ActionRefusal })[]> {
  const regionIds = [...new Set(items.map((item) => item.data.regionId))];
  const codes = [...new Set(items.flatMap((item) => [item.data.primarySector, ...item.data.sectors.map((row) => row.code)]))];
  const regions = new Map(
    (await tx.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, countryCode: true, archivedAt: true } })).map((r) => [
      r.id,
      r,
    ]),
  );
  const known = new Set((await tx.sector.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((s) => s.code));
  return items.map(({ data, current }) => {
    const region = regions.get(data.regionId);
    if (!region || (region.archivedAt !== null && data.regionId !== current?.regionId))
      return { refusal: fieldRefusal("regionId", "recordMissing") };
    const problem = data.registrationNumber === null ? null : checkRegistrationNumber(region.countryCode, data.registrationNumber);
    if (problem) return { refusal: fieldRefusal("registrationNumber", problem) };
    if (!known.has(data.primarySector)) return { refusal: fieldRefusal("primarySector", "recordMissing") };
    const missing = data.sectors.find((row) => !known.has(row.code));
    if (missing) return { refusal: fieldRefusal(`sectors.${missing.index}.code`, "recordMissing") };
    return { countryCode: region.countryCode };
  });
}

/** The sectors of many organizations, as `writeSectors` writes each one's: the sets replaced (`isNew`: none to replace). */
async function writeSectorsOfEach(
  tx: Tx,
  items: readonly { id: number; data: OrganizationFormInput }[],
  options: { isNew?: boolean } = {},
) {
  if (items.length === 0) return;
  const ids = items.map((item) => item.id);
  if (!options.isNew) await tx.$executeRaw`DELETE FROM organization_sectors WHERE organization_id = ANY(${ids}::int[])`;
  const rows = items.flatMap(({ id, data }) => [
    { organization_id: id, sector_code: data.primarySector, is_primary: true },
    ...data.sectors.map((row) => ({ organization_id: id, sector_code: row.code, is_primary: false })),
  ]);
  await tx.$executeRaw`
    INSERT INTO organization_sectors (organization_id, sector_code, is_primary)
    SELECT organization_id, sector_code, is_primary FROM jsonb_populate_recordset(NULL::organization_sectors, ${JSON.stringify(rows)}::jsonb)`;
}

/** The columns `fields` fills, by the table's names: what the chunk statements below write. */
const columnsOf = (data: OrganizationFormInput, countryCode: string) => {
  const f = fields(data, countryCode);
  return {
    kind: f.kind,
    name: f.name,
    name_en: f.nameEn,
    other_names: f.otherNames,
    region_id: f.regionId,
    country_code: f.countryCode,
    status: f.status,
    founded_year: f.foundedYear,
    website: f.website,
    description_en: f.descriptionEn,
    description_ru: f.descriptionRu,
    registration_number: f.registrationNumber,
    capital_amount: f.capitalAmount,
    capital_currency: f.capitalCurrency,
    products: f.products,
    fields_of_study: f.fieldsOfStudy,
  };
};

/**
 * Writes new organizations without partners (checked by `checkOrganizations`) as `insertOrganization` writes
 * each one, in one statement with their slugs made together; returns their ids in their order.
 */
export async function insertOrganizations(tx: Tx, items: readonly { data: OrganizationFormInput; countryCode: string }[], user: Writer) {
  if (items.length === 0) return [];
  if (items.some((item) => item.data.partners.length > 0))
    throw new Error("insertOrganizations writes no partners: use insertOrganization");
  const slugs = await uniqueSlugs(
    tx,
    "organizations",
    items.map((item) => item.data.nameEn ?? item.data.name),
    160,
  );
  const rows = items.map((item, i) => ({
    ...columnsOf(item.data, item.countryCode),
    slug: slugs[i]!,
    created_by_id: user.id,
    updated_by_id: user.id,
  }));
  // The rows as JSON read into the table's own row type, each value cast to its column's type by the database
  // (enums, arrays, numeric): one parameter, where Prisma's createMany would compile one per value.
  const created = await tx.$queryRaw<{ id: number; slug: string }[]>`
    INSERT INTO organizations (slug, kind, name, name_en, other_names, region_id, country_code, status, founded_year, website,
                               description_en, description_ru, registration_number, capital_amount, capital_currency, products,
                               fields_of_study, created_by_id, updated_by_id)
    SELECT slug, kind, name, name_en, other_names, region_id, country_code, status, founded_year, website, description_en,
           description_ru, registration_number, capital_amount, capital_currency, products, fields_of_study, created_by_id,
           updated_by_id
      FROM jsonb_populate_recordset(NULL::organizations, ${JSON.stringify(rows)}::jsonb)
    RETURNING id, slug`;
  // Told apart by their slugs, which are unique: the order RETURNING gives is not promised.
  const idOf = new Map(created.map((row) => [row.slug, row.id]));
  const ids = slugs.map((slug) => idOf.get(slug)!);
  await writeSectorsOfEach(
    tx,
    ids.map((id, i) => ({ id, data: items[i]!.data })),
    { isNew: true },
  );
  return ids;
}

/**
 * Writes the edits of organizations that have and keep no partners (checked by `checkOrganizations`, their rows
 * locked and their versions checked by the caller) as `organizationEdit` writes each one: the fields in one
 * statement, the sectors replaced. The version and the audit events are the caller's.
 */
export async function updateOrganizations(tx: Tx, items: readonly { id: number; data: OrganizationFormInput; countryCode: string }[]) {
  if (items.length === 0) return;
  if (items.some((item) => item.data.partners.length > 0)) throw new Error("updateOrganizations writes no partners: use organizationEdit");
  const rows = items.map(({ id, data, countryCode }) => ({ id, ...columnsOf(data, countryCode) }));
  // As `insertOrganizations` writes them: the rows as JSON in the table's row type.
  await tx.$executeRaw`
    UPDATE organizations o
       SET kind = u.kind, name = u.name, name_en = u.name_en, other_names = u.other_names, region_id = u.region_id,
           country_code = u.country_code, status = u.status, founded_year = u.founded_year, website = u.website,
           description_en = u.description_en, description_ru = u.description_ru, registration_number = u.registration_number,
           capital_amount = u.capital_amount, capital_currency = u.capital_currency, products = u.products,
           fields_of_study = u.fields_of_study, updated_at = now()
      FROM jsonb_populate_recordset(NULL::organizations, ${JSON.stringify(rows)}::jsonb) u
     WHERE o.id = u.id`;
  await writeSectorsOfEach(tx, items);
}
