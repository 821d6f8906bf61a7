import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { staffLogin } from "./staff-login";

const meeting = "/meetings/2015-03-10-lukashenko-mikhailov";

/** The page's CSP allows scripts only by nonce: no 'unsafe-inline', and the nonce is the one on Next's scripts. */
function expectNoncePolicy(csp: string | null | undefined) {
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
}

/** Chooses a record in a search-as-you-type picker: types part of its name and clicks the match. */
async function pick(page: Page, label: string, typed: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).fill(typed);
  await page.getByRole("option").filter({ hasText: option }).first().click();
  await expect(page.getByRole("combobox", { name: label, exact: true })).toHaveValue(option);
}

test.describe("hardening (issue 7)", () => {
  test("malformed addresses get 400 with the security headers, not a bare 500", async ({ request }) => {
    for (const path of ["/meetings/%ff", "/meetings/%zz", "/%", "/meetings/%00"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expectNoncePolicy(response.headers()["content-security-policy"]);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await response.text()).toContain("This address is not valid");
    }
  });

  test("pages answer PUT, DELETE and PATCH with 405 and say what they allow; TRACE too", async ({ request }) => {
    for (const method of ["PUT", "DELETE", "PATCH", "TRACE"]) {
      const response = await request.fetch(meeting, { method });
      expect(response.status(), method).toBe(405);
      expect(response.headers().allow).toBe("GET, HEAD, POST");
    }
  });

  test("an action posted from another site is refused with 403", async ({ request }) => {
    const response = await request.post(meeting, {
      headers: { "next-action": "7f0c1e2d3b4a59687766554433221100aabbccdd", origin: "https://evil.example" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
    expectNoncePolicy(response.headers()["content-security-policy"]);
  });

  test("a 2 MB post never gives a 500: 413 with the security headers", async ({ request }) => {
    const response = await request.post(meeting, {
      headers: { "next-action": "7f0c1e2d3b4a59687766554433221100aabbccdd", "content-type": "text/plain;charset=UTF-8" },
      data: "x".repeat(2 * 1024 * 1024),
    });
    expect(response.status()).toBe(413);
    expectNoncePolicy(response.headers()["content-security-policy"]);
  });

  test("pages, the 404 page and the sign-in page carry the CSP, COOP and nosniff; each page its own nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (const [path, status] of [
      ["/", 200],
      ["/", 200],
      [meeting, 200],
      ["/signin", 200],
      ["/meetings/no-such-meeting", 404],
      ["/no/such/page", 404],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      const headers = response.headers();
      expectNoncePolicy(headers["content-security-policy"]);
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      // Served over plain HTTP here: no HSTS.
      expect(headers["strict-transport-security"]).toBeUndefined();
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")![1]!;
      nonces.add(nonce);
      // Next put the nonce on its scripts, or the page would not run at all.
      expect(await response.text()).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(6);
  });

  test("with the CSP in force, the page's scripts still run: the search box suggests", async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto("/organizations");
    await page.waitForLoadState("networkidle");
    const box = page.getByRole("combobox", { name: "Search the registry" });
    await box.click();
    await box.fill("Курск");
    await expect(
      page
        .getByRole("listbox", { name: "Suggestions" })
        .getByRole("option", { name: /Kursk Oblast/ })
        .first(),
    ).toBeVisible();
    expect(refused).toEqual([]);
  });

  test("the sign-in form does not send anyone to another site after signing in", async ({ page }) => {
    for (const callback of ["/%5Cevil.example/x", "/%09/evil.example/x"]) {
      await page.context().clearCookies();
      await page.goto(`/signin?callbackUrl=${callback}`);
      await page.getByLabel("Email address").fill(process.env.E2E_STAFF_EMAIL ?? "");
      await page.getByLabel("Password").fill(process.env.E2E_STAFF_PASSWORD ?? "");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Signed in as E2E Editor")).toBeVisible();
      const landed = new URL(page.url());
      expect(landed.host, callback).toBe(new URL(test.info().project.use.baseURL!).host);
      expect(landed.pathname, callback).toBe("/");
    }
  });

  test.describe("as an editor", () => {
    test.use({ storageState: staffLogin.editor });

    test("a 2,000-character word does not make the page wider than the screen", async ({ page }) => {
      await page.goto(meeting);
      const organization = "Iron Arc Mining JSC";
      await pick(page, "Organization", "Iron Arc", organization);
      const word = `W${Date.now()}${"w".repeat(1980)}`.slice(0, 2000);
      await page.getByLabel("Note").fill(word);
      await page.getByRole("button", { name: "Link to meeting" }).click();
      const discussed = page.locator("section", { has: page.getByRole("heading", { name: "What was discussed" }) });
      const item = discussed.getByRole("listitem").filter({ hasText: word.slice(0, 40) });
      await expect(item).toBeVisible();
      const [scrollWidth, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scrollWidth).toBeLessThanOrEqual(viewport);
      // Leave the meeting as the other specs expect it.
      await item.getByRole("button", { name: `Remove the link to ${organization}` }).click();
      await expect(discussed.getByText(word.slice(0, 40))).toHaveCount(0);
    });

    test("a note over 1 MB is refused before it is sent, with a message, and the text stays", async ({ page }) => {
      await page.goto(meeting);
      await pick(page, "Organization", "Iron Arc", "Iron Arc Mining JSC");
      const huge = "Long note. ".repeat(110_000);
      const note = page.getByLabel("Note");
      await note.fill(huge);
      const posts: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") posts.push(request.url());
      });
      await page.getByRole("button", { name: "Link to meeting" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "This form holds more than 1 MB" })).toBeVisible();
      await expect(note).toHaveValue(huge);
      expect(posts).toEqual([]);
      await expect(page.getByText("Sorry, something went wrong")).toHaveCount(0);
    });
  });
});

