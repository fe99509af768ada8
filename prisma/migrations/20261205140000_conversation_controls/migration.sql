-- Conversation controls (issue 17 §2): pin, the thread's chosen model, and the trash (soft delete with undo).
ALTER TABLE "conversations" ADD COLUMN "is_pinned" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "conversations" ADD COLUMN "model" TEXT;
ALTER TABLE "conversations" ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
CREATE INDEX "conversations_user_id_deleted_at_idx" ON "conversations"("user_id", "deleted_at");
