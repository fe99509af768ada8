// The API as it runs (src/index.ts in a child process) scraped over HTTP on METRICS_PORT: the exposition
// is parsed, and the series must exist and move after real traffic. A private redis-server, so the
// queue depths are this test's own and Redis can be stopped.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import { freePort, testTargets, type TestDatabase } from "@cto/db/testing";
import { spawnLogged, type TLoggedProcess } from "@cto/vitest-config/processes";
import { parseExposition, sampleValue, type TSample } from "@cto/vitest-config/prometheus-text";
import { startRedisServer, type TRedisServer } from "@cto/vitest-config/redis-server";

import { Hono } from "hono";

import { httpMetrics, metricsAuthorized, registry } from "../src/metrics.ts";
import { WEB_ORIGIN } from "./harness.ts";

const apiDir = path.resolve(import.meta.dirname, "..");
const TOKEN = "scrape-token-0123456789abcdef";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

type TApi = TLoggedProcess & { base: string; metrics: string };

const spawnApi = async (env: Record<string, string>): Promise<TApi> => {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const api = await spawnLogged({
    name: "the API",
    cwd: apiDir,
    env: {
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "",
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: TOKEN,
      WEB_ORIGIN,
      ...env,
    },
    ready: (line) => String(line.msg).startsWith("metrics on"),
    startMs: 90_000,
  });
  return { ...api, base: `http://127.0.0.1:${port}`, metrics: `http://127.0.0.1:${metricsPort}/metrics` };
};

describe("metricsAuthorized", () => {
  it("needs the exact bearer token when one is set, and nothing otherwise", () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    expect(metricsAuthorized(TOKEN, `Bearer ${TOKEN}`)).toBe(true);
    for (const header of [
      undefined,
      "",
      TOKEN,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      `bearer ${TOKEN}`,
      "Bearer ",
    ])
      expect(metricsAuthorized(TOKEN, header)).toBe(false);
  });
});

describe("httpMetrics", () => {
  it("counts a thrown error with the status it rendered, under the handler's pattern; unknown methods as OTHER", async () => {
    const app = new Hono().use(httpMetrics);
    app.get("/boom/:id", () => {
      throw new Error("boom");
    });
    app.on("PURGE", "/items/:id", (c) => c.text("purged"));
    app.onError((_, c) => c.json({ error: "internal" }, 500));
    const count = async (labels: Record<string, string>) =>
      sampleValue(parseExposition(await registry.metrics()), "cto_http_requests_total", labels) ?? 0;
    const before = [
      await count({ method: "GET", route: "/boom/:id", status: "500" }),
      await count({ method: "OTHER", route: "/items/:id", status: "200" }),
    ];
    expect((await app.request(`/boom/${crypto.randomUUID()}`)).status).toBe(500);
    expect((await app.request("/items/42", { method: "PURGE" })).status).toBe(200);
    expect([
      await count({ method: "GET", route: "/boom/:id", status: "500" }),
      await count({ method: "OTHER", route: "/items/:id", status: "200" }),
    ]).toEqual([before[0]! + 1, before[1]! + 1]);
  });
});

