import { afterAll, describe, expect, it } from "vitest";
import { createSqlPool, queryPrepared, queryRows, streamQuery } from "@/lib/db/pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./setup";

// One connection: each statement runs in the session the one before it left.
const pool = createSqlPool(databaseUrl, 1);
afterAll(() => pool.end());

const planMode = Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`;
const own = [{ mode: "auto" }];
const reused = [{ mode: "force_generic_plan" }];

describe("the plain-pg pool (lib/db/pg.ts)", () => {
  it("reuses the plans of prepared statements and plans every other statement for its values, on one connection", async () => {
    expect(await queryRows(planMode, pool)).toEqual(own);
    expect(await queryPrepared(planMode, pool)).toEqual(reused);
    expect(await queryPrepared(planMode, pool)).toEqual(reused);
    expect(await queryRows(planMode, pool)).toEqual(own);
    expect(await queryPrepared(planMode, pool)).toEqual(reused);
    const streamed = await new Response(
      await streamQuery<{ mode: string }>(planMode, { head: "", row: (row) => row.mode, tail: () => "" }, { pool }),
    ).text();
    expect(streamed).toBe("auto");
    expect(pool.totalCount).toBe(1);
  });

  it("plans a prepared statement once and reuses the plan from its first run", async () => {
    const statement = Prisma.sql`SELECT count(*)::int AS n FROM sectors WHERE code = ${"C"} OR section_code = ${"C"}`;
    for (let run = 0; run < 3; run++) expect(await queryPrepared(statement, pool)).toEqual([{ n: expect.any(Number) }]);
    const [plans] = await queryRows<{ generic_plans: string; custom_plans: string }>(
      Prisma.sql`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = ${statement.text}`,
      pool,
    );
    expect(plans).toEqual({ generic_plans: "3", custom_plans: "0" });
  });

  it("closes a connection whose statement failed; the next one starts in the default mode", async () => {
    await queryPrepared(planMode, pool);
    await expect(queryPrepared(Prisma.sql`SELECT 1 / ${0}::int`, pool)).rejects.toThrow(/division by zero/);
    expect(await queryRows(planMode, pool)).toEqual(own);
  });
});
