-- Insights the worker derives from a user's analytics (consistency scores, reports) say so: source 'analytics'.
ALTER TABLE "insights" DROP CONSTRAINT "insights_source_check";
ALTER TABLE "insights" ADD CONSTRAINT "insights_source_check" CHECK ("source" IN ('user', 'message', 'check_in', 'analytics'));

-- The hourly insights/schedule also finds who got a score or a report during the hour that ended.
CREATE INDEX "consistency_metrics_computed_at_idx" ON "consistency_metrics"("computed_at");
CREATE INDEX "reports_created_at_idx" ON "reports"("created_at");
