/**
 * The synthetic registry of `npm run bench`: 100,000 organizations, 20,000 meetings, 200,000 discussion links,
 * 3,000 commitments and some thousands of yearly trade figures on top of the seed's reference data. A fixed seed makes every run generate the same registry, so
 * figures from two runs compare. Rows go in as multi-row `INSERT ... SELECT FROM unnest(...)` of a few
 * thousand rows each, in one transaction: a generation that fails leaves no half-made registry behind.
 */
import pg from "pg";
import { createPrismaClient } from "../../lib/db/prisma-client.ts";
import { seedDatabase } from "../../prisma/seed.ts";
import {
  adjectiveEndings,
  brandHeads,
  brandMiddles,
  brandTails,
  enterpriseNouns,
  extraRegions,
  fieldsOfStudy,
  legalForms,
  linkNotes,
  meetingTopics,
  placeAdjectives,
  products,
  universityTypes,
  ventureForms,
} from "./words.ts";

/** Bump when the generator changes what it makes: a registry made by another version is made anew. */
export const GENERATOR_VERSION = 3;
const SEED = 20261130;
export const GENERATED_COUNTS = { organizations: 100_000, meetings: 20_000, discussionLinks: 200_000, commitments: 3_000 } as const;
const BATCH_SIZE = 5_000;

