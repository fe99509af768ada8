import { z } from "zod";

/** GET /health: the process serves. */
export const ZHealthSchema = z.object({ status: z.literal("ok") });

/**
 * GET /ready: 200 when ready, 503 otherwise, with `failing` naming the checks that fail. `queues` and
 * `workers` say whether background jobs (reminders, reports, screenshot OCR) will run: `off` without a
 * Redis configured, `unavailable` while it does not answer; `workers` counts the worker processes serving
 * the reminders queue, null when that cannot be known.
 */
export const ZReadinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  failing: z.array(z.enum(["database", "migrations", "redis"])).optional(),
  database: z.enum(["ok", "unreachable"]),
  migrations: z.enum(["ok", "pending", "failed", "unknown"]),
  pendingMigrations: z.array(z.string()).optional(),
  failedMigrations: z.array(z.string()).optional(),
  redis: z.enum(["ok", "off", "unreachable"]),
  queues: z.enum(["ok", "unavailable", "off"]),
  workers: z.number().int().min(0).nullable(),
});
export type TReadiness = z.infer<typeof ZReadinessSchema>;
