-- A pair of regions trades under one key whichever way a figure was filed: its two region ids in ascending
-- order. The trade pages read a pair's years, and the overview picks each pair's latest year and the year
-- before, by this key (lib/trade/analysis.ts).
CREATE INDEX "trade_figures_live_pair_year_idx" ON "trade_figures" (
  (LEAST("region_id", "partner_region_id")), (GREATEST("region_id", "partner_region_id")), "year"
) WHERE "archived_at" IS NULL;

-- The overview's year filter lists the years that have figures.
CREATE INDEX "trade_figures_live_year_idx" ON "trade_figures" ("year") WHERE "archived_at" IS NULL;
