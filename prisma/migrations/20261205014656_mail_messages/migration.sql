-- CreateEnum
CREATE TYPE "mail_kind" AS ENUM ('VERIFY_EMAIL', 'PASSWORD_RESET', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "mail_status" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "mail_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "mail_kind" NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT,
    "html_body" TEXT,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" "mail_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_until" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "proactive_message_id" UUID,
    "unsubscribe_token" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mail_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_messages_proactive_message_id_key" ON "mail_messages"("proactive_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "mail_messages_unsubscribe_token_key" ON "mail_messages"("unsubscribe_token");

-- CreateIndex
CREATE INDEX "mail_messages_status_created_at_idx" ON "mail_messages"("status", "created_at");

-- CreateIndex
CREATE INDEX "mail_messages_user_id_idx" ON "mail_messages"("user_id");

-- AddForeignKey
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_proactive_message_id_fkey" FOREIGN KEY ("proactive_message_id") REFERENCES "proactive_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express CHECKs): an unsent message always has its bodies, so nothing is lost
-- before it leaves; a sent one says when.
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_unsent_body_check" CHECK (status = 'SENT' OR (text_body IS NOT NULL AND html_body IS NOT NULL));
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_sent_at_check" CHECK (status <> 'SENT' OR sent_at IS NOT NULL);
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_attempts_check" CHECK (attempts >= 0);
