-- The worker's ocr/sweep (every minute) looks for screenshot sessions still in analysis whose OCR job a Redis
-- failover may have lost. A partial index on the few rows in analysis, oldest activity first, so the sweep
-- never reads the whole table; Prisma leaves partial indexes alone.
CREATE INDEX "analysis_sessions_in_analysis_idx" ON "analysis_sessions" ("last_activity")
  WHERE "status" = 'ANALYSIS_IN_PROGRESS' AND "type" = 'SCREENSHOT' AND "deleted_at" IS NULL;
