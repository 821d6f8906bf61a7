import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort, projectRoot } from "../scripts/database";

// The operators' side of the server (scripts/serve.ts): health and readiness, the metrics behind their token,
// the JSON request log and what it must never hold, and the graceful shutdown. The production build, on an app
// of its own (the e2e database, METRICS_TOKEN set, its log captured), which the last test stops with SIGTERM.

const metricsToken = randomBytes(24).toString("hex");
const staff = { email: process.env.E2E_STAFF_EMAIL ?? "", password: process.env.E2E_STAFF_PASSWORD ?? "" };
let app: ChildProcess;
let origin = "";
let port = 0;
let log = "";

type LogLine = Record<string, unknown>;
const logLines = (): LogLine[] =>
  log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  app = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "serve.ts")], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    // One process: the shutdown checked here is a server process's own (e2e/instances.spec.ts runs a cluster).
    env: {
      ...process.env,
      NEXTAUTH_URL: origin,
      PORT: String(port),
      HOST: "127.0.0.1",
      METRICS_TOKEN: metricsToken,
      LOG_LEVEL: "info",
      WEB_CONCURRENCY: "1",
    },
  });
  for (const stream of [app.stdout!, app.stderr!]) stream.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await expect.poll(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
  if (app.exitCode === null) app.kill("SIGKILL");
});

test("/healthz and /readyz answer in plain text that no cache keeps, without the proxy", async () => {
  const health = await fetch(`${origin}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.text()).toBe("ok\n");
  const ready = await fetch(`${origin}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.text()).toBe("ready\n");
  for (const response of [health, ready]) {
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
    // The pages' CSP with a nonce is the proxy's; these never pass through it.
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

test("/metrics answers only the bearer of METRICS_TOKEN, and is absent without one", async ({ request }) => {
  expect((await fetch(`${origin}/metrics`)).status).toBe(401);
  expect((await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}x` } })).status).toBe(401);
  const metrics = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toContain('interregio_http_request_duration_seconds_count{route="/healthz",status="200"}');
  expect(text).toMatch(/interregio_db_pool_connections\{pool="health",state="total"\} \d/);
  expect(text).toContain("nodejs_heap_size_used_bytes");
  // The other specs' server has no METRICS_TOKEN.
  expect((await request.get("/metrics", { headers: { authorization: `Bearer ${metricsToken}` } })).status()).toBe(404);
});

test("a sign-in's password and cookies never reach the log; each request's line has its id, route, status and user", async () => {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const planted = {
    cookie: `planted-cookie-${randomBytes(8).toString("hex")}`,
    bearer: `planted-bearer-${randomBytes(8).toString("hex")}`,
  };
  const signIn = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...csrfCookie, `tracker=${planted.cookie}`].join("; "),
      authorization: `Bearer ${planted.bearer}`,
    },
    body: new URLSearchParams({ email: staff.email, password: staff.password, csrfToken, callbackUrl: `${origin}/workspace` }),
  });
  expect(signIn.status).toBe(302);
  const session = signIn.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  expect(session.join(";")).toContain("next-auth.session-token=");
  const workspace = await fetch(`${origin}/workspace`, { headers: { cookie: session.join("; ") } });
  expect(workspace.status).toBe(200);

  await expect.poll(() => logLines().some((line) => line.requestId === workspace.headers.get("x-request-id"))).toBe(true);
  const secrets = [
    staff.password,
    csrfToken,
    planted.cookie,
    planted.bearer,
    ...[...csrfCookie, ...session].map((cookie) => cookie.split("=")[1]!),
  ];
  for (const secret of secrets) expect(log).not.toContain(secret);

  const signInLine = logLines().find((line) => line.requestId === signIn.headers.get("x-request-id"));
  expect(signInLine).toMatchObject({ msg: "request", method: "POST", path: "/api/auth/callback/credentials", status: 302 });
  expect(signInLine?.ms).toEqual(expect.any(Number));
  const workspaceLine = logLines().find((line) => line.requestId === workspace.headers.get("x-request-id"));
  expect(workspaceLine).toMatchObject({ method: "GET", path: "/workspace", route: "/workspace", status: 200 });
  expect(workspaceLine?.userId).toEqual(expect.any(Number));
});

test("SIGTERM: the request in flight is answered, /readyz says so, and the process exits 0 within 12 s", async () => {
  test.setTimeout(60_000);
  // A sign-in whose body is held back: the route waits for the rest of it.
  const body = new URLSearchParams({ email: "nobody@interregio.example", password: "held back", csrfToken: "x" }).toString();
  const socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString()));
  await new Promise((done) => socket.once("connect", done));
  socket.write(
    `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((done) => setTimeout(done, 1000));

  const started = Date.now();
  const exited = new Promise<number | null>((done) => app.once("exit", (code) => done(code)));
  app.kill("SIGTERM");
  await expect.poll(() => log.includes('"msg":"shutting down')).toBe(true);
  // No new connections...
  await expect.poll(async () => (await fetch(`${origin}/healthz`).catch(() => null)) === null).toBe(true);
  // ...but the request in flight is answered, and the next one on its connection hears that the server is going.
  socket.write(`${body.slice(10)}GET /readyz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const code = await exited;
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(12_000);
  expect(received).toMatch(/^HTTP\/1\.1 (200|302|401) /);
  expect(received).toContain("HTTP/1.1 503 Service Unavailable");
  expect(received).toContain("shutting down\n");
  expect(log).toContain('"msg":"stopped"');
});
