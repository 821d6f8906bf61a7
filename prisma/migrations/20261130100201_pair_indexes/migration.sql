-- The region-pair page (lib/regions/pair.ts) finds the joint ventures of a side's organizations: an index-only
-- lookup per organization instead of a scan of every partner row (measured on the benchmark's registry).
CREATE INDEX "joint_venture_partners_live_org_venture_idx" ON "joint_venture_partners" ("partner_organization_id", "venture_id")
  WHERE "archived_at" IS NULL;
