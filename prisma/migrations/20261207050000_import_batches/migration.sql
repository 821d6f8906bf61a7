-- Spreadsheet import (issue 15): a batch is one uploaded sheet of one record type, checked into rows that a
-- background job commits through the same versioned, audited write path as the forms. Each row it wrote is
-- kept (the batch's records), so that the job resumes after the last row written and an undo knows what
-- the batch created and updated; every audit event the batch wrote names it.
CREATE TABLE "import_batches" (
  "id"            SERIAL PRIMARY KEY,
  "record_type"   VARCHAR(30)  NOT NULL CHECK ("record_type" IN ('organizations', 'partners', 'meetings', 'links', 'trade', 'commitments')),
  "file_name"     VARCHAR(255) NOT NULL,
  "file_hash"     CHAR(64)     NOT NULL CHECK ("file_hash" ~ '^[0-9a-f]{64}$'),
  "sheet_name"    VARCHAR(100),
  "author_id"     INTEGER      NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "status"        VARCHAR(20)  NOT NULL DEFAULT 'previewed'
                  CHECK ("status" IN ('uploaded', 'previewed', 'queued', 'committing', 'committed', 'cancelled', 'failed', 'undone')),
  -- The sheet as read (headers and text rows), kept from the upload until the official confirms the mapping.
  "sheet"         JSONB,
  "mapping"       JSONB        NOT NULL,
  "rows"          JSONB        NOT NULL,
  "counts"        JSONB        NOT NULL,
  "rows_total"    INTEGER      NOT NULL CHECK ("rows_total" >= 0),
  "rows_done"     INTEGER      NOT NULL DEFAULT 0 CHECK ("rows_done" >= 0 AND "rows_done" <= "rows_total"),
  "job_id"        VARCHAR(64),
  "error"         VARCHAR(2000),
  "created_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "started_at"    TIMESTAMPTZ(3),
  "heartbeat_at"  TIMESTAMPTZ(3),
  "finished_at"   TIMESTAMPTZ(3),
  "undone_at"     TIMESTAMPTZ(3),
  "undone_by_id"  INTEGER REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "import_batches_author_id_created_at_idx" ON "import_batches" ("author_id", "created_at");
CREATE INDEX "import_batches_status_idx" ON "import_batches" ("status") WHERE "status" IN ('queued', 'committing');

CREATE TABLE "import_batch_records" (
  "batch_id"      INTEGER     NOT NULL REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "row"           INTEGER     NOT NULL CHECK ("row" >= 1),
  "entity_type"   VARCHAR(60) NOT NULL,
  "entity_id"     INTEGER     NOT NULL,
  "action"        VARCHAR(10) NOT NULL CHECK ("action" IN ('create', 'update')),
  "version_after" INTEGER     NOT NULL CHECK ("version_after" >= 1),
  -- For an update, the record as a form input before the import changed it: what an undo saves back.
  "before_input"  JSONB,
  PRIMARY KEY ("batch_id", "row")
);
CREATE INDEX "import_batch_records_entity_idx" ON "import_batch_records" ("entity_type", "entity_id");

ALTER TABLE "audit_events" ADD COLUMN "import_batch_id" INTEGER REFERENCES "import_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "audit_events_import_batch_id_idx" ON "audit_events" ("import_batch_id") WHERE "import_batch_id" IS NOT NULL;

-- An import's own events (committed, cancelled, undone) join the record and account verbs.
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check"
  CHECK ("action" ~ '^[a-z_]+\.(create|update|archive|restore|sign_in|sign_in_failed|lockout|sign_out|role_change|password_change|password_reset|disable|enable|commit|cancel|undo)$'
         AND split_part("action", '.', 1) = "entity_type");
