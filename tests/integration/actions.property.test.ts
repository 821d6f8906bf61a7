import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getServerSession } = await import("next-auth");
const { createRegion } = await import("@/lib/regions/actions");
const { linkEntityToMeeting } = await import("@/lib/meetings/actions");
const { createTradeFigure } = await import("@/lib/trade/actions");
const { createStaffUser, form, prisma, seedOnce, signInAs } = await import("./setup");

/** Random and hostile text: NUL, RTL marks, emoji, SQL, HTML, 10,000 characters. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "a\u0000b",
    "\u202eevil\u202c",
    "👩‍👩‍👧‍👦🇧🇾",
    "'; DROP TABLE regions; --",
    "<script>alert(1)</script>",
    "  ",
    "x".repeat(10_000),
  ),
);

type Outcome = { saved: true } | { saved: false; state: Awaited<ReturnType<typeof createRegion>> };

/** Runs an action: a redirect means it saved; otherwise its state. Anything else thrown fails the property. */
async function attempt(run: () => Promise<Awaited<ReturnType<typeof createRegion>>>): Promise<Outcome> {
  try {
    const state = await run();
    return state.ok ? { saved: true } : { saved: false, state };
  } catch (error) {
    if (String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return { saved: true };
    throw error;
  }
}

/** A refusal: never "unavailable" (the database never sees bad input), and every typed value comes back. */
function expectRefusedWithInput(outcome: Outcome, sent: Record<string, string>) {
  if (outcome.saved) return;
  expect(outcome.state.ok).toBe(false);
  expect(outcome.state.message).not.toBe("unavailable");
  expect(outcome.state.values).toMatchObject(sent);
}

const stored = (text: string) => text.trim();
let seq = 0;

/** Regions of this file's own, so that its links and trade figures touch no other test's rows. */
let ownRegions: { id: number }[] = [];

beforeAll(async () => {
  await seedOnce();
  signInAs(getServerSession, await createStaffUser("editor"));
  const run = `${process.pid}-${Date.now()}`;
  ownRegions = await Promise.all(
    Array.from({ length: 6 }, (_, n) =>
      prisma.region.create({
        data: {
          slug: `property-${run}-${n}`,
          nameEn: `Property ${run} ${n}`,
          nameRu: `Свойство ${run} ${n}`,
          level: "region",
          countryCode: "RU",
        },
        select: { id: true },
      }),
    ),
  );
});

afterAll(() => prisma.$disconnect());

describe("actions given random and hostile text", () => {
  it("createRegion stores exactly the trimmed text or refuses with the input echoed", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (nameEn, nameRu) => {
        seq += 1;
        const sent = { nameEn: `${nameEn}`, nameRu: `${nameRu}${seq}-${Date.now()}`, level: "region", countryCode: "RU" };
        const outcome = await attempt(() => createRegion({}, form(sent)));
        expectRefusedWithInput(outcome, sent);
        // PostgreSQL cannot even compare a NUL: such input must have been refused before the database.
        if (nameEn.includes("\u0000") || nameRu.includes("\u0000")) {
          expect(outcome.saved).toBe(false);
          return;
        }
        const found = await prisma.region.findMany({ where: { nameRu: stored(sent.nameRu) }, select: { nameEn: true } });
        if (outcome.saved) expect(found).toEqual([{ nameEn: stored(nameEn) }]);
        else expect(found).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("linkEntityToMeeting stores exactly the trimmed note or refuses with the input echoed", async () => {
    const meeting = await prisma.meeting.findFirstOrThrow({ select: { id: true } });
    const regions = ownRegions;
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom(...regions.map((r) => r.id)), async (note, regionId) => {
        // One live link per meeting and entity: clear the way so that a valid note can land.
        await prisma.discussionLink.deleteMany({ where: { meetingId: meeting.id, regionId } });
        const sent = { regionId: String(regionId), note };
        const outcome = await attempt(() => linkEntityToMeeting(meeting.id, {}, form(sent)));
        expectRefusedWithInput(outcome, sent);
        const links = await prisma.discussionLink.findMany({
          where: { meetingId: meeting.id, regionId, archivedAt: null },
          select: { note: true },
        });
        if (outcome.saved) expect(links).toEqual([{ note: stored(note) }]);
        else expect(links).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("createTradeFigure stores exactly the trimmed source or refuses with the input echoed", async () => {
    const [a, b] = ownRegions;
    let year = 1990;
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.oneof(hostile, fc.constantFrom("250000000", "1 000,50", "-5", "1e9")),
        async (sourceTitle, turnoverUsd) => {
          year = year >= 2100 ? 1990 : year + 1;
          await prisma.tradeFigure.deleteMany({
            where: {
              year,
              OR: [
                { regionId: a!.id, partnerRegionId: b!.id },
                { regionId: b!.id, partnerRegionId: a!.id },
              ],
            },
          });
          const sent = { regionId: String(a!.id), partnerRegionId: String(b!.id), year: String(year), turnoverUsd, sourceTitle };
          const outcome = await attempt(() => createTradeFigure({}, form(sent)));
          expectRefusedWithInput(outcome, sent);
          if (sourceTitle.includes("\u0000")) {
            expect(outcome.saved).toBe(false);
            return;
          }
          const figures = await prisma.tradeFigure.findMany({
            where: { regionId: a!.id, partnerRegionId: b!.id, year },
            select: { sourceTitle: true },
          });
          if (outcome.saved) expect(figures).toEqual([{ sourceTitle: stored(sourceTitle) }]);
          else expect(figures).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