test.describe("loose ends (issue 13)", () => {
  /** The headers next.config.ts gives the API's answers: an answer for a bad address must carry them too. */
  const apiSecurityHeaders = [
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "cross-origin-opener-policy",
  ];

  test("an API address that does not decode is a 400 problem+json naming the parameter, with the API's headers", async ({ request }) => {
    const good = (await request.get("/api/v1/regions/kursk-oblast")).headers();
    for (const [path, name] of [
      ["/api/v1/regions/%ff", "slug"],
      ["/api/v1/organizations/%zz", "slug"],
      ["/api/v1/trade/kursk-oblast/%ff", "partner"],
      ["/api/v1/%ff", "path"],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      const headers = response.headers();
      expect(headers["content-type"], path).toBe("application/problem+json");
      for (const key of apiSecurityHeaders) expect(headers[key], `${path} ${key}`).toBe(good[key]);
      expect(headers["access-control-allow-origin"]).toBe("*");
      const problem = await response.json();
      expect(problem).toMatchObject({ status: 400, title: "Invalid parameters", instance: path });
      expect(Object.keys(problem.errors)).toEqual([name]);
    }
  });

  test("the sign-in routes: HEAD answers as GET, GET on the credentials callback is 405, and nothing is a 500", async ({ request }) => {
    const head = await request.head("/api/auth/session");
    expect(head.status()).toBe(200);
    expect(head.headers()["content-type"]).toContain("application/json");
    const callback = await request.get("/api/auth/callback/credentials");
    expect(callback.status()).toBe(405);
    expect(callback.headers().allow).toBe("POST");
    expect(callback.headers()["x-content-type-options"]).toBe("nosniff");

    const json = { "content-type": "application/json" };
    const answers: [string, APIResponse][] = [
      ["GET callback/unknown", await request.get("/api/auth/callback/unknown")],
      ["GET signin/unknown", await request.get("/api/auth/signin/unknown", { maxRedirects: 0 })],
      ["GET _log", await request.get("/api/auth/_log")],
      ["POST _log", await request.post("/api/auth/_log", { headers: json, data: "{}" })],
      ["POST session, bad JSON", await request.post("/api/auth/session", { headers: json, data: "{bad" })],
      ["POST callback, bad JSON", await request.post("/api/auth/callback/credentials", { headers: json, data: "{bad" })],
      [
        "POST signin, callbackUrl 5",
        await request.post("/api/auth/signin/credentials", { headers: json, data: '{"callbackUrl":5}', maxRedirects: 0 }),
      ],
      ["GET csrf, bad callbackUrl", await request.get("/api/auth/csrf?callbackUrl=garbage")],
      ["GET error, line break", await request.get("/api/auth/error?error=%0d%0aX-Evil:1", { maxRedirects: 0 })],
    ];
    for (const [name, response] of answers) {
      expect(response.status(), name).toBeGreaterThanOrEqual(200);
      expect(response.status(), name).toBeLessThan(500);
    }
    expect(answers.filter(([, response]) => response.status() >= 400).map(([name]) => name)).toEqual([
      "GET callback/unknown",
      "GET _log",
      "POST session, bad JSON",
      "POST callback, bad JSON",
      "GET csrf, bad callbackUrl",
      "GET error, line break",
    ]);
  });

  test("an action whose Origin is another site is 403, whatever Host and X-Forwarded-Host say", async ({ request }) => {
    const senderHosts: Record<string, string>[] = [
      { host: "evil.example" },
      { "x-forwarded-host": "evil.example" },
      { host: "evil.example", "x-forwarded-host": "evil.example" },
    ];
    for (const hosts of senderHosts) {
      const response = await request.post(meeting, {
        headers: { "next-action": "7f0c1e2d3b4a59687766554433221100aabbccdd", origin: "http://evil.example", ...hosts },
        data: "[]",
      });
      expect(response.status(), JSON.stringify(hosts)).toBe(403);
    }
  });

  test.describe("as an editor", () => {
    test.use({ storageState: staffLogin.editor });

    test("who linked a record shows to staff only: the public page's HTML and RSC payload hold no staff name", async ({
      page,
      playwright,
    }) => {
      await page.goto(meeting);
      const organization = "Iron Arc Mining JSC";
      await pick(page, "Organization", "Iron Arc", organization);
      const note = `Named link ${Date.now()}`;
      await page.getByLabel("Note").fill(note);
      await page.getByRole("button", { name: "Link to meeting" }).click();
      const discussed = page.locator("section", { has: page.getByRole("heading", { name: "What was discussed" }) });
      const item = discussed.getByRole("listitem").filter({ hasText: note });
      await expect(item.getByText(/^Linked by E2E Editor, /)).toBeVisible();

      // Without the editor's cookies, which the test's settings would otherwise give this context too.
      const anonymous = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
      try {
        const html = await (await anonymous.get(meeting)).text();
        const payload = await (await anonymous.get(meeting, { headers: { rsc: "1" } })).text();
        expect(html).not.toContain("Signed in as");
        for (const body of [html, payload]) {
          expect(body).toContain(note);
          expect(body).not.toContain("E2E Editor");
          expect(body).not.toContain(process.env.E2E_STAFF_EMAIL ?? "e2e.editor@");
        }
        expect(html).toContain("Recorded ");
      } finally {
        await anonymous.dispose();
      }

      // Leave the meeting as the other specs expect it.
      await item.getByRole("button", { name: `Remove the link to ${organization}` }).click();
      await expect(discussed.getByText(note)).toHaveCount(0);
    });
  });
});
