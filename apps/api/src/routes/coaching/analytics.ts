import { createRoute } from "@hono/zod-openapi";

import { ZAiUsageQuerySchema, ZAiUsageSchema } from "@cto/contracts/api/coaching";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAdmin, requireAuth } from "../../middleware/auth.ts";
import { aiUsageByModel } from "../../services/coaching/analytics.ts";

const usageRoute = (scope: "own" | "all") =>
  createRoute({
    method: "get",
    path: "/ai-usage",
    tags: ["Analytics"],
    security: SECURITY,
    middleware: scope === "own" ? requireAuth : [requireAuth, requireAdmin],
    summary:
      scope === "own"
        ? "Your AI usage by model (count, latency, cost, tokens)"
        : "AI usage by model across all users (administrators)",
    request: { query: ZAiUsageQuerySchema },
    responses: {
      200: jsonContent(ZAiUsageSchema, "Usage by model, most used first"),
      ...errorResponses(...(scope === "all" ? [403 as const] : [])),
    },
  });

export const analyticsRoutes = createRouter().openapi(usageRoute("own"), async (c) =>
  c.json(
    await aiUsageByModel({
      db: c.get("db").$replica(),
      userId: c.get("auth").userId,
      since: c.req.valid("query").since,
    }),
    200,
  ),
);

export const adminAnalyticsRoutes = createRouter().openapi(usageRoute("all"), async (c) =>
  c.json(await aiUsageByModel({ db: c.get("db").$replica(), since: c.req.valid("query").since }), 200),
);
