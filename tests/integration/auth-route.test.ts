import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

// next-auth's route handler reads the request's headers and cookies through next/headers (by require), which
// only a running Next server provides: here they are the request's under test.
let current: NextRequest | undefined;
const nextHeaders = createRequire(import.meta.url)("next/headers") as { headers: () => unknown; cookies: () => unknown };
vi.spyOn(nextHeaders, "headers").mockImplementation(async () => current!.headers);
vi.spyOn(nextHeaders, "cookies").mockImplementation(async () => current!.cookies);

const route = await import("@/app/api/auth/[...nextauth]/route");

type Method = "GET" | "HEAD" | "POST";
type Init = { method?: Method; headers?: Record<string, string>; body?: string };

/** Calls the route as Next would: the segments after /api/auth/ as `nextauth`. */
async function call(path: string, { method = "GET", headers = {}, body }: Init = {}) {
  const request = new NextRequest(new URL(path, "http://localhost:3000"), { method, headers, body });
  current = request;
  const nextauth = request.nextUrl.pathname.split("/").slice(3).map(decodeURIComponent);
  const handler = route[method] as (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
  return handler(request, { params: Promise.resolve({ nextauth }) });
}

const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };

/** A refusal in JSON that says what to do and nothing about the server. */
async function expectRefusal(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const { error } = (await response.json()) as { error: string };
  expect(error).toMatch(/\w/);
  expect(error).not.toMatch(/NextAuth|stack|Error:/);
  return error;
}

describe("HEAD", () => {
  it.each(["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"])("%s answers as GET does, without a body", async (path) => {
    const get = await call(path);
    const head = await call(path, { method: "HEAD" });
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(await head.text()).toBe("");
  });

  it("on an address that takes POST only, is 405 with Allow", async () => {
    const response = await call("/api/auth/_log", { method: "HEAD" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("methods and addresses next-auth does not answer", () => {
  it("the credentials callback on GET is 405, Allow: POST", async () => {
    const error = await expectRefusal(await call("/api/auth/callback/credentials"), 405);
    expect(error).toContain("use POST");
    expect((await call("/api/auth/callback/credentials", { method: "HEAD" })).headers.get("allow")).toBe("POST");
  });

  it.each([
    ["/api/auth/_log", "POST"],
    ["/api/auth/verify-request", null],
  ])("%s on the other method is 405 with Allow", async (path, allow) => {
    const response = await call(path, { method: allow ? "GET" : "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow ?? "GET, HEAD");
  });

  it.each(["/api/auth/callback/unknown", "/api/auth/unknown", "/api/auth/signin-extra"])("%s is 404", async (path) => {
    await expectRefusal(await call(path), 404);
    await expectRefusal(await call(path, { method: "POST", headers: form, body: "a=1" }), 404);
  });

  it("signing in with an unknown provider sends the reader to the sign-in page with the error", async () => {
    const response = await call("/api/auth/signin/unknown");
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!, "http://localhost").pathname).toBe("/signin");
  });
});

describe("what a client sends", () => {
  it.each([
    ["JSON that does not parse", "{bad"],
    ["JSON that is not an object", "[1]"],
    ["JSON null", "null"],
  ])("a body of %s is 400, on every action that reads one", async (_name, body) => {
    for (const path of [
      "/api/auth/session",
      "/api/auth/callback/credentials",
      "/api/auth/signin/credentials",
      "/api/auth/signout",
      "/api/auth/_log",
    ]) {
      const error = await expectRefusal(await call(path, { method: "POST", headers: json, body }), 400);
      expect(error, path).toContain("JSON object");
    }
  });

  it("a body over the limit is 413, by its length or by what arrives", async () => {
    const big = `a=${"x".repeat(70 * 1024)}`;
    await expectRefusal(await call("/api/auth/callback/credentials", { method: "POST", headers: form, body: big }), 413);
    const declared = { ...form, "content-length": String(1024 * 1024) };
    await expectRefusal(await call("/api/auth/callback/credentials", { method: "POST", headers: declared, body: "a=1" }), 413);
  });

  it.each([
    ["a number", { callbackUrl: 5 }],
    ["not an address", { callbackUrl: "garbage" }],
    ["another site", { callbackUrl: "https://evil.example/x" }],
  ])("a callbackUrl in the body that is %s is no 500, and sends no one to another site", async (_name, body) => {
    for (const path of ["/api/auth/signin/credentials", "/api/auth/signout", "/api/auth/callback/credentials"]) {
      const response = await call(path, { method: "POST", headers: json, body: JSON.stringify(body) });
      expect(response.status, path).toBeLessThan(500);
      const location = response.headers.get("location");
      if (location) expect(new URL(location, "http://localhost:3000").host, path).toBe("localhost:3000");
    }
  });

  it.each(["/api/auth/session", "/api/auth/csrf", "/api/auth/signin", "/api/auth/providers"])(
    "%s with a callbackUrl that is not an address is 400",
    async (path) => {
      for (const callbackUrl of ["garbage", "%ff", "javascript:alert(1)"]) {
        const error = await expectRefusal(await call(`${path}?callbackUrl=${callbackUrl}`), 400);
        expect(error).toContain("callbackUrl");
      }
      expect((await call(`${path}?callbackUrl=%2Fworkspace`)).status).toBeLessThan(400);
    },
  );

  it("a damaged return-address cookie is 400, and the answer clears it", async () => {
    const response = await call("/api/auth/csrf", { headers: { cookie: "next-auth.callback-url=garbage" } });
    await expectRefusal(response, 400);
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.callback-url=; Path=\/; Max-Age=0/)]);
    expect((await call("/api/auth/csrf", { headers: { cookie: "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000" } })).status).toBe(
      200,
    );
  });

  it.each(["?error=%0d%0aX-Evil:1", "?error=%ff", "/%0a"])("the error address with an error code of %s is 400", async (suffix) => {
    await expectRefusal(await call(`/api/auth/error${suffix}`), 400);
  });

  it("the error address with a real code sends the reader to the sign-in page", async () => {
    for (const code of ["CredentialsSignin", "throttled:2026-01-01T10:00:00.000Z"]) {
      const response = await call(`/api/auth/error?error=${encodeURIComponent(code)}`);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain(`/signin?error=${code}`);
    }
  });
});
