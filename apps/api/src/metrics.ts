import { createServer, type Server } from "node:http";

import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

import type { TAiProvider } from "@cto/ai/provider";
import { poolStats, type Db } from "@cto/db/client";
import {
  meteredAi as meterProvider,
  metricsAuthorized,
  registerAiUsage,
  registerPoolGauges,
  registerQueueGauges,
} from "@cto/metrics/prometheus";
import { queueDepths, type TQueues } from "@cto/queue/queues";

/**
 * The API's Prometheus metrics, all registered here on one registry, served by `startMetricsServer`
 * on a listener of its own (METRICS_PORT), never on the public port: its request series, and those it
 * shares with the worker (@cto/metrics: AI usage, DB pool, Redis and queue depths). Labels hold
 * bounded values only: route patterns (never a raw path), status codes, queue and model names.
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
const routeOf = (c: Parameters<MiddlewareHandler>[0]) =>
  matchedRoutes(c).find((route) => route.method !== "ALL")?.path ?? "unmatched";

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

// Model names come from the provider's answers: past 20 distinct ones the rest count as "other".
const countUsage = registerAiUsage(registry);

export type TAiFeature = "chat" | "suggestions" | "stories" | "analysis_sentiment";

/** Counts one recorded AI use (called where its usage is written, e.g. beside the chat's AiResponse row). */
export const countAiUsage = (usage: {
  feature: TAiFeature;
  model: string;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}) => countUsage(usage);

/**
 * The provider with each call's usage counted under `feature`, for the uses that record no AiResponse
 * of their own (a story, analysis messages' sentiment): the usage is known only where the provider answers.
 */
export const meteredAi = (ai: TAiProvider, feature: TAiFeature): TAiProvider => meterProvider(ai, feature, countUsage);

let watchedDb: Db | null = null;
let watchedQueues: TQueues | null = null;

/** The client whose pool `/metrics` reports (the process's one client). */
export const watchDbPool = (db: Db) => {
  watchedDb = db;
};
/** The queues whose depth `/metrics` reports (every queue); null: none (no Redis configured). */
export const watchQueues = (queues: TQueues | null) => {
  watchedQueues = queues;
};

registerPoolGauges(registry, () => watchedDb && poolStats(watchedDb));
registerQueueGauges(registry, async () => (watchedQueues ? queueDepths(watchedQueues) : null));

export { metricsAuthorized };

/** GET /metrics (nothing else) on its own listener, in Prometheus's text format. */
export const startMetricsServer = ({ host, port, token }: { host: string; port: number; token?: string }) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer(async (request, response) => {
      const path = new URL(request.url ?? "/", "http://metrics").pathname;
      if (path !== "/metrics")
        return response
          .writeHead(404, { "content-type": "text/plain" })
          .end("Not found: only /metrics is served here.\n");
      if (request.method !== "GET" && request.method !== "HEAD")
        return response.writeHead(405, { allow: "GET, HEAD" }).end();
      if (!metricsAuthorized(token, request.headers.authorization))
        return response.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
      try {
        const body = await registry.metrics();
        response
          .writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" })
          .end(request.method === "HEAD" ? undefined : body);
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
