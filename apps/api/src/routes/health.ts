import { Hono } from "hono";

import type { AppEnv } from "../context.ts";

/** Liveness says the process serves; readiness says its database answers. */
export const healthRoutes = new Hono<AppEnv>()
  .get("/health", (c) => c.json({ status: "ok" }))
  .get("/ready", async (c) => {
    try {
      await c.get("db").$queryRaw`SELECT 1`;
      return c.json({ status: "ready", database: "ok" });
    } catch {
      return c.json({ status: "not_ready", database: "unreachable" }, 503);
    }
  });
