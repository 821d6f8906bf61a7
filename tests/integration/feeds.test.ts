import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SaxesParser } from "saxes";
import { GET as jointVenturesFeed } from "@/app/feeds/joint-ventures.atom/route";
import { GET as meetingsFeed } from "@/app/feeds/meetings.atom/route";
import { listJointVentures } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema } from "@/lib/joint-ventures/schema";
import { listMeetings } from "@/lib/meetings/queries";
import { prisma, seedOnce } from "./setup";

type Parsed = { title: string; entries: { title: string; link: string; updated: string }[] };

/** Parses an Atom document strictly (a malformed one throws): the feed's title and its entries. */
function parseAtom(xml: string): Parsed {
  const parser = new SaxesParser({ xmlns: true });
  const parsed: Parsed = { title: "", entries: [] };
  const path: string[] = [];
  let text = "";
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    path.push(tag.local);
    text = "";
    if (tag.local === "entry") parsed.entries.push({ title: "", link: "", updated: "" });
    if (tag.local === "link" && path.at(-2) === "entry") parsed.entries.at(-1)!.link = String(tag.attributes.href?.value ?? "");
  });
  parser.on("text", (chunk) => (text += chunk));
  parser.on("cdata", (chunk) => (text += chunk));
  parser.on("closetag", (tag) => {
    const inEntry = path.at(-2) === "entry";
    if (tag.local === "title" && inEntry) parsed.entries.at(-1)!.title = text.trim();
    else if (tag.local === "title" && path.at(-2) === "feed") parsed.title = text.trim();
    if (tag.local === "updated" && inEntry) parsed.entries.at(-1)!.updated = text.trim();
    path.pop();
  });
  parser.write(xml).close();
  return parsed;
}

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

  it.each(["?sector=%00&region=<script>", "?year=99999&level=king&lang=xx", "?region=" + "a".repeat(5000)])(
    "answers nonsense %s with a valid feed, never a 500",
    async (query) => {
      for (const feed of [jointVenturesFeed, meetingsFeed]) {
        const response = await feed(request(`/feeds/x.atom${query}`));
        expect(response.status).toBe(200);
        parseAtom(await response.text());
      }
    },
  );
});
