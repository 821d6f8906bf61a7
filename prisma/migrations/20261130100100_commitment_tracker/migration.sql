-- The commitments tracker: a note on an audit event (why a status changed, what a follow-up found), so that a
-- commitment's status history reads from the audit log; and indexes for the tracker's filters.
ALTER TABLE "audit_events" ADD COLUMN "note" VARCHAR(2000);

-- Status with a due-date range or the overdue test (status open, due before today); the due-date order of the list.
CREATE INDEX "commitments_status_due_date_idx" ON "commitments"("status", "due_date");
CREATE INDEX "commitments_due_date_idx" ON "commitments"("due_date");
