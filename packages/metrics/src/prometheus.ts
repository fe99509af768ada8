import { createHash, timingSafeEqual } from "node:crypto";

import { Counter, Gauge, type Registry } from "prom-client";

import type { TAiProvider } from "@cto/ai/provider";

/**
 * A label value from an open set (model names come from the provider's answers), bounded: past
 * `max` distinct values the rest count as "other", so a misbehaving server cannot grow the series.
 */
export const boundedLabel = (max: number) => {
  const seen = new Set<string>();
  return (value: string) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return "other";
    seen.add(value);
    return value;
  };
};

/** One AI use: the tokens the provider reported and what they cost (USD, from AI_PRICES). */
export type TAiUsage = {
  feature: string;
  model: string;
  promptTokens: number;
  completionTokens?: number;
  cost: number;
};
export type TCountAiUsage = (usage: TAiUsage) => void;

/**
 * Registers `cto_ai_tokens_total` (feature, model, type) and `cto_ai_cost_usd_total` (feature, model)
 * on `registry` and returns the function that counts one use. Past `maxModels` distinct models the
 * rest count as "other". `help` words the series for the process (what "feature" means there).
 */
export const registerAiUsage = (
  registry: Registry,
  { help = {}, maxModels = 20 }: { help?: { tokens?: string; cost?: string }; maxModels?: number } = {},
): TCountAiUsage => {
  const modelLabel = boundedLabel(maxModels);
  const tokens = new Counter({
    name: "cto_ai_tokens_total",
    help: help.tokens ?? "AI tokens recorded, by feature, model and type (prompt or completion)",
    labelNames: ["feature", "model", "type"] as const,
    registers: [registry],
  });
  const cost = new Counter({
    name: "cto_ai_cost_usd_total",
    help: help.cost ?? "AI cost recorded in US dollars (AI_PRICES), by feature and model",
    labelNames: ["feature", "model"] as const,
    registers: [registry],
  });
  return (usage) => {
    const model = modelLabel(usage.model);
    tokens.inc({ feature: usage.feature, model, type: "prompt" }, usage.promptTokens);
    tokens.inc({ feature: usage.feature, model, type: "completion" }, usage.completionTokens ?? 0);
    cost.inc({ feature: usage.feature, model }, usage.cost);
  };
};

/**
 * The provider with each call's usage (chat, stream, embed, sentiment) counted under `feature`, for uses that
 * record no usage of their own: there the provider's answer is the only place usage is known.
 * `embedQuery` (interactive lookups) is passed through uncounted.
 */
export const meteredAi = (ai: TAiProvider, feature: string, count: TCountAiUsage): TAiProvider => ({
  ...ai,
  chat: async (request) => {
    const result = await ai.chat(request);
    count({ feature, model: result.model, ...result.usage, cost: ai.costOf(result.model, result.usage) });
    return result;
  },
  chatStream: async function* (request) {
    for await (const event of ai.chatStream(request)) {
      if (event.type === "done")
        count({
          feature,
          model: event.result.model,
          ...event.result.usage,
          cost: ai.costOf(event.result.model, event.result.usage),
        });
      yield event;
    }
  },
  embed: async (texts) => {
    const result = await ai.embed(texts);
    count({
      feature,
      model: result.model,
      promptTokens: result.usage.promptTokens,
      completionTokens: 0,
      cost: ai.costOf(result.model, result.usage),
    });
    return result;
  },
  sentiment: async (texts, options) => {
    const result = await ai.sentiment(texts, options);
    count({ feature, model: result.model, ...result.usage, cost: ai.costOf(result.model, result.usage) });
    return result;
  },
});

/** A database pool's state at one moment (as `poolStats` of @cto/db reports it). */
export type TPoolStats = { total: number; idle: number; waiting: number; max: number };

/** Registers the four `cto_db_pool_*` gauges, read from `read` at each scrape (null: no pool, all 0). */
export const registerPoolGauges = (registry: Registry, read: () => TPoolStats | null) => {
  const gauge = (name: string, help: string, pick: (stats: TPoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = read();
        this.set(stats ? pick(stats) : 0);
      },
    });
  gauge("cto_db_pool_connections", "Connections the database pool holds open", (stats) => stats.total);
  gauge("cto_db_pool_idle_connections", "Open connections not serving a query", (stats) => stats.idle);
  gauge(
    "cto_db_pool_waiting_queries",
    "Queries waiting for a free connection (the pool is at its maximum)",
    (stats) => stats.waiting,
  );
  gauge("cto_db_pool_max_connections", "The most connections the pool opens", (stats) => stats.max);
};

/** Jobs per queue by state (as `queueDepths` of @cto/queue reports them); null while Redis does not answer. */
export type TQueueDepths = ReadonlyMap<string, Readonly<Record<string, number>>>;

/**
 * Registers `cto_redis_up` and `cto_queue_jobs` (queue, state). `read` must give up quickly while
 * Redis is away (`queueDepths` does, within a second), since a scrape waits for it.
 */
export const registerQueueGauges = (
  registry: Registry,
  read: () => Promise<TQueueDepths | null>,
  { help = {} }: { help?: { redisUp?: string; queueJobs?: string } } = {},
) => {
  // Both gauges come from one read of Redis per scrape: prom-client collects metrics concurrently,
  // so the read in flight is shared rather than made twice (and the two could disagree).
  let inFlight: Promise<TQueueDepths | null> | null = null;
  const depths = () =>
    (inFlight ??= read()
      .catch(() => null)
      .finally(() => (inFlight = null)));

  new Gauge({
    name: "cto_redis_up",
    help:
      help.redisUp ?? "1 when Redis answered this scrape's queue-depth read, 0 when it did not (or is not configured)",
    registers: [registry],
    async collect() {
      this.set((await depths()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "cto_queue_jobs",
    help:
      help.queueJobs ??
      "Jobs in each queue by state (waiting, prioritized, delayed, active, failed); absent while Redis does not answer",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, depth] of (await depths()) ?? [])
        for (const [state, jobs] of Object.entries(depth)) this.set({ queue, state }, jobs);
    },
  });
};

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether a request may read the metrics: anyone who reaches the listener when no token is set,
 * else exactly `Bearer <token>`. Both sides are hashed first, so the comparison takes the same time
 * whatever the length or content of the guess.
 */
export const metricsAuthorized = (token: string | undefined, authorization: string | undefined) => {
  if (!token) return true;
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
};
