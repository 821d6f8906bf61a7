-- Indexes measured on the benchmark's registry of 100,000 organizations (EXPLAIN ANALYZE):
-- the list sorted by founded year, either way, reads in index order instead of sorting every row; the count
-- of live organizations reads a small index; the API's organizations by country walk (country, id) in order.
CREATE INDEX "organizations_live_id_idx" ON "organizations" ("id") WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_live_founded_year_idx" ON "organizations" ("founded_year", "id") WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_live_founded_year_desc_idx" ON "organizations" ("founded_year" DESC NULLS LAST, "id" DESC) WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_live_country_id_idx" ON "organizations" ("country_code", "id") WHERE "archived_at" IS NULL;
