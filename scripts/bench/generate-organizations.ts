/**
 * The registry's places and organizations for `npm run bench` (scripts/bench/generate.ts): the regions beyond
 * the seed's, 100,000 organizations with their sectors, and the joint ventures' partners; with what every
 * generated table shares: the counts, the seeded random numbers and the batched inserts.
 */
import pg from "pg";
import {
  adjectiveEndings,
  brandHeads,
  brandMiddles,
  brandTails,
  enterpriseNouns,
  extraRegions,
  fieldsOfStudy,
  legalForms,
  placeAdjectives,
  products,
  universityTypes,
  ventureForms,
} from "./words.ts";

export const GENERATED_COUNTS = { organizations: 100_000, meetings: 20_000, discussionLinks: 200_000, commitments: 3_000 } as const;
const BATCH_SIZE = 5_000;

/** mulberry32: a small, fast PRNG whose sequence depends only on the seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof createRandom>;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function initials(words: string): string {
  return words
    .replace(/[«»"]/g, "")
    .split(/\s+/)
    .filter((word) => word.length > 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}

type Column = { name: string; type: string; cast?: string; values: unknown[] };

/** Inserts column-major rows in batches: one `INSERT ... SELECT FROM unnest($1::t[], ...)` per batch. */
export async function insertRows(client: pg.ClientBase, table: string, columns: Column[]) {
  const count = columns[0]?.values.length ?? 0;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const selects = columns.map((c, i) => (c.cast ? c.cast.replaceAll("$", `c${i}`) : `c${i}`)).join(", ");
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS u(${aliases})`;
  for (let start = 0; start < count; start += BATCH_SIZE) {
    await client.query(
      sql,
      columns.map((c) => c.values.slice(start, start + BATCH_SIZE)),
    );
  }
}

const LIST_SEPARATOR = "\u001f";
const asList = (values: readonly string[]) => values.join(LIST_SEPARATOR);
const listCast = `string_to_array($, E'\\x1f')`;

export type RegionRow = { id: number; slug: string; nameEn: string; nameRu: string; countryCode: string; level: string };

export async function insertExtraRegions(client: pg.ClientBase): Promise<RegionRow[]> {
  const existing = await client.query<{ id: number; slug: string }>("SELECT id, slug FROM regions");
  const idBySlug = new Map(existing.rows.map((row) => [row.slug, row.id]));
  const missing = extraRegions.filter((region) => !idBySlug.has(region.slug));
  await insertRows(client, "regions", [
    { name: "slug", type: "text", values: missing.map((r) => r.slug) },
    { name: "name_en", type: "text", values: missing.map((r) => r.nameEn) },
    { name: "name_ru", type: "text", values: missing.map((r) => r.nameRu) },
    { name: "level", type: "text", cast: `$::"RegionLevel"`, values: missing.map((r) => r.level) },
    { name: "country_code", type: "text", values: missing.map((r) => r.country) },
    { name: "parent_id", type: "int", values: missing.map((r) => (r.parent ? (idBySlug.get(r.parent) ?? null) : null)) },
    { name: "is_demo", type: "bool", values: missing.map(() => true) },
  ]);
  const all = await client.query<RegionRow>(
    `SELECT id, slug, name_en AS "nameEn", name_ru AS "nameRu", country_code AS "countryCode", level::text AS level
     FROM regions WHERE archived_at IS NULL ORDER BY id`,
  );
  return all.rows;
}

type Kind = "enterprise" | "university" | "joint_venture";
export type OrgRow = { id: number; kind: Kind; regionId: number; countryCode: string };

function brandName(random: Random): [string, string] {
  const [headRu, headEn] = random.pick(brandHeads);
  const [middleRu, middleEn] = random.pick(brandMiddles);
  const [tailRu, tailEn] = random.pick(brandTails);
  const latin = `${headEn}${middleEn}${tailEn}`;
  return [`${headRu}${middleRu}${tailRu}`, latin[0]?.toUpperCase() + latin.slice(1).toLowerCase()];
}

/** The columns of the generated organizations, one list a column (as insertRows takes them). */
function organizationColumns() {
  return {
    id: [] as number[],
    slug: [] as string[],
    kind: [] as string[],
    name: [] as string[],
    nameEn: [] as (string | null)[],
    otherNames: [] as string[],
    regionId: [] as number[],
    countryCode: [] as string[],
    status: [] as string[],
    foundedYear: [] as (number | null)[],
    website: [] as (string | null)[],
    descriptionEn: [] as (string | null)[],
    descriptionRu: [] as (string | null)[],
    registrationNumber: [] as (string | null)[],
    capitalAmount: [] as (string | null)[],
    capitalCurrency: [] as (string | null)[],
    products: [] as (string | null)[],
    fieldsOfStudy: [] as string[],
  };
}

/** An organization's names by its kind, with a university's fields of study and a joint venture's capital and products. */
function organizationNames(
  random: Random,
  kind: Kind,
  countryCode: string,
  [adjStem, adjEn]: readonly [string, string],
  [productRu, productEn]: readonly [string, string],
) {
  let name: string;
  let nameEn: string;
  const otherNames: string[] = [];
  let fields: string[] = [];
  let capitalAmount: string | null = null;
  let capitalCurrency: string | null = null;
  let madeProducts: string | null = null;

  if (kind === "enterprise") {
    const [noun, gender, nounEn] = random.pick(enterpriseNouns);
    const descriptive = `${adjStem}${adjectiveEndings[gender]} ${noun} ${productRu}`;
    const form = random.pick(legalForms);
    if (random.chance(0.35)) {
      const [brandRu, brandEn] = brandName(random);
      name = `${form} «${brandRu}»`;
      nameEn = `${brandEn} ${productEn} ${nounEn}`;
      otherNames.push(brandEn, descriptive);
    } else {
      name = `${form} «${descriptive}»`;
      nameEn = `${adjEn} ${productEn} ${nounEn}`;
      if (random.chance(0.2)) otherNames.push(initials(descriptive));
    }
  } else if (kind === "university") {
    const [typeRu, typeEn] = random.pick(universityTypes);
    const full = `${adjStem}ий ${typeRu}`;
    name = countryCode === "BY" ? `УО «${full[0]?.toUpperCase()}${full.slice(1)}»` : `ФГБОУ ВО «${full}»`;
    nameEn = `${adjEn} ${typeEn}`;
    otherNames.push(initials(full));
    fields = Array.from(new Set([random.pick(fieldsOfStudy), random.pick(fieldsOfStudy), random.pick(fieldsOfStudy)])).slice(
      0,
      random.int(1, 3),
    );
  } else {
    const [brandRu, brandEn] = brandName(random);
    name = `${random.pick(ventureForms)} «${brandRu}»`;
    nameEn = `${brandEn} Joint Venture`;
    otherNames.push(brandEn);
    capitalAmount = (random.int(10_000, 50_000_000) + random.int(0, 99) / 100).toFixed(2);
    capitalCurrency = random.pick(["USD", "EUR", "RUB", "BYN"]);
    madeProducts = productEn;
  }
  return { name, nameEn, otherNames, fields, capitalAmount, capitalCurrency, madeProducts };
}

export async function insertOrganizations(
  client: pg.ClientBase,
  random: Random,
  regions: RegionRow[],
  divisions: { code: string; section: string }[],
) {
  const first =
    Number((await client.query<{ max: number }>("SELECT coalesce(max(id), 0) AS max FROM organizations")).rows[0]?.max ?? 0) + 1;
  const orgRegions = regions.filter((r) => r.level !== "country");
  const byCountry = { RU: orgRegions.filter((r) => r.countryCode === "RU"), BY: orgRegions.filter((r) => r.countryCode === "BY") };
  const manufacturing = divisions.filter((d) => d.section === "C");
  const cols = organizationColumns();
  const sectors = { organizationId: [] as number[], sectorCode: [] as string[], isPrimary: [] as boolean[] };
  const orgs: OrgRow[] = [];

  for (let i = 0; i < GENERATED_COUNTS.organizations; i++) {
    const id = first + i;
    const roll = random.next();
    const kind: Kind = roll < 0.6 ? "enterprise" : roll < 0.75 ? "university" : "joint_venture";
    const countryCode = random.chance(0.5) ? "BY" : "RU";
    const region = random.pick(byCountry[countryCode]);
    const place = random.pick(placeAdjectives);
    const product = random.pick(products);
    const [productRu, productEn] = product;
    const { name, nameEn, otherNames, fields, capitalAmount, capitalCurrency, madeProducts } = organizationNames(
      random,
      kind,
      countryCode,
      place,
      product,
    );

    const statusRoll = random.next();
    const status = statusRoll < 0.05 ? "planned" : statusRoll < 0.15 ? "closed" : "active";
    cols.id.push(id);
    cols.slug.push(`${slugify(nameEn)}-${i + 1}`);
    cols.kind.push(kind);
    cols.name.push(name);
    cols.nameEn.push(random.chance(0.85) ? nameEn : null);
    cols.otherNames.push(asList(otherNames));
    cols.regionId.push(region.id);
    cols.countryCode.push(countryCode);
    cols.status.push(status);
    cols.foundedYear.push(status === "planned" ? null : random.int(1950, 2025));
    cols.website.push(random.chance(0.3) ? `https://www.${slugify(nameEn)}-${i + 1}.example` : null);
    const described = random.chance(0.5);
    cols.descriptionEn.push(described ? `${nameEn}: ${productEn.toLowerCase()} from ${region.nameEn}.` : null);
    cols.descriptionRu.push(described ? `Производство ${productRu}, ${region.nameRu}.` : null);
    cols.registrationNumber.push(random.chance(0.8) ? String(countryCode === "RU" ? 4_600_000_000 + i : 100_000_000 + i) : null);
    cols.capitalAmount.push(capitalAmount);
    cols.capitalCurrency.push(capitalCurrency);
    cols.products.push(madeProducts);
    cols.fieldsOfStudy.push(asList(fields));
    orgs.push({ id, kind, regionId: region.id, countryCode });

    // Universities teach (85, Education); others mostly make things (section C).
    const primary = kind === "university" ? "85" : random.chance(0.45) ? random.pick(manufacturing).code : random.pick(divisions).code;
    const codes = new Set([primary]);
    const extra = random.int(0, 2);
    for (let k = 0; k < extra; k++) codes.add(random.pick(divisions).code);
    for (const code of codes) {
      sectors.organizationId.push(id);
      sectors.sectorCode.push(code);
      sectors.isPrimary.push(code === primary);
    }
  }

  await insertOrganizationRows(client, cols, sectors);
  return orgs;
}

