-- The staff workspace: edits of every record, their history and the admins' activity log.

-- A commitment names each party once. The old unique over (commitment, organization, region) never fired:
-- one of the two ids is always NULL, and NULLs are distinct. One partial index per kind of party instead.
DROP INDEX "commitment_parties_commitment_id_organization_id_region_id_key";
CREATE UNIQUE INDEX "commitment_parties_organization_key" ON "commitment_parties" ("commitment_id", "organization_id") WHERE "organization_id" IS NOT NULL;
CREATE UNIQUE INDEX "commitment_parties_region_key" ON "commitment_parties" ("commitment_id", "region_id") WHERE "region_id" IS NOT NULL;
CREATE INDEX "commitment_parties_commitment_id_idx" ON "commitment_parties" ("commitment_id");

-- Audit actions are typed in the app (lib/audit.ts); the database holds them to the same form.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check"
  CHECK ("action" ~ '^[a-z_]+\.(create|update|archive|restore)$' AND split_part("action", '.', 1) = "entity_type");

-- The activity log filters by person and by record type, newest first.
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events" ("actor_id", "at");
CREATE INDEX "audit_events_entity_type_at_idx" ON "audit_events" ("entity_type", "at");
