import { Hono } from "hono";

import type { AppEnv } from "../context.ts";
import { readiness } from "../services/readiness.ts";

/**
 * Liveness (`/health`) says the process serves. Readiness (`/ready`) answers 503, naming what fails in
 * `failing`, while the database is unreachable, a migration is pending or failed, or Redis is unreachable
 * where it is required (`config.readinessRequiresRedis`: production); otherwise the API serves without
 * Redis, and `queues` says so.
 */
export const healthRoutes = new Hono<AppEnv>()
  .get("/health", (c) => c.json({ status: "ok" }))
  .get("/ready", async (c) => {
    const config = c.get("config");
    const { ready, failing, checks } = await readiness({
      db: c.get("db"),
      queues: c.get("queues"),
      migrationsDir: config.migrationsDir,
      requireRedis: config.readinessRequiresRedis,
    });
    return c.json(
      { status: ready ? "ready" : "not_ready", ...(ready ? {} : { failing }), ...checks },
      ready ? 200 : 503,
    );
  });
