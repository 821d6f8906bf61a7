import { randomInt } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { authorizeSignIn } from "@/lib/auth/sign-in";
import { db, readDb } from "@/lib/db/client";
import { notReadyReason } from "@/lib/db/health";
import { readSqlPool, sqlPool } from "@/lib/db/pg";
import { closePools, poolUse } from "@/lib/db/pools";
import { clientAddressHeader } from "@/lib/http/incoming";
import { metricsText } from "@/lib/metrics";
import { createStaffUser, databaseUrl, prisma } from "./setup";

// What /readyz and /metrics (lib/http/operator-routes.ts) read from the database; the routes themselves are in
// tests/unit/server-operations.test.ts, the running server in e2e/operations.spec.ts.

const migrationsDir = join(process.cwd(), "prisma", "migrations");
const scratch = mkdtempSync(join(tmpdir(), "interregio-migrations-"));

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await closePools();
  await prisma.$disconnect();
});

/** The value of a metric's sample with these labels, or undefined. */
async function sample(name: string, labels: string): Promise<number | undefined> {
  const line = (await metricsText()).text.split("\n").find((text) => text.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

describe("readiness", () => {
  it("is refused while a migration of the code is missing from the database, naming the first", async () => {
    for (const entry of readdirSync(migrationsDir, { withFileTypes: true })) if (entry.isDirectory()) mkdirSync(join(scratch, entry.name));
    mkdirSync(join(scratch, "29991231000000_not_yet_deployed"));
    expect(await notReadyReason(databaseUrl, scratch)).toBe("1 migration(s) not applied, the first 29991231000000_not_yet_deployed");
  });

  it("is given when PostgreSQL answers with every migration applied", async () => {
    expect(await notReadyReason(databaseUrl, migrationsDir)).toBeNull();
  });

  it("is refused while PostgreSQL does not answer", async () => {
    expect(await notReadyReason("postgresql://nobody@127.0.0.1:1/none", migrationsDir)).toBe("database unreachable");
  });
});

describe("metrics", () => {
  it("count sign-in refusals by reason", async () => {
    const user = await createStaffUser("editor", "the right pass phrase");
    const before = (await sample("interregio_sign_in_refusals_total", 'reason="wrong_credentials"')) ?? 0;
    const request = { headers: { [clientAddressHeader]: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` } };
    expect(await authorizeSignIn({ email: user.email, password: "wrong" }, request)).toBeNull();
    expect(await authorizeSignIn({ email: user.email, password: "the right pass phrase" }, request)).not.toBeNull();
    expect(await sample("interregio_sign_in_refusals_total", 'reason="wrong_credentials"')).toBe(before + 1);
  });

  it("show each watched pool's connections and the imports by status", async () => {
    await sqlPool().query("SELECT 1");
    expect(poolUse().map((pool) => pool.name)).toContain("sql");
    expect(await sample("interregio_db_pool_connections", 'pool="sql",state="total"')).toBeGreaterThanOrEqual(1);
    expect(await sample("interregio_db_pool_connections", 'pool="sql",state="waiting"')).toBe(0);
    const counts = await prisma.$queryRaw<{ status: string; count: number }[]>`
      SELECT status, count(*)::int AS count FROM import_batches GROUP BY status`;
    for (const { status, count } of counts) expect(await sample("interregio_import_batches", `status="${status}"`)).toBe(count);
  });

  it("show no replica pool without DATABASE_REPLICA_URLS: the public's reads share the primary's pools", async () => {
    // This file runs without replicas (tests/integration/read-replicas.test.ts runs with them).
    expect(process.env.DATABASE_REPLICA_URLS ?? "").toBe("");
    expect(readDb()).toBe(db());
    expect(readSqlPool()).toBe(sqlPool());
    await readDb().$queryRaw`SELECT 1`;
    await readSqlPool().query("SELECT 1");
    expect(poolUse().map((pool) => pool.name)).toEqual(expect.arrayContaining(["prisma", "sql"]));
    expect(poolUse().filter((pool) => pool.name.includes("replica"))).toEqual([]);
    expect((await metricsText()).text).not.toContain("replica");
  });

  it("include Node's own", async () => {
    expect((await metricsText()).text).toContain("process_cpu_user_seconds_total");
  });
});
