import type { Context } from "hono";

import type { AppEnv } from "../context.ts";
import type { TDeps } from "../services/deps.ts";

/** The request's database, queues, logger, storage, shared cache and AI provider, as the services take them. */
export const depsOf = (c: Context<AppEnv>): TDeps => ({
  db: c.get("db"),
  queues: c.get("queues"),
  logger: c.get("logger"),
  storage: c.get("storage"),
  sharedCache: c.get("sharedCache"),
  ai: c.get("ai"),
});
