import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { extractText, getDocumentProxy } from "unpdf";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { getBriefingData } = await import("@/lib/briefing/queries");
const { buildBriefingView } = await import("@/lib/briefing/view");
const { GET } = await import("@/app/(staff)/workspace/briefing/pdf/route");
const { createStaffUser, prisma, seedOnce, signInAs } = await import("./setup");

type View = ReturnType<typeof buildBriefingView>;
/** Russian numbers are grouped with no-break spaces: compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
type Data = NonNullable<Awaited<ReturnType<typeof getBriefingData>>>;

const sectionOf = (view: View, id: string) => {
  const section = view.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
};
const tableOf = (view: View, id: string) => {
  const block = sectionOf(view, id).blocks.find((b) => b.kind === "table");
  if (!block || block.kind !== "table") throw new Error(`no table in ${id}`);
  return block;
};
const meetingsOf = (view: View) => sectionOf(view, "meetings").blocks.flatMap((b) => (b.kind === "meeting" ? [b] : []));

/** The region and its live parts, four levels down: written here apart from the code under test. */
const sideSql = (slug: string) => `
  WITH RECURSIVE side AS (
    SELECT id, 0 AS depth FROM regions WHERE slug = '${slug}'
    UNION SELECT r.id, side.depth + 1 FROM regions r JOIN side ON r.parent_id = side.id WHERE r.archived_at IS NULL AND side.depth < 4
  ) SELECT id FROM side`;
const inMeetingOf = (slug: string) =>
  `EXISTS (SELECT 1 FROM meeting_regions mr WHERE mr.meeting_id = m.id AND mr.region_id IN (${sideSql(slug)}))`;
const pairMeetings = (a: string, b?: string) => `m.archived_at IS NULL AND ${inMeetingOf(a)}${b ? ` AND ${inMeetingOf(b)}` : ""}`;

async function latestMeetingsBySql(a: string, b?: string) {
  return prisma.$queryRawUnsafe<{ slug: string }[]>(
    `SELECT m.slug FROM meetings m WHERE ${pairMeetings(a, b)} ORDER BY m.date DESC, m.id DESC LIMIT 5`,
  );
}

async function discussedBySql(a: string, b?: string) {
  return prisma.$queryRawUnsafe<{ slug: string; links: number }[]>(`
    SELECT o.slug, count(*)::int AS links
    FROM discussion_links dl
    JOIN meetings m ON m.id = dl.meeting_id
    JOIN organizations o ON o.id = dl.organization_id
    WHERE dl.archived_at IS NULL AND o.archived_at IS NULL AND ${pairMeetings(a, b)}
    GROUP BY o.id, o.slug
    ORDER BY count(*) DESC, max(m.date) DESC, o.id
    LIMIT 10`);
}

/** Open (and overdue) commitments concerning every given region, as the tracker defines "concerned". */
async function commitmentCountsBySql(slugs: string[]) {
  const concerned = slugs
    .map(
      (slug) => `(
        c.meeting_id IN (SELECT mr.meeting_id FROM meeting_regions mr JOIN regions r ON r.id = mr.region_id WHERE r.slug = '${slug}')
        OR c.id IN (SELECT p.commitment_id FROM commitment_parties p JOIN regions r ON r.id = p.region_id WHERE r.slug = '${slug}')
        OR c.id IN (SELECT p.commitment_id FROM commitment_parties p JOIN organizations o ON o.id = p.organization_id
                    JOIN regions r ON r.id = o.region_id WHERE r.slug = '${slug}' AND o.archived_at IS NULL))`,
    )
    .join(" AND ");
  const [row] = await prisma.$queryRawUnsafe<{ open: number; overdue: number }[]>(`
    SELECT count(*)::int AS open, count(*) FILTER (WHERE c.due_date < (now() AT TIME ZONE 'UTC')::date)::int AS overdue
    FROM commitments c JOIN meetings m ON m.id = c.meeting_id
    WHERE c.archived_at IS NULL AND m.archived_at IS NULL AND c.status NOT IN ('fulfilled', 'lapsed') AND ${concerned}`);
  return row!;
}

