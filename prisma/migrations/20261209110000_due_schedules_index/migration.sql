-- The schedules' due-time index holds the ACTIVE schedules only: every reader of it (the reminders'
-- sweep and claim, the report sweep, the user schedules' claim, the reconcile) asks for ACTIVE ones, and
-- a completed or cancelled schedule, the bulk of the table over time, no longer takes an entry in it,
-- neither when it is written nor as the table grows. Hand-written: Prisma's schema leaves partial indexes out.

-- DropIndex
DROP INDEX "reminder_schedules_status_next_run_at_idx";

-- CreateIndex
CREATE INDEX "reminder_schedules_due_idx" ON "reminder_schedules" ("next_run_at") WHERE "status" = 'ACTIVE';
