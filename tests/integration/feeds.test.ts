import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as commitmentsFeed } from "@/app/feeds/commitments.atom/route";
import { GET as jointVenturesFeed } from "@/app/feeds/joint-ventures.atom/route";
import { GET as meetingsFeed } from "@/app/feeds/meetings.atom/route";
import { GET as organizationsFeed } from "@/app/feeds/organizations.atom/route";
import { GET as searchFeed } from "@/app/feeds/search.atom/route";
import { listJointVentures } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema } from "@/lib/joint-ventures/schema";
import { listMeetings } from "@/lib/meetings/queries";
import { searchRegistry } from "@/lib/search/queries";
import { SearchParamsSchema } from "@/lib/search/schema";
import { parseAtom } from "@/tests/support/atom";
import { prisma, seedOnce } from "./setup";

const request = (path: string) => new Request(`http://interregio.test${path}`);

beforeAll(() => seedOnce());
afterAll(() => prisma.$disconnect());

describe("Atom feeds", () => {
  it("the joint-venture feed holds the filtered ventures, newest first, in the reader's language", async () => {
    const response = await jointVenturesFeed(request("/feeds/joint-ventures.atom?sector=C28&lang=ru"));
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseAtom(await response.text());
    expect(feed.title).toBe("Интеррегио: новые совместные предприятия");
    const table = await listJointVentures(JointVentureFilterSchema.parse({ sector: "28" }), { page: 1, perPage: 100 }, "ru");
    expect(table.total).toBeGreaterThan(0);
    expect(feed.entries.map((entry) => entry.link).sort()).toEqual(
      table.items.map((venture) => `http://interregio.test/organizations/${venture.slug}`).sort(),
    );
    expect(feed.entries.map((entry) => entry.title).sort()).toEqual(table.items.map((venture) => venture.name).sort());
    const ids = await prisma.organization.findMany({
      where: { slug: { in: table.items.map((v) => v.slug) } },
      select: { slug: true, id: true },
    });
    const newestFirst = [...ids].sort((a, b) => b.id - a.id).map((v) => `http://interregio.test/organizations/${v.slug}`);
    expect(feed.entries.map((entry) => entry.link)).toEqual(newestFirst);
  });

  it("the meetings feed holds a region's meetings, newest first, as its list does", async () => {
    const response = await meetingsFeed(request("/feeds/meetings.atom?region=kursk-oblast"));
    const feed = parseAtom(await response.text());
    expect(feed.title).toBe("Interregio: new meetings");
    const list = await listMeetings({ region: "kursk-oblast", page: 1, perPage: 50, sort: "date-desc" });
    expect(list.items.length).toBeGreaterThan(0);
    expect(feed.entries.map((entry) => entry.link)).toEqual(list.items.map((meeting) => `http://interregio.test/meetings/${meeting.slug}`));
    expect(feed.entries.map((entry) => entry.title)).toEqual(list.items.map((meeting) => meeting.titleEn));
    expect(feed.entries.every((entry) => !Number.isNaN(Date.parse(entry.updated)))).toBe(true);
  });

  it.each([
    ["/feeds/joint-ventures.atom?sector=%00&region=<script>", ["region", "sector"]],
    ["/feeds/joint-ventures.atom?foundedFrom=2010&foundedTo=2000", ["foundedTo"]],
    ["/feeds/meetings.atom?year=99999&level=king&lang=xx", ["lang", "level", "year"]],
    ["/feeds/organizations.atom?kind=shop&region=" + "a".repeat(5000), ["kind", "region"]],
    ["/feeds/search.atom?type=person", ["q", "type"]],
    ["/feeds/organizations.atom?colour=red", ["colour"]],
  ])("answers %s with a 400 problem+json naming each bad parameter", async (path, names) => {
    const feed = { joint: jointVenturesFeed, meetings: meetingsFeed, organizations: organizationsFeed, search: searchFeed }[
      path.includes("joint") ? "joint" : (path.split("/")[2]!.split(".")[0] as "meetings" | "organizations" | "search")
    ];
    const response = await feed(request(path));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys((await response.json()).errors).sort()).toEqual(names);
  });

  it("takes a list page's own query string: its order and page are left aside, blank filters are off", async () => {
    const response = await meetingsFeed(request("/feeds/meetings.atom?region=kursk-oblast&level=&sort=date-asc&page=3&perPage=10"));
    expect(response.status).toBe(200);
    const list = await listMeetings({ region: "kursk-oblast", page: 1, perPage: 50, sort: "date-desc" });
    expect(parseAtom(await response.text()).entries.map((entry) => entry.link)).toEqual(
      list.items.map((meeting) => `http://interregio.test/meetings/${meeting.slug}`),
    );
  });

  it("the organizations feed holds the list's newest organizations for its filters", async () => {
    const feed = parseAtom(
      await (await organizationsFeed(request("/feeds/organizations.atom?region=kursk-oblast&kind=university"))).text(),
    );
    expect(feed.title).toBe("Interregio: new organizations");
    const newest = await prisma.organization.findMany({
      where: { archivedAt: null, kind: "university", region: { slug: "kursk-oblast" } },
      orderBy: { id: "desc" },
      take: 50,
      select: { slug: true },
    });
    expect(newest.length).toBeGreaterThan(0);
    expect(feed.entries.map((entry) => entry.link)).toEqual(newest.map((o) => `http://interregio.test/organizations/${o.slug}`));
  });

  it("the search feed holds the search's best results for its words and filters, newest change first", async () => {
    const feed = parseAtom(await (await searchFeed(request("/feeds/search.atom?q=Kursk&type=organization&lang=ru"))).text());
    expect(feed.title).toBe("Интеррегио: поиск «Kursk»");
    const result = await searchRegistry(SearchParamsSchema.parse({ q: "Kursk", type: "organization", perPage: 50 }));
    expect(result.items.length).toBeGreaterThan(0);
    expect(feed.entries.map((entry) => entry.link).sort()).toEqual(
      result.items.map((hit) => `http://interregio.test/organizations/${hit.slug}`).sort(),
    );
    const updated = feed.entries.map((entry) => Date.parse(entry.updated));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });

  it("answers any query string with a valid Atom feed or a 400 problem+json, never anything else", async () => {
    const feeds = [jointVenturesFeed, meetingsFeed, organizationsFeed, searchFeed, commitmentsFeed];
    const name = fc.constantFrom("sector", "region", "regionMatch", "status", "year", "level", "kind", "q", "type", "lang", "page", "sort");
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("28", "C", "kursk-oblast", "ru", "all", "1", "2015-02-30", "\u0000", "-1", "Kursk", "agreed,lapsed"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: feeds.length - 1 }),
        fc.array(fc.tuple(name, value), { maxLength: 4 }),
        async (index, pairs) => {
          const response = await feeds[index]!(request(`/feeds/any.atom?${new URLSearchParams(pairs)}`));
          if (response.status === 200) parseAtom(await response.text());
          else {
            expect(response.status).toBe(400);
            expect(response.headers.get("content-type")).toBe("application/problem+json");
            expect(Object.keys((await response.json()).errors).length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
