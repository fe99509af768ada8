import { createMiddleware } from "hono/factory";

import type { AppEnv } from "../context.ts";
import { requireFreshSecondFactor } from "../services/two-factor/second-factor.ts";

/**
 * For sensitive actions, after requireAuth: with two-factor on, a session must have proven a second factor
 * in the last ten minutes (403 second_factor_required otherwise). API keys pass (services/two-factor/second-factor.ts).
 */
export const requireRecentSecondFactor = createMiddleware<AppEnv>(async (c, next) => {
  await requireFreshSecondFactor({ db: c.get("db") }, c.get("auth"));
  await next();
});
