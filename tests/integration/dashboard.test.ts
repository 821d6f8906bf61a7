import { beforeAll, afterAll, describe, expect, it } from "vitest";

const { readDashboardCounts, getDashboard, organizationKinds, meetingLevels, DASHBOARD_YEARS } = await import("@/lib/dashboard/queries");
const { listOrganizations } = await import("@/lib/organizations/queries");
const { OrganizationListSchema } = await import("@/lib/organizations/schema");
const { listMeetings } = await import("@/lib/meetings/queries");
const { MeetingListSchema } = await import("@/lib/meetings/schema");
const { listCommitments } = await import("@/lib/commitments/tracker");
const { TrackerParamsSchema } = await import("@/lib/commitments/schema");
const { listTradePairs } = await import("@/lib/trade/analysis");
const { TradeListSchema } = await import("@/lib/trade/schema");
const { prisma, seedOnce } = await import("./setup");

/**
 * Every figure of the dashboard against the database counted directly, and against the total of the list its
 * link opens (the link's query parsed by that list's own schema, as the page parses it).
 */

const run = `${process.pid}-${Date.now()}`;

/** The query string of a link built by paths, as the list's page receives it. */
function queryOf(href: string): Record<string, string | string[]> {
  const params = new URL(href, "http://x").searchParams;
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return query;
}

const { paths } = await import("@/lib/paths");
const organizationsTotal = async (href: string) => (await listOrganizations(OrganizationListSchema.parse(queryOf(href)), "en")).total;
const meetingsTotal = async (href: string) => (await listMeetings(MeetingListSchema.parse(queryOf(href)))).total;

beforeAll(async () => {
  await seedOnce();
  const region = await prisma.region.create({
    data: { slug: `dashboard-${run}`, nameEn: `Dashboard ${run}`, nameRu: `Сводка ${run}`, level: "region", countryCode: "RU" },
    select: { id: true },
  });
  // Organizations the counts must get right: one in two divisions of section C (counted once in C, once in A
  // through its third sector), one filed under section C itself, one archived (counted nowhere), one founded in
  // the dashboard's latest year.
  const make = (n: number, data: { kind: "enterprise" | "university" | "joint_venture"; foundedYear?: number; archived?: boolean }) =>
    prisma.organization.create({
      data: {
        slug: `dashboard-org-${run}-${n}`,
        kind: data.kind,
        name: `ООО «Сводка ${n} ${run}»`,
        regionId: region.id,
        countryCode: "RU",
        status: "active",
        foundedYear: data.foundedYear,
        archivedAt: data.archived ? new Date() : undefined,
      },
      select: { id: true },
    });
  const twoDivisions = await make(1, { kind: "enterprise", foundedYear: 2024 });
  const section = await make(2, { kind: "university", foundedYear: 2024 });
  const archived = await make(3, { kind: "enterprise", foundedYear: 2024, archived: true });
  await make(4, { kind: "joint_venture", foundedYear: 2025 });
  await prisma.organizationSector.createMany({
    data: [
      { organizationId: twoDivisions.id, sectorCode: "10", isPrimary: true },
      { organizationId: twoDivisions.id, sectorCode: "25" },
      { organizationId: twoDivisions.id, sectorCode: "01" },
      { organizationId: section.id, sectorCode: "C", isPrimary: true },
      { organizationId: archived.id, sectorCode: "10", isPrimary: true },
    ],
  });
  // Meetings in several years and levels, one archived.
  const meeting = (n: number, date: string, level: "agency" | "business_forum" | "government", archivedAt?: Date) =>
    prisma.meeting.create({
      data: {
        slug: `dashboard-meeting-${run}-${n}`,
        titleEn: `Dashboard ${n}`,
        titleRu: `Сводка ${n}`,
        date: new Date(`${date}T00:00:00Z`),
        level,
        archivedAt,
        regions: { create: [{ regionId: region.id }] },
      },
      select: { id: true },
    });
  const first = await meeting(1, "2016-03-01", "agency");
  await meeting(2, "2016-12-31", "agency");
  await meeting(3, "2017-01-01", "business_forum");
  await meeting(4, "2016-05-05", "government", new Date());
  await prisma.commitment.createMany({
    data: [
      { meetingId: first.id, textEn: "A", textRu: "А", status: "agreed" },
      { meetingId: first.id, textEn: "B", textRu: "Б", status: "fulfilled" },
      { meetingId: first.id, textEn: "C", textRu: "В", status: "agreed", archivedAt: new Date() },
    ],
  });
});

afterAll(() => prisma.$disconnect());

