import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tradeChartSvg } from "@/lib/briefing/chart";
import { keepHeadingWithNext } from "@/lib/briefing/pdf";
import { BRIEFING_MINISTRY_MAX, BriefingPdfParamsSchema } from "@/lib/briefing/schema";
import type { TradeYear } from "@/lib/trade/series";

/**
 * The briefing PDF's pieces that take input or decide the layout: the letterhead's parameters (any string from
 * a query), the chart's escaping of the texts it writes into SVG, and when a heading moves to the next page.
 */

describe("the briefing PDF's letterhead parameters", () => {
  it("accept a ministry's name only as one line of at most 150 characters, trimmed, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (ministry) => {
        const parsed = BriefingPdfParamsSchema.safeParse({ region: "kursk-oblast", ministry });
        const trimmed = ministry.trim();
        const fits = trimmed.length <= BRIEFING_MINISTRY_MAX && !/\p{Cc}/u.test(trimmed);
        expect(parsed.success).toBe(fits);
        if (parsed.success) expect(parsed.data.ministry).toBe(trimmed === "" ? undefined : trimmed);
        else expect(parsed.error.issues.map((issue) => issue.path[0])).toEqual(["ministry"]);
      }),
    );
  });

  it("accept only the marks the form offers", () => {
    expect(BriefingPdfParamsSchema.parse({ region: "kursk-oblast", mark: "official-use" }).mark).toBe("official-use");
    expect(BriefingPdfParamsSchema.safeParse({ region: "kursk-oblast", mark: "Для служебного пользования" }).success).toBe(false);
  });
});

describe("the briefing's trade chart", () => {
  const year = (y: number, turnoverUsd: number, exportsUsd: number | null = null): TradeYear => ({
    year: y,
    turnoverUsd,
    exportsUsd,
    importsUsd: null,
    growthPercent: null,
    source: { title: "s", titleRu: null, url: null },
  });

  it("writes every text escaped, so that no label can add markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (label) => {
        const svg = tradeChartSvg([year(2014, 250_000_000, 1)], "en", {
          turnover: label,
          exports: label,
          imports: label,
          noFigure: label,
        })!;
        const escaped = label
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;")
          .replace(/"/g, "&quot;")
          .replace(/'/g, "&#39;");
        expect(svg).toContain(`>${escaped}</text>`);
        // Only the chart's own elements: svg, line, text and rect.
        expect(new Set(svg.match(/<\/?[a-z]+/g))).toEqual(new Set(["<svg", "<line", "<text", "</text", "<rect", "</svg"]));
      }),
    );
  });

  it("draws a bar per recorded year, marks a missing year, and draws nothing without figures", () => {
    const svg = tradeChartSvg([year(2012, 100), year(2014, 250)], "en", {
      turnover: "Turnover",
      exports: "Exports",
      imports: "Imports",
      noFigure: "no figure",
    })!;
    // Two bars and the legend's swatch; 2013 is written "no figure"; the years under the axis.
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain(">no figure</text>");
    for (const y of ["2012", "2013", "2014"]) expect(svg).toContain(`>${y}</text>`);
    expect(tradeChartSvg([], "en", { turnover: "", exports: "", imports: "", noFigure: "" })).toBeNull();
  });
});

describe("a heading in the PDF", () => {
  /** A laid-out node on page 2 at `top` points from the page's top; the margins take 60 above and 56 below. */
  const at = (top: number, page = 2) => ({ pageNumber: page, top, verticalRatio: (top - 60) / 726 });
  const laidOut = (top: number, page = 2) => ({ startPosition: at(top, page), pageNumbers: [page] }) as never;
  // The page's header (above the margin) and footer (below it) are nodes of the page too.
  const header = 24;
  const footer = 810;
  const heading = (headlineLevel: number | undefined, top = 700) => ({ headlineLevel, ...(laidOut(top) as object) }) as never;
  const queries = (following: number[], next = 10, previous = [header, 80, 200]) => ({
    getFollowingNodesOnPage: () => following.map((top) => laidOut(top)),
    getNodesOnNextPage: () => Array.from({ length: next }, () => laidOut(100, 3)),
    getPreviousNodesOnPage: () => previous.map((top) => laidOut(top)),
  });

  it("moves to the next page when too little of what it heads would stay with it, header and footer not counted", () => {
    expect(keepHeadingWithNext(heading(1), queries([header, header, 720, footer, footer, footer]))).toBe(true);
    expect(keepHeadingWithNext(heading(2), queries([720, 740, footer]))).toBe(true);
  });

  it("stays where it is with enough after it, at the end of the document, and when it is not a heading", () => {
    expect(keepHeadingWithNext(heading(1, 300), queries([320, 340, 360, 380, 400, footer]))).toBe(false);
    expect(keepHeadingWithNext(heading(1), queries([720], 0))).toBe(false);
    expect(keepHeadingWithNext(heading(undefined), queries([]))).toBe(false);
    // At the top of its page (only the header above it): moving it would leave the page empty.
    expect(keepHeadingWithNext(heading(1, 62), queries([720], 10, [header]))).toBe(false);
  });
});