describe("GET /metrics on the running API", () => {
  let database: TestDatabase;
  let redis: TRedisServer;
  let dataDir: string;
  let api: TApi;
  let cookie = "";

  beforeAll(async () => {
    [database, redis, dataDir] = await Promise.all([
      testTargets()[0]!.createMigrated(),
      freePort().then((port) => startRedisServer(port)),
      mkdtemp(path.join(tmpdir(), "cto-metrics-")),
    ]);
    api = await spawnApi({ DATABASE_URL: database.url, REDIS_URL: redis.url, CTO_DATA_DIR: dataDir });
  }, 180_000);
  afterAll(async () => {
    await api?.kill("SIGTERM");
    await redis?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const scrape = async () => {
    const response = await fetch(api.metrics, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    return { text, samples: parseExposition(text) };
  };
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${api.base}${route}`, {
      method,
      headers: {
        origin: WEB_ORIGIN,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null,
    };
  };
  const requests = (samples: TSample[], labels: Record<string, string>) =>
    sampleValue(samples, "cto_http_requests_total", labels) ?? 0;

  it("is served only on the metrics port, only with the token", async () => {
    expect((await fetch(api.metrics)).status).toBe(401);
    expect((await fetch(api.metrics, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(
      401,
    );
    expect((await fetch(api.metrics.replace("/metrics", "/ready"))).status).toBe(404);
    // Never on the public port.
    expect((await fetch(`${api.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("has the process, pool, queue, request and AI series, which move with traffic; labels hold route patterns, never ids", async () => {
    const before = await scrape();
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(
        before.samples.some((sample) => sample.name === name),
        name,
      ).toBe(true);
    }

    expect(
      (
        await call("POST", "/auth/sign-up", {
          email: `metrics-${Date.now()}@example.com`,
          password: "correct horse battery",
          name: "Metrics",
        })
      ).status,
    ).toBe(201);
    const goal = await call("POST", "/goals", { title: "Ship the metrics", period: "quarterly" });
    expect(goal.status).toBe(201);
    for (let i = 0; i < 3; i += 1) expect((await call("GET", `/goals/${goal.json.id}`)).status).toBe(200);
    expect((await call("GET", `/goals/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await call("GET", "/no-such-route/123")).status).toBe(404);
    const conversation = await call("POST", "/conversations", { title: "Metrics" });
    const reply = await call("POST", `/conversations/${conversation.json.id}/chat`, {
      content: "How do I prepare for a hard conversation with my manager?",
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("event: done");

    const after = await scrape();
    const goalRoute = { method: "GET", route: "/goals/:id" };
    expect(
      requests(after.samples, { ...goalRoute, status: "200" }) -
        requests(before.samples, { ...goalRoute, status: "200" }),
    ).toBe(3);
    expect(
      requests(after.samples, { ...goalRoute, status: "404" }) -
        requests(before.samples, { ...goalRoute, status: "404" }),
    ).toBe(1);
    expect(requests(after.samples, { method: "POST", route: "/auth/sign-up", status: "201" })).toBe(1);
    expect(requests(after.samples, { method: "GET", route: "unmatched", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(requests(after.samples, { method: "POST", route: "/conversations/:id/chat", status: "200" })).toBe(1);
    // The latency histogram: cumulative buckets up to +Inf, whose count is the route's requests.
    const buckets = after.samples.filter(
      (sample) =>
        sample.name === "cto_http_request_duration_seconds_bucket" &&
        sample.labels.route === "/goals/:id" &&
        sample.labels.method === "GET",
    );
    expect(buckets.map((sample) => sample.labels.le)).toContain("+Inf");
    expect(buckets.find((sample) => sample.labels.le === "+Inf")!.value).toBe(4);
    expect(sampleValue(after.samples, "cto_http_request_duration_seconds_count", goalRoute)).toBe(4);
    expect(sampleValue(after.samples, "cto_http_request_duration_seconds_sum", goalRoute)).toBeGreaterThan(0);
    // No id, no raw path anywhere in the labels.
    const labelValues = after.samples.flatMap((sample) => Object.values(sample.labels));
    expect(labelValues.filter((value) => UUID.test(value) || value.includes("no-such-route"))).toEqual([]);

    // The database pool behind Prisma: open connections within its maximum.
    expect(sampleValue(after.samples, "cto_db_pool_connections", {})).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after.samples, "cto_db_pool_max_connections", {})).toBe(10);
    expect(sampleValue(after.samples, "cto_db_pool_waiting_queries", {})).toBe(0);
    expect(sampleValue(after.samples, "cto_db_pool_idle_connections", {})).toBeLessThanOrEqual(
      sampleValue(after.samples, "cto_db_pool_connections", {})!,
    );

    // Every queue by every state, from this test's Redis; the goal and the chat queued embedding jobs (no worker runs).
    expect(sampleValue(after.samples, "cto_redis_up", {})).toBe(1);
    for (const queue of QUEUE_NAMES)
      for (const state of ["waiting", "prioritized", "delayed", "active", "failed"]) {
        expect(sampleValue(after.samples, "cto_queue_jobs", { queue, state }), `${queue} ${state}`).toBeTypeOf(
          "number",
        );
      }
    expect(sampleValue(after.samples, "cto_queue_jobs", { queue: "embeddings", state: "waiting" })).toBeGreaterThan(
      sampleValue(before.samples, "cto_queue_jobs", { queue: "embeddings", state: "waiting" }) ?? 0,
    );

    // The chat's reply was recorded (an AiResponse row): its tokens and cost, by model.
    const tokens = after.samples.filter(
      (sample) => sample.name === "cto_ai_tokens_total" && sample.labels.feature === "chat",
    );
    expect(tokens.find((sample) => sample.labels.type === "prompt")?.value).toBeGreaterThan(0);
    expect(tokens.find((sample) => sample.labels.type === "completion")?.value).toBeGreaterThan(0);
    expect(tokens[0]!.labels.model).toBe("cto-local-coach-v1");
    expect(
      sampleValue(after.samples, "cto_ai_cost_usd_total", { feature: "chat", model: tokens[0]!.labels.model! }),
    ).toBe(0);
  });

  it("while Redis is down: no queue depths and cto_redis_up 0, within a second; the rest still served", async () => {
    await redis.stop();
    const started = Date.now();
    const { samples } = await scrape();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(sampleValue(samples, "cto_redis_up", {})).toBe(0);
    expect(samples.filter((sample) => sample.name === "cto_queue_jobs")).toEqual([]);
    expect(sampleValue(samples, "cto_db_pool_connections", {})).toBeGreaterThanOrEqual(1);
  });

  it("stops with the API on SIGTERM", async () => {
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    await expect(fetch(api.metrics, { headers: { authorization: `Bearer ${TOKEN}` } })).rejects.toThrow();
  });
});
