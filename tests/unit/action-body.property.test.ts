import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonDepthExceeds } from "@/lib/http/action-body";

/** The nesting depth of a JSON value, the slow and certain way. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value && typeof value === "object") return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe("jsonDepthExceeds", () => {
  it("agrees with the depth of any JSON value, brackets inside strings not counted", () => {
    const text = fc.string({ unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", "a") });
    fc.assert(
      fc.property(
        fc.letrec((tie) => ({ value: fc.oneof({ depthSize: "small" }, text, fc.array(tie("value")), fc.dictionary(text, tie("value"))) }))
          .value,
        fc.nat(12),
        (value, limit) => {
          expect(jsonDepthExceeds(JSON.stringify(value), limit)).toBe(depthOf(value) > limit);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("stops at the limit on a body nested a million deep, and never throws on text that is not JSON", () => {
    expect(jsonDepthExceeds("[".repeat(1_000_000), 32)).toBe(true);
    fc.assert(fc.property(fc.string(), (text) => void jsonDepthExceeds(text, 32)));
  });
});
