import { createRoute } from "@hono/zod-openapi";

import { ZGenerateReportSchema, ZReportGenerationSchema } from "@cto/contracts/api/reports";
import { ZConsistencyMetricFiltersSchema, ZReportFiltersSchema } from "@cto/contracts/api/coaching";
import { ZErrorSchema } from "@cto/contracts/errors";
import { reportJobId } from "@cto/contracts/queues";
import { withinTimeout } from "@cto/queue/queues";
import { ConsistencyMetric, Report } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { resourceRoutes } from "../../lib/resource.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { spendDailyGeneration } from "../../middleware/generation-limit.ts";

// Rows the worker computes: users list and read them, only the worker writes them.

export const consistencyMetricRoutes = resourceRoutes({
  name: "consistency metrics",
  tag: "Wellbeing",
  model: (db) => db.consistencyMetric,
  table: ConsistencyMetric,
  readOnly: true,
  filters: ZConsistencyMetricFiltersSchema,
  where: ({ windowDays }) => ({ windowDays }),
  sorts: { periodEnd: [{ periodEnd: "desc" }] },
});

export const reportRoutes = resourceRoutes({
  name: "reports",
  tag: "Reports",
  model: (db) => db.report,
  table: Report,
  readOnly: true,
  filters: ZReportFiltersSchema,
  where: ({ type }) => ({ type }),
  sorts: { periodEnd: [{ periodEnd: "desc" }] },
});

const MINUTE_MS = 60_000;

reportRoutes.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Reports"],
    summary: "Ask for your report now (written by the background worker; counts against the daily AI generation limit)",
    description: [
      "Queues your 2-, 7- or 21-day report covering the last days up to now, today included; it appears in GET /reports within seconds.",
      "Asking again within the same minute answers the same job; asking later the same day refreshes that report.",
      "The next scheduled report of the same period completes it rather than adding another.",
      "Answers 503 when the background queue (Redis) is not reachable; nothing is queued or spent then.",
    ].join(" "),
    security: SECURITY,
    middleware: requireAuth,
    request: { body: { required: true, content: { "application/json": { schema: ZGenerateReportSchema } } } },
    responses: { 202: jsonContent(ZReportGenerationSchema, "Queued"), 503: jsonContent(ZErrorSchema, "The background queue is not reachable; nothing was queued or spent"), ...errorResponses(403, 415, 429) },
  }),
  async (c) => {
    const queues = c.get("queues");
    const unavailable = () => new ApiError("service_unavailable", "Reports are written by the background worker, whose queue (Redis) is not reachable right now, so none can be made until it is back; scheduled reports wait for it too. Nothing was spent: try again once it runs.");
    if (!queues) throw unavailable();
    const { userId } = c.get("auth");
    const { type } = c.req.valid("json");
    const periodEnd = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const jobId = reportJobId(userId, type, periodEnd);
    const answer = { jobId, type: type.toLowerCase() as "two_day", periodEnd, status: "queued" as const };
    // A repeated click within the minute is the same job and costs nothing more.
    // Reads are not bounded by the app's queues (only writes are): BullMQ would wait for a Redis that is down.
    const existing = await withinTimeout(queues.queue("reports").getJob(jobId), c.get("config").queueTimeoutMs).catch(() => {
      throw unavailable();
    });
    if (existing) return c.json(answer, 202);
    await spendDailyGeneration(c);
    try {
      await queues.enqueue("reports", "generate", { userId, type, periodEnd }, { jobId });
    } catch {
      // Nothing was queued, so the generation is given back.
      await c.get("db").$executeRaw`UPDATE users SET daily_generation_count = GREATEST(daily_generation_count - 1, 0) WHERE id = ${userId}::uuid`;
      throw unavailable();
    }
    return c.json(answer, 202);
  },
);
