import { z } from "zod";

import { ZGenerationQuotaSchema } from "./auth.ts";

// AI usage as its owner sees it (GET /me/usage) and as administrators see one user's (GET /admin/users/{id}/usage):
// counts, tokens and cost of AI responses, never what was asked or answered.

/** Requests, tokens and cost (USD) of a set of AI responses. */
export const ZUsageTotalsSchema = z.object({
  requests: z.number().int().describe("AI responses recorded (failed ones included)"),
  tokens: z.number().int().describe("Prompt and completion tokens together"),
  cost: z.number().describe("US dollars, at the prices recorded with each response"),
});
export type TUsageTotals = z.infer<typeof ZUsageTotalsSchema>;

/** A daily allowance of chat tokens (AI_DAILY_TOKEN_BUDGET): what is left of it until midnight UTC. */
export const ZTokenBudgetSchema = z.object({
  limit: z.number().int(),
  used: z.number().int().describe("Tokens of today's successful AI responses"),
  remaining: z.number().int(),
  resetsAt: z.number().int().describe("Unix ms: the next midnight UTC"),
});

/** GET /me/usage: your AI usage today and this month (UTC), and what is left of today's allowances. */
export const ZMyUsageSchema = z.object({
  today: ZUsageTotalsSchema.describe("Since midnight UTC"),
  month: ZUsageTotalsSchema.describe("Since the first of this month, midnight UTC"),
  tokenBudget: ZTokenBudgetSchema,
  generationQuota: ZGenerationQuotaSchema,
});
export type TMyUsage = z.infer<typeof ZMyUsageSchema>;

/** One day's usage of one model (`day` is the UTC date). */
export const ZDailyModelUsageSchema = ZUsageTotalsSchema.extend({
  day: z.string().describe("UTC date, YYYY-MM-DD"),
  model: z.string(),
});
export type TDailyModelUsage = z.infer<typeof ZDailyModelUsageSchema>;
