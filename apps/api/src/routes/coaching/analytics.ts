import { createRoute } from "@hono/zod-openapi";

import type { Db } from "@cto/db/client";
import { ZAiUsageQuerySchema, ZAiUsageSchema, type TAiUsage } from "@cto/contracts/api/coaching";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAdmin, requireAuth } from "../../middleware/auth.ts";

/**
 * 004's "AI usage analytics" query — per model: count, average latency, total cost, average and total
 * tokens — for one user (the [userId, createdAt] index) or, with no user, for everyone (createdAt index).
 */
export const aiUsageByModel = async ({ db, userId, since }: { db: Db; userId?: string; since?: number }): Promise<TAiUsage> => {
  const groups = await db.aiResponse.groupBy({
    by: ["modelUsed"],
    where: { ...(userId ? { userId } : {}), ...(since === undefined ? {} : { createdAt: { gte: new Date(since) } }) },
    _count: { _all: true },
    _avg: { latency: true, tokenCount: true },
    _sum: { cost: true, tokenCount: true },
    orderBy: [{ _count: { modelUsed: "desc" } }, { modelUsed: "asc" }],
  });
  const models = groups.map((group) => ({
    model: group.modelUsed,
    usageCount: group._count._all,
    avgLatency: group._avg.latency,
    totalCost: group._sum.cost?.toNumber() ?? 0,
    avgTokens: group._avg.tokenCount,
    totalTokens: group._sum.tokenCount ?? 0,
  }));
  return { since: since ?? null, models };
};

const usageRoute = (scope: "own" | "all") =>
  createRoute({
    method: "get", path: "/ai-usage", tags: ["Analytics"], security: SECURITY,
    middleware: scope === "own" ? requireAuth : [requireAuth, requireAdmin],
    summary: scope === "own" ? "Your AI usage by model (count, latency, cost, tokens)" : "AI usage by model across all users (administrators)",
    request: { query: ZAiUsageQuerySchema },
    responses: { 200: jsonContent(ZAiUsageSchema, "Usage by model, most used first"), ...errorResponses(...(scope === "all" ? [403 as const] : [])) },
  });

export const analyticsRoutes = createRouter().openapi(usageRoute("own"), async (c) =>
  c.json(await aiUsageByModel({ db: c.get("db"), userId: c.get("auth").userId, since: c.req.valid("query").since }), 200),
);

export const adminAnalyticsRoutes = createRouter().openapi(usageRoute("all"), async (c) =>
  c.json(await aiUsageByModel({ db: c.get("db"), since: c.req.valid("query").since }), 200),
);
