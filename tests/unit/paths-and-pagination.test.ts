import { describe, expect, it } from "vitest";
import { MeetingListSchema, meetingListQuery } from "@/lib/meetings/schema";
import { OrganizationListSchema, organizationListQuery } from "@/lib/organizations/schema";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageParamsSchema, pageWindow, toPage } from "@/lib/pagination";
import { paths, withQuery } from "@/lib/paths";
import { RegionListSchema } from "@/lib/regions/schema";

describe("withQuery", () => {
  it("leaves out empty values and the first page", () => {
    expect(withQuery("/organizations", { kind: "", status: undefined, region: null, demo: false, page: 1 })).toBe("/organizations");
    expect(withQuery("/organizations", { page: "1" })).toBe("/organizations");
    expect(withQuery("/organizations", { page: 2 })).toBe("/organizations?page=2");
  });

  it("orders keys the same way whatever order they come in, so equal views have equal URLs", () => {
    const a = withQuery("/organizations", { sector: "C", kind: "enterprise", page: 3 });
    const b = withQuery("/organizations", { page: 3, kind: "enterprise", sector: "C" });
    expect(a).toBe("/organizations?kind=enterprise&page=3&sector=C");
    expect(b).toBe(a);
  });

  it("encodes values and repeats array values", () => {
    expect(withQuery("/search", { q: "Курск & Co" })).toBe("/search?q=%D0%9A%D1%83%D1%80%D1%81%D0%BA+%26+Co");
    expect(withQuery("/x", { tag: ["a", "b"] })).toBe("/x?tag=a&tag=b");
  });

  it("builds list paths with their query", () => {
    expect(paths.organizations({ region: "kursk-oblast", page: 1 })).toBe("/organizations?region=kursk-oblast");
    expect(paths.sector("C", { page: 2 })).toBe("/sectors/C?page=2");
    expect(paths.meetings(meetingListQuery(MeetingListSchema.parse({ sort: "date-desc", year: "2015" })))).toBe("/meetings?year=2015");
  });
});

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows the first, the last and two either side of the current page, with gaps", () => {
    expect(pageWindow(10, 40)).toEqual([1, null, 8, 9, 10, 11, 12, null, 40]);
    expect(pageWindow(1, 40)).toEqual([1, 2, 3, null, 40]);
    expect(pageWindow(40, 40)).toEqual([1, null, 38, 39, 40]);
  });

  it("marks even a single skipped page as a gap", () => {
    // 1 and 3 are both shown around page 5 of 9; 2 is not, so a gap marks it.
    expect(pageWindow(5, 9)).toEqual([1, null, 3, 4, 5, 6, 7, null, 9]);
    expect(pageWindow(4, 9)).toEqual([1, 2, 3, 4, 5, 6, null, 9]);
  });
});

describe("PageParamsSchema", () => {
  it("falls back to the first page and the default size on nonsense", () => {
    expect(PageParamsSchema.parse({ page: "abc" })).toEqual({ page: 1, perPage: DEFAULT_PAGE_SIZE });
    expect(PageParamsSchema.parse({ page: "-3" })).toEqual({ page: 1, perPage: DEFAULT_PAGE_SIZE });
    expect(PageParamsSchema.parse({ page: "2.5", perPage: "100000" })).toEqual({ page: 1, perPage: DEFAULT_PAGE_SIZE });
    expect(PageParamsSchema.parse({})).toEqual({ page: 1, perPage: DEFAULT_PAGE_SIZE });
  });

  it("keeps sensible values", () => {
    expect(PageParamsSchema.parse({ page: "7", perPage: String(MAX_PAGE_SIZE) })).toEqual({ page: 7, perPage: MAX_PAGE_SIZE });
  });

  it("counts pages from the total", () => {
    expect(toPage([], 0, { page: 1, perPage: 25 }).pageCount).toBe(1);
    expect(toPage([], 51, { page: 1, perPage: 25 }).pageCount).toBe(3);
  });
});

describe("list filter schemas", () => {
  it("drop values they do not know rather than fail", () => {
    expect(
      OrganizationListSchema.parse({
        kind: "castle",
        status: "",
        country: "Belarus",
        region: "../etc",
        sector: "ZZ",
        sort: "random",
        page: "x",
      }),
    ).toEqual({
      page: 1,
      perPage: DEFAULT_PAGE_SIZE,
      kind: undefined,
      status: undefined,
      country: undefined,
      region: undefined,
      sector: undefined,
      sort: "name-asc",
    });
    expect(MeetingListSchema.parse({ year: "last", level: "summit", sort: "up" })).toMatchObject({
      year: undefined,
      level: undefined,
      sort: "date-desc",
    });
    expect(RegionListSchema.parse({ country: "", level: "planet" })).toMatchObject({ country: undefined, level: undefined });
  });

  it("take repeated parameters as no choice rather than an error", () => {
    expect(OrganizationListSchema.parse({ kind: ["enterprise", "university"] }).kind).toBeUndefined();
  });

  it("normalise what they keep", () => {
    expect(OrganizationListSchema.parse({ sector: "c", country: "by", region: "Kursk-Oblast", sort: "founded-desc" })).toMatchObject({
      sector: "C",
      country: "BY",
      region: "kursk-oblast",
      sort: "founded-desc",
    });
    expect(MeetingListSchema.parse({ year: "2015", level: "regional" })).toMatchObject({ year: 2015, level: "regional" });
  });

  it("leave defaults out of the URL query", () => {
    const params = OrganizationListSchema.parse({ kind: "university", sort: "name-asc", page: "2" });
    expect(paths.organizations(organizationListQuery(params))).toBe("/organizations?kind=university&page=2");
    expect(paths.organizations(organizationListQuery({ ...params, sort: "founded-asc", page: 1 }))).toBe(
      "/organizations?kind=university&sort=founded-asc",
    );
  });
});
