import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { archiveTradeFigure, updateTradeFigure } = await import("@/lib/trade/actions");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

/**
 * Twenty editors save the same record from the same version at once, through the real action and the app's
 * own connection pool: the row lock and the version check let exactly one through, and every other one is
 * told what the winner changed.
 */

const EDITORS = 20;
let figure: { id: number };
let base: Record<string, string>;

/** What one concurrent save came to: its redirect (the save landed) or its refusal. */
async function settle(save: Promise<unknown>) {
  try {
    return { state: await save, redirect: null };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { state: null, redirect: digest };
    throw error;
  }
}

beforeAll(async () => {
  await seedOnce();
  signInAs(getServerSession, await createStaffUser("editor"));
});

beforeEach(async () => {
  const stamp = `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const [region, partner] = await Promise.all(
    ["a", "b"].map((side) =>
      prisma.region.create({
        data: {
          slug: `test-concurrent-${side}-${stamp}`,
          nameEn: `Concurrent ${side} ${stamp}`,
          nameRu: `Одновременно ${side}`,
          level: "region",
          countryCode: "BY",
        },
        select: { id: true, nameEn: true },
      }),
    ),
  );
  figure = await prisma.tradeFigure.create({
    data: { regionId: region!.id, partnerRegionId: partner!.id, year: 2014, turnoverUsd: "250000000.00", sourceTitle: "Concurrency test" },
    select: { id: true },
  });
  base = {
    regionId: String(region!.id),
    partnerRegionId: String(partner!.id),
    year: "2014",
    exportsUsd: "",
    importsUsd: "",
    sourceTitle: "Concurrency test",
    sourceUrl: "",
    version: "1",
  };
});

afterAll(() => prisma.$disconnect());

describe("twenty concurrent saves of one trade figure from the same version", () => {
  it("let exactly one edit through, raise the version by one, and tell the other nineteen what the winner changed", async () => {
    const turnovers = Array.from({ length: EDITORS }, (_, i) => `${260_000_000 + i}.00`);
    const results = await Promise.all(
      turnovers.map((turnoverUsd) => settle(updateTradeFigure(figure.id, {}, form({ ...base, turnoverUsd })))),
    );

    const winners = results.flatMap((result, i) => (result.redirect ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = turnovers[winners[0]!]!;
    const saved = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect(saved.version).toBe(2);
    expect(saved.turnoverUsd.toFixed(2)).toBe(winner);

    const losers = results.filter((result) => !result.redirect);
    expect(losers).toHaveLength(EDITORS - 1);
    for (const [i, loser] of results.entries()) {
      if (loser.redirect) continue;
      expect(loser.state).toMatchObject({
        ok: false,
        message: "conflict",
        conflict: { version: 2, changes: [{ field: "turnoverUsd", before: "250000000.00", after: winner }] },
        // Each loser keeps its own input to merge and save again.
        values: { turnoverUsd: turnovers[i] },
      });
    }
    expect(await prisma.auditEvent.count({ where: { entityType: "trade_figure", entityId: String(figure.id) } })).toBe(1);
  });

  it("let exactly one archive through, and refuse the other nineteen as a conflict", async () => {
    const results = await Promise.all(
      Array.from({ length: EDITORS }, () => settle(archiveTradeFigure(figure.id, {}, form({ version: "1" })))),
    );

    expect(results.filter((result) => result.redirect)).toHaveLength(1);
    const saved = await prisma.tradeFigure.findUniqueOrThrow({ where: { id: figure.id } });
    expect(saved.version).toBe(2);
    expect(saved.archivedAt).not.toBeNull();
    const losers = results.filter((result) => !result.redirect);
    expect(losers).toHaveLength(EDITORS - 1);
    for (const loser of losers) {
      expect(loser.state).toMatchObject({
        ok: false,
        message: "conflict",
        conflict: { version: 2, changes: [{ field: "archived", before: "false", after: "true" }] },
      });
    }
    expect(
      await prisma.auditEvent.count({ where: { entityType: "trade_figure", entityId: String(figure.id), action: "trade_figure.archive" } }),
    ).toBe(1);
  });
});
