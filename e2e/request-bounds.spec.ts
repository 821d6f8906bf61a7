import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { staffLogin } from "./staff-login";

// Issue 13, finding 5: request bodies the staff forms never send get a clear 4xx from the server, never a 500.

/** The id of the language switch's server action in the build under test: the one action public pages have. */
function anyActionId(): string {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) =>
    Object.keys(entry.workers).some((page) => page.startsWith("app/(public)/")),
  );
  if (!found) throw new Error("The build has no action on the public pages");
  return found[0];
}

/** A POST with a chunked body (no Content-Length), which Playwright's request context cannot send. */
function postChunked(url: URL, chunks: string[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => done({ status: response.statusCode ?? 0, body }));
    });
    // The server answers before reading the body and closes; the rest of it may then fail to send.
    request.on("error", (error) => (String(error).includes("EPIPE") || String(error).includes("ECONNRESET") ? undefined : fail(error)));
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

test.describe("request bodies", () => {
  test.use({ storageState: staffLogin.editor });

  test("a 2 MB action body sent chunked is refused with 411 before it is read", async ({ baseURL }) => {
    const chunk = "x".repeat(64 * 1024);
    const answer = await postChunked(new URL("/workspace/regions/new", baseURL), Array<string>(32).fill(chunk), {
      "next-action": anyActionId(),
      "content-type": "text/plain;charset=UTF-8",
      origin: new URL(baseURL!).origin,
    });
    expect(answer.status).toBe(411);
    expect(answer.body).toContain("Content-Length");
  });

  test("an action argument nested 20,000 deep is refused with 400, as text or as a multipart part", async ({ request, baseURL }) => {
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const headers = { "next-action": anyActionId(), origin: new URL(baseURL!).origin };
    const asText = await request.post("/workspace", { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: deep });
    expect(asText.status()).toBe(400);
    expect(await asText.text()).toContain("This request could not be read");
    expect(asText.headers()["x-content-type-options"]).toBe("nosniff");
    const asPart = await request.post("/workspace", { headers, multipart: { "0": deep, "1_name": "x" } });
    expect(asPart.status()).toBe(400);
    // Typed text with brackets is no argument: a shallow call is not refused as deep.
    const shallow = await request.post("/workspace", {
      headers,
      multipart: { "0": '["$K1"]', "1_locale": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[en" },
    });
    expect(shallow.status()).toBeLessThan(400);
  });

  test("the language switch called with something other than its form changes nothing and answers", async ({ request, baseURL }) => {
    const response = await request.post("/", {
      headers: { "next-action": anyActionId(), origin: new URL(baseURL!).origin, "content-type": "text/plain;charset=UTF-8" },
      data: "[1]",
    });
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("interregio-locale");
  });
});
