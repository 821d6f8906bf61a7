import { describe, expect, it } from "vitest";
import { etagOf, ifNoneMatchMatches, jsonResponse, parseQuery, queryObject } from "@/lib/api/http";
import { ApiProblem, apiUnavailableResponse } from "@/lib/api/problem";
import { MeetingQuerySchema } from "@/lib/meetings/dto";
import { OrganizationQuerySchema } from "@/lib/organizations/dto";
import { SearchQuerySchema } from "@/lib/search/dto";
import { encodeCursor } from "@/lib/pagination";

function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblem) return error.problem;
    throw error;
  }
  throw new Error("expected a problem");
}

describe("ETag and If-None-Match", () => {
  it("gives equal bodies equal strong tags and different bodies different ones", () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
    expect(etagOf("x")).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it("matches a listed tag, a weak form of it, and *", () => {
    const tag = etagOf("body");
    expect(ifNoneMatchMatches(tag, tag)).toBe(true);
    expect(ifNoneMatchMatches(`"a", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchMatches(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchMatches("*", tag)).toBe(true);
    expect(ifNoneMatchMatches('"other"', tag)).toBe(false);
    expect(ifNoneMatchMatches(null, tag)).toBe(false);
  });

  it("answers 304 with no body when the client holds the current body", async () => {
    const first = jsonResponse(new Request("http://x/api/v1/regions"), { items: [] });
    expect(first.status).toBe(200);
    const again = jsonResponse(new Request("http://x/api/v1/regions", { headers: { "If-None-Match": first.headers.get("etag")! } }), {
      items: [],
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("cache-control")).toBe("public, max-age=60");
  });
});

describe("query parsing", () => {
  it("drops empty values and keeps repeated values of list parameters", () => {
    const params = new URLSearchParams("q=kursk&type=region&type=organization&kind=&perPage=10");
    expect(queryObject(params, SearchQuerySchema)).toEqual({ q: "kursk", type: ["region", "organization"], perPage: "10" });
  });

  it("parses filters, the limit and a cursor into their values", () => {
    const cursor = encodeCursor([42]);
    expect(
      parseQuery(OrganizationQuerySchema, new URLSearchParams(`kind=university&country=by&sector=c&limit=7&cursor=${cursor}`)),
    ).toEqual({
      kind: "university",
      country: "BY",
      sector: "C",
      limit: 7,
      cursor: [42],
    });
    expect(parseQuery(OrganizationQuerySchema, new URLSearchParams(""))).toEqual({ limit: 25 });
    expect(parseQuery(MeetingQuerySchema, new URLSearchParams(`cursor=${encodeCursor(["2015-03-10", 3])}`)).cursor).toEqual([
      "2015-03-10",
      3,
    ]);
  });

  it("refuses bad values with a problem that names each parameter", () => {
    const problem = problemOf(() =>
      parseQuery(OrganizationQuerySchema, new URLSearchParams("limit=0&kind=giant&colour=red&cursor=%25%25")),
    );
    expect(problem.status).toBe(400);
    expect(Object.keys(problem.errors!).sort()).toEqual(["colour", "cursor", "kind", "limit"]);
    expect(problem.errors!.kind![0]).toContain("enterprise, university, joint_venture");
    expect(problem.detail).toContain("limit");
  });

  it("refuses a cursor of another list", () => {
    const meetingCursor = encodeCursor(["2015-03-10", 3]);
    expect(problemOf(() => parseQuery(OrganizationQuerySchema, new URLSearchParams(`cursor=${meetingCursor}`))).errors).toHaveProperty(
      "cursor",
    );
  });
});

describe("the proxy's answer for the API while the database is down", () => {
  it("is a 503 problem+json with Retry-After, open to any origin, never cached", async () => {
    const response = apiUnavailableResponse("/api/v1/organizations?limit=2");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: 503, title: "Service unavailable", instance: "/api/v1/organizations?limit=2" });
  });
});