/** mulberry32: a small, fast PRNG whose sequence depends only on the seed. */
function createRandom(seed: number) {
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
type Random = ReturnType<typeof createRandom>;

function slugify(text: string): string {
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
async function insertRows(client: pg.ClientBase, table: string, columns: Column[]) {
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

type RegionRow = { id: number; slug: string; nameEn: string; nameRu: string; countryCode: string; level: string };

async function insertExtraRegions(client: pg.ClientBase): Promise<RegionRow[]> {
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
type OrgRow = { id: number; kind: Kind; regionId: number; countryCode: string };

function brandName(random: Random): [string, string] {
  const [headRu, headEn] = random.pick(brandHeads);
  const [middleRu, middleEn] = random.pick(brandMiddles);
  const [tailRu, tailEn] = random.pick(brandTails);
  const latin = `${headEn}${middleEn}${tailEn}`;
  return [`${headRu}${middleRu}${tailRu}`, latin[0]?.toUpperCase() + latin.slice(1).toLowerCase()];
}

async function insertOrganizations(
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
  const cols = {
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
  const sectors = { organizationId: [] as number[], sectorCode: [] as string[], isPrimary: [] as boolean[] };
  const orgs: OrgRow[] = [];

  for (let i = 0; i < GENERATED_COUNTS.organizations; i++) {
    const id = first + i;
    const roll = random.next();
    const kind: Kind = roll < 0.6 ? "enterprise" : roll < 0.75 ? "university" : "joint_venture";
    const countryCode = random.chance(0.5) ? "BY" : "RU";
    const region = random.pick(byCountry[countryCode]);
    const [adjStem, adjEn] = random.pick(placeAdjectives);
    const [productRu, productEn] = random.pick(products);
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
  return orgs;
}

/** Two or three partners per joint venture, one from each country (so at least two regions), shares <= 100. */
async function insertVenturePartners(client: pg.ClientBase, random: Random, orgs: OrgRow[], regions: RegionRow[]) {
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

type MeetingRow = { id: number; regionIds: number[] };

async function insertMeetings(client: pg.ClientBase, random: Random, regions: RegionRow[]): Promise<MeetingRow[]> {
  const first = Number((await client.query<{ max: number }>("SELECT coalesce(max(id), 0) AS max FROM meetings")).rows[0]?.max ?? 0) + 1;
  const sides = { BY: regions.filter((r) => r.countryCode === "BY"), RU: regions.filter((r) => r.countryCode === "RU") };
  const levels = [
    "head_of_state",
    "government",
    "government",
    "regional",
    "regional",
    "regional",
    "agency",
    "agency",
    "business_forum",
    "business_forum",
  ];
  const start = Date.UTC(2000, 0, 1);
  const days = Math.floor((Date.UTC(2026, 10, 29) - start) / 86_400_000);
  const cols = {
    id: [] as number[],
    slug: [] as string[],
    titleEn: [] as string[],
    titleRu: [] as string[],
    date: [] as string[],
    placeEn: [] as string[],
    placeRu: [] as string[],
    level: [] as string[],
    summaryEn: [] as (string | null)[],
    summaryRu: [] as (string | null)[],
  };
  const links = { meetingId: [] as number[], regionId: [] as number[] };
  const meetings: MeetingRow[] = [];
  for (let j = 0; j < GENERATED_COUNTS.meetings; j++) {
    const id = first + j;
    const date = new Date(start + random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
    const [topicEn, topicRu] = random.pick(meetingTopics);
    const a = random.pick(sides.BY);
    const b = random.pick(sides.RU);
    const host = random.chance(0.5) ? a : b;
    const regionIds = [a.id, b.id];
    if (random.chance(0.3)) {
      const c = random.pick(regions);
      if (!regionIds.includes(c.id)) regionIds.push(c.id);
    }
    cols.id.push(id);
    cols.slug.push(`${date}-${slugify(topicEn)}-${j + 1}`);
    cols.titleEn.push(`${topicEn}: ${a.nameEn} and ${b.nameEn}`);
    cols.titleRu.push(`${topicRu}: ${a.nameRu} и ${b.nameRu}`);
    cols.date.push(date);
    cols.placeEn.push(host.nameEn);
    cols.placeRu.push(host.nameRu);
    cols.level.push(random.pick(levels));
    const summarised = random.chance(0.5);
    cols.summaryEn.push(summarised ? `Delegations of ${a.nameEn} and ${b.nameEn} reviewed joint projects and supplies.` : null);
    cols.summaryRu.push(summarised ? `Делегации сторон (${a.nameRu}, ${b.nameRu}) рассмотрели совместные проекты и поставки.` : null);
    for (const regionId of regionIds) {
      links.meetingId.push(id);
      links.regionId.push(regionId);
    }
    meetings.push({ id, regionIds });
  }
  await insertRows(client, "meetings", [
    { name: "id", type: "int", values: cols.id },
    { name: "slug", type: "text", values: cols.slug },
    { name: "title_en", type: "text", values: cols.titleEn },
    { name: "title_ru", type: "text", values: cols.titleRu },
    { name: "date", type: "date", values: cols.date },
    { name: "place_en", type: "text", values: cols.placeEn },
    { name: "place_ru", type: "text", values: cols.placeRu },
    { name: "level", type: "text", cast: `$::"MeetingLevel"`, values: cols.level },
    { name: "summary_en", type: "text", values: cols.summaryEn },
    { name: "summary_ru", type: "text", values: cols.summaryRu },
    { name: "is_demo", type: "bool", values: cols.id.map(() => true) },
  ]);
  await client.query("SELECT setval(pg_get_serial_sequence('meetings', 'id'), (SELECT max(id) FROM meetings))");
  await insertRows(client, "meeting_regions", [
    { name: "meeting_id", type: "int", values: links.meetingId },
    { name: "region_id", type: "int", values: links.regionId },
  ]);
  return meetings;
}

/**
 * Discussion links, one live link per (meeting, entity). Organizations are picked with a skew (index ~ r^2),
 * as in a real registry a few organizations come up at many meetings: their pages are the heavy ones.
 */
async function insertDiscussionLinks(client: pg.ClientBase, random: Random, orgs: OrgRow[], meetings: MeetingRow[]) {
  const cols = {
    meetingId: [] as number[],
    organizationId: [] as (number | null)[],
    regionId: [] as (number | null)[],
    note: [] as string[],
  };
  for (const meeting of meetings) {
    for (const regionId of meeting.regionIds) {
      if (!random.chance(0.5)) continue;
      cols.meetingId.push(meeting.id);
      cols.organizationId.push(null);
      cols.regionId.push(regionId);
      cols.note.push(random.pick(linkNotes));
    }
  }
  const seen = new Set<number>();
  while (cols.meetingId.length < GENERATED_COUNTS.discussionLinks) {
    const meetingIndex = random.int(0, meetings.length - 1);
    const r = random.next();
    const orgIndex = Math.floor(orgs.length * r * r);
    const key = meetingIndex * orgs.length + orgIndex;
    if (seen.has(key)) continue;
    seen.add(key);
    const meeting = meetings[meetingIndex];
    const org = orgs[orgIndex];
    if (!meeting || !org) continue;
    cols.meetingId.push(meeting.id);
    cols.organizationId.push(org.id);
    cols.regionId.push(null);
    cols.note.push(random.pick(linkNotes));
  }
  await insertRows(client, "discussion_links", [
    { name: "meeting_id", type: "int", values: cols.meetingId },
    { name: "organization_id", type: "int", values: cols.organizationId },
    { name: "region_id", type: "int", values: cols.regionId },
    { name: "note", type: "text", values: cols.note },
  ]);
  return cols.meetingId.length;
}

const commitmentTexts: readonly (readonly [string, string])[] = [
  ["Set up a joint assembly line.", "Создать совместную сборочную линию."],
  ["Increase mutual supplies by a tenth.", "Увеличить взаимные поставки на десятую часть."],
  ["Open a joint training centre.", "Открыть совместный учебный центр."],
  ["Prepare a programme of joint projects.", "Подготовить программу совместных проектов."],
  ["Hold the next business forum within a year.", "Провести следующий деловой форум в течение года."],
];

/** Commitments made at meetings, each with a region of the meeting and, mostly, an organization as parties. */
async function insertCommitments(client: pg.ClientBase, random: Random, orgs: OrgRow[], meetings: MeetingRow[]) {
  const first = Number((await client.query<{ max: number }>("SELECT coalesce(max(id), 0) AS max FROM commitments")).rows[0]?.max ?? 0) + 1;
  const statuses = ["proposed", "agreed", "in_progress", "fulfilled", "lapsed"];
  const cols = { id: [] as number[], meetingId: [] as number[], textEn: [] as string[], textRu: [] as string[], status: [] as string[] };
  const parties = { commitmentId: [] as number[], organizationId: [] as (number | null)[], regionId: [] as (number | null)[] };
  for (let k = 0; k < GENERATED_COUNTS.commitments; k++) {
    const id = first + k;
    const meeting = random.pick(meetings);
    const [textEn, textRu] = random.pick(commitmentTexts);
    cols.id.push(id);
    cols.meetingId.push(meeting.id);
    cols.textEn.push(textEn);
    cols.textRu.push(textRu);
    cols.status.push(random.pick(statuses));
    parties.commitmentId.push(id);
    parties.organizationId.push(null);
    parties.regionId.push(random.pick(meeting.regionIds));
    if (random.chance(0.7)) {
      const r = random.next();
      const org = orgs[Math.floor(orgs.length * r * r)];
      if (org) {
        parties.commitmentId.push(id);
        parties.organizationId.push(org.id);
        parties.regionId.push(null);
      }
    }
  }
  await insertRows(client, "commitments", [
    { name: "id", type: "int", values: cols.id },
    { name: "meeting_id", type: "int", values: cols.meetingId },
    { name: "text_en", type: "text", values: cols.textEn },
    { name: "text_ru", type: "text", values: cols.textRu },
    { name: "status", type: "text", cast: `$::"CommitmentStatus"`, values: cols.status },
  ]);
  await client.query("SELECT setval(pg_get_serial_sequence('commitments', 'id'), (SELECT max(id) FROM commitments))");
  await insertRows(client, "commitment_parties", [
    { name: "commitment_id", type: "int", values: parties.commitmentId },
    { name: "organization_id", type: "int", values: parties.organizationId },
    { name: "region_id", type: "int", values: parties.regionId },
  ]);
  return cols.id.length;
}

/**
 * Yearly trade figures between Belarusian and Russian regions (not whole countries: the seed's Kursk-Belarus
 * figure stays the only one of a country), for about a third of the pairs, each from a first year to 2025 with
 * a random walk of turnover: enough for the dashboard's ranking and the trade pages to have something to rank.
 * Made after everything else, so that the figures of the older runs' records stay as they were.
 */
async function insertTradeFigures(client: pg.ClientBase, random: Random, regions: RegionRow[]) {
  const parts = regions.filter((r) => r.level !== "country");
  const belarusian = parts.filter((r) => r.countryCode === "BY");
  const russian = parts.filter((r) => r.countryCode === "RU");
  const cols = {
    regionId: [] as number[],
    partnerId: [] as number[],
    year: [] as number[],
    turnover: [] as string[],
    exports: [] as (string | null)[],
    imports: [] as (string | null)[],
  };
  for (const ours of russian) {
    for (const theirs of belarusian) {
      if (!random.chance(0.35)) continue;
      let turnover = random.int(5, 400) * 1_000_000;
      for (let year = random.int(2005, 2020); year <= 2025; year++) {
        turnover = Math.max(1_000_000, Math.round(turnover * (0.85 + random.next() * 0.35)));
        const split = random.chance(0.8) ? 0.3 + random.next() * 0.4 : null;
        cols.regionId.push(ours.id);
        cols.partnerId.push(theirs.id);
        cols.year.push(year);
        cols.turnover.push(turnover.toFixed(2));
        cols.exports.push(split === null ? null : Math.round(turnover * split).toFixed(2));
        cols.imports.push(split === null ? null : (turnover - Math.round(turnover * split)).toFixed(2));
      }
    }
  }
  await insertRows(client, "trade_figures", [
    { name: "region_id", type: "int", values: cols.regionId },
    { name: "partner_region_id", type: "int", values: cols.partnerId },
    { name: "year", type: "int", values: cols.year },
    { name: "turnover_usd", type: "text", cast: "$::numeric", values: cols.turnover },
    { name: "exports_usd", type: "text", cast: "$::numeric", values: cols.exports },
    { name: "imports_usd", type: "text", cast: "$::numeric", values: cols.imports },
    { name: "source_title", type: "text", values: cols.year.map(() => "Synthetic trade figures (bench)") },
  ]);
  return cols.year.length;
}

/** True when the database holds a registry made by this version of the generator. */
export async function isGenerated(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('bench_registry') IS NOT NULL AS found");
    if (!table.rows[0]?.found) return false;
    const marker = await client.query("SELECT 1 FROM bench_registry WHERE generator_version = $1", [GENERATOR_VERSION]);
    return (marker.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Fills a freshly migrated database with the reference data and the synthetic registry. */
export async function generateRegistry(url: string) {
  const started = performance.now();
  const step = (label: string) => console.log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const prisma = createPrismaClient(url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  step("reference data seeded");

  const random = createRandom(SEED);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const regions = await insertExtraRegions(client);
    step(`${regions.length} regions`);
    const divisions = (
      await client.query<{ code: string; section: string }>(
        "SELECT code, section_code AS section FROM sectors WHERE level = 'division' ORDER BY code",
      )
    ).rows;
    const orgs = await insertOrganizations(client, random, regions, divisions);
    step(`${orgs.length} organizations with their sectors`);
    const partners = await insertVenturePartners(client, random, orgs, regions);
    step(`${partners} joint-venture partners`);
    const meetings = await insertMeetings(client, random, regions);
    step(`${meetings.length} meetings with their regions`);
    const links = await insertDiscussionLinks(client, random, orgs, meetings);
    step(`${links} discussion links`);
    const commitments = await insertCommitments(client, random, orgs, meetings);
    step(`${commitments} commitments with their parties`);
    const trade = await insertTradeFigures(client, random, regions);
    step(`${trade} trade figures`);
    // The marker: a later run reuses this registry instead of generating it again.
    await client.query(
      "CREATE TABLE bench_registry (generator_version int NOT NULL, seed int NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())",
    );
    await client.query("INSERT INTO bench_registry (generator_version, seed) VALUES ($1, $2)", [GENERATOR_VERSION, SEED]);
    await client.query("COMMIT");
    step("committed (share-sum trigger checked)");
    // VACUUM as well as ANALYZE: it sets the visibility map, without which index-only scans fetch every heap
    // row. A live database gets this from autovacuum; a fresh bulk load has not had it yet.
    await client.query("VACUUM (ANALYZE)");
    step("vacuumed and analyzed");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  console.log(`Generated the registry in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