async function insertOrganizationRows(
  client: pg.ClientBase,
  cols: ReturnType<typeof organizationColumns>,
  sectors: { organizationId: number[]; sectorCode: string[]; isPrimary: boolean[] },
) {
  await insertRows(client, "organizations", [
    { name: "id", type: "int", values: cols.id },
    { name: "slug", type: "text", values: cols.slug },
    { name: "kind", type: "text", cast: `$::"OrganizationKind"`, values: cols.kind },
    { name: "name", type: "text", values: cols.name },
    { name: "name_en", type: "text", values: cols.nameEn },
    { name: "other_names", type: "text", cast: listCast, values: cols.otherNames },
    { name: "region_id", type: "int", values: cols.regionId },
    { name: "country_code", type: "text", values: cols.countryCode },
    { name: "status", type: "text", cast: `$::"OrganizationStatus"`, values: cols.status },
    { name: "founded_year", type: "int", values: cols.foundedYear },
    { name: "website", type: "text", values: cols.website },
    { name: "description_en", type: "text", values: cols.descriptionEn },
    { name: "description_ru", type: "text", values: cols.descriptionRu },
    { name: "registration_number", type: "text", values: cols.registrationNumber },
    { name: "capital_amount", type: "text", cast: "$::numeric", values: cols.capitalAmount },
    { name: "capital_currency", type: "text", values: cols.capitalCurrency },
    { name: "products", type: "text", values: cols.products },
    { name: "fields_of_study", type: "text", cast: listCast, values: cols.fieldsOfStudy },
    { name: "is_demo", type: "bool", values: cols.id.map(() => true) },
  ]);
  await client.query("SELECT setval(pg_get_serial_sequence('organizations', 'id'), (SELECT max(id) FROM organizations))");
  await insertRows(client, "organization_sectors", [
    { name: "organization_id", type: "int", values: sectors.organizationId },
    { name: "sector_code", type: "text", values: sectors.sectorCode },
    { name: "is_primary", type: "bool", values: sectors.isPrimary },
  ]);
}

