/**
 * The registry's meetings for `npm run bench` (scripts/bench/generate.ts): 20,000 meetings with their regions,
 * 200,000 discussion links, 3,000 commitments with their parties, and yearly trade figures between regions.
 */
import pg from "pg";
import { GENERATED_COUNTS, insertRows, slugify, type OrgRow, type Random, type RegionRow } from "./generate-organizations.ts";
import { linkNotes, meetingTopics } from "./words.ts";

type MeetingRow = { id: number; regionIds: number[] };

/** The meetings' levels, weighted: random.pick draws each as often as it stands in the list. */
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

export async function insertMeetings(client: pg.ClientBase, random: Random, regions: RegionRow[]): Promise<MeetingRow[]> {
  const first = Number((await client.query<{ max: number }>("SELECT coalesce(max(id), 0) AS max FROM meetings")).rows[0]?.max ?? 0) + 1;
  const sides = { BY: regions.filter((r) => r.countryCode === "BY"), RU: regions.filter((r) => r.countryCode === "RU") };
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
export async function insertDiscussionLinks(client: pg.ClientBase, random: Random, orgs: OrgRow[], meetings: MeetingRow[]) {
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
export async function insertCommitments(client: pg.ClientBase, random: Random, orgs: OrgRow[], meetings: MeetingRow[]) {
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
export async function insertTradeFigures(client: pg.ClientBase, random: Random, regions: RegionRow[]) {
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