describe("the dashboard's counts", () => {
  it("counts organizations by kind as SQL does and as the kind's list shows", async () => {
    const { organizations } = await readDashboardCounts();
    const rows = await prisma.$queryRaw<{ kind: string; n: number }[]>`
      SELECT kind::text, count(*)::int AS n FROM organizations WHERE archived_at IS NULL GROUP BY kind`;
    for (const kind of organizationKinds) {
      const direct = rows.find((row) => row.kind === kind)?.n ?? 0;
      expect(organizations.byKind[kind], kind).toBe(direct);
      expect(await organizationsTotal(paths.organizations({ kind })), kind).toBe(direct);
    }
    expect(organizations.total).toBe(await organizationsTotal(paths.organizations()));
  });

  it("counts organizations with any sector in each section, once each, as the sector's list shows", async () => {
    const { organizations } = await readDashboardCounts();
    expect(organizations.bySection.map((s) => s.code)).toEqual("ABCDEFGHIJKLMNOPQRSTU".split(""));
    const rows = await prisma.$queryRaw<{ section: string; n: number }[]>`
      SELECT sec.code AS section, count(DISTINCT o.id)::int AS n
      FROM sectors sec
      JOIN sectors s ON s.code = sec.code OR s.section_code = sec.code
      JOIN organization_sectors os ON os.sector_code = s.code
      JOIN organizations o ON o.id = os.organization_id AND o.archived_at IS NULL
      WHERE sec.level = 'section'
      GROUP BY sec.code`;
    for (const section of organizations.bySection) {
      const direct = rows.find((row) => row.section === section.code)?.n ?? 0;
      expect(section.count, section.code).toBe(direct);
      expect(await organizationsTotal(paths.organizations({ sector: section.code })), section.code).toBe(direct);
    }
    expect(organizations.bySection.find((s) => s.code === "C")!.count).toBeGreaterThanOrEqual(2);
  });

  it("maps every NACE code to its section as the sectors table does", async () => {
    const mismatches = await prisma.$queryRaw<{ code: string }[]>`
      SELECT code FROM sectors WHERE interregio_nace_section(code) IS DISTINCT FROM coalesce(section_code, code)`;
    expect(mismatches).toEqual([]);
    const [{ n } = { n: -1 }] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code
      WHERE os.section_code IS DISTINCT FROM coalesce(s.section_code, s.code)`;
    expect(n).toBe(0);
  });

  it("counts new partners by founded year over the latest years, as the year's list shows", async () => {
    const { founded } = await readDashboardCounts();
    expect(founded).toHaveLength(DASHBOARD_YEARS);
    const [{ latest } = { latest: 0 }] = await prisma.$queryRaw<{ latest: number }[]>`
      SELECT max(founded_year) AS latest FROM organizations WHERE archived_at IS NULL`;
    expect(founded.at(-1)?.year).toBe(latest);
    expect(founded[0]?.year).toBe(latest - DASHBOARD_YEARS + 1);
    for (const { year, count } of founded) {
      const [{ n } = { n: -1 }] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM organizations WHERE archived_at IS NULL AND founded_year = ${year}`;
      expect(count, String(year)).toBe(n);
      expect(await organizationsTotal(paths.organizations({ founded: year })), String(year)).toBe(n);
    }
    expect(founded.find((row) => row.year === 2024)?.count).toBeGreaterThanOrEqual(2);
  });

  it("counts meetings per year and level, as the meetings list filtered to them shows", async () => {
    const { meetings } = await readDashboardCounts();
    expect(meetings.total).toBe(await meetingsTotal(paths.meetings()));
    expect(meetings.byYear).toHaveLength(DASHBOARD_YEARS);
    const rows = await prisma.$queryRaw<{ year: number; level: string; n: number }[]>`
      SELECT extract(year FROM date)::int AS year, level::text, count(*)::int AS n FROM meetings WHERE archived_at IS NULL GROUP BY 1, 2`;
    let checkedNonZero = 0;
    for (const row of meetings.byYear) {
      for (const level of meetingLevels) {
        const direct = rows.find((r) => r.year === row.year && r.level === level)?.n ?? 0;
        expect(row.byLevel[level], `${row.year} ${level}`).toBe(direct);
        if (direct > 0) {
          checkedNonZero += 1;
          expect(await meetingsTotal(paths.meetings({ year: row.year, level })), `${row.year} ${level}`).toBe(direct);
        }
      }
      expect(await meetingsTotal(paths.meetings({ year: row.year })), String(row.year)).toBe(row.total);
    }
    expect(checkedNonZero).toBeGreaterThan(0);
  });

  it("counts commitments by status as the tracker filtered to the status shows", async () => {
    const { commitments } = await getDashboard("en");
    const rows = await prisma.$queryRaw<{ status: string; n: number }[]>`
      SELECT c.status::text, count(*)::int AS n FROM commitments c JOIN meetings m ON m.id = c.meeting_id
      WHERE c.archived_at IS NULL AND m.archived_at IS NULL GROUP BY c.status`;
    for (const [status, count] of Object.entries(commitments)) {
      const direct = rows.find((row) => row.status === status)?.n ?? 0;
      expect(count, status).toBe(direct);
      const params = TrackerParamsSchema.parse(queryOf(paths.commitments({ status })));
      expect((await listCommitments(params, "en")).total, status).toBe(direct);
    }
    expect(commitments.agreed).toBeGreaterThanOrEqual(1);
  });

  it("ranks the region pairs by turnover as the trade overview does, the largest first", async () => {
    const { trade } = await getDashboard("en");
    const overview = await listTradePairs(TradeListSchema.parse(queryOf(paths.trade())), "en");
    expect(trade.items.map((row) => [row.region.slug, row.partner.slug, row.turnoverUsd])).toEqual(
      overview.items.slice(0, trade.items.length).map((row) => [row.region.slug, row.partner.slug, row.turnoverUsd]),
    );
    // The demo's $250 million of 2014 between Kursk Oblast and Belarus, its only figure.
    const demo = trade.items.find((row) => [row.region.slug, row.partner.slug].sort().join() === "belarus,kursk-oblast");
    expect(demo).toMatchObject({ year: 2014, turnoverUsd: 250_000_000 });
    // Pairs of live figures between live regions: other tests archive regions that have figures.
    const [{ n } = { n: -1 }] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT (LEAST(t.region_id, t.partner_region_id), GREATEST(t.region_id, t.partner_region_id)))::int AS n
      FROM trade_figures t
      JOIN regions r ON r.id = t.region_id AND r.archived_at IS NULL
      JOIN regions p ON p.id = t.partner_region_id AND p.archived_at IS NULL
      WHERE t.archived_at IS NULL`;
    expect(trade.total).toBe(n);
  });
});
