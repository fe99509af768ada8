-- The proactive messages' due-time index holds the PENDING messages only: its one reader, the Telegram
-- dispatch, asks for PENDING messages in this order (those to send as soon as possible first, then by due
-- time and age). In-app messages, the bulk of the table, are written SENT and take no entry in it, and a
-- message leaves it once sent, failed or cancelled. Hand-written: Prisma's schema leaves partial indexes out.

-- DropIndex
DROP INDEX "proactive_messages_status_scheduled_for_idx";

-- CreateIndex
CREATE INDEX "proactive_messages_pending_idx" ON "proactive_messages" ("scheduled_for" ASC NULLS FIRST, "created_at") WHERE "status" = 'PENDING';
