import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { onRequestError } from "@/instrumentation";
import { databaseIsUp } from "@/lib/db/health";
import { proxy } from "@/proxy";
import { databaseUrl, prisma } from "./setup";

afterAll(() => prisma.$disconnect());
afterEach(() => vi.useRealTimers());

/** Moves the clock past the time a successful check is trusted. */
function later() {
  vi.setSystemTime(Date.now() + 60_000);
}

/** A TCP relay in front of the real PostgreSQL that the test can cut and restore, as an outage would, or freeze, as a lost network would. */
function relay(target: URL) {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let frozen = false;
  let server: Server | undefined;
  const open = (port = 0) =>
    new Promise<number>((done) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => {});
          s.on("close", () => sockets.delete(s));
        }
        pairs.add([client, upstream]);
        if (!frozen) client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        const address = server!.address();
        done(typeof address === "object" && address ? address.port : 0);
      });
    });
  const cut = () =>
    new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server?.close(() => done());
    });
  /** Nothing passes any more, yet no connection closes: only a timeout tells. */
  const freeze = () => {
    frozen = true;
    for (const [client, upstream] of pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  };
  return { open, cut, freeze };
}

/** Points the proxy at the relay for one test. */
async function throughRelay(body: (url: string, link: ReturnType<typeof relay>) => Promise<void>) {
  const link = relay(new URL(databaseUrl));
  const relayed = new URL(databaseUrl);
  relayed.host = `127.0.0.1:${await link.open()}`;
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = relayed.toString();
  try {
    await body(relayed.toString(), link);
  } finally {
    process.env.DATABASE_URL = saved;
    await link.cut();
  }
}

const page = () => proxy(new NextRequest("http://localhost/regions/kursk-oblast"));

describe("when the database is down", () => {
  it("pages answer 503 with a page that says so, and recover by themselves when it is back", async () => {
    const link = relay(new URL(databaseUrl));
    const port = await link.open();
    const relayed = new URL(databaseUrl);
    relayed.host = `127.0.0.1:${port}`;
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = relayed.toString();
    const request = () =>
      proxy(new NextRequest("http://localhost/regions/kursk-oblast", { headers: { "accept-language": "ru-RU,ru;q=0.9" } }));
    // Only the clock is faked: sockets and timeouts run for real.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await databaseIsUp(relayed.toString())).toBe(true);
      expect((await request()).headers.get("x-middleware-next")).toBe("1");

      await link.cut();
      later();
      expect(await databaseIsUp(relayed.toString())).toBe(false);
      const down = await request();
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("30");
      const body = await down.text();
      expect(body).toContain('<html lang="ru">');
      expect(body).toContain("реестр недоступен");

      await link.open(port);
      expect(await databaseIsUp(relayed.toString())).toBe(true);
      expect((await request()).status).toBe(200);
    } finally {
      process.env.DATABASE_URL = saved;
      await link.cut();
    }
  });

  it("the first request after the database stops already gets the 503 page, while the last good check is still fresh", async () => {
    await throughRelay(async (url, link) => {
      expect(await databaseIsUp(url)).toBe(true);
      expect((await page()).headers.get("x-middleware-next")).toBe("1");
      await link.cut();
      // The time the next reader takes to arrive: far less than the 2 s a good check is trusted.
      await new Promise((done) => setTimeout(done, 100));
      const down = await page();
      expect(down.status).toBe(503);
      expect(down.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(down.headers.get("x-content-type-options")).toBe("nosniff");
    });
  });

  it("a request that fails on the server (a lost network: no connection closes) ends the trust in the last check", async () => {
    await throughRelay(async (url, link) => {
      expect(await databaseIsUp(url)).toBe(true);
      link.freeze();
      // Still trusted: nothing has told the proxy yet.
      expect((await page()).headers.get("x-middleware-next")).toBe("1");
      // A page's query timed out; Next reports it to instrumentation.ts.
      await onRequestError(
        new Error("Connection terminated due to connection timeout"),
        { path: "/", method: "GET", headers: {} },
        { routerKind: "App Router", routePath: "/", routeType: "render", revalidateReason: undefined },
      );
      const down = await page();
      expect(down.status).toBe(503);
    });
  });

  it("answers in English by default", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none";
    try {
      const response = await proxy(new NextRequest("http://localhost/"));
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("Sorry, the registry is not available");
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
