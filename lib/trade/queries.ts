import "server-only";
import { cache } from "react";
import type { FormValues } from "@/lib/actions/form-state";
import type { SnapshotReader } from "@/lib/actions/versioned";
import { cached } from "@/lib/cache";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/i18n/localize";

const regionSelect = { id: true, slug: true, nameEn: true, nameRu: true, archivedAt: true } as const;

const editSelect = {
  id: true,
  year: true,
  turnoverUsd: true,
  exportsUsd: true,
  importsUsd: true,
  sourceTitle: true,
  sourceTitleRu: true,
  sourceUrl: true,
  version: true,
  archivedAt: true,
  region: { select: regionSelect },
  partnerRegion: { select: regionSelect },
} as const satisfies Prisma.TradeFigureSelect;

/** An amount as the column holds it, in full ("250000000.00"): never through a float. */
const amount = (value: Prisma.Decimal | null) => (value === null ? null : value.toFixed(2));

/** A trade figure as its history keeps it: the regions by name, the amounts as exact strings. */
export const snapshotTradeFigure: SnapshotReader = async (tx, id) => (await snapshotTradeFigures(tx, [id])).get(id) ?? null;

/** `snapshotTradeFigure` of many in one query (an import's chunk); a missing id is left out. */
export async function snapshotTradeFigures(tx: Tx, ids: readonly number[]) {
  const figures = await tx.tradeFigure.findMany({ where: { id: { in: [...ids] } }, select: editSelect });
  return new Map(
    figures.map((figure) => [
      figure.id,
      {
        region: figure.region.nameEn,
        partnerRegion: figure.partnerRegion.nameEn,
        year: figure.year,
        turnoverUsd: amount(figure.turnoverUsd),
        exportsUsd: amount(figure.exportsUsd),
        importsUsd: amount(figure.importsUsd),
        sourceTitle: figure.sourceTitle,
        sourceTitleRu: figure.sourceTitleRu,
        sourceUrl: figure.sourceUrl,
        version: figure.version,
        archived: figure.archivedAt !== null,
      },
    ]),
  );
}

/**
 * A trade figure for its edit form, archived or not, with labels in the reader's language; null when there is no
 * such id. Once per request: the edit page and its title share it.
 */
export const getTradeFigureForEdit = cache(async (id: number, locale: string) => {
  const figure = await db().tradeFigure.findUnique({ where: { id }, select: editSelect });
  return figure ? editFormOf(figure, locale) : null;
});

/** `getTradeFigureForEdit` of many in one query (what an import's chunk saves for an undo); a missing id is left out. */
export async function getTradeFiguresForEdit(ids: readonly number[], locale = "en") {
  const figures = await db().tradeFigure.findMany({ where: { id: { in: [...ids] } }, select: editSelect });
  return new Map(figures.map((figure) => [figure.id, editFormOf(figure, locale)]));
}

function editFormOf(figure: Prisma.TradeFigureGetPayload<{ select: typeof editSelect }>, locale: string) {
  const name = (region: { nameEn: string; nameRu: string }) => localized(locale, region.nameEn, region.nameRu);
  return {
    id: figure.id,
    title: `${name(figure.region)} – ${name(figure.partnerRegion)}, ${figure.year}`,
    /** The public page that shows the figure: its region's, while that region is live. */
    regionSlug: figure.region.archivedAt === null ? figure.region.slug : null,
    archived: figure.archivedAt !== null,
    version: figure.version,
    values: {
      regionId: String(figure.region.id),
      regionId__label: name(figure.region),
      partnerRegionId: String(figure.partnerRegion.id),
      partnerRegionId__label: name(figure.partnerRegion),
      year: String(figure.year),
      turnoverUsd: amount(figure.turnoverUsd) ?? "",
      exportsUsd: amount(figure.exportsUsd) ?? "",
      importsUsd: amount(figure.importsUsd) ?? "",
      sourceTitle: figure.sourceTitle,
      sourceTitleRu: figure.sourceTitleRu ?? "",
      sourceUrl: figure.sourceUrl ?? "",
      version: String(figure.version),
    } satisfies FormValues,
  };
}

/** The latest year with live trade figures, its total turnover (each pair's figure once) and its number of pairs. */
export const readLatestTrade = cached("trade-latest", ["trade"], async () => {
  const [row] = await db().$queryRaw<{ year: number; turnoverUsd: number; pairs: number }[]>`
    SELECT t.year, sum(t.turnover_usd)::float8 AS "turnoverUsd", count(*)::int AS pairs
    FROM trade_figures t
    WHERE t.archived_at IS NULL AND t.year = (SELECT max(l.year) FROM trade_figures l WHERE l.archived_at IS NULL)
    GROUP BY t.year`;
  return row ?? null;
});