/** Two or three partners per joint venture, one from each country (so at least two regions), shares <= 100. */
export async function insertVenturePartners(client: pg.ClientBase, random: Random, orgs: OrgRow[], regions: RegionRow[]) {
  const partnersIn = {
    RU: orgs.filter((o) => o.kind !== "joint_venture" && o.countryCode === "RU"),
    BY: orgs.filter((o) => o.kind !== "joint_venture" && o.countryCode === "BY"),
  };
  const partnerRegions = regions.filter((r) => r.level !== "country");
  const cols = {
    ventureId: [] as number[],
    organizationId: [] as (number | null)[],
    regionId: [] as (number | null)[],
    share: [] as string[],
  };
  const add = (ventureId: number, organizationId: number | null, regionId: number | null, share: number) => {
    cols.ventureId.push(ventureId);
    cols.organizationId.push(organizationId);
    cols.regionId.push(regionId);
    cols.share.push(share.toFixed(2));
  };
  for (const venture of orgs) {
    if (venture.kind !== "joint_venture") continue;
    const home = venture.countryCode === "RU" ? "RU" : "BY";
    const abroad = home === "RU" ? "BY" : "RU";
    const first = random.pick(partnersIn[home]);
    const second = random.pick(partnersIn[abroad]);
    if (random.chance(0.4)) {
      const a = random.int(20, 60);
      const b = random.int(10, 90 - a);
      const c = random.chance(0.8) ? 100 - a - b : random.int(1, 100 - a - b);
      add(venture.id, first.id, null, a);
      add(venture.id, second.id, null, b);
      // A regional government holds the third share now and then.
      if (random.chance(0.25)) add(venture.id, null, random.pick(partnerRegions).id, c);
      else {
        let third = random.pick(partnersIn[random.chance(0.5) ? "RU" : "BY"]);
        while (third.id === first.id || third.id === second.id) third = random.pick(partnersIn.RU);
        add(venture.id, third.id, null, c);
      }
    } else {
      const a = random.int(20, 80);
      add(venture.id, first.id, null, a);
      add(venture.id, second.id, null, random.chance(0.9) ? 100 - a : random.int(1, 100 - a));
    }
  }
  await insertRows(client, "joint_venture_partners", [
    { name: "venture_id", type: "int", values: cols.ventureId },
    { name: "partner_organization_id", type: "int", values: cols.organizationId },
    { name: "partner_region_id", type: "int", values: cols.regionId },
    { name: "share_percent", type: "text", cast: "$::numeric", values: cols.share },
  ]);
  return cols.ventureId.length;
}
