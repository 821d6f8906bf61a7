-- The commitments tracker: a note on an audit event (why a status changed, what a follow-up found), so that a
-- commitment's status history reads from the audit log; and indexes for the tracker's filters.
ALTER TABLE "audit_events" ADD COLUMN "note" VARCHAR(2000);

-- Status with a due-date range or the overdue test (status open, due before today).
CREATE INDEX "commitments_status_due_date_idx" ON "commitments"("status", "due_date");
-- The list's order (soonest due first, undated last, then the latest recorded): a page is read off this index
-- even when most commitments have no due date.
CREATE INDEX "commitments_due_date_id_idx" ON "commitments"("due_date" ASC NULLS LAST, "id" DESC);
