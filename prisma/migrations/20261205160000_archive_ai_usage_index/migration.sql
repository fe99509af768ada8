-- AI-usage analytics count archived months too (apps/api aiUsageByModel reads public.ai_responses UNION ALL
-- archive.ai_responses with the same filter). For one user, each month's partition has its
-- (user_id, created_at) index; for everyone since a date (the admin's query), this one, so the archive's side
-- is an index probe per month rather than a scan of every archived response. The archive is outside Prisma's
-- diff, so the drift check stays empty. Created on the partitioned table, it is built on every month's
-- partition, now and as archive.ensure_month creates them.
CREATE INDEX "ai_responses_created_at_idx" ON archive.ai_responses ("created_at");
