import { Hono } from "hono";

import { migrationStatus } from "@cto/db/client";
import { withinTimeout } from "@cto/queue/queues";

import type { AppEnv } from "../context.ts";

/** How long /ready waits for Redis to count the workers; past it the queues read as unavailable. */
const QUEUE_CHECK_MS = 500;
/**
 * How long /ready waits for the database: a server that accepts and never answers must not hang the
 * probe, while a first connection on a loaded host may take a few seconds.
 */
const DATABASE_CHECK_MS = 5_000;

/**
 * The background queues as a client should see them: `queues` is `ok`, `unavailable` (Redis is down
 * or slow) or `off` (no Redis configured); `workers` is how many worker processes serve the reminders
 * queue, null when that cannot be known. No worker means nothing scheduled will be delivered until one runs.
 */
const queueStatus = async (queues: AppEnv["Variables"]["queues"]) => {
  if (!queues) return { queues: "off", workers: null } as const;
  if (queues.available?.() === false) return { queues: "unavailable", workers: null } as const;
  try {
    return { queues: "ok", workers: await withinTimeout(queues.queue("reminders").getWorkersCount(), QUEUE_CHECK_MS) } as const;
  } catch {
    return { queues: "unavailable", workers: null } as const;
  }
};

/**
 * The database answers, and has applied every migration this code ships (none pending, none failed).
 * Without the migration folders (a broken installation) that cannot be known, which counts as failing.
 */
const databaseStatus = async (db: AppEnv["Variables"]["db"], migrationsDir: string | null) => {
  if (!migrationsDir) {
    const reachable = await withinTimeout(db.$queryRaw`SELECT 1`, DATABASE_CHECK_MS).then(() => true, () => false);
    return { database: reachable ? "ok" : "unreachable", migrations: "unknown" } as const;
  }
  try {
    const status = await withinTimeout(migrationStatus(db, { dir: migrationsDir }), DATABASE_CHECK_MS);
    if (status.failed.length) return { database: "ok", migrations: "failed", failedMigrations: status.failed } as const;
    if (status.pending.length) return { database: "ok", migrations: "pending", pendingMigrations: status.pending } as const;
    return { database: "ok", migrations: "ok" } as const;
  } catch {
    return { database: "unreachable", migrations: "unknown" } as const;
  }
};

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
    const [database, queues] = await Promise.all([databaseStatus(c.get("db"), config.migrationsDir), queueStatus(c.get("queues"))]);
    const redis = queues.queues === "ok" ? "ok" : queues.queues === "off" ? "off" : "unreachable";
    const failing = [
      ...(database.database === "ok" ? [] : ["database"]),
      ...(database.migrations === "ok" ? [] : ["migrations"]),
      ...(config.readinessRequiresRedis && redis !== "ok" ? ["redis"] : []),
    ];
    const ready = failing.length === 0;
    return c.json({ status: ready ? "ready" : "not_ready", ...(ready ? {} : { failing }), ...database, redis, ...queues }, ready ? 200 : 503);
  });
