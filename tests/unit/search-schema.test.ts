import { describe, expect, it } from "vitest";
import { SearchParamsSchema, searchParamsFromUrl, searchQuery, splitHighlights } from "@/lib/search/schema";
import { buildSearchQuery, buildSuggestQuery, isPlainQuery, normalizeQuery } from "@/lib/search/sql";

describe("search parameters", () => {
  it("keeps the good values of a hand-edited URL and drops the rest", () => {
    const params = searchParamsFromUrl({ q: "kursk", kind: ["enterprise", "castle"], sector: "C,ZZ,01", page: "-4", country: "by" });
    expect(params.q).toBe("kursk");
    expect(params.kind).toEqual(["enterprise"]);
    expect(params.sector).toEqual(["C", "01"]);
    expect(params.country).toEqual(["BY"]);
    expect(params.page).toBe(1);
  });

  it("refuses a bad value in the strict schema the API uses, naming the parameter", () => {
    const parsed = SearchParamsSchema.safeParse({ q: "x", kind: "castle" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe("kind");
    expect(SearchParamsSchema.safeParse({ q: "x".repeat(1001) }).success).toBe(false);
  });

  it("reads literal=1 as searching for the words as typed, and keeps it in links", () => {
    expect(SearchParamsSchema.parse({ q: "x" }).literal).toBe(false);
    expect(SearchParamsSchema.parse({ q: "x", literal: "1" }).literal).toBe(true);
    expect(SearchParamsSchema.safeParse({ q: "x", literal: "yes" }).success).toBe(false);
    expect(searchParamsFromUrl({ q: "kursck", literal: "yes" }).literal).toBe(false);
    expect(searchQuery(searchParamsFromUrl({ q: "kursck", literal: "1" })).literal).toBe(1);
  });

  it("removes NUL and control characters from the query", () => {
    expect(SearchParamsSchema.parse({ q: "a\u0000b\u0007c " }).q).toBe("a b c");
  });

  it("cuts a 1,000-character URL query instead of failing", () => {
    expect(searchParamsFromUrl({ q: "я".repeat(5000) }).q).toHaveLength(1000);
  });
});

describe("search SQL", () => {
  it("passes the user's text only as parameters", () => {
    const hostile = "'; DROP TABLE organizations; --";
    const sql = buildSearchQuery(SearchParamsSchema.parse({ q: hostile, region: "kursk-oblast" }));
    expect(sql.text).not.toContain("DROP TABLE");
    expect(sql.values).toContain(hostile);
    expect(buildSuggestQuery(hostile, 8)?.text).not.toContain("DROP");
  });

  it("tells plain queries, which forgive typos, from queries with operators", () => {
    expect(isPlainQuery("Gomselmsh")).toBe(true);
    expect(isPlainQuery('"Kursk Oblast"')).toBe(false);
    expect(isPlainQuery("tractor -repair")).toBe(false);
    expect(isPlainQuery("Gomel or Minsk")).toBe(false);
    expect(isPlainQuery("t-shirt")).toBe(true);
  });

  it("keeps at most 32 words", () => {
    expect(normalizeQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join("  ")).split(" ")).toHaveLength(32);
  });

  it("makes no suggestion query from punctuation alone", () => {
    expect(buildSuggestQuery("!!! ---", 8)).toBeNull();
  });
});

describe("highlights", () => {
  it("splits marked matches from plain text without reading HTML", () => {
    expect(splitHighlights("a \u0002Kursk\u0003 <b>x</b>")).toEqual([
      { text: "a ", match: false },
      { text: "Kursk", match: true },
      { text: " <b>x</b>", match: false },
    ]);
  });

  it("drops a stray marker", () => {
    expect(splitHighlights("cut \u0002off")).toEqual([{ text: "cut off", match: false }]);
  });
});
