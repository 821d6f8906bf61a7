"use server";

import { revalidatePath } from "next/cache";
import { ActionRefusal } from "@/lib/actions/staff-action";
import { recordActions } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { paths } from "@/lib/paths";
import { snapshotTradeFigure } from "@/lib/trade/queries";
import { TradeFormSchema, TradeUpdateSchema, type TradeFormInput } from "@/lib/trade/schema";

const unique = {
  trade_figures_region_id_partner_region_id_year_key: { field: "year", message: "tradeYearTaken" },
};

type Current = { regionId: number; partnerRegionId: number; slugs: string[] };

async function readCurrent(tx: Tx, id: number): Promise<Current> {
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
  sourceUrl: data.sourceUrl,
});

function refresh(slugs: string[]) {
  // A figure shows on the pages of both its regions; growth there is derived from the neighbouring years.
  invalidate("trade", "regions");
  for (const slug of new Set(slugs)) revalidatePath(paths.region(slug));
}

const figures = recordActions({
  type: "trade_figure",
  page: "trade",
  snapshot: snapshotTradeFigure,
  read: async (tx, id) => (await readCurrent(tx, id)).slugs,
  refresh,
});

/** Adds the trade between two regions in one year. Editors and admins. */
export const createTradeFigure = figures.create({ schema: TradeFormSchema, unique }, async (tx, data, user) => {
  await checkFigure(tx, data);
  const created = await tx.tradeFigure.create({
    data: { ...fields(data), createdById: user.id, updatedById: user.id },
    select: { id: true },
  });
  return created.id;
});

/** Saves an edit of a trade figure from the version the form started from; the pages of its old regions refresh too. Editors and admins. */
export const updateTradeFigure = figures.update({ schema: TradeUpdateSchema, unique }, async (tx, data, { id }) => {
  const current = await readCurrent(tx, id);
  const slugs = await checkFigure(tx, data, id, current);
  return {
    apply: async (tx) => {
      await tx.tradeFigure.update({ where: { id }, data: fields(data) });
      return [...current.slugs, ...slugs];
    },
  };
});

/** Takes a trade figure off the region pages; its record and history stay. Editors and admins. */
export const archiveTradeFigure = figures.archive;

/** Brings an archived trade figure back to the region pages. Editors and admins. */
export const restoreTradeFigure = figures.restore;
