import { createRoute } from "@hono/zod-openapi";

import { ZGenerateReportSchema, ZReportGenerationSchema } from "@cto/contracts/api/reports";
import { ZErrorSchema } from "@cto/contracts/errors";
import { ConsistencyMetric, Report } from "@cto/contracts/tables";

import { errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { spendDailyGeneration } from "../../middleware/generation-limit.ts";
import { consistencyMetricService, reportService, requestReport } from "../../services/coaching/computed.ts";
import { depsOf } from "../deps.ts";
import { resourceRoutes } from "../resource.ts";

// Rows the worker computes: users list and read them, only the worker writes them.
export const consistencyMetricRoutes = resourceRoutes({
  service: consistencyMetricService,
  tag: "Wellbeing",
  table: ConsistencyMetric,
});
export const reportRoutes = resourceRoutes({ service: reportService, tag: "Reports", table: Report });

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
    responses: {
      202: jsonContent(ZReportGenerationSchema, "Queued"),
      503: jsonContent(ZErrorSchema, "The background queue is not reachable; nothing was queued or spent"),
      ...errorResponses(403, 415, 429),
    },
  }),
  async (c) => {
    const answer = await requestReport({
      ...depsOf(c),
      userId: c.get("auth").userId,
      type: c.req.valid("json").type,
      queueTimeoutMs: c.get("config").queueTimeoutMs,
      spendGeneration: () => spendDailyGeneration(c),
    });
    return c.json(answer, 202);
  },
);