/** Live joint ventures with a part in each side: sitting there, or a live partner (organization or government) there. */
async function venturesBySql(a: string, b?: string) {
  const hasSide = (slug: string) => `(
    o.region_id IN (${sideSql(slug)})
    OR EXISTS (SELECT 1 FROM joint_venture_partners p LEFT JOIN organizations po ON po.id = p.partner_organization_id
               WHERE p.venture_id = o.id AND p.archived_at IS NULL AND coalesce(p.partner_region_id, po.region_id) IN (${sideSql(slug)})))`;
  return prisma.$queryRawUnsafe<{ slug: string; status: string }[]>(`
    SELECT o.slug, o.status::text AS status FROM organizations o
    WHERE o.kind = 'joint_venture' AND o.archived_at IS NULL AND ${hasSide(a)}${b ? ` AND ${hasSide(b)}` : ""}
    ORDER BY o.slug`);
}

async function statementsBySql(meetingSlug: string) {
  return prisma.meetingStatement.findMany({
    where: { meeting: { slug: meetingSlug } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: 12,
    select: { textEn: true, textRu: true },
  });
}

// ---- A pair of this file's own: every count is of rows it made ----

const run = `${process.pid}-${Date.now()}`;
const slug = (name: string) => `brief-${name}-${run}`;
const ids: Record<string, number> = {};

async function region(name: string, countryCode: string, parent?: string) {
  const row = await prisma.region.create({
    data: {
      slug: slug(name),
      nameEn: `Briefland ${name.toUpperCase()} ${run}`,
      nameRu: `Справкия ${name.toUpperCase()} ${run}`,
      level: parent ? "city" : "region",
      countryCode,
      parentId: parent ? ids[parent] : undefined,
    },
    select: { id: true },
  });
  ids[name] = row.id;
}

async function organization(
  name: string,
  regionName: string,
  countryCode: string,
  extra: { kind?: "enterprise" | "joint_venture"; status?: "planned" | "active" | "closed"; archived?: boolean } = {},
) {
  const row = await prisma.organization.create({
    data: {
      slug: slug(name),
      kind: extra.kind ?? "enterprise",
      name: `ООО «${name} ${run}»`,
      nameEn: `${name} ${run} LLC`,
      regionId: ids[regionName]!,
      countryCode,
      status: extra.status ?? "active",
      archivedAt: extra.archived ? new Date() : undefined,
    },
    select: { id: true },
  });
  ids[name] = row.id;
}

async function meeting(name: string, date: string, regions: string[], statements: [string, string][] = []) {
  const row = await prisma.meeting.create({
    data: {
      slug: slug(name),
      titleEn: `Meeting ${name} ${run}`,
      titleRu: `Встреча ${name} ${run}`,
      date: new Date(`${date}T00:00:00Z`),
      level: "regional",
      regions: { create: regions.map((r) => ({ regionId: ids[r]! })) },
      // Positions given in reverse of creation: the order shown must follow the position, not the id.
      statements: {
        create: statements.map(([textEn, textRu], i) => ({
          textEn,
          textRu,
          position: statements.length - i,
          speakerEn: "Speaker",
          speakerRu: "Выступающий",
        })),
      },
    },
    select: { id: true },
  });
  ids[name] = row.id;
}

const link = (meetingName: string, org: string, archived = false) =>
  prisma.discussionLink.create({
    data: {
      meetingId: ids[meetingName]!,
      organizationId: ids[org]!,
      note: `Note on ${org}`,
      archivedAt: archived ? new Date() : undefined,
    },
  });

async function venture(
  name: string,
  regionName: string,
  status: "planned" | "active" | "closed",
  partners: { org?: string; region?: string; share: number }[],
  archived = false,
) {
  await organization(name, regionName, regionName.startsWith("b") ? "BY" : "RU", { kind: "joint_venture", status, archived });
  await prisma.jointVenturePartner.createMany({
    data: partners.map((p) => ({
      ventureId: ids[name]!,
      partnerOrganizationId: p.org ? ids[p.org] : null,
      partnerRegionId: p.region ? ids[p.region] : null,
      sharePercent: p.share,
    })),
  });
}

beforeAll(async () => {
  await seedOnce();
  // a: an oblast; b: a country-like partner with its city b1; c: an unrelated region.
  await region("a", "RU");
  await region("b", "BY");
  await region("b1", "BY", "b");
  await region("c", "RU");
  // Ten empty cities on each side: both sides are then large, and the ventures are found by intersecting lists
  // (the demo pair, with Kursk Oblast alone on one side, takes the check per venture).
  for (let i = 1; i <= 10; i++) {
    await region(`a-city${i}`, "RU", "a");
    await region(`b-city${i}`, "BY", "b");
  }
  await organization("o1", "a", "RU");
  await organization("o2", "b", "BY");
  await organization("o3", "b1", "BY");
  await organization("o4", "a", "RU", { archived: true });
  // Six meetings of the pair (one through b's city), one of a alone, one of a with c.
  await meeting("m1", "2020-01-01", ["a", "b"], [["First said", "Сказано первым"]]);
  await meeting("m2", "2020-02-01", ["a", "b"]);
  await meeting("m3", "2020-03-01", ["a", "b1"], [["City said", "Сказано в городе"]]);
  await meeting("m4", "2020-04-01", ["a", "b"]);
  await meeting("m5", "2020-05-01", ["b", "a"]);
  await meeting(
    "m6",
    "2020-06-01",
    ["a", "b"],
    [
      ["Said one", "Сказано раз"],
      ["Said two", "Сказано два"],
    ],
  );
  await meeting("solo", "2020-07-01", ["a"]);
  await meeting("other", "2020-08-01", ["a", "c"]);
  // o1 in three pair meetings, o2 in two, o3 in one; an archived link and an archived organization do not count.
  for (const [m, o] of [
    ["m6", "o1"],
    ["m5", "o1"],
    ["m1", "o1"],
    ["m6", "o2"],
    ["m2", "o2"],
    ["m3", "o3"],
    ["m4", "o4"],
    ["other", "o3"],
    ["solo", "o3"],
  ] as const)
    await link(m, o);
  await link("m4", "o3", true);
  // Ventures: v1 (a, partner in b), v2 (in b's city, a's government a partner), v3 (a only), v4 archived.
  await venture("v1", "a", "active", [
    { org: "o1", share: 60 },
    { org: "o2", share: 40 },
  ]);
  await venture("v2", "b1", "planned", [
    { org: "o3", share: 70 },
    { region: "a", share: 30 },
  ]);
  await venture("v3", "a", "closed", [{ org: "o1", share: 100 }]);
  await venture("v4", "a", "active", [{ org: "o2", share: 50 }], true);
  // Commitments made at m6: one overdue, one open without a date, one fulfilled.
  const commitment = (textEn: string, status: "agreed" | "fulfilled", dueDate?: string) =>
    prisma.commitment.create({
      data: {
        meetingId: ids.m6!,
        textEn,
        textRu: `${textEn} (ru)`,
        status,
        dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : undefined,
        parties: { create: [{ regionId: ids.a! }, { regionId: ids.b! }] },
      },
    });
  await commitment(`Overdue ${run}`, "agreed", "2021-01-01");
  await commitment(`Undated ${run}`, "agreed");
  await commitment(`Done ${run}`, "fulfilled", "2021-01-01");
  await prisma.tradeFigure.createMany({
    data: [
      { regionId: ids.a!, partnerRegionId: ids.b!, year: 2019, turnoverUsd: "100000000.00", sourceTitle: `Stats ${run} 2019` },
      // The next year filed from the other side, with exports and imports as the partner reports them.
      {
        regionId: ids.b!,
        partnerRegionId: ids.a!,
        year: 2020,
        turnoverUsd: "110000000.00",
        exportsUsd: "60000000.00",
        importsUsd: "50000000.00",
        sourceTitle: `Stats ${run} 2020`,
        sourceUrl: "https://stats.example/2020",
      },
    ],
  });
});

afterAll(() => prisma.$disconnect());

describe("the briefing of a region pair of the file's own", () => {
  let data: Data;
  beforeAll(async () => {
    data = (await getBriefingData(slug("a"), slug("b"), "en"))!;
  });

  it("shows the pair's trade, latest first, turned to face the first region, with growth from the stored year before", () => {
    const view = buildBriefingView(data, "en");
    expect(sectionOf(view, "trade").lead).toBe(
      `Trade between Briefland A ${run} and Briefland B ${run}: $110 million in 2020; up 10% on 2019.`,
    );
    const rows = tableOf(view, "trade").rows.map((row) => row.map((cell) => cell.text));
    expect(rows).toEqual([
      ["2020", "$110,000,000", "$50,000,000", "$60,000,000", "+10%"],
      ["2019", "$100,000,000", "not reported", "not reported", "not recorded"],
    ]);
    expect(sectionOf(view, "trade").references.map((r) => [r.text, r.href])).toEqual([
      [`Stats ${run} 2020`, "https://stats.example/2020"],
      [`Stats ${run} 2019`, null],
    ]);
  });

  it("lists the open commitments, overdue ones marked and counted, fulfilled ones left out", () => {
    expect(data.commitments.openTotal).toBe(2);
    expect(data.commitments.overdueTotal).toBe(1);
    const view = buildBriefingView(data, "en");
    expect(sectionOf(view, "commitments").lead).toBe("2 commitments are still open (neither fulfilled nor lapsed); 1 is overdue.");
    const rows = tableOf(view, "commitments").rows;
    expect(rows.map((row) => [row[0]!.text, row[1]!.text, row[2]!.text])).toEqual([
      [`Overdue ${run}`, "Agreed · Overdue", "1 January 2021"],
      [`Undated ${run}`, "Agreed", "No due date"],
    ]);
    expect(rows[0]![3]!.href).toBe(`/meetings/${slug("m6")}`);
  });

  it("counts the joint ventures with a side in each region (parts included) by status, live ones only", () => {
    expect(data.jointVentures.byStatus).toEqual({ active: 1, planned: 1, closed: 0 });
    expect(data.jointVentures.items.map((v) => [v.slug, v.status])).toEqual([
      [slug("v1"), "active"],
      [slug("v2"), "planned"],
    ]);
    const view = buildBriefingView(data, "en");
    expect(sectionOf(view, "joint-ventures").lead).toBe("2 joint ventures: 1 active, 1 planned, 0 closed.");
    expect(tableOf(view, "joint-ventures").rows[1]!.map((cell) => cell.text)).toEqual([
      `v2 ${run} LLC`,
      "Planned",
      `Briefland B1 ${run}`,
      `o3 ${run} LLC 70%; Briefland A ${run} 30%`,
      "—",
    ]);
  });

  it("shows the last five of the six pair meetings, newest first, with statements in order and discussion notes", () => {
    expect(data.meetings.total).toBe(6);
    expect(data.meetings.items.map((m) => m.slug)).toEqual(["m6", "m5", "m4", "m3", "m2"].map(slug));
    const [m6, , m4, m3] = meetingsOf(buildBriefingView(data, "en"));
    expect(m6!.statements.map((s) => s.text)).toEqual(["Said two", "Said one"]);
    expect(m6!.notes).toEqual([
      { entity: `o1 ${run} LLC`, href: `/organizations/${slug("o1")}`, text: "Note on o1" },
      { entity: `o2 ${run} LLC`, href: `/organizations/${slug("o2")}`, text: "Note on o2" },
    ]);
    expect(m4!.notes).toEqual([]);
    expect(m3!.statements.map((s) => s.text)).toEqual(["City said"]);
    const ru = meetingsOf(buildBriefingView(data, "ru"));
    expect(ru[0]!.statements).toEqual([
      { text: "Сказано два", speaker: "Выступающий" },
      { text: "Сказано раз", speaker: "Выступающий" },
    ]);
    expect(ru[0]!.title).toBe(`Встреча m6 ${run}`);
  });

  it("ranks the organizations by the pair meetings that discussed them, as SQL counts them", async () => {
    expect(data.organizations.map((o) => [o.slug, o.links])).toEqual([
      [slug("o1"), 3],
      [slug("o2"), 2],
      [slug("o3"), 1],
    ]);
    expect(data.organizations.map((o) => ({ slug: o.slug, links: o.links }))).toEqual(await discussedBySql(slug("a"), slug("b")));
  });

  it("says when the ranking counts only the latest thousand meetings", () => {
    const many = buildBriefingView({ ...data, meetings: { ...data.meetings, total: 1500 } }, "en");
    expect(sectionOf(many, "organizations").lead).toBe(
      "The 3 organizations discussed at the most of the latest 1,000 of these meetings, by the number of meetings that record a discussion of them.",
    );
    expect(sectionOf(buildBriefingView(data, "en"), "organizations").lead).toBe(
      "The 3 organizations discussed at the most of these meetings, by the number of meetings that record a discussion of them.",
    );
  });

  it("for the region alone: its meetings, ventures and trade with each partner", async () => {
    const alone = (await getBriefingData(slug("a"), undefined, "en"))!;
    expect(alone.partner).toBeNull();
    expect(alone.meetings.total).toBe(8);
    expect(alone.meetings.items.map((m) => m.slug)).toEqual((await latestMeetingsBySql(slug("a"))).map((m) => m.slug));
    expect(alone.jointVentures.byStatus).toEqual({ active: 1, planned: 1, closed: 1 });
    expect(alone.organizations.map((o) => ({ slug: o.slug, links: o.links }))).toEqual(await discussedBySql(slug("a")));
    expect(alone.organizations[0]).toMatchObject({ slug: slug("o3"), links: 3 });
    const view = buildBriefingView(alone, "en");
    expect(view.title).toBe(`Briefing: Briefland A ${run}`);
    expect(tableOf(view, "trade").rows.map((row) => row.map((cell) => cell.text))).toEqual([
      [`Briefland B ${run}`, "2020", "$110,000,000", "$50,000,000", "$60,000,000", "+10%"],
    ]);
  });
});

describe("the demo pair: Kursk Oblast and Belarus", () => {
  it("says $250 million in 2014 with growth not recorded, in both languages", async () => {
    const en = buildBriefingView((await getBriefingData("kursk-oblast", "belarus", "en"))!, "en");
    expect(en.title).toBe("Briefing: Kursk Oblast and Belarus");
    expect(sectionOf(en, "trade").lead).toBe("Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded.");
    expect(tableOf(en, "trade").rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["2014", "$250,000,000", "not reported", "not reported", "not recorded"],
    ]);
    const ru = buildBriefingView((await getBriefingData("kursk-oblast", "belarus", "ru"))!, "ru");
    expect(ru.title).toBe("Справка: Курская область и Беларусь");
    expect(sectionOf(ru, "trade").title).toBe("Торговля");
    expect(plain(sectionOf(ru, "trade").lead)).toBe(
      "Торговля между «Курская область» и «Беларусь»: 250 млн долл. США в 2014 году; рост к 2013 году не записан.",
    );
    expect(tableOf(ru, "trade").rows[0]!.map((cell) => plain(cell.text))).toEqual([
      "2014",
      "250 000 000 $",
      "не указано",
      "не указано",
      "нет данных",
    ]);
  });

  it("finds the joint ventures of the pair as SQL does, counted by status", async () => {
    const data = (await getBriefingData("kursk-oblast", "belarus", "en"))!;
    const expected = await venturesBySql("kursk-oblast", "belarus");
    expect(expected.length).toBeGreaterThan(0);
    expect(data.jointVentures.total).toBe(expected.length);
    expect(data.jointVentures.items).toHaveLength(Math.min(expected.length, 20));
    expect(expected.map((v) => v.slug)).toEqual(expect.arrayContaining(data.jointVentures.items.map((v) => v.slug)));
    for (const status of ["planned", "active", "closed"] as const) {
      expect(data.jointVentures.byStatus[status]).toBe(expected.filter((v) => v.status === status).length);
    }
    const alone = (await getBriefingData("belarus", undefined, "en"))!;
    expect(alone.jointVentures.total).toBe((await venturesBySql("belarus")).length);
  });

  it("holds the three demo commitments as open, in the reader's language, and counts as SQL does", async () => {
    const texts = await prisma.commitment.findMany({
      where: { meeting: { slug: "2015-03-10-lukashenko-mikhailov" } },
      orderBy: { id: "asc" },
      select: { textEn: true, textRu: true },
    });
    expect(texts).toHaveLength(3);
    const counts = await commitmentCountsBySql(["kursk-oblast", "belarus"]);
    for (const locale of ["en", "ru"] as const) {
      const data = (await getBriefingData("kursk-oblast", "belarus", locale))!;
      expect(data.commitments.openTotal).toBe(counts.open);
      expect(data.commitments.overdueTotal).toBe(counts.overdue);
      const shown = buildBriefingView(data, locale).sections.find((s) => s.id === "commitments")!;
      const table = shown.blocks.find((b) => b.kind === "table");
      const cells = table && table.kind === "table" ? table.rows.map((row) => row[0]!.text) : [];
      expect(cells).toEqual(expect.arrayContaining(texts.map((t) => (locale === "en" ? t.textEn : t.textRu))));
    }
    const ru = buildBriefingView((await getBriefingData("kursk-oblast", "belarus", "ru"))!, "ru");
    expect(sectionOf(ru, "commitments").title).toBe("Невыполненные обязательства");
  });

  it("shows the latest meetings with what was said there, and the organizations discussed most, as SQL finds them", async () => {
    const data = (await getBriefingData("kursk-oblast", "belarus", "en"))!;
    const latest = await latestMeetingsBySql("kursk-oblast", "belarus");
    expect(data.meetings.items.map((m) => m.slug)).toEqual(latest.map((m) => m.slug));
    for (const item of data.meetings.items) {
      const said = await statementsBySql(item.slug);
      expect(item.statements.map((s) => s.textEn)).toEqual(said.map((s) => s.textEn));
    }
    // The demo meeting (unless later test meetings of the pair have pushed it out) with its six statements.
    const demo = data.meetings.items.find((m) => m.slug === "2015-03-10-lukashenko-mikhailov");
    if (latest.some((m) => m.slug === "2015-03-10-lukashenko-mikhailov")) {
      expect(demo?.statements).toHaveLength(6);
      const ru = meetingsOf(buildBriefingView((await getBriefingData("kursk-oblast", "belarus", "ru"))!, "ru"));
      const demoRu = ru.find((m) => m.title === "Встреча Президента Беларуси с губернатором Курской области");
      expect(demoRu?.statements[1]).toEqual({
        text: "Отношения Беларуси и Курской области демонстрируют положительную динамику.",
        speaker: "Александр Лукашенко",
      });
    }
    expect(data.organizations.map((o) => ({ slug: o.slug, links: o.links }))).toEqual(await discussedBySql("kursk-oblast", "belarus"));
    expect(data.organizations.length).toBeGreaterThan(0);
  });

  it("for Kursk Oblast alone: its latest trade with Belarus and its own meetings", async () => {
    const data = (await getBriefingData("kursk-oblast", undefined, "en"))!;
    const view = buildBriefingView(data, "en");
    expect(view.title).toBe("Briefing: Kursk Oblast");
    const belarus = tableOf(view, "trade").rows.find((row) => row[0]!.text === "Belarus");
    expect(belarus?.map((cell) => cell.text)).toEqual(["Belarus", "2014", "$250,000,000", "not reported", "not reported", "not recorded"]);
    expect(data.meetings.items.map((m) => m.slug)).toEqual((await latestMeetingsBySql("kursk-oblast")).map((m) => m.slug));
    expect(data.organizations.map((o) => ({ slug: o.slug, links: o.links }))).toEqual(await discussedBySql("kursk-oblast"));
    const ru = buildBriefingView((await getBriefingData("kursk-oblast", undefined, "ru"))!, "ru");
    expect(ru.title).toBe("Справка: Курская область");
    expect(ru.sections.map((s) => s.title)).toEqual([
      "Торговля",
      "Невыполненные обязательства",
      "Совместные предприятия",
      "Последние встречи",
      "Чаще всего обсуждаемые организации",
    ]);
  });

  it("finds no briefing for a region that does not exist", async () => {
    expect(await getBriefingData("atlantis", undefined, "en")).toBeNull();
    expect(await getBriefingData("kursk-oblast", "atlantis", "en")).toBeNull();
  });
});

