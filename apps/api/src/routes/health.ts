import { Hono } from "hono";

import { withinTimeout } from "@cto/queue/queues";

import type { AppEnv } from "../context.ts";

/** How long /ready waits for Redis to count the workers; past it the queues read as unavailable. */
const QUEUE_CHECK_MS = 500;

/**
 * The background queues as a client should see them (the API serves without them, so they never make
 * it unready): `queues` is `ok`, `unavailable` (Redis is down or slow) or `off` (no Redis configured);
 * `workers` is how many worker processes serve the reminders queue, null when that cannot be known.
 * No worker means nothing scheduled will be delivered until one runs.
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

/** Liveness says the process serves; readiness says its database answers, and how the queues are. */
export const healthRoutes = new Hono<AppEnv>()
  .get("/health", (c) => c.json({ status: "ok" }))
  .get("/ready", async (c) => {
    const [database, queues] = await Promise.all([
      c.get("db").$queryRaw`SELECT 1`.then(
        () => "ok" as const,
        () => "unreachable" as const,
      ),
      queueStatus(c.get("queues")),
    ]);
    return c.json({ status: database === "ok" ? "ready" : "not_ready", database, ...queues }, database === "ok" ? 200 : 503);
  });
