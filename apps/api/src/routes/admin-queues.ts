import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import type { TQueues } from "@cto/queue/queues";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { requireAdmin, requireAuth } from "../middleware/auth.ts";

export const ADMIN_QUEUES_PATH = "/admin/queues";

/**
 * Bull Board on `/admin/queues`, for administrators only: every queue's jobs by state, failed jobs
 * with their error and stack, retry, promote and clean. Signed out is 401, a non-admin 403, and
 * without queues (no Redis configured) 503 — all in the API's one error shape. The board is outside
 * the OpenAPI document: it is a UI with its own internal JSON API, not part of Cto's contract.
 */
export const adminQueueRoutes = (queues: TQueues | null) => {
  const router = new Hono<AppEnv>();
  router.use("*", requireAuth, requireAdmin);
  if (!queues) {
    router.all("*", () => {
      throw new ApiError(
        "service_unavailable",
        "The job queues are not configured: start the API with REDIS_URL pointing at Redis.",
      );
    });
    return router;
  }
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(queues.queue(name), { description: `Cto's ${name} jobs` })),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Cto queues" } },
  });
  router.route("/", serverAdapter.registerPlugin());
  return router;
};
