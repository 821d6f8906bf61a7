import "server-only";
import { ActionRefusal } from "@/lib/actions/staff-action";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TradeFormInput, TradeUpdateSchema } from "@/lib/trade/schema";
import type { z } from "zod";

// How a trade figure is checked and written, apart from the form's actions (lib/trade/actions.ts), so that the
// spreadsheet import writes a row as the form does. The audit event and the version are the caller's.

type Current = { regionId: number; partnerRegionId: number; slugs: string[] };

export async function readCurrent(tx: Tx, id: number): Promise<Current> {
  const figure = await tx.tradeFigure.findUnique({
    where: { id },
    select: { regionId: true, partnerRegionId: true, region: { select: { slug: true } }, partnerRegion: { select: { slug: true } } },
  });
  if (!figure) throw new ActionRefusal({ message: "recordMissing" });
  return { regionId: figure.regionId, partnerRegionId: figure.partnerRegionId, slugs: [figure.region.slug, figure.partnerRegion.slug] };
}

/**
 * The checks that need the database: both regions exist and are live (or were already on the figure), and
 * the pair has no figure for the year filed the other way round: Kursk–Belarus and Belarus–Kursk are one
 * pair. Returns the slugs of the two regions, whose pages show the figure.
 */
async function checkFigure(tx: Tx, data: TradeFormInput, id?: number, current?: Current): Promise<string[]> {
  // Two editors filing A–B and B–A at once would each miss the other's row: the pair and year take a lock
  // for the rest of the transaction, so the second waits and then finds the first.
  const [low, high] = [data.regionId, data.partnerRegionId].sort((a, b) => a - b);
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`trade:${low}:${high}:${data.year}`}, 0))`);

  const regions = await tx.region.findMany({
    where: { id: { in: [data.regionId, data.partnerRegionId] } },
    select: { id: true, slug: true, archivedAt: true },
  });
  const kept = new Set(current ? [current.regionId, current.partnerRegionId] : []);
  const errors: Record<string, string[]> = {};
  for (const field of ["regionId", "partnerRegionId"] as const) {
    const region = regions.find((r) => r.id === data[field]);
    if (!region || (region.archivedAt !== null && !kept.has(region.id))) errors[field] = ["regionMissing"];
  }
  const reversed = await tx.tradeFigure.findFirst({
    where: {
      regionId: data.partnerRegionId,
      partnerRegionId: data.regionId,
      year: data.year,
      id: id === undefined ? undefined : { not: id },
    },
    select: { id: true },
  });
  if (reversed) errors.year = ["tradeYearReversed"];
  if (Object.keys(errors).length) throw new ActionRefusal({ message: "checkFields", errors });
  return regions.map((r) => r.slug);
}

const fields = (data: TradeFormInput) => ({
  regionId: data.regionId,
  partnerRegionId: data.partnerRegionId,
  year: data.year,
  turnoverUsd: data.turnoverUsd,
  exportsUsd: data.exportsUsd,
  importsUsd: data.importsUsd,
  sourceTitle: data.sourceTitle,
  sourceTitleRu: data.sourceTitleRu,
  sourceUrl: data.sourceUrl,
});

/** Writes a new trade figure after the form's checks; returns its id. */
export async function insertTradeFigure(tx: Tx, data: TradeFormInput, user: Pick<CurrentUser, "id">) {
  await checkFigure(tx, data);
  const created = await tx.tradeFigure.create({
    data: { ...fields(data), createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  return created.id;
}

/** The checks of an edit, and what it writes under the row lock (see `updateVersioned`): the slugs of the old and new regions. */
export async function tradeFigureEdit(tx: Tx, data: z.output<typeof TradeUpdateSchema>, { id }: { id: number }) {
  const current = await readCurrent(tx, id);
  const slugs = await checkFigure(tx, data, id, current);
  return {
    apply: async (tx: Tx) => {
      await tx.tradeFigure.update({ where: { id }, data: fields(data) });
      return [...current.slugs, ...slugs];
    },
  };
}
