import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

import type { TAiProvider } from "@cto/ai/provider";
import type { TQueueName } from "@cto/contracts/queues";
import { poolStats, type Db } from "@cto/db/client";
import {
  meteredAi as meterProvider,
  registerAiUsage,
  registerPoolGauges,
  registerQueueGauges,
} from "@cto/metrics/prometheus";
import { queueDepths, type TQueues } from "@cto/queue/queues";

/**
 * The worker's Prometheus metrics, all registered here on one registry, served at /metrics on the
 * health server (WORKER_HEALTH_HOST, loopback by default): its job durations, and the series it shares
 * with the API (@cto/metrics: AI usage, DB pool, Redis and queue depths). Labels hold bounded values
 * only: queue and job names from the registry, outcomes, model names (capped).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const jobDuration = new Histogram({
  name: "cto_job_duration_seconds",
  help: "Time a job's processor ran, by queue, job name and outcome (completed, or failed: an attempt that threw)",
  labelNames: ["queue", "job", "outcome"] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});

/** Records one run of a job's processor (registered job names only: an unknown one fails before any processor runs). */
export const observeJob = ({
  queue,
  job,
  outcome,
  seconds,
}: {
  queue: TQueueName;
  job: string;
  outcome: "completed" | "failed";
  seconds: number;
}) => jobDuration.observe({ queue, job, outcome }, seconds);

// Model names come from the provider's answers: past 20 distinct ones the rest count as "other".
const countUsage = registerAiUsage(registry, {
  help: {
    tokens: "AI tokens used, by feature (the queue whose job used them), model and type (prompt or completion)",
    cost: "AI cost in US dollars (AI_PRICES), by feature and model",
  },
});

/**
 * The provider with each call's usage counted under `feature`. The worker records no AiResponse rows
 * (reports, stories, embeddings keep no usage), so the provider's answer is where usage is known.
 */
export const meteredAi = (ai: TAiProvider, feature: TQueueName): TAiProvider => meterProvider(ai, feature, countUsage);

let watched: { db: Db; queues: TQueues; served: TQueueName[] } | null = null;

/** What /metrics reports on: the process's database client, and the depth of the queues it serves. */
export const watchWorker = (target: { db: Db; queues: TQueues; served: TQueueName[] }) => {
  watched = target;
};

registerPoolGauges(registry, () => watched && poolStats(watched.db));
registerQueueGauges(registry, async () => (watched ? queueDepths(watched.queues, watched.served) : null), {
  help: {
    redisUp: "1 when Redis answered this scrape's queue-depth read, else 0",
    queueJobs:
      "Jobs in each queue this process serves, by state (waiting, prioritized, delayed, active, failed); absent while Redis does not answer",
  },
});
