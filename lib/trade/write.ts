import "server-only";
import { ActionRefusal } from "@/lib/actions/staff-action";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import type { TradeFormInput, TradeUpdateSchema } from "@/lib/trade/schema";
import type { z } from "zod";

// How a trade figure is checked and written, apart from the form's actions (lib/trade/actions.ts), so that the
// spreadsheet import writes a row as the form does. The audit event and the version are the caller's.

type Current = { regionId: number; partnerRegionId: number; slugs: string[] };

export async function readCurrent(tx: Tx, id: number): Promise<Current> {
  const current = (await readCurrents(tx, [id])).get(id);
  if (!current) throw new ActionRefusal({ message: "recordMissing" });
  return current;
}

/** `readCurrent` of many figures in one query (an import's chunk); a missing id is left out. */
export async function readCurrents(tx: Tx, ids: readonly number[]): Promise<Map<number, Current>> {
  const figures = await tx.tradeFigure.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      regionId: true,
      partnerRegionId: true,
      region: { select: { slug: true } },
      partnerRegion: { select: { slug: true } },
    },
  });
  return new Map(
    figures.map((figure) => [
      figure.id,
      { regionId: figure.regionId, partnerRegionId: figure.partnerRegionId, slugs: [figure.region.slug, figure.partnerRegion.slug] },
    ]),
  );
}

/**
 * The checks that need the database: both regions exist and are live (or were already on the figure), and
 * the pair has no figure for the year filed the other way round: Kursk–Belarus and Belarus–Kursk are one
 * pair. Returns the slugs of the two regions, whose pages show the figure.
 */
async function checkFigure(tx: Tx, data: TradeFormInput, id?: number, current?: Current): Promise<string[]> {
  const [checked] = await checkFigures(tx, [{ data, id, current }]);
  if ("refusal" in checked!) throw checked.refusal;
  return checked!.slugs;
}

/** A figure to check: new, or the figure `id` as it is (`current`). */
export type FigureToCheck = { data: TradeFormInput; id?: number; current?: Current };

/**
 * `checkFigure` of many figures (an import's chunk) in a few queries for all of them: for each, the form's
 * refusal, or the slugs of its two regions.
 */
export async function checkFigures(
  tx: Tx,
  figures: readonly FigureToCheck[],
): Promise<({ refusal: ActionRefusal } | { slugs: string[] })[]> {
  if (figures.length === 0) return [];
  // Two editors filing A–B and B–A at once would each miss the other's row: the pair and year take a lock
  // for the rest of the transaction, so the second waits and then finds the first. Many are locked in order.
  const keys = figures.map(({ data }) => {
    const [low, high] = [data.regionId, data.partnerRegionId].sort((a, b) => a - b);
    return `trade:${low}:${high}:${data.year}`;
  });
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${[...new Set(keys)].sort()}::text[]) AS k`;

  const regionIds = [...new Set(figures.flatMap(({ data }) => [data.regionId, data.partnerRegionId]))];
  const regions = new Map(
    (await tx.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, slug: true, archivedAt: true } })).map((r) => [
      r.id,
      r,
    ]),
  );
  const pairs = figures.map(({ data, id }, ord) => ({
    ord,
    region_id: data.regionId,
    partner_region_id: data.partnerRegionId,
    year: data.year,
    id: id ?? null,
  }));
  const reversed = await tx.$queryRaw<{ ord: number }[]>`
    SELECT v.ord FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS v(ord int, region_id int, partner_region_id int, year int, id int)
     WHERE EXISTS (SELECT 1 FROM trade_figures t
                    WHERE t.region_id = v.partner_region_id AND t.partner_region_id = v.region_id AND t.year = v.year
                      AND (v.id IS NULL OR t.id <> v.id))`;
  const reversedAt = new Set(reversed.map((row) => row.ord));
  return figures.map(({ data, current }, i) => {
    const kept = new Set(current ? [current.regionId, current.partnerRegionId] : []);
    const errors: Record<string, string[]> = {};
    for (const field of ["regionId", "partnerRegionId"] as const) {
      const region = regions.get(data[field]);
      if (!region || (region.archivedAt !== null && !kept.has(region.id))) errors[field] = ["regionMissing"];
    }
    if (reversedAt.has(i)) errors.year = ["tradeYearReversed"];
    if (Object.keys(errors).length) return { refusal: new ActionRefusal({ message: "checkFields", errors }) };
    return { slugs: [regions.get(data.regionId)!.slug, regions.get(data.partnerRegionId)!.slug] };
  });
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

/** The columns of figures, as JSON rows read into the table's own row type (one parameter for a chunk's figures). */
const columnsOf = (data: TradeFormInput) => ({
  region_id: data.regionId,
  partner_region_id: data.partnerRegionId,
  year: data.year,
  turnover_usd: data.turnoverUsd,
  exports_usd: data.exportsUsd,
  imports_usd: data.importsUsd,
  source_title: data.sourceTitle,
  source_title_ru: data.sourceTitleRu ?? null,
  source_url: data.sourceUrl,
});

/**
 * Writes new figures checked by `checkFigures` (an import's chunk) in one statement; returns their ids in order.
 * Told apart by their pair and year, which are unique: the order RETURNING gives is not promised.
 */
export async function insertTradeFigures(tx: Tx, figures: readonly TradeFormInput[], user: Pick<CurrentUser, "id">) {
  if (figures.length === 0) return [];
  const rows = figures.map((data) => ({ ...columnsOf(data), created_by_id: user.id, updated_by_id: user.id }));
  const created = await tx.$queryRaw<{ id: number; key: string }[]>`
    INSERT INTO trade_figures (region_id, partner_region_id, year, turnover_usd, exports_usd, imports_usd, source_title, source_title_ru,
                               source_url, created_by_id, updated_by_id)
    SELECT region_id, partner_region_id, year, turnover_usd, exports_usd, imports_usd, source_title, source_title_ru, source_url,
           created_by_id, updated_by_id
      FROM jsonb_populate_recordset(NULL::trade_figures, ${JSON.stringify(rows)}::jsonb)
    RETURNING id, concat_ws(':', region_id, partner_region_id, year) AS key`;
  const idOf = new Map(created.map((row) => [row.key, row.id]));
  return figures.map((data) => idOf.get(`${data.regionId}:${data.partnerRegionId}:${data.year}`)!);
}

/** Writes the edits of figures checked by `checkFigures`, their rows locked and versions checked by the caller, in one statement. */
export async function updateTradeFigures(tx: Tx, figures: readonly { id: number; data: TradeFormInput }[]) {
  if (figures.length === 0) return;
  const rows = figures.map(({ id, data }) => ({ id, ...columnsOf(data) }));
  await tx.$executeRaw`
    UPDATE trade_figures t
       SET region_id = v.region_id, partner_region_id = v.partner_region_id, year = v.year, turnover_usd = v.turnover_usd,
           exports_usd = v.exports_usd, imports_usd = v.imports_usd, source_title = v.source_title, source_title_ru = v.source_title_ru,
           source_url = v.source_url
      FROM jsonb_populate_recordset(NULL::trade_figures, ${JSON.stringify(rows)}::jsonb) AS v
     WHERE t.id = v.id`;
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
