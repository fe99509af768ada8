import { createRoute } from "@hono/zod-openapi";

import { ZMyUsageSchema } from "@cto/contracts/api/usage";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { readMyUsage } from "../services/usage.ts";

/** GET /me/usage: your own AI usage and what is left of today's allowances. */
export const myUsageRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/usage",
    tags: ["Your data"],
    security: SECURITY,
    middleware: requireAuth,
    summary: "Your AI usage today and this month, today's remaining chat tokens and generations",
    responses: { 200: jsonContent(ZMyUsageSchema, "Your usage"), ...errorResponses() },
  }),
  async (c) => {
    const config = c.get("config");
    const usage = await readMyUsage({
      db: c.get("db"),
      userId: c.get("auth").userId,
      tokenLimit: config.chatTokenBudget,
      generationLimit: config.dailyGenerationLimit,
    });
    return c.json(usage, 200);
  },
);
