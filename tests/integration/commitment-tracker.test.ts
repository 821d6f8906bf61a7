import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";

// The tracker's filters and counts against a query written here independently (set logic with a CTE of the
// regions each commitment concerns, where the tracker uses indexed IN-lookups), on commitments made for the
// purpose that cover every filter. The cache is off: the fixtures are written straight to the database.
process.env.INTERREGIO_CACHE = "off";

const { countCommitmentsByStatus, listCommitments, getCommitment, trackerToday } = await import("@/lib/commitments/tracker");
const { parseTrackerParams, commitmentStatuses } = await import("@/lib/commitments/schema");
const { prisma, seedOnce } = await import("./setup");

type Filters = Parameters<typeof listCommitments>[0];

const run = `${process.pid}-${Date.now()}`;
const slug = (name: string) => `tracker-${name.toLowerCase()}-${run}`;
const day = (offset: number) => {
  const date = new Date(`${trackerToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date;
};

const ids: Record<string, number> = {};
const slugs: Record<string, string> = {};

async function region(name: string, countryCode: "RU" | "BY") {
  const created = await prisma.region.create({
    data: { slug: slug(name), nameEn: `Tracker ${name} ${run}`, nameRu: `Трекер ${name} ${run}`, level: "region", countryCode },
    select: { id: true, slug: true },
  });
  ids[name] = created.id;
  slugs[name] = created.slug;
  return created.id;
}

async function organization(name: string, regionName: string, countryCode: "RU" | "BY", archived = false) {
  const created = await prisma.organization.create({
    data: {
      slug: slug(name),
      kind: "enterprise",
      name: `ООО «${name} ${run}»`,
      nameEn: `${name} ${run}`,
      regionId: ids[regionName]!,
      countryCode,
      status: "active",
      archivedAt: archived ? new Date() : null,
    },
    select: { id: true, slug: true },
  });
  ids[name] = created.id;
  slugs[name] = created.slug;
}

async function meeting(name: string, date: string, regionNames: string[], archived = false) {
  const created = await prisma.meeting.create({
    data: {
      slug: slug(name),
      titleEn: `Meeting ${name} ${run}`,
      titleRu: `Встреча ${name} ${run}`,
      date: new Date(`${date}T00:00:00Z`),
      level: "regional",
      archivedAt: archived ? new Date() : null,
      regions: { create: regionNames.map((r) => ({ regionId: ids[r]! })) },
    },
    select: { id: true, slug: true },
  });
  ids[name] = created.id;
  slugs[name] = created.slug;
}

type Party = { region: string } | { organization: string };

async function commitment(
  name: string,
  meetingName: string,
  status: (typeof commitmentStatuses)[number],
  dueDate: Date | null,
  parties: Party[],
  options: { archived?: boolean; followUps?: { meeting: string; note: string | null }[] } = {},
) {
  const created = await prisma.commitment.create({
    data: {
      meetingId: ids[meetingName]!,
      textEn: `Commitment ${name} ${run}`,
      textRu: `Обязательство ${name} ${run}`,
      status,
      dueDate,
      archivedAt: options.archived ? new Date() : null,
      parties: {
        create: parties.map((p) => ("region" in p ? { regionId: ids[p.region]! } : { organizationId: ids[p.organization]! })),
      },
      followUps: { create: (options.followUps ?? []).map((f) => ({ meetingId: ids[f.meeting]!, note: f.note })) },
    },
    select: { id: true },
  });
  ids[name] = created.id;
}

const mine = () => ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"].map((name) => ids[name]!);
const named = (...names: string[]) => names.map((name) => ids[name]!).sort((a, b) => a - b);

beforeAll(async () => {
  await seedOnce();
  await region("A", "RU");
  await region("B", "BY");
  await region("C", "RU");
  await organization("orgA", "A", "RU");
  await organization("orgB", "B", "BY");
  await organization("orgGone", "A", "RU", true);
  await meeting("m1", "2020-01-10", ["A"]);
  await meeting("m2", "2020-02-10", ["B"]);
  await meeting("m3", "2020-03-10", ["A", "B"]);
  await meeting("m4", "2020-04-10", ["C"]);
  await meeting("later", "2021-01-10", ["C"]);
  await meeting("gone", "2020-05-10", ["A"], true);
  // The pair A and B is concerned through: the meeting's region and a region party (c1); the meeting's region
  // and an organization party in the other region (c2); two organization parties (c3); the meeting's two regions (c4).
  await commitment("c1", "m1", "agreed", day(-1), [{ region: "B" }], { followUps: [{ meeting: "later", note: `Reviewed ${run}` }] });
  await commitment("c2", "m2", "in_progress", day(0), [{ organization: "orgA" }]);
  await commitment("c3", "m4", "proposed", day(1), [{ organization: "orgA" }, { organization: "orgB" }], {
    followUps: [{ meeting: "later", note: null }],
  });
  await commitment("c4", "m3", "fulfilled", day(-1), [{ region: "C" }]);
  await commitment("c5", "m1", "lapsed", null, [{ region: "A" }]);
  await commitment("c6", "m4", "proposed", new Date("2019-05-05T00:00:00Z"), [{ region: "C" }]);
  // Never shown: archived, at an archived meeting, or (for region A) only through an archived organization.
  await commitment("c7", "m3", "agreed", day(-1), [{ region: "A" }], { archived: true });
  await commitment("c8", "gone", "agreed", day(-1), [{ region: "A" }]);
  await commitment("c9", "m4", "agreed", day(-2), [{ organization: "orgGone" }]);
});

afterAll(() => prisma.$disconnect());

/** The tracker's filter, written independently: which commitments match, in the tracker's order. */
function expectedWhere(f: Filters, withStatus = true) {
  const text = (value: string | undefined) => Prisma.sql`${value ?? null}::text`;
  const statuses = withStatus ? (f.status ?? []) : [];
  return Prisma.sql`
    WITH concern AS (
      SELECT c.id, mr.region_id FROM commitments c JOIN meeting_regions mr ON mr.meeting_id = c.meeting_id
      UNION SELECT p.commitment_id, p.region_id FROM commitment_parties p WHERE p.region_id IS NOT NULL
      UNION SELECT p.commitment_id, o.region_id FROM commitment_parties p JOIN organizations o ON o.id = p.organization_id
        WHERE o.archived_at IS NULL
    )
    SELECT c.id, c.status::text AS status, c.due_date, m.date AS meeting_date
    FROM commitments c JOIN meetings m ON m.id = c.meeting_id
    WHERE c.archived_at IS NULL AND m.archived_at IS NULL
      AND (cardinality(${statuses}::text[]) = 0 OR c.status::text = ANY(${statuses}::text[]))
      AND NOT EXISTS (
        SELECT 1 FROM unnest(${f.region ?? []}::text[]) AS wanted(slug)
        WHERE NOT EXISTS (
          SELECT 1 FROM concern k JOIN regions r ON r.id = k.region_id
          WHERE k.id = c.id AND r.slug = wanted.slug AND r.archived_at IS NULL))
      AND (${text(f.party)} IS NULL OR EXISTS (
        SELECT 1 FROM commitment_parties p
          LEFT JOIN organizations o ON o.id = p.organization_id AND o.archived_at IS NULL
          LEFT JOIN regions r ON r.id = p.region_id AND r.archived_at IS NULL
        WHERE p.commitment_id = c.id AND (o.slug = ${text(f.party)} OR r.slug = ${text(f.party)})))
      AND (${text(f.meeting)} IS NULL OR EXISTS (
        SELECT 1 FROM meetings x WHERE x.slug = ${text(f.meeting)} AND x.archived_at IS NULL
          AND (x.id = c.meeting_id OR EXISTS (
            SELECT 1 FROM commitment_follow_ups fu WHERE fu.commitment_id = c.id AND fu.meeting_id = x.id))))
      AND (${text(f.dueFrom)} IS NULL OR c.due_date >= ${text(f.dueFrom)}::date)
      AND (${text(f.dueTo)} IS NULL OR c.due_date <= ${text(f.dueTo)}::date)
      AND (NOT ${Boolean(f.open || f.overdue)} OR c.status::text NOT IN ('fulfilled', 'lapsed'))
      AND (NOT ${Boolean(f.overdue)} OR c.due_date < (now() AT TIME ZONE 'UTC')::date)`;
}

async function expectedIds(f: Filters) {
  const rows = await prisma.$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT id FROM (${expectedWhere(f)}) AS e ORDER BY due_date ASC NULLS LAST, id DESC`,
  );
  return rows.map((r) => r.id);
}

