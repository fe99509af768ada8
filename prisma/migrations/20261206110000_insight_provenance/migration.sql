-- Insights the worker derives from conversations and check-ins carry where they came from, the evidence
-- they rest on and the model's confidence; the user's confirmation or correction is dated. Rows typed in
-- before this are the user's own (source 'user').
ALTER TABLE "insights" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'user',
ADD COLUMN "evidence" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "confidence" DECIMAL(3,2),
ADD COLUMN "confirmed_at" TIMESTAMPTZ(3);

ALTER TABLE "insights" ADD CONSTRAINT "insights_source_check" CHECK ("source" IN ('user', 'message', 'check_in'));
ALTER TABLE "insights" ADD CONSTRAINT "insights_confidence_check" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1));

-- The worker's hourly insights/schedule finds who checked in during the hour that ended.
CREATE INDEX "emotions_created_at_idx" ON "emotions"("created_at");
CREATE INDEX "energy_metrics_created_at_idx" ON "energy_metrics"("created_at");
