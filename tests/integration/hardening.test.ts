import { afterAll, describe, expect, it, vi } from "vitest";
import { createServer, request as httpRequest } from "node:http";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { register } from "@/instrumentation";
import nextConfig from "@/next.config";
import { config, proxy } from "@/proxy";
import { prisma } from "./setup";

// The page modules read the session and the cache; the slug checks below must answer before either is reached.
vi.mock("next-auth", () => ({ getServerSession: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: vi.fn(), updateTag: vi.fn() }));

afterAll(() => prisma.$disconnect());

function call(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(new NextRequest(new URL(path, "http://localhost"), init));
}

/** Passed on to the page (Next's own header for NextResponse.next()). */
function passedOn(response: Response) {
  return response.headers.get("x-middleware-next") === "1";
}

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
}

/** Sets NEXTAUTH_URL for one test; an unset variable stays unset (assigning undefined would store "undefined"). */
async function withPublicUrl<T>(value: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = value;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
  }
}

describe("malformed addresses", () => {
  it.each(["/meetings/%ff", "/meetings/%zz", "/%", "/meetings/%E0%A4%A", "/meetings/%00", "/regions/kursk%00oblast"])(
    "%s is answered 400 with a small page and the security headers",
    async (path) => {
      const response = await call(path);
      expect(response.status).toBe(400);
      expect(passedOn(response)).toBe(false);
      expect(response.headers.get("content-type")).toContain("text/html");
      expectSecurityHeaders(response);
      const body = await response.text();
      expect(body).toContain("This address is not valid");
      expect(body).not.toContain("<script");
    },
  );

  it("answers in the reader's language", async () => {
    const response = await call("/meetings/%ff", { headers: { "accept-language": "ru" } });
    expect(await response.text()).toContain("Неверный адрес");
  });

  it("lets a well-formed encoded address through", async () => {
    expect(passedOn(await call("/search?q=%D0%9A%D1%83%D1%80%D1%81%D0%BA"))).toBe(true);
    expect(passedOn(await call("/meetings/%6Dinsk"))).toBe(true);
  });
});

describe("malformed API addresses", () => {
  /** The headers next.config.ts gives the API's answers, which an answer the proxy makes must carry itself. */
  async function apiHeaders(path: string, headers: Record<string, string> = {}) {
    const configured = await unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig, headers });
    // The Content-Type is the testing helper's own empty body's, not a header next.config.ts sets.
    return Object.fromEntries([...configured.headers].filter(([key]) => key !== "content-type"));
  }

  it.each([
    ["/api/v1/regions/%ff", "slug"],
    ["/api/v1/organizations/%zz", "slug"],
    ["/api/v1/meetings/%E0%A4%A", "slug"],
    ["/api/v1/sectors/%", "code"],
    ["/api/v1/trade/kursk-oblast/%ff/export.csv", "partner"],
    ["/api/v1/regions/kursk%00oblast", "slug"],
    ["/api/v1/%ff", "path"],
    ["/api/v1/regi%zzons/kursk-oblast", "path"],
  ])("%s reaches the proxy and is answered 400 problem+json naming %s, with the API's headers", async (path, name) => {
    expect(unstable_doesMiddlewareMatch({ config, url: path, nextConfig })).toBe(true);
    const response = await call(`${path}?lang=en`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.status).toBe(400);
    expect(passedOn(response)).toBe(false);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const expected = await apiHeaders("/api/v1/regions/kursk-oblast", { "x-forwarded-proto": "https" });
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(["content-security-policy", "x-content-type-options", "strict-transport-security"]),
    );
    for (const [key, value] of Object.entries(expected)) expect(response.headers.get(key), key).toBe(value);
    const problem = await response.json();
    expect(problem).toMatchObject({ title: "Invalid parameters", status: 400, instance: `${path}?lang=en` });
    expect(problem.type).toContain("/api/v1/openapi.json#/components/responses/InvalidParameters");
    expect(Object.keys(problem.errors)).toEqual([name]);
    expect(problem.detail).toContain(name === "path" ? "Check the address" : `Check the parameter ${name}`);
    expect(problem.detail).toContain("percent-encode");
  });

  it("the other API addresses pass by the proxy, or through it untouched when they decode", async () => {
    for (const path of ["/api/v1/regions/kursk-oblast", "/api/v1/regions", "/api/v1/search?q=%ff"]) {
      expect(unstable_doesMiddlewareMatch({ config, url: path, nextConfig }), path).toBe(false);
    }
    const encoded = await call("/api/v1/regions/%6Bursk-oblast");
    expect(passedOn(encoded)).toBe(true);
    expect(encoded.headers.get("content-security-policy")).toBeNull();
  });
});

