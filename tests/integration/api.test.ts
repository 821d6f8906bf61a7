import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma-client";
import * as regionsRoute from "@/app/api/v1/regions/route";
import * as regionRoute from "@/app/api/v1/regions/[slug]/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import * as organizationRoute from "@/app/api/v1/organizations/[slug]/route";
import * as meetingsRoute from "@/app/api/v1/meetings/route";
import * as meetingRoute from "@/app/api/v1/meetings/[slug]/route";
import * as sectorsRoute from "@/app/api/v1/sectors/route";
import * as sectorRoute from "@/app/api/v1/sectors/[code]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as indexRoute from "@/app/api/v1/route";
import * as searchRoute from "@/app/api/v1/search/route";
import * as jointVenturesRoute from "@/app/api/v1/joint-ventures/route";
import * as suggestRoute from "@/app/api/v1/search/suggest/route";
import * as commitmentsRoute from "@/app/api/v1/commitments/route";
import { ajv, document, expectMatchesDocument, expectProblem } from "@/tests/support/openapi";
import { listOrganizations } from "@/lib/organizations/queries";
import { OrganizationListSchema } from "@/lib/organizations/schema";
import { listJointVentures } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema } from "@/lib/joint-ventures/schema";
import { prisma, seedOnce } from "./setup";

