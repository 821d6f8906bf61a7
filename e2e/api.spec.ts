import { expect, test } from "@playwright/test";

test.describe("the JSON API", () => {
  test("serves a cursor page of organizations, cacheable and open to any origin", async ({ request }) => {
    const response = await request.get("/api/v1/organizations?limit=2");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["cache-control"]).toBe("public, max-age=60");
    expect(response.headers()["etag"]).toMatch(/^"[\w-]+"$/);
    const page = await response.json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0].url).toMatch(/^\/organizations\//);
    expect(page.nextCursor).toEqual(expect.any(String));

    const next = await (await request.get(`/api/v1/organizations?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items).toHaveLength(2);
    expect(next.items.map((item: { slug: string }) => item.slug)).not.toContain(page.items[0].slug);

    const etag = response.headers()["etag"]!;
    const again = await request.get("/api/v1/organizations?limit=2", { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
  });

  test("searches across scripts", async ({ request }) => {
    const response = await request.get("/api/v1/search?q=Kursk&type=region");
    expect(response.status()).toBe(200);
    const result = await response.json();
    expect(result.items.map((hit: { slug: string }) => hit.slug)).toContain("kursk-oblast");
  });

  test("serves its OpenAPI 3.1 description", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/organizations", "/api/v1/joint-ventures", "/api/v1/search"]),
    );
  });

  test("answers bad parameters, unknown records and writes with problem details", async ({ request }) => {
    const bad = await request.get("/api/v1/organizations?limit=0");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/problem+json");
    expect((await bad.json()).errors).toHaveProperty("limit");

    const missing = await request.get("/api/v1/organizations/no-such-organization");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toBe("application/problem+json");

    const write = await request.post("/api/v1/organizations", { data: {} });
    expect(write.status()).toBe(405);
    expect(write.headers()["allow"]).toBe("GET, HEAD, OPTIONS");

    const preflight = await request.fetch("/api/v1/organizations", {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
  });
});