describe("methods", () => {
  it.each(["PUT", "DELETE", "PATCH", "OPTIONS"])("%s on a page is answered 405 with Allow", async (method) => {
    const response = await call("/meetings", { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    expectSecurityHeaders(response);
  });

  it("the API routes the proxy sees answer other methods themselves", async () => {
    expect(passedOn(await call("/api/auth/session", { method: "PUT" }))).toBe(true);
  });

  it.each(["GET", "HEAD", "POST"])("%s reaches the page", async (method) => {
    expect(passedOn(await call("/meetings", { method }))).toBe(true);
  });
});

describe("server actions from another site", () => {
  const action = { "next-action": "7f0c1e2d3b4a59687766554433221100aabbccdd" };

  it.each([
    ["another site", "https://evil.example"],
    ["a look-alike port", "http://localhost:4000"],
    ["a sandboxed frame", "null"],
  ])("from %s are refused with 403", async (_name, origin) => {
    const response = await call("/meetings/minsk", { method: "POST", headers: { ...action, origin, host: "localhost" } });
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
    expect(await response.text()).toContain("Nothing was changed");
  });

  it.each([
    ["Host", { host: "evil.example" }],
    ["X-Forwarded-Host", { "x-forwarded-host": "evil.example" }],
    ["both", { host: "evil.example", "x-forwarded-host": "evil.example" }],
  ])(
    "from another site that also sends its own name as %s are refused with 403: those headers are the sender's to choose",
    async (_name, hosts) => {
      const response = await call("/meetings/minsk", { method: "POST", headers: { ...action, origin: "http://evil.example", ...hosts } });
      expect(response.status).toBe(403);
      expectSecurityHeaders(response);
      await withPublicUrl("https://interregio.example", async () => {
        const behindProxy = await call("/meetings/minsk", {
          method: "POST",
          headers: { ...action, origin: "http://evil.example", ...hosts },
        });
        expect(behindProxy.status).toBe(403);
      });
    },
  );

  it.each([
    ["another scheme", "http://interregio.example"],
    ["another port", "https://interregio.example:8443"],
    ["the address the server listens on, when the public address is set", "http://localhost"],
  ])("with a public address, an Origin of %s is refused with 403", async (_name, origin) => {
    await withPublicUrl("https://interregio.example", async () => {
      const response = await call("/meetings/minsk", { method: "POST", headers: { ...action, origin, host: "interregio.example" } });
      expect(response.status).toBe(403);
    });
  });

  it("a plain form posted from another site is refused too (a no-script action carries its id in the body)", async () => {
    const response = await call("/workspace/regions/new", { method: "POST", headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
  });

  it("from this site, from the public address behind a proxy, or without an Origin (not a browser), they reach the page", async () => {
    expect(passedOn(await call("/meetings/minsk", { method: "POST", headers: { ...action, origin: "http://localhost" } }))).toBe(true);
    await withPublicUrl("https://interregio.example", async () => {
      const behindProxy = await call("/meetings/minsk", {
        method: "POST",
        headers: { ...action, origin: "https://interregio.example", host: "127.0.0.1:3000" },
      });
      expect(passedOn(behindProxy)).toBe(true);
    });
    expect(passedOn(await call("/meetings/minsk", { method: "POST", headers: action }))).toBe(true);
  });
});

describe("oversize bodies", () => {
  it("a POST over the actions' 1 MB limit is answered 413 with the security headers, before Next reads it", async () => {
    const response = await call("/meetings/minsk", {
      method: "POST",
      headers: { "next-action": "x", origin: "http://localhost", "content-length": String(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expectSecurityHeaders(response);
  });

  it("a POST under it reaches the page", async () => {
    const response = await call("/meetings/minsk", { method: "POST", headers: { "content-length": String(512 * 1024) } });
    expect(passedOn(response)).toBe(true);
  });
});

describe("Content-Security-Policy", () => {
  it("every page gets a policy with a fresh nonce, on the response and on the request Next renders from", async () => {
    const first = await call("/");
    const second = await call("/");
    expect(passedOn(first)).toBe(true);
    expectSecurityHeaders(first);
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).toBeTruthy();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) passes request headers as x-middleware-request-*.
    expect(nonceOf(first.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("HSTS only over HTTPS", async () => {
    await withPublicUrl("http://localhost:3000", async () => {
      expect((await call("/")).headers.get("strict-transport-security")).toBeNull();
      const forwarded = await call("/", { headers: { "x-forwarded-proto": "https" } });
      expect(forwarded.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
    });
    await withPublicUrl("https://interregio.example", async () => {
      expect((await call("/")).headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
    });
  });
});

describe("public pages check their address before any query", () => {
  const hostile = ["kursk\u0000oblast", "a".repeat(300), "../etc", "курск"];

  it.each([
    ["meetings", () => import("@/app/(public)/meetings/[slug]/page")],
    ["organizations", () => import("@/app/(public)/organizations/[slug]/page")],
    ["regions", () => import("@/app/(public)/regions/[slug]/page")],
  ])("%s: a slug that cannot exist is 'not found' without touching the database", async (_name, load) => {
    const page = (await load()).default as (props: unknown) => Promise<unknown>;
    const metadata = (await load()).generateMetadata as (props: unknown) => Promise<{ title?: string }>;
    const queries = vi.spyOn(console, "error");
    for (const slug of hostile) {
      const props = { params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) };
      await expect(page(props)).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_HTTP_ERROR_FALLBACK;404") });
      await expect(metadata(props)).resolves.toEqual({});
    }
    expect(queries).not.toHaveBeenCalled();
    queries.mockRestore();
  });
});

describe("the server's start (instrumentation.ts)", () => {
  /**
   * Runs register() as `next start` would, with these variables changed. Without the job workers: started, they
   * would go on loading their modules in the background after this file ends (vitest then fails the run with
   * "Cannot load ... after the environment was torn down"), and lib/jobs has tests of its own.
   */
  async function startWith(variables: Record<string, string | undefined>) {
    const changes = { JOB_WORKER: "off", ...variables };
    const saved = Object.fromEntries(Object.keys({ ...changes, NEXT_RUNTIME: "" }).map((key) => [key, process.env[key]]));
    const apply = (values: Record<string, string | undefined>) => {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    };
    apply({ ...changes, NEXT_RUNTIME: "nodejs" });
    try {
      await register();
    } finally {
      apply(saved);
    }
  }

  it.each([
    ["NEXTAUTH_SECRET", /NEXTAUTH_SECRET is not set/],
    ["DATABASE_URL", /DATABASE_URL is not set/],
  ])("refuses to start in production without %s", async (name, message) => {
    await expect(startWith({ NODE_ENV: "production", [name]: undefined })).rejects.toThrow(message);
  });

  it("starts with its configuration", async () => {
    await expect(startWith({ NODE_ENV: "production" })).resolves.toBeUndefined();
  });

  it("answers TRACE with 405 itself: Next cannot build a request for it and would answer 500", async () => {
    await startWith({});
    const server = createServer((_request, response) => response.writeHead(500).end("reached the app"));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const port = (server.address() as { port: number }).port;
    const send = (method: string) =>
      new Promise<{ status: number; headers: Record<string, unknown> }>((done, fail) => {
        httpRequest({ host: "127.0.0.1", port, method, path: "/meetings" }, (response) => {
          response.resume();
          done({ status: response.statusCode ?? 0, headers: response.headers });
        })
          .on("error", fail)
          .end();
      });
    try {
      const traced = await send("TRACE");
      expect(traced.status).toBe(405);
      expect(traced.headers.allow).toBe("GET, HEAD, POST");
      expect(traced.headers["x-content-type-options"]).toBe("nosniff");
      expect((await send("GET")).status).toBe(500);
    } finally {
      server.close();
    }
  });
});