type Route = {
  GET: (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
  HEAD: (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
  OPTIONS: () => Response;
  POST: (request: Request) => Response;
};

const base = "http://localhost";
const meetingSlug = "2015-03-10-lukashenko-mikhailov";
const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

function get(route: Route, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return route.GET(new Request(`${base}${path}`, { headers }), { params: Promise.resolve(params) });
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & { items: Record<string, unknown>[]; nextCursor: string | null };
}

let testRegion: { id: number; slug: string };

async function createOrganization(n: number) {
  const slug = `api-walk-${suffix}-${n}`;
  return prisma.organization.create({
    data: {
      slug,
      kind: "enterprise",
      name: `ООО «Обход ${n}»`,
      nameEn: `Walk ${n}`,
      regionId: testRegion.id,
      countryCode: "RU",
      status: "active",
    },
    select: { id: true, slug: true },
  });
}

beforeAll(async () => {
  await seedOnce();
  testRegion = await prisma.region.create({
    data: { slug: `api-test-${suffix}`, nameEn: "API Test Oblast", nameRu: "Тестовая область", level: "region", countryCode: "RU" },
    select: { id: true, slug: true },
  });
});

afterAll(() => prisma.$disconnect());

describe("the OpenAPI document", () => {
  it("is served as JSON and lists every endpoint", async () => {
    const response = await get(openapiRoute, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const served = await response.json();
    expect(served.openapi).toMatch(/^3\.1\.\d+$/);
    for (const path of [
      "/api/v1/regions",
      "/api/v1/regions/{slug}",
      "/api/v1/organizations",
      "/api/v1/organizations/{slug}",
      "/api/v1/meetings",
      "/api/v1/meetings/{slug}",
      "/api/v1/sectors",
      "/api/v1/sectors/{code}",
      "/api/v1/sectors/export.csv",
      "/api/v1/sectors/export.xlsx",
      "/api/v1/joint-ventures",
      "/api/v1/joint-ventures/export.csv",
      "/api/v1/joint-ventures/export.json",
      "/api/v1/search",
      "/api/v1/search/suggest",
      "/api/v1/commitments",
      "/api/v1/commitments/{id}",
      "/api/v1/commitments/export.csv",
      "/api/v1/commitments/export.xlsx",
    ]) {
      expect(Object.keys(served.paths)).toContain(path);
    }
  });

  it("is named by the API's index, which lists every endpoint", async () => {
    const response = await get(indexRoute, "/api/v1");
    expect(response.status).toBe(200);
    const index = await response.json();
    expectMatchesDocument("/api/v1", index);
    expect(index.openapi).toBe("/api/v1/openapi.json");
    expect(index.endpoints.map((e: { path: string }) => e.path)).toEqual(Object.keys(document.paths));
  });

  it("its response schemas refuse a body of the wrong shape (the checks below are not vacuous)", () => {
    const validate = ajv.getSchema("https://interregio.test/openapi.json#/components/schemas/OrganizationList")!;
    expect(validate({ items: [], nextCursor: null })).toBe(true);
    expect(validate({ items: [{ slug: "x" }], nextCursor: null })).toBe(false);
    expect(validate({ items: [], nextCursor: 5 })).toBe(false);
  });
});

describe("lists and records answer 200 with bodies that match the OpenAPI document", () => {
  it("regions", async () => {
    const list = await get(regionsRoute, "/api/v1/regions?limit=5");
    expect(list.status).toBe(200);
    expect(list.headers.get("content-type")).toContain("application/json");
    const page = await json(list);
    expectMatchesDocument("/api/v1/regions", page);
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toEqual(expect.any(String));

    const record = await get(regionRoute, "/api/v1/regions/kursk-oblast", { slug: "kursk-oblast" });
    expect(record.status).toBe(200);
    const region = await record.json();
    expectMatchesDocument("/api/v1/regions/{slug}", region);
    expect(region).toMatchObject({
      slug: "kursk-oblast",
      nameEn: "Kursk Oblast",
      level: "region",
      url: "/regions/kursk-oblast",
      country: { code: "RU" },
    });
    expect(region.parent).toMatchObject({ slug: "russia", url: "/regions/russia" });
    expect(region.organizationCount).toBeGreaterThan(0);
  });

  it("organizations, with a joint venture's partners as numbers", async () => {
    const list = await get(organizationsRoute, "/api/v1/organizations?kind=joint_venture");
    const page = await json(list);
    expect(list.status).toBe(200);
    expectMatchesDocument("/api/v1/organizations", page);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.kind === "joint_venture")).toBe(true);

    const venture = page.items[0]!;
    const record = await get(organizationRoute, `/api/v1/organizations/${venture.slug}`, { slug: String(venture.slug) });
    expect(record.status).toBe(200);
    const detail = await record.json();
    expectMatchesDocument("/api/v1/organizations/{slug}", detail);
    expect(detail.url).toBe(`/organizations/${venture.slug}`);
    expect(detail.partners.length).toBeGreaterThan(0);
    for (const partner of detail.partners) expect(typeof partner.sharePercent).toBe("number");
    expect(detail.capitalAmount === null || typeof detail.capitalAmount === "number").toBe(true);
  });

  it("meetings, newest first, with ISO dates", async () => {
    const list = await get(meetingsRoute, "/api/v1/meetings");
    const page = await json(list);
    expect(list.status).toBe(200);
    expectMatchesDocument("/api/v1/meetings", page);
    const dates = page.items.map((item) => String(item.date));
    expect(dates).toEqual([...dates].sort().reverse());

    const record = await get(meetingRoute, `/api/v1/meetings/${meetingSlug}`, { slug: meetingSlug });
    expect(record.status).toBe(200);
    const meeting = await record.json();
    expectMatchesDocument("/api/v1/meetings/{slug}", meeting);
    expect(meeting).toMatchObject({ slug: meetingSlug, date: "2015-03-10", url: `/meetings/${meetingSlug}` });
    // The source as filed and its Russian title, as the database holds them.
    const stored = await prisma.meeting.findUniqueOrThrow({
      where: { slug: meetingSlug },
      select: { sourceTitle: true, sourceTitleRu: true },
    });
    expect(stored.sourceTitleRu).not.toBeNull();
    expect(meeting).toMatchObject({ sourceTitle: stored.sourceTitle, sourceTitleRu: stored.sourceTitleRu });
    expect((document.components.schemas.MeetingDetail as { required: string[] }).required).toContain("sourceTitleRu");
    expect(meeting.discussed.length).toBeGreaterThan(0);
  });

  it("sectors, a section with its divisions and a division with its section", async () => {
    const list = await get(sectorsRoute, "/api/v1/sectors?limit=100");
    const page = await json(list);
    expect(list.status).toBe(200);
    expectMatchesDocument("/api/v1/sectors", page);
    expect(page.items).toHaveLength(100);
    const rest = await json(await get(sectorsRoute, `/api/v1/sectors?limit=100&cursor=${page.nextCursor}`));
    expect(page.items.length + rest.items.length).toBe(21 + 88);
    expect(rest.nextCursor).toBeNull();

    const section = await (await get(sectorRoute, "/api/v1/sectors/C", { code: "C" })).json();
    expectMatchesDocument("/api/v1/sectors/{code}", section);
    expect(section).toMatchObject({ code: "C", level: "section", section: null, url: "/sectors/C" });
    expect(section.divisions.map((d: { code: string }) => d.code)).toContain("28");

    const division = await (await get(sectorRoute, "/api/v1/sectors/28", { code: "28" })).json();
    expectMatchesDocument("/api/v1/sectors/{code}", division);
    expect(division).toMatchObject({ code: "28", level: "division", section: { code: "C" } });
    const [counted] = await prisma.$queryRaw<{ count: number }[]>`
      SELECT count(DISTINCT o.id)::int AS count FROM organizations o JOIN organization_sectors os ON os.organization_id = o.id
      JOIN sectors s ON s.code = os.sector_code WHERE o.archived_at IS NULL AND (s.code = 'C' OR s.section_code = 'C')`;
    expect(counted!.count).toBeGreaterThan(0);
    expect(section.organizationCount).toBe(counted!.count);
    expect(division.organizationCount).toBeLessThanOrEqual(section.organizationCount);
  });
});

describe("joint ventures", () => {
  it("lists ventures with partners and shares as numbers, filtered by two filters", async () => {
    const response = await get(jointVenturesRoute, "/api/v1/joint-ventures?limit=100");
    expect(response.status).toBe(200);
    const page = await json(response);
    expectMatchesDocument("/api/v1/joint-ventures", page);
    expect(page.items.length).toBeGreaterThan(0);
    const withPartners = page.items.find((item) => (item.partners as unknown[]).length > 0)!;
    expect(withPartners.url).toBe(`/organizations/${withPartners.slug}`);
    for (const partner of withPartners.partners as { sharePercent: unknown }[]) expect(typeof partner.sharePercent).toBe("number");

    const filtered = await json(await get(jointVenturesRoute, "/api/v1/joint-ventures?sector=C&status=active&limit=100"));
    expectMatchesDocument("/api/v1/joint-ventures", filtered);
    const divisionsOfC = new Set(
      (await prisma.sector.findMany({ where: { sectionCode: "C" }, select: { code: true } })).map((s) => s.code),
    );
    for (const item of filtered.items) {
      expect(item.status).toBe("active");
      expect((item.sectors as { code: string }[]).some((s) => s.code === "C" || divisionsOfC.has(s.code))).toBe(true);
    }
  });

  it("reads NACE codes as analysts write them: C28, 28, 28.30 and С28 (a Cyrillic С) all mean division 28", async () => {
    const slugsOf = async (sector: string) => {
      const response = await get(jointVenturesRoute, `/api/v1/joint-ventures?sector=${encodeURIComponent(sector)}&limit=100`);
      expect(response.status, sector).toBe(200);
      return (await json(response)).items.map((item) => String(item.slug)).sort();
    };
    const division = await slugsOf("28");
    const inDivision = await prisma.organization.findMany({
      where: { kind: "joint_venture", archivedAt: null, sectors: { some: { sectorCode: "28" } } },
      select: { slug: true },
    });
    expect(division).toEqual(inDivision.map((venture) => venture.slug).sort());
    expect(division.length).toBeGreaterThan(0);
    for (const written of ["C28", "c28", "28.30", "28.3", "С28"]) expect(await slugsOf(written)).toEqual(division);
    // A division written under the wrong section is refused, naming the parameter.
    const problem = await expectProblem(await get(jointVenturesRoute, "/api/v1/joint-ventures?sector=A28"), 400);
    expect(Object.keys(problem.errors ?? {})).toContain("sector");
  });

  it("walks every venture by cursor, one at a time, without repeats", async () => {
    const total = await prisma.organization.count({ where: { kind: "joint_venture", archivedAt: null } });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages <= total; pages += 1) {
      const page = await json(await get(jointVenturesRoute, `/api/v1/joint-ventures?limit=1${cursor ? `&cursor=${cursor}` : ""}`));
      seen.push(...page.items.map((item) => String(item.slug)));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it.each([
    ["/api/v1/joint-ventures?sector=Z9", "sector"],
    ["/api/v1/joint-ventures?status=bankrupt", "status"],
    ["/api/v1/joint-ventures?foundedFrom=2010&foundedTo=2000", "foundedTo"],
    ["/api/v1/joint-ventures?capitalMin=lots", "capitalMin"],
    ["/api/v1/joint-ventures?limit=0", "limit"],
    ["/api/v1/joint-ventures?cursor=garbage", "cursor"],
    [`/api/v1/joint-ventures?cursor=${Buffer.from("[1000000000000]").toString("base64url")}`, "cursor"],
    ["/api/v1/joint-ventures?sort=colour&dir=up", "sort"],
  ])("refuses %s (%s)", async (path, field) => {
    const problem = await expectProblem(await get(jointVenturesRoute, path), 400);
    expect(Object.keys(problem.errors ?? {})).toContain(field);
  });
});

describe("search", () => {
  it("finds across scripts, pages by number, and marks the matched words", async () => {
    const response = await get(searchRoute, "/api/v1/search?q=Kursk&perPage=5");
    expect(response.status).toBe(200);
    const result = await response.json();
    expectMatchesDocument("/api/v1/search", result);
    expect(result.total).toBeGreaterThan(0);
    expect(result).toMatchObject({ page: 1, perPage: 5 });
    expect(result.facets).toBeUndefined();
    const region = result.items.find((hit: { type: string; slug: string }) => hit.type === "region" && hit.slug === "kursk-oblast");
    expect(region).toMatchObject({ url: "/regions/kursk-oblast", titleRu: "Курская область" });
    expect(region.headlineEn.some((part: { match: boolean }) => part.match)).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/\\u000[23]/);
  });

  it("filters by type and returns facets on request", async () => {
    const result = await (await get(searchRoute, "/api/v1/search?q=Kursk&type=organization&facets=true")).json();
    expectMatchesDocument("/api/v1/search", result);
    expect(result.items.length).toBeGreaterThan(0);
    expect(
      result.items.every((hit: { type: string; url: string }) => hit.type === "organization" && hit.url.startsWith("/organizations/")),
    ).toBe(true);
    expect(result.facets.type.length).toBeGreaterThan(0);
    expect(result.facets.type).toContainEqual({ value: "organization", count: result.total, labelEn: null, labelRu: null });
  });

  it("suggests records as the reader types", async () => {
    const response = await get(suggestRoute, "/api/v1/search/suggest?q=Kur&limit=5");
    expect(response.status).toBe(200);
    const result = await response.json();
    expectMatchesDocument("/api/v1/search/suggest", result);
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThanOrEqual(5);
    expect(result.items.map((s: { slug: string }) => s.slug)).toContain("kursk-oblast");

    const short = await (await get(suggestRoute, "/api/v1/search/suggest?q=K")).json();
    expect(short).toEqual({ items: [] });
  });

  it.each([
    ["/api/v1/search", "q", searchRoute],
    ["/api/v1/search?q=%20!!", "q", searchRoute],
    ["/api/v1/search?q=kursk&type=person", "type", searchRoute],
    ["/api/v1/search?q=kursk&kind=organization,giant", "kind", searchRoute],
    ["/api/v1/search?q=kursk&perPage=0", "perPage", searchRoute],
    ["/api/v1/search?q=kursk&page=abc", "page", searchRoute],
    ["/api/v1/search?q=kursk&facets=yes", "facets", searchRoute],
    ["/api/v1/search?q=kursk&sort=name", "sort", searchRoute],
    ["/api/v1/search/suggest", "q", suggestRoute],
    ["/api/v1/search/suggest?q=ku&limit=50", "limit", suggestRoute],
  ] as [string, string, Route][])("refuses %s (%s)", async (path, field, route) => {
    const problem = await expectProblem(await get(route, path), 400);
    expect(Object.keys(problem.errors ?? {})).toContain(field);
  });
});

describe("filters", () => {
  it("organizations by country, region, status and sector (a section includes its divisions)", async () => {
    const byCountry = await json(await get(organizationsRoute, "/api/v1/organizations?country=by&limit=100"));
    expect(byCountry.items.length).toBeGreaterThan(0);
    expect(byCountry.items.every((item) => item.countryCode === "BY")).toBe(true);

    const inKursk = await json(await get(organizationsRoute, "/api/v1/organizations?region=kursk-oblast&limit=100"));
    expect(inKursk.items.length).toBeGreaterThan(0);
    expect(inKursk.items.every((item) => (item.region as { slug: string }).slug === "kursk-oblast")).toBe(true);

    const manufacturing = await json(await get(organizationsRoute, "/api/v1/organizations?sector=C&status=active&limit=100"));
    expect(manufacturing.items.length).toBeGreaterThan(0);
    const divisionsOfC = new Set(
      (await prisma.sector.findMany({ where: { sectionCode: "C" }, select: { code: true } })).map((s) => s.code),
    );
    for (const item of manufacturing.items) {
      expect(item.status).toBe("active");
      expect((item.sectors as { code: string }[]).some((s) => s.code === "C" || divisionsOfC.has(s.code))).toBe(true);
    }
  });

  it("meetings by year, level and region; regions by country and level", async () => {
    const of2015 = await json(await get(meetingsRoute, "/api/v1/meetings?year=2015&region=kursk-oblast"));
    expect(of2015.items.length).toBeGreaterThan(0);
    for (const item of of2015.items) {
      expect(String(item.date)).toMatch(/^2015-/);
      expect((item.regions as { slug: string }[]).map((r) => r.slug)).toContain("kursk-oblast");
    }
    const none = await json(await get(meetingsRoute, "/api/v1/meetings?year=1995"));
    expect(none).toEqual({ items: [], nextCursor: null });

    const russian = await json(await get(regionsRoute, "/api/v1/regions?country=RU&level=region&limit=100"));
    expect(russian.items.length).toBeGreaterThan(0);
    expect(russian.items.every((r) => r.level === "region" && (r.country as { code: string }).code === "RU")).toBe(true);
  });
});

describe("cursor pagination", () => {
  it("walks organizations while rows are added: nothing twice, none of the original skipped", async () => {
    const original = [];
    for (let n = 0; n < 30; n += 1) original.push(await createOrganization(n));
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    for (let pages = 0; pages < 20; pages += 1) {
      const path: string = `/api/v1/organizations?region=${testRegion.slug}&limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await get(organizationsRoute, path);
      expect(response.status).toBe(200);
      const page = await json(response);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => String(item.slug)));
      cursor = page.nextCursor;
      if (!cursor) break;
      // Between pages, others keep adding records.
      await createOrganization(100 + added++);
      await createOrganization(100 + added++);
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    for (const organization of original) expect(seen).toContain(organization.slug);
  });

  it("walks meetings newest first across a date shared by several meetings", async () => {
    const date = new Date("2015-03-10T00:00:00Z");
    const created = [];
    for (let n = 0; n < 3; n += 1) {
      created.push(
        await prisma.meeting.create({
          data: { slug: `api-same-day-${suffix}-${n}`, titleEn: `Same day ${n}`, titleRu: `Тот же день ${n}`, date, level: "agency" },
          select: { slug: true },
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 200; pages += 1) {
      const page = await json(await get(meetingsRoute, `/api/v1/meetings?limit=2${cursor ? `&cursor=${cursor}` : ""}`));
      seen.push(...page.items.map((item) => `${item.date} ${item.slug}`));
      cursor = page.nextCursor;
      if (!cursor) break;
      if (pages === 0)
        await prisma.meeting.create({
          data: { slug: `api-added-${suffix}`, titleEn: "Added", titleRu: "Добавлена", date, level: "agency" },
        });
    }
    expect(new Set(seen).size).toBe(seen.length);
    const live = await prisma.meeting.findMany({ where: { archivedAt: null }, select: { slug: true } });
    for (const { slug } of live) expect(seen.some((entry) => entry.endsWith(` ${slug}`))).toBe(true);
    for (const { slug } of created) expect(seen).toContain(`2015-03-10 ${slug}`);
    const dates = seen.map((entry) => entry.slice(0, 10));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("bad parameters answer 400 problem+json naming the parameter", () => {
  const cases: [string, string, Route][] = [
    ["/api/v1/organizations?limit=0", "limit", organizationsRoute],
    ["/api/v1/organizations?limit=abc", "limit", organizationsRoute],
    ["/api/v1/organizations?limit=101", "limit", organizationsRoute],
    ["/api/v1/organizations?limit=2.5", "limit", organizationsRoute],
    ["/api/v1/organizations?kind=giant", "kind", organizationsRoute],
    ["/api/v1/organizations?status=bankrupt", "status", organizationsRoute],
    ["/api/v1/organizations?country=RUS", "country", organizationsRoute],
    ["/api/v1/organizations?sector=Z9", "sector", organizationsRoute],
    ["/api/v1/organizations?region=Not%20A%20Slug", "region", organizationsRoute],
    ["/api/v1/organizations?cursor=garbage!", "cursor", organizationsRoute],
    [`/api/v1/organizations?cursor=${Buffer.from('{"id":1}').toString("base64url")}`, "cursor", organizationsRoute],
    ["/api/v1/organizations?kinds=university", "kinds", organizationsRoute],
    ["/api/v1/organizations?kind=university&kind=enterprise", "kind", organizationsRoute],
    [`/api/v1/organizations?cursor=${Buffer.from("[1000000000000]").toString("base64url")}`, "cursor", organizationsRoute],
    [`/api/v1/meetings?cursor=${Buffer.from('["2015-03-10",1000000000000]').toString("base64url")}`, "cursor", meetingsRoute],
    ["/api/v1/meetings?year=last", "year", meetingsRoute],
    ["/api/v1/meetings?level=summit", "level", meetingsRoute],
    [`/api/v1/meetings?cursor=${Buffer.from("[5]").toString("base64url")}`, "cursor", meetingsRoute],
    ["/api/v1/regions?level=province", "level", regionsRoute],
    ["/api/v1/sectors?section=1", "section", sectorsRoute],
  ];
  it.each(cases)("%s (%s)", async (path, field, route) => {
    const problem = await expectProblem(await get(route, path), 400);
    expect(Object.keys(problem.errors ?? {})).toContain(field);
    expect(problem.errors![field]!.join(" ")).toBeTruthy();
    expect(problem.detail).toContain(field);
  });
});

describe("the meetings list's order", () => {
  it("walks oldest first with sort=date-asc, as the meetings page sorts, and newest first by default", async () => {
    const walk = async (sort: string) => {
      const dates: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await json(await get(meetingsRoute, `/api/v1/meetings?limit=2${sort}${cursor ? `&cursor=${cursor}` : ""}`));
        dates.push(...page.items.map((item) => String(item.date)));
        cursor = page.nextCursor;
      } while (cursor);
      return dates;
    };
    const newest = await walk("");
    const oldest = await walk("&sort=date-asc");
    expect(newest.length).toBeGreaterThan(2);
    expect(oldest).toEqual([...newest].reverse());
    expect(oldest).toEqual([...oldest].sort());
    expect((await expectProblem(await get(meetingsRoute, "/api/v1/meetings?sort=title"), 400)).errors).toHaveProperty("sort");
  });
});

describe("the organizations list in the page's order", () => {
  const walk = async (query: string) => {
    const slugs: string[] = [];
    const cursors: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(await get(organizationsRoute, `/api/v1/organizations?${query}&limit=7${cursor ? `&cursor=${cursor}` : ""}`));
      slugs.push(...page.items.map((item) => String(item.slug)));
      cursor = page.nextCursor;
      if (cursor) cursors.push(cursor);
    } while (cursor);
    return { slugs, cursors };
  };

  it.each(["name-asc", "name-desc", "founded-asc", "founded-desc"] as const)(
    "walks every organization of a filter in the order the English list page shows with sort=%s",
    async (sort) => {
      const list = await listOrganizations(OrganizationListSchema.parse({ region: "kursk-oblast", sort, perPage: 100 }), "en");
      expect(list.total).toBeGreaterThan(7);
      const { slugs } = await walk(`region=kursk-oblast&sort=${sort}`);
      expect(slugs).toEqual(list.items.map((item) => item.slug));
    },
  );

  it("refuses a cursor of another order with a 400 naming the cursor", async () => {
    const { cursors } = await walk("region=kursk-oblast&sort=name-asc");
    expect(cursors.length).toBeGreaterThan(0);
    for (const query of [`sort=founded-asc&cursor=${cursors[0]}`, `cursor=${cursors[0]}`]) {
      expect((await expectProblem(await get(organizationsRoute, `/api/v1/organizations?${query}`), 400)).errors).toHaveProperty("cursor");
    }
  });
});

describe("the joint ventures list in the table's order", () => {
  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["region", "desc"],
    ["status", "asc"],
    ["founded", "desc"],
    ["capital", "asc"],
    ["capital", "desc"],
    ["sector", "asc"],
  ])("walks every venture in the English table's order with sort=%s&dir=%s, a cursor page at a time", async (sort, dir) => {
    const table = await listJointVentures(JointVentureFilterSchema.parse({ sort, dir }), { page: 1, perPage: 100 }, "en");
    expect(table.total).toBeGreaterThan(3);
    const slugs: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(
        await get(jointVenturesRoute, `/api/v1/joint-ventures?sort=${sort}&dir=${dir}&limit=3${cursor ? `&cursor=${cursor}` : ""}`),
      );
      expectMatchesDocument("/api/v1/joint-ventures", page);
      slugs.push(...page.items.map((item) => String(item.slug)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(slugs).toEqual(table.items.map((item) => item.slug));
  });

  it("refuses a cursor of another order", async () => {
    const first = await json(await get(jointVenturesRoute, "/api/v1/joint-ventures?sort=capital&limit=1"));
    expect(first.nextCursor).not.toBeNull();
    for (const query of [`sort=name&cursor=${first.nextCursor}`, `cursor=${first.nextCursor}`]) {
      expect((await expectProblem(await get(jointVenturesRoute, `/api/v1/joint-ventures?${query}`), 400)).errors).toHaveProperty("cursor");
    }
  });
});

describe("hostile values", () => {
  const hostile = [
    "",
    " ",
    "-1",
    "0",
    "2.5",
    "1e309",
    "NaN",
    "\u0000",
    "' OR 1=1 --",
    "x".repeat(600),
    "[]",
    "😀",
    "99999999999999999999",
    "..%2F..%2F",
    Buffer.from("[99999999999]").toString("base64url"),
    Buffer.from('["2015-03-10",-1]').toString("base64url"),
  ];
  const routes: Record<string, Route> = {
    "/api/v1/regions": regionsRoute,
    "/api/v1/organizations": organizationsRoute,
    "/api/v1/joint-ventures": jointVenturesRoute,
    "/api/v1/meetings": meetingsRoute,
    "/api/v1/sectors": sectorsRoute,
    "/api/v1/search": searchRoute,
    "/api/v1/search/suggest": suggestRoute,
    "/api/v1/commitments": commitmentsRoute,
  };
  it.each(Object.keys(routes))("%s answers 200 or 400 for any value of any parameter, never a 500", async (path) => {
    const parameters = (document.paths as Record<string, { get: { parameters?: { name: string }[] } }>)[path]!.get.parameters ?? [];
    expect(parameters.length).toBeGreaterThan(0);
    for (const { name } of parameters) {
      for (const value of hostile) {
        const query = new URLSearchParams(name === "q" ? { [name]: value } : { q: "kursk", [name]: value });
        if (!path.startsWith("/api/v1/search")) query.delete("q");
        const response = await get(routes[path]!, `${path}?${query}`);
        expect([200, 400], `${name}=${value.slice(0, 20)}`).toContain(response.status);
        if (response.status === 400) expect(response.headers.get("content-type")).toBe("application/problem+json");
        await response.arrayBuffer();
      }
    }
  });
});

describe("unknown records answer 404 problem+json", () => {
  it.each([
    ["/api/v1/regions/atlantis", { slug: "atlantis" }, regionRoute],
    ["/api/v1/organizations/no-such-organization", { slug: "no-such-organization" }, organizationRoute],
    ["/api/v1/meetings/no-such-meeting", { slug: "no-such-meeting" }, meetingRoute],
    ["/api/v1/sectors/ZZ", { code: "ZZ" }, sectorRoute],
    ["/api/v1/sectors/99x", { code: "99x" }, sectorRoute],
  ] as [string, Record<string, string>, Route][])("%s", async (path, params, route) => {
    const problem = await expectProblem(await get(route, path, params), 404);
    expect(problem.detail).toMatch(/no such record/i);
  });

  it("an archived organization is not found", async () => {
    const archived = await createOrganization(999);
    await prisma.organization.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await expectProblem(await get(organizationRoute, `/api/v1/organizations/${archived.slug}`, { slug: archived.slug }), 404);
  });
});

describe("caching", () => {
  it("sends a strong ETag and Cache-Control, and 304 without a body for If-None-Match", async () => {
    const first = await get(regionRoute, "/api/v1/regions/kursk-oblast", { slug: "kursk-oblast" });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");

    const again = await get(regionRoute, "/api/v1/regions/kursk-oblast", { slug: "kursk-oblast" }, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    const listed = await get(
      regionRoute,
      "/api/v1/regions/kursk-oblast",
      { slug: "kursk-oblast" },
      { "If-None-Match": `"other", W/${etag}` },
    );
    expect(listed.status).toBe(304);

    const stale = await get(regionRoute, "/api/v1/regions/kursk-oblast", { slug: "kursk-oblast" }, { "If-None-Match": '"stale"' });
    expect(stale.status).toBe(200);

    const other = await get(regionRoute, "/api/v1/regions/belarus", { slug: "belarus" });
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("a changed record gets a new ETag", async () => {
    const organization = await createOrganization(500);
    const before = (await get(organizationRoute, `/api/v1/organizations/${organization.slug}`, { slug: organization.slug })).headers.get(
      "etag",
    );
    await prisma.organization.update({ where: { id: organization.id }, data: { foundedYear: 2001 } });
    const after = await get(
      organizationRoute,
      `/api/v1/organizations/${organization.slug}`,
      { slug: organization.slug },
      { "If-None-Match": before! },
    );
    expect(after.status).toBe(200);
    expect((await after.json()).foundedYear).toBe(2001);
  });

  it("HEAD answers like GET without a body", async () => {
    const response = await regionsRoute.HEAD(new Request(`${base}/api/v1/regions`, { method: "HEAD" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBeTruthy();
    expect(await response.text()).toBe("");
  });
});

describe("CORS and methods", () => {
  it("lets any origin read, and answers the preflight", async () => {
    const response = await get(organizationsRoute, "/api/v1/organizations?limit=1", {}, { Origin: "https://elsewhere.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");

    const preflight = organizationsRoute.OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const methods = preflight.headers.get("access-control-allow-methods")!.split(/,\s*/);
    expect(methods).toEqual(expect.arrayContaining(["GET", "OPTIONS"]));
    expect(methods).not.toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"] as const)("%s answers 405 problem+json with Allow", async (method) => {
    const handler = (organizationsRoute as unknown as Record<string, (request: Request) => Response>)[method]!;
    const response = handler(new Request(`${base}/api/v1/organizations`, { method, body: "{}" }));
    const problem = await expectProblem(response, 405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(problem.detail).toContain(method);
  });
});

describe("when the database is down", () => {
  it("answers 503 problem+json with Retry-After and nothing of the error", async () => {
    const holder = globalThis as unknown as { interregioPrisma?: unknown };
    const saved = holder.interregioPrisma;
    const dead = createPrismaClient("postgresql://nobody@127.0.0.1:1/none", 1);
    holder.interregioPrisma = dead;
    try {
      const response = await get(organizationsRoute, "/api/v1/organizations");
      const problem = await expectProblem(response, 503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|nobody/);
    } finally {
      holder.interregioPrisma = saved;
      await dead.$disconnect();
    }
  });
});

describe("updatedSince and updatedAt", () => {
  it("keeps only the records changed at or after the moment, each list in its own way, and says when each changed", async () => {
    const [clock] = await prisma.$queryRaw<{ now: Date }[]>`SELECT (now() - interval '1 second') AS now`;
    const since = encodeURIComponent(clock!.now.toISOString());
    const venture = await prisma.organization.findFirstOrThrow({
      where: { kind: "joint_venture", archivedAt: null },
      select: { id: true },
    });
    const touched = await prisma.organization.update({
      where: { id: venture.id },
      data: { website: `https://example.org/touched-${Date.now()}` },
      select: { slug: true },
    });
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
    const touchedMeeting = await prisma.meeting.update({ where: { id: meeting.id }, data: { placeEn: "Minsk" }, select: { slug: true } });
    const region = await prisma.region.update({
      where: { slug: "gomel-region" },
      data: { nameEn: "Gomel Region" },
      select: { slug: true },
    });

    const lists = [
      [organizationsRoute, "/api/v1/organizations", touched.slug],
      [jointVenturesRoute, "/api/v1/joint-ventures", touched.slug],
      [meetingsRoute, "/api/v1/meetings", touchedMeeting.slug],
      [regionsRoute, "/api/v1/regions", region.slug],
    ] as const;
    for (const [route, path, slug] of lists) {
      const all = await json(await get(route, `${path}?limit=100`));
      const changed = await json(await get(route, `${path}?limit=100&updatedSince=${since}`));
      expectMatchesDocument(path, changed);
      expect(
        changed.items.map((item) => item.slug),
        path,
      ).toContain(slug);
      expect(changed.items.length, path).toBeLessThan(all.items.length);
      for (const item of changed.items) expect(Date.parse(String(item.updatedAt)), path).toBeGreaterThanOrEqual(clock!.now.getTime());
    }
  });

  it.each([
    ["/api/v1/organizations?updatedSince=last-week", organizationsRoute],
    ["/api/v1/organizations?updatedSince=2999-01-01T00:00:00Z", organizationsRoute],
    ["/api/v1/joint-ventures?updatedSince=2026-12-01", jointVenturesRoute],
    ["/api/v1/meetings?updatedSince=2999-01-01T00:00:00%2B03:00", meetingsRoute],
  ])("refuses %s, naming updatedSince", async (path, route) => {
    const problem = await expectProblem(await get(route, path), 400);
    expect(Object.keys(problem.errors ?? {})).toContain("updatedSince");
  });
});
