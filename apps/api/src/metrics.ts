import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";

import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import type { TAiProvider } from "@cto/ai/provider";
import { poolStats, type Db } from "@cto/db/client";
import { DEPTH_STATES, queueDepths, type TQueues } from "@cto/queue/queues";

/**
 * The API's Prometheus metrics, all registered here on one registry, served by `startMetricsServer`
 * on a listener of its own (METRICS_PORT), never on the public port. Labels hold bounded values
 * only: route patterns (never a raw path), status codes, queue and model names.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const requestDuration = new Histogram({
  name: "cto_http_request_duration_seconds",
  help: "Time from a request's arrival to its response's headers (a stream's first byte), by method and route pattern",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const requests = new Counter({
  name: "cto_http_requests_total",
  help: "Requests answered, by method, route pattern and status code ('unmatched': no route, e.g. a 404)",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
});

/** The route pattern that served the request (`/goals/:id`): the first handler (not middleware) that matched. */
const routeOf = (c: Parameters<MiddlewareHandler>[0]) => matchedRoutes(c).find((route) => route.method !== "ALL")?.path ?? "unmatched";

/** Times every request and counts it by route pattern and status; errors are counted with the status they rendered. */
export const httpMetrics: MiddlewareHandler = async (c, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    const labels = { method: METHODS.has(c.req.method) ? c.req.method : "OTHER", route: routeOf(c) };
    requestDuration.observe(labels, (performance.now() - started) / 1_000);
    requests.inc({ ...labels, status: String(c.res.status) });
  }
};

/**
 * A label value from an open set (model names come from the provider's answers), bounded: past
 * `max` distinct values the rest count as "other", so a misbehaving server cannot grow the series.
 */
const boundedLabel = (max: number) => {
  const seen = new Set<string>();
  return (value: string) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return "other";
    seen.add(value);
    return value;
  };
};
const modelLabel = boundedLabel(20);

const aiTokens = new Counter({
  name: "cto_ai_tokens_total",
  help: "AI tokens recorded, by feature, model and type (prompt or completion)",
  labelNames: ["feature", "model", "type"] as const,
  registers: [registry],
});
const aiCost = new Counter({
  name: "cto_ai_cost_usd_total",
  help: "AI cost recorded in US dollars (AI_PRICES), by feature and model",
  labelNames: ["feature", "model"] as const,
  registers: [registry],
});

export type TAiFeature = "chat" | "suggestions" | "stories";

/** Counts one recorded AI use (called where its usage is written, e.g. beside the chat's AiResponse row). */
export const countAiUsage = ({ feature, model, promptTokens, completionTokens, cost }: { feature: TAiFeature; model: string; promptTokens: number; completionTokens: number; cost: number }) => {
  const label = modelLabel(model);
  aiTokens.inc({ feature, model: label, type: "prompt" }, promptTokens);
  aiTokens.inc({ feature, model: label, type: "completion" }, completionTokens);
  aiCost.inc({ feature, model: label }, cost);
};

/**
 * The provider with each call's usage counted under `feature`, for the uses that record no AiResponse
 * of their own (a story): the usage is known only where the provider answers.
 */
export const meteredAi = (ai: TAiProvider, feature: TAiFeature): TAiProvider => ({
  ...ai,
  chat: async (request) => {
    const result = await ai.chat(request);
    countAiUsage({ feature, model: result.model, ...result.usage, cost: ai.costOf(result.model, result.usage) });
    return result;
  },
  chatStream: async function* (request) {
    for await (const event of ai.chatStream(request)) {
      if (event.type === "done") countAiUsage({ feature, model: event.result.model, ...event.result.usage, cost: ai.costOf(event.result.model, event.result.usage) });
      yield event;
    }
  },
  embed: async (texts) => {
    const result = await ai.embed(texts);
    countAiUsage({ feature, model: result.model, promptTokens: result.usage.promptTokens, completionTokens: 0, cost: ai.costOf(result.model, result.usage) });
    return result;
  },
});

let watchedDb: Db | null = null;
let watchedQueues: TQueues | null = null;

/** The client whose pool `/metrics` reports (the process's one client). */
export const watchDbPool = (db: Db) => {
  watchedDb = db;
};
/** The queues whose depth `/metrics` reports; null: none (no Redis configured). */
export const watchQueues = (queues: TQueues | null) => {
  watchedQueues = queues;
};

const poolGauge = (name: string, help: string, read: (stats: NonNullable<ReturnType<typeof poolStats>>) => number) =>
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      const stats = watchedDb && poolStats(watchedDb);
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
const readDepths = () => (depthRead ??= (watchedQueues ? queueDepths(watchedQueues) : Promise.resolve(null)).finally(() => (depthRead = null)));

new Gauge({
  name: "cto_redis_up",
  help: "1 when Redis answered this scrape's queue-depth read, 0 when it did not (or is not configured)",
  registers: [registry],
  async collect() {
    this.set((await readDepths()) ? 1 : 0);
  },
});
new Gauge({
  name: "cto_queue_jobs",
  help: "Jobs in each queue by state (waiting, prioritized, delayed, active, failed); absent while Redis does not answer",
  labelNames: ["queue", "state"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [queue, depth] of (await readDepths()) ?? []) for (const state of DEPTH_STATES) this.set({ queue, state }, depth[state]);
  },
});

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether a request may read the metrics: anyone who reaches the listener without a token, else `Bearer <token>`. */
export const metricsAuthorized = (token: string | undefined, authorization: string | undefined) => {
  if (!token) return true;
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
};

/** GET /metrics (nothing else) on its own listener, in Prometheus's text format. */
export const startMetricsServer = ({ host, port, token }: { host: string; port: number; token?: string }) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer(async (request, response) => {
      const path = new URL(request.url ?? "/", "http://metrics").pathname;
      if (path !== "/metrics") return response.writeHead(404, { "content-type": "text/plain" }).end("Not found: only /metrics is served here.\n");
      if (request.method !== "GET" && request.method !== "HEAD") return response.writeHead(405, { allow: "GET, HEAD" }).end();
      if (!metricsAuthorized(token, request.headers.authorization)) return response.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
      try {
        const body = await registry.metrics();
        response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(request.method === "HEAD" ? undefined : body);
      } catch (error) {
        response.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${(error as Error).message}\n`);
      }
    });
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
