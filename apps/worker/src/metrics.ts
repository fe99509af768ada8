import { createHash, timingSafeEqual } from "node:crypto";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import type { TAiProvider } from "@cto/ai/provider";
import type { TQueueName } from "@cto/contracts/queues";
import { poolStats, type Db } from "@cto/db/client";
import { DEPTH_STATES, queueDepths, type TQueues } from "@cto/queue/queues";

/**
 * The worker's Prometheus metrics, all registered here on one registry, served at /metrics on the
 * health server (WORKER_HEALTH_HOST, loopback by default). Labels hold bounded values only: queue
 * and job names from the registry, outcomes, model names (capped).
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

/** Records one run of a job's processor. `job` must be a registered name (unknown names are counted as "unknown"). */
export const observeJob = ({ queue, job, outcome, seconds }: { queue: TQueueName; job: string; outcome: "completed" | "failed"; seconds: number }) =>
  jobDuration.observe({ queue, job, outcome }, seconds);

const boundedLabel = (max: number) => {
  const seen = new Set<string>();
  return (value: string) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return "other";
    seen.add(value);
    return value;
  };
};
// Model names come from the provider's answers: past 20 distinct ones the rest count as "other".
const modelLabel = boundedLabel(20);

const aiTokens = new Counter({
  name: "cto_ai_tokens_total",
  help: "AI tokens used, by feature (the queue whose job used them), model and type (prompt or completion)",
  labelNames: ["feature", "model", "type"] as const,
  registers: [registry],
});
const aiCost = new Counter({
  name: "cto_ai_cost_usd_total",
  help: "AI cost in US dollars (AI_PRICES), by feature and model",
  labelNames: ["feature", "model"] as const,
  registers: [registry],
});

const countAiUsage = (feature: string, model: string, usage: { promptTokens: number; completionTokens?: number }, cost: number) => {
  const label = modelLabel(model);
  aiTokens.inc({ feature, model: label, type: "prompt" }, usage.promptTokens);
  aiTokens.inc({ feature, model: label, type: "completion" }, usage.completionTokens ?? 0);
  aiCost.inc({ feature, model: label }, cost);
};

/**
 * The provider with each call's usage counted under `feature`. The worker records no AiResponse rows
 * (reports, stories, embeddings keep no usage), so the provider's answer is where usage is known.
 */
export const meteredAi = (ai: TAiProvider, feature: TQueueName): TAiProvider => ({
  ...ai,
  chat: async (request) => {
    const result = await ai.chat(request);
    countAiUsage(feature, result.model, result.usage, ai.costOf(result.model, result.usage));
    return result;
  },
  chatStream: async function* (request) {
    for await (const event of ai.chatStream(request)) {
      if (event.type === "done") countAiUsage(feature, event.result.model, event.result.usage, ai.costOf(event.result.model, event.result.usage));
      yield event;
    }
  },
  embed: async (texts) => {
    const result = await ai.embed(texts);
    countAiUsage(feature, result.model, result.usage, ai.costOf(result.model, result.usage));
    return result;
  },
});

let watched: { db: Db; queues: TQueues; served: TQueueName[] } | null = null;

/** What /metrics reports on: the process's database client, and the depth of the queues it serves. */
export const watchWorker = (target: { db: Db; queues: TQueues; served: TQueueName[] }) => {
  watched = target;
};

const poolGauge = (name: string, help: string, read: (stats: NonNullable<ReturnType<typeof poolStats>>) => number) =>
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      const stats = watched && poolStats(watched.db);
      this.set(stats ? read(stats) : 0);
    },
  });
poolGauge("cto_db_pool_connections", "Connections the database pool holds open", (stats) => stats.total);
poolGauge("cto_db_pool_idle_connections", "Open connections not serving a query", (stats) => stats.idle);
poolGauge("cto_db_pool_waiting_queries", "Queries waiting for a free connection (the pool is at its maximum)", (stats) => stats.waiting);
poolGauge("cto_db_pool_max_connections", "The most connections the pool opens", (stats) => stats.max);

// Both gauges below come from one read of Redis per scrape: prom-client collects metrics concurrently,
// so the read in flight is shared rather than made twice (and the two could disagree).
let depthRead: ReturnType<typeof queueDepths> | null = null;
const readDepths = () => (depthRead ??= (watched ? queueDepths(watched.queues, watched.served) : Promise.resolve(null)).finally(() => (depthRead = null)));

new Gauge({
  name: "cto_redis_up",
  help: "1 when Redis answered this scrape's queue-depth read, else 0",
  registers: [registry],
  async collect() {
    this.set((await readDepths()) ? 1 : 0);
  },
});
new Gauge({
  name: "cto_queue_jobs",
  help: "Jobs in each queue this process serves, by state (waiting, prioritized, delayed, active, failed); absent while Redis does not answer",
  labelNames: ["queue", "state"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [queue, depth] of (await readDepths()) ?? []) for (const state of DEPTH_STATES) this.set({ queue, state }, depth[state]);
  },
});

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether a request may read the metrics: anyone who reaches the health server without a token, else `Bearer <token>`. */
export const metricsAuthorized = (token: string | undefined, authorization: string | undefined) => {
  if (!token) return true;
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
};