async function expectedCounts(f: Filters) {
  const rows = await prisma.$queryRaw<{ status: string; n: bigint }[]>(
    Prisma.sql`SELECT status, count(*) AS n FROM (${expectedWhere(f, false)}) AS e GROUP BY status`,
  );
  return Object.fromEntries(commitmentStatuses.map((s) => [s, Number(rows.find((r) => r.status === s)?.n ?? 0)]));
}

async function listed(f: Filters) {
  const page = await listCommitments({ ...f, perPage: 100 }, "en");
  return { ids: page.items.map((c) => c.id), total: page.total };
}

const ofMine = (list: number[]) => list.filter((id) => mine().includes(id)).sort((a, b) => a - b);

describe("the commitments tracker", () => {
  const cases: [string, () => Filters, string[]][] = [
    ["no filter", () => ({}), ["c1", "c2", "c3", "c4", "c5", "c6", "c9"]],
    [
      "the pair A and B, each concerned by meeting region, region party or organization party",
      () => ({ region: [slugs.A!, slugs.B!] }),
      ["c1", "c2", "c3", "c4"],
    ],
    ["the pair in the other order", () => ({ region: [slugs.B!, slugs.A!] }), ["c1", "c2", "c3", "c4"]],
    ["region A alone (not through an archived organization)", () => ({ region: [slugs.A!] }), ["c1", "c2", "c3", "c4", "c5"]],
    [
      "region C (a meeting region or a party; a follow-up meeting's region does not count)",
      () => ({ region: [slugs.C!] }),
      ["c3", "c4", "c6", "c9"],
    ],
    ["an organization party", () => ({ party: slugs.orgA }), ["c2", "c3"]],
    ["a region party", () => ({ party: slugs.B }), ["c1"]],
    ["the meeting where it was made", () => ({ meeting: slugs.m1 }), ["c1", "c5"]],
    ["a meeting that followed it up", () => ({ meeting: slugs.later }), ["c1", "c3"]],
    ["several statuses in a region", () => ({ status: ["proposed", "lapsed"], region: [slugs.A!] }), ["c3", "c5"]],
    ["a status alone", () => ({ status: ["fulfilled"] }), ["c4"]],
    ["overdue: due yesterday and open, not due today, not closed", () => ({ overdue: true, region: [slugs.A!] }), ["c1"]],
    ["overdue anywhere", () => ({ overdue: true }), ["c1", "c6", "c9"]],
    ["open", () => ({ open: true, region: [slugs.A!] }), ["c1", "c2", "c3"]],
    ["a due range from today to tomorrow", () => ({ dueFrom: trackerToday(), dueTo: day(1).toISOString().slice(0, 10) }), ["c2", "c3"]],
    [
      "a due range up to yesterday in the pair",
      () => ({ dueTo: day(-1).toISOString().slice(0, 10), region: [slugs.A!, slugs.B!] }),
      ["c1", "c4"],
    ],
    ["a range the wrong way round", () => ({ dueFrom: "2030-01-01", dueTo: "2020-01-01" }), []],
    ["an unknown region", () => ({ region: [slugs.A!, "no-such-region"] }), []],
    ["an unknown party", () => ({ party: "no-such-party" }), []],
    ["an unknown meeting", () => ({ meeting: "no-such-meeting" }), []],
    ["an archived meeting", () => ({ meeting: slugs.gone }), []],
    ["an archived organization as party", () => ({ party: slugs.orgGone }), []],
  ];

  for (const [title, filters, expected] of cases) {
    it(`filters: ${title}`, async () => {
      const f = filters();
      const [got, want] = await Promise.all([listed(f), expectedIds(f)]);
      expect(got.ids).toEqual(want);
      expect(got.total).toBe(want.length);
      expect(ofMine(got.ids)).toEqual(named(...expected));
    });
  }

  it("counts each status for the other filters, whatever status is chosen", async () => {
    for (const f of [
      { region: [slugs.A!, slugs.B!] },
      { region: [slugs.A!] },
      { overdue: true },
      { meeting: slugs.later },
      { party: slugs.orgA, status: ["agreed" as const] },
      {},
    ]) {
      expect(await countCommitmentsByStatus(f)).toEqual(await expectedCounts(f));
    }
    expect(await countCommitmentsByStatus({ region: [slugs.A!, slugs.B!], status: ["lapsed"] } as Filters)).toEqual({
      proposed: 1,
      agreed: 1,
      in_progress: 1,
      fulfilled: 1,
      lapsed: 0,
    });
  });

  it("pages in a stable order: soonest due first, undated last", async () => {
    const all = await expectedIds({ region: [slugs.A!] });
    const first = await listCommitments({ region: [slugs.A!], perPage: 2 }, "en");
    const third = await listCommitments({ region: [slugs.A!], perPage: 2, page: 3 }, "en");
    expect(first.total).toBe(5);
    expect(first.pageCount).toBe(3);
    expect(first.items.map((c) => c.id)).toEqual(all.slice(0, 2));
    expect(third.items.map((c) => c.id)).toEqual([ids.c5]);
    expect(first.items.map((c) => c.id)).toEqual([ids.c4, ids.c1]);
  });

  it("shows each commitment with its text in the reader's language, parties, due date, meeting and follow-ups", async () => {
    const [en] = (await listCommitments({ party: slugs.B }, "en")).items;
    expect(en).toMatchObject({
      id: ids.c1,
      text: `Commitment c1 ${run}`,
      status: "agreed",
      overdue: true,
      meeting: { slug: slugs.m1, title: `Meeting m1 ${run}`, date: new Date("2020-01-10T00:00:00Z") },
      parties: [{ kind: "region", slug: slugs.B, name: `Tracker B ${run}` }],
      followUps: [{ meeting: { slug: slugs.later, title: `Meeting later ${run}` }, note: `Reviewed ${run}` }],
    });
    expect(en!.dueDate?.toISOString().slice(0, 10)).toBe(day(-1).toISOString().slice(0, 10));
    const [ru] = (await listCommitments({ party: slugs.B }, "ru")).items;
    expect(ru).toMatchObject({ text: `Обязательство c1 ${run}`, meeting: { title: `Встреча m1 ${run}` } });
    expect(ru!.parties[0]!.name).toBe(`Трекер B ${run}`);

    const dueToday = (await listCommitments({ party: slugs.orgA }, "en")).items.find((c) => c.id === ids.c2);
    expect(dueToday?.overdue).toBe(false);
    const c9 = await getCommitment(ids.c9!, "en");
    expect(c9?.parties).toEqual([]);
  });

  it("the commitment page finds live commitments only", async () => {
    expect(await getCommitment(ids.c1!, "en")).toMatchObject({ id: ids.c1, status: "agreed" });
    expect(await getCommitment(ids.c7!, "en")).toBeNull();
    expect(await getCommitment(ids.c8!, "en")).toBeNull();
    expect(await getCommitment(2_000_000_000, "en")).toBeNull();
  });

  it("reads the query string: bad values are left out and named, blank ones are simply off", () => {
    const { params, ignored } = parseTrackerParams({
      status: ["agreed", "bogus"],
      region: ["a", "b", "c"],
      party: "Not a slug!",
      meeting: "",
      dueFrom: "2015-02-30",
      dueTo: "2015-12-31",
      overdue: "maybe",
      open: "1",
      page: "-3",
    });
    expect(ignored.sort()).toEqual(["dueFrom", "overdue", "party", "region", "status"]);
    expect(params).toMatchObject({ dueTo: "2015-12-31", open: true, page: 1 });
    expect(params.status).toBeUndefined();
    expect(params.region).toBeUndefined();
    expect(params.meeting).toBeUndefined();

    const pair = parseTrackerParams({ region: ["kursk-oblast", "belarus"], status: ["agreed", "in_progress"], overdue: "1", page: "2" });
    expect(pair.ignored).toEqual([]);
    expect(pair.params).toMatchObject({ region: ["kursk-oblast", "belarus"], status: ["agreed", "in_progress"], overdue: true, page: 2 });
    // The filter form's "any" choice posts a blank region beside a chosen one.
    expect(parseTrackerParams({ region: ["belarus", ""], status: "" })).toMatchObject({ params: { region: ["belarus"] }, ignored: [] });
  });
});
