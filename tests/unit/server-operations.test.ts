import { createServer, IncomingMessage, type Server } from "node:http";
import { Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareIncoming, requestIdHeader } from "@/lib/http/incoming";
import { answerOperatorRoute, bearerMatches, operatorRouteOf, type ServerState } from "@/lib/http/operator-routes";
import { pathOf, routeLabel } from "@/lib/http/request-log";
import { createLogger } from "@/lib/log";

// The server's own answers (scripts/serve.ts): the operators' routes and the request id. The database-backed
// readiness and the metrics' figures are in tests/integration/readiness-and-metrics.test.ts; the whole server,
// its log and its shutdown in e2e/operations.spec.ts.

const state: ServerState = { shuttingDown: false, migrationsDir: "prisma/migrations" };
let server: Server;
let origin = "";

beforeAll(async () => {
  // Wired as scripts/serve.ts wires them; other paths answer 204 as Next would answer something.
  server = createServer((request, response) => {
    if (!prepareIncoming(request, response, Number(request.headers["x-test-hops"] ?? 0))) return;
    const route = operatorRouteOf(pathOf(request));
    if (route) void answerOperatorRoute(route, request, response, state);
    else response.writeHead(204).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

describe("the operators' routes", () => {
  it("/healthz answers ok in plain text that no cache keeps", async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok\n");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("/readyz answers 503 at once while the server shuts down, without asking the database", async () => {
    state.shuttingDown = true;
    try {
      const response = await fetch(`${origin}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.text()).toBe("shutting down\n");
    } finally {
      state.shuttingDown = false;
    }
  });

  it("takes GET and HEAD only, and only the exact paths (a query is ignored)", async () => {
    expect((await fetch(`${origin}/healthz`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${origin}/healthz`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${origin}/healthz?x=1`)).status).toBe(200);
    expect(operatorRouteOf("/healthz/")).toBeNull();
    expect(operatorRouteOf("/metrics.txt")).toBeNull();
  });

  it("/metrics takes only the exact bearer token", () => {
    const token = "a".repeat(40);
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}b`, token)).toBe(false);
    expect(bearerMatches(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches("Bearer ", token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
  });
});

describe("the request id", () => {
  it("is made anew for every request, and sent back", async () => {
    const first = (await fetch(`${origin}/healthz`, { headers: { [requestIdHeader]: "client-chosen" } })).headers.get(requestIdHeader);
    const second = (await fetch(`${origin}/healthz`)).headers.get(requestIdHeader);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });

  it("is the trusted proxy's, when it looks like an id", async () => {
    const sent = (id: string) => fetch(`${origin}/`, { headers: { "x-test-hops": "1", [requestIdHeader]: id } });
    expect((await sent("proxy-4f2a.17")).headers.get(requestIdHeader)).toBe("proxy-4f2a.17");
    expect((await sent("no spaces or <tags>")).headers.get(requestIdHeader)).toMatch(/^[0-9a-f-]{36}$/);
    expect((await sent("x".repeat(129))).headers.get(requestIdHeader)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the route label of the metrics", () => {
  const requestFor = (url: string, meta?: object) => {
    const request = new IncomingMessage(new Socket());
    request.url = url;
    if (meta) Object.assign(request, { [Symbol.for("NextInternalRequestMeta")]: meta });
    return request;
  };

  it("is the route pattern Next matched, never the path a client chose", () => {
    expect(
      routeLabel(requestFor("/organizations/gomselmash?x=1", { match: { definition: { pathname: "/organizations/[slug]" } } }), null),
    ).toBe("/organizations/[slug]");
    expect(routeLabel(requestFor("/no-such-page-4711"), null)).toBe("unmatched");
    expect(routeLabel(requestFor("/_next/static/chunks/app.js"), null)).toBe("/_next");
    expect(routeLabel(requestFor("/healthz"), "/healthz")).toBe("/healthz");
  });
});

/** A logger as the server's, writing into `lines`. */
function capturedLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger("info", { destination }), lines };
}

describe("the log", () => {
  it("writes an error with its stack", () => {
    const { log, lines } = capturedLog();
    log.error({ err: new Error("the database went away") }, "request failed");
    const line = JSON.parse(lines[0]!) as { err: { message: string; stack: string } };
    expect(line.err.message).toBe("the database went away");
    expect(line.err.stack).toContain("server-operations.test.ts");
  });

  it("never writes a password, token, cookie, Authorization header or hash, wherever it is in the object", () => {
    const { log, lines } = capturedLog();
    const secrets = ["pass-1", "token-2", "cookie-3", "Bearer auth-4", "$argon2id$hash-5", "secret-6", "session-7"];
    log.info({ password: secrets[0], token: secrets[1], cookie: secrets[2], passwordHash: secrets[4] }, "top level");
    log.info({ user: { password: secrets[0], passwordHash: secrets[4] }, config: { secret: secrets[5], token: secrets[1] } }, "nested");
    log.info({ req: { headers: { cookie: secrets[2], authorization: secrets[3], "user-agent": "kept" } } }, "headers");
    log.info({ res: { headers: { "set-cookie": secrets[6] } } }, "response headers");
    const output = lines.join("");
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).toContain("kept");
    expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(11);
  });
});
