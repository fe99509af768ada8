import type { AddressInfo } from "node:net";

import { checkAppRole } from "@cto/db/client";
import { createWorkerConnection, redisLocation } from "@cto/queue/connection";
import type { TQueueName } from "@cto/contracts/queues";

import { createWorkerDeps } from "./deps.ts";
import { loadEnv } from "./env.ts";
import { createLogger } from "./log.ts";
import { readinessChecks, startHealthServer } from "./health-server.ts";
import { QUEUE_WORKER_OPTIONS, REGISTRY } from "./jobs/registry.ts";
import { RECONCILE_SCHEDULE_ID, SCHEDULES, withRetentionSettings } from "./jobs/schedules.ts";
import { registry, watchWorker } from "./metrics.ts";
import { startRuntime } from "./runtime.ts";

// A configuration problem is one log line naming each variable (in production, each one it needs), not a stack.
const env = (() => {
  try {
    return loadEnv();
  } catch (error) {
    createLogger().pino.fatal(error);
    process.exit(1);
  }
})();
const { deps, close: closeDeps } = createWorkerDeps(env);
const { log } = deps;
process.on("uncaughtException", (error) => {
  log.pino.fatal(error, "uncaught exception; exiting");
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  log.pino.fatal({ err: reason }, "unhandled promise rejection; exiting");
  process.exit(1);
});

// The app's role is asked for with a startup option a pooler may drop: never run jobs with the owner's rights.
void checkAppRole(deps.db).then(
  (check) => {
    if (check.ok) return;
    log.pino.fatal(check.reason);
    process.exit(1);
  },
  (error: unknown) => log.pino.warn({ err: error }, "the database's role could not be checked at start (unreachable?)"),
);

const only = env.WORKER_QUEUES.split(",")
  .map((name) => name.trim())
  .filter(Boolean) as TQueueName[];
const runtime = startRuntime({
  deps,
  redis: env.redis,
  prefix: env.WORKER_QUEUE_PREFIX,
  registry: REGISTRY,
  schedules:
    env.WORKER_SCHEDULERS === "on"
      ? SCHEDULES.map((entry) =>
          entry.id === RECONCILE_SCHEDULE_ID ? { ...entry, repeat: { every: env.WORKER_RECONCILE_EVERY_MS } } : entry,
        ).map(withRetentionSettings(env))
      : [],
  only,
  concurrency: env.WORKER_CONCURRENCY,
  queueOptions: QUEUE_WORKER_OPTIONS,
  lockDuration: env.WORKER_LOCK_DURATION_MS,
  stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
  drainMs: env.WORKER_DRAIN_MS,
});

// Readiness has its own waiting connection, so /ready reflects Redis itself, not a busy worker's socket.
const probe = createWorkerConnection(env.redis, { maxRetriesPerRequest: 1 });
probe.on("error", () => undefined);
const server = await startHealthServer({
  host: env.WORKER_HEALTH_HOST,
  port: env.WORKER_HEALTH_PORT,
  checks: readinessChecks({ db: deps.db, probe }),
  metrics: { registry, token: env.METRICS_TOKEN },
});
watchWorker({ db: deps.db, queues: deps.queues, served: [...runtime.workers.keys()] });
log.info("worker started", {
  queues: [...runtime.workers.keys()],
  health: `http://${env.WORKER_HEALTH_HOST}:${(server.address() as AddressInfo).port}/health`,
  metrics: `http://${env.WORKER_HEALTH_HOST}:${(server.address() as AddressInfo).port}/metrics${env.METRICS_TOKEN ? " (bearer token required)" : ""}`,
  redis: redisLocation(env.redis),
  prefix: env.WORKER_QUEUE_PREFIX,
});

let stopping = false;
const shutdown = async (signal: string) => {
  // A second signal means "now": exit without waiting for active jobs (they will be retried as stalled).
  if (stopping) process.exit(1);
  stopping = true;
  log.info("draining: waiting for active jobs", { signal });
  server.close();
  const { handedBack } = await runtime.close();
  // Jobs handed back run elsewhere now; what this process still holds (a transaction) must end with it.
  if (handedBack === 0) {
    probe.disconnect();
    await closeDeps();
  }
  log.info("worker stopped", { signal });
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
