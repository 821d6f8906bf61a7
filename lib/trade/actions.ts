"use server";

import { revalidatePath } from "next/cache";
import { recordActions } from "@/lib/actions/versioned";
import { invalidate } from "@/lib/cache";
import { paths } from "@/lib/paths";
import { snapshotTradeFigure } from "@/lib/trade/queries";
import { TradeFormSchema, TradeUpdateSchema } from "@/lib/trade/schema";
import { readCurrent, insertTradeFigure, tradeFigureEdit } from "@/lib/trade/write";

const unique = {
  trade_figures_region_id_partner_region_id_year_key: { field: "year", message: "tradeYearTaken" },
};

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
export const createTradeFigure = figures.create({ schema: TradeFormSchema, unique }, (tx, data, user) => insertTradeFigure(tx, data, user));

/** Saves an edit of a trade figure from the version the form started from; the pages of its old regions refresh too. Editors and admins. */
export const updateTradeFigure = figures.update({ schema: TradeUpdateSchema, unique }, (tx, data, context) =>
  tradeFigureEdit(tx, data, context),
);

/** Takes a trade figure off the region pages; its record and history stay. Editors and admins. */
export const archiveTradeFigure = figures.archive;

/** Brings an archived trade figure back to the region pages. Editors and admins. */
export const restoreTradeFigure = figures.restore;
