import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { databaseIsUp } from "@/lib/health";
import { proxy } from "@/proxy";
import { databaseUrl, prisma } from "./setup";

afterAll(() => prisma.$disconnect());
afterEach(() => vi.useRealTimers());

/** Moves the clock past the time a successful check is trusted. */
function later() {
  vi.setSystemTime(Date.now() + 60_000);
}

/** A TCP relay in front of the real PostgreSQL that the test can cut and restore, as an outage would. */
function relay(target: URL) {
  const sockets = new Set<Socket>();
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
        client.pipe(upstream).pipe(client);
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
  return { open, cut };
}

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
