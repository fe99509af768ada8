import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { readGenerationQuota, takeGeneration } from "../services/generation-quota.ts";

/**
 * Spends one of the user's daily AI generations, or throws 429 with Retry-After (seconds until the
 * allowance resets). Call it after the request's own checks and before the model is asked anything.
 */
export const spendDailyGeneration = async (c: Context<AppEnv>) => {
  const db = c.get("db");
  const { userId } = c.get("auth");
  const limit = c.get("config").dailyGenerationLimit;
  const quota = await takeGeneration({ db, userId, limit });
  if (!quota) {
    const { resetsAt } = await readGenerationQuota({ db, userId, limit });
    c.header("Retry-After", String(Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000))));
    throw new ApiError(
      "rate_limited",
      `You have used today's ${limit} AI generations; more are available after ${resetsAt.toISOString()}.`,
    );
  }
  c.header("X-Generations-Remaining", String(quota.remaining));
  return quota;
};

/** The same as a middleware, for routes whose every request generates. */
export const limitDailyGenerations = createMiddleware<AppEnv>(async (c, next) => {
  await spendDailyGeneration(c);
  await next();
});
