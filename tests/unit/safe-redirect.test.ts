import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameSiteRedirect } from "@/lib/http/safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/workspace", "/workspace"],
    ["/meetings/minsk-2015?page=2#discussed", "/meetings/minsk-2015?page=2#discussed"],
    ["/search?q=%D0%9A%D1%83%D1%80%D1%81%D0%BA", "/search?q=%D0%9A%D1%83%D1%80%D1%81%D0%BA"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    // The two found in issue 7: a percent-encoded backslash and a tab, as the page receives them (decoded).
    ["backslash after the slash", "/\\evil.example/x"],
    ["tab after the slash", "/\t/evil.example/x"],
    ["two backslashes", "/\\\\evil"],
    ["a backslash first", "\\evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/meetings\u0000"],
    ["a DEL", "/\u007f/evil.example"],
    ["the backslash still encoded", "/%5Cevil.example/x"],
    ["the tab still encoded", "/%09/evil.example/x"],
    ["encoded slashes", "/%2F%2Fevil"],
    ["encoded slashes without the first", "%2F%2Fevil"],
    ["protocol-relative", "//evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["JavaScript: in capitals", "JaVaScRiPt:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["https", "https://evil"],
    ["http on this host's look-alike", "http://interregio.invalid.evil/x"],
    ["no leading slash", "evil.example"],
    ["empty", ""],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("refuses what is not one string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});

describe("sameSiteRedirect (next-auth's redirect callback)", () => {
  const site = "https://interregio.example";

  it.each([
    ["/workspace", `${site}/workspace`],
    [`${site}/meetings/minsk?page=2`, `${site}/meetings/minsk?page=2`],
  ])("keeps %s on this site", (url, expected) => {
    expect(sameSiteRedirect(url, site)).toBe(expected);
  });

  it.each([
    ["another site", "https://evil.example/x"],
    ["a look-alike scheme", "http://interregio.example/x"],
    ["not an address", "garbage"],
    ["a number", 5],
    ["an object", { url: "/x" }],
  ])("sends %s to the site's root, without throwing", (_name, url) => {
    expect(sameSiteRedirect(url, site)).toBe(site);
  });

  it("cleans a path that leads off the site", () => {
    expect(sameSiteRedirect("/\\evil.example", site)).toBe(`${site}/`);
    expect(sameSiteRedirect(`${site}/%5Cevil.example`, site)).toBe(`${site}/`);
  });
});