describe("GET the briefing PDF", () => {
  const pdf = (query: string, headers: Record<string, string> = {}) =>
    GET(new NextRequest(`http://localhost/workspace/briefing/pdf?${query}`, { headers }));
  const textOf = async (response: Response) => {
    const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    return (await extractText(document, { mergePages: true })).text.replace(/\s+/g, " ");
  };
  /** Each page's text, as a reader turning the pages sees it. */
  const pagesOf = async (response: Response) => {
    const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    return (await extractText(document, { mergePages: false })).text.map((page) => plain(page.replace(/\s+/g, " ")));
  };

  it("refuses the public: 401 to a program, to sign in and back to the briefing for a browser", async () => {
    signInAs(getServerSession, null);
    const refused = await pdf("region=kursk-oblast&partner=belarus&lang=en");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ status: 401, detail: "Sign in first: the briefing pack is for staff." });
    const browser = await pdf("region=kursk-oblast&partner=belarus&lang=en", { accept: "text/html,application/xhtml+xml" });
    expect(browser.status).toBe(303);
    const location = new URL(browser.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/workspace/briefing?lang=en&partner=belarus&region=kursk-oblast");
  });

  it("refuses a disabled account and one that must still change its password", async () => {
    const disabled = await createStaffUser("editor");
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    signInAs(getServerSession, disabled);
    expect((await pdf("region=kursk-oblast")).status).toBe(401);
    const pending = await createStaffUser("editor");
    await prisma.user.update({ where: { id: pending.id }, data: { mustChangePassword: true } });
    signInAs(getServerSession, pending);
    expect((await pdf("region=kursk-oblast")).status).toBe(403);
  });

  it("gives an editor the PDF in English, with every section and its sources", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const response = await pdf("region=kursk-oblast&partner=belarus&lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="interregio-briefing-kursk-oblast-belarus-en-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const text = await textOf(response);
    for (const heading of [
      "Briefing: Kursk Oblast and Belarus",
      "Contents",
      "Trade",
      "Open commitments",
      "Joint ventures",
      "Latest meetings",
      "Organizations discussed most",
      "Sources",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Trade between Kursk Oblast and Belarus: $250 million in 2014; growth on 2013 not recorded.");
    expect(text).toContain("$250,000,000");
    expect(text).toContain("Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015");
    expect(text).toContain("Agreements, once made, are to be honored.");
  });

  it("gives the PDF in Russian when asked, whatever the reader's own language", async () => {
    signInAs(getServerSession, await createStaffUser("admin"));
    const response = await pdf("region=kursk-oblast&partner=belarus&lang=ru", { "accept-language": "en" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("-ru-");
    const text = await textOf(response);
    for (const heading of [
      "Справка: Курская область и Беларусь",
      "Содержание",
      "Торговля",
      "Невыполненные обязательства",
      "Совместные предприятия",
      "Последние встречи",
      "Чаще всего обсуждаемые организации",
      "Источники",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Достигнутые договорённости должны выполняться.");
    expect(text).not.toContain("Open commitments");
  });

  it("heads every page with the ministry and the mark, cites sources in Russian, names Belarus a country and draws the chart", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const ministry = "Министерство иностранных дел Республики Беларусь";
    const response = await pdf(
      `region=kursk-oblast&partner=belarus&lang=ru&ministry=${encodeURIComponent(` ${ministry} `)}&mark=official-use`,
    );
    expect(response.status).toBe(200);
    const pages = await pagesOf(response);
    // Sections follow each other: some section begins part-way down a page (each began a new page before).
    const titles = ["Невыполненные обязательства", "Совместные предприятия", "Последние встречи", "Чаще всего обсуждаемые организации"];
    const bodies = pages.slice(1).map((page) => page.replace(ministry, "").replace("Для служебного пользования", "").trim());
    expect(bodies.some((body) => titles.some((title) => body.indexOf(title) > 0))).toBe(true);
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toContain(ministry);
      expect(page, `page ${i + 1}`).toContain("Для служебного пользования");
    }
    const text = pages.join(" ");
    // The demo source's Russian title (the meeting and the trade figure both cite it), never the English one.
    expect(text).toContain("Сообщение о встрече Президента Беларуси с губернатором Курской области, 10 марта 2015 года");
    expect(text).not.toContain("Report of the meeting");
    // Belarus is a country in every sentence that names it; Kursk Oblast a region.
    expect(text).toContain("для региона «Курская область» и страны «Беларусь»");
    expect(text).toContain("Товарооборот региона «Курская область» со страной «Беларусь» по годам, долл. США (сначала последние)");
    expect(text).not.toMatch(/регион\S* «Беларусь»/);
    // The chart: its title, its legend and the value axis up to the year's $250 million, drawn as text in the PDF.
    expect(text).toContain("Товарооборот региона «Курская область» со страной «Беларусь» по годам, долл. США Товарооборот");
    const axis = new Intl.NumberFormat("ru", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
    expect(text).toContain(plain(axis.format(250_000_000)));
    expect(text).toContain(plain(axis.format(0)));
  });

  it("prints only what was chosen: the mark alone in English, and no header line when nothing is", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const marked = await pagesOf(await pdf("region=kursk-oblast&partner=belarus&lang=en&mark=internal&ministry=%20"));
    for (const page of marked) expect(page).toContain("For internal use");
    expect(marked.join(" ")).toContain(
      "Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015",
    );
    const bare = await pagesOf(await pdf("region=kursk-oblast&partner=belarus&lang=en"));
    for (const page of bare) expect(page).not.toContain("For internal use");
  });

  it("takes fewer pages than one per section for this file's own pair, whose every row it made", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const pages = await pagesOf(await pdf(`region=${slug("a")}&partner=${slug("b")}&lang=en`));
    // Five sections, each on a page of its own, took five pages at the least.
    expect(pages.length).toBeLessThan(5);
    const text = pages.join(" ");
    for (const title of ["Open commitments", "Joint ventures", "Latest meetings", "Organizations discussed most"]) {
      expect(text).toContain(title);
    }
  });

  it("takes the reader's language when none is asked, and makes a region's own briefing", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const response = await pdf("region=kursk-oblast", { "accept-language": "ru-RU,ru;q=0.9" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/interregio-briefing-kursk-oblast-ru-/);
    expect(await textOf(response)).toContain("Справка: Курская область");
  });

  it.each([
    ["", "region", "Give region: the slug of a region, such as kursk-oblast."],
    ["region=Kursk%20Oblast!", "region", "region must be a region's slug, such as kursk-oblast."],
    ["region=kursk-oblast&partner=%00", "partner", "partner must be a region's slug, such as belarus."],
    ["region=kursk-oblast&partner=kursk-oblast", "partner", "partner must be another region than region."],
    ["region=kursk-oblast&lang=de", "lang", "lang must be en or ru."],
    [`region=kursk-oblast&ministry=${"М".repeat(151)}`, "ministry", "ministry must be at most 150 characters."],
    ["region=kursk-oblast&ministry=Ministry%0Aof%20Foreign%20Affairs", "ministry", "ministry must be one line of text."],
    ["region=kursk-oblast&mark=secret", "mark", "mark must be one of official-use, internal."],
  ])("answers 400 with a clear message for %j", async (query, field, message) => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const response = await pdf(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { detail: string; errors: Record<string, string[]> };
    expect(body.errors[field]).toEqual([message]);
    expect(body.detail).toContain(message);
  });

  it("answers 404 for a region the registry does not have", async () => {
    signInAs(getServerSession, await createStaffUser("editor"));
    const response = await pdf("region=atlantis&partner=belarus");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ detail: "There is no such region in the registry: check region and partner." });
  });
});
