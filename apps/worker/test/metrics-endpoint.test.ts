// The worker as it runs (src/index.ts in a child process) scraped over HTTP at /metrics on its health
// port: the exposition is parsed as a scraper reads it, after real jobs ran through the runtime. A
// private redis-server, so the queue depths are this test's own and Redis can be stopped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort, testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, DEPTH_STATES, type TQueues } from "@cto/queue/queues";
import { parseExposition, sampleValue, type TSample } from "@cto/vitest-config/prometheus-text";

import { testPrefix, waitFor } from "./deps.ts";
import { spawnWorker, startPersistentRedis, type TRedisServer, type TWorkerProcess } from "./processes.ts";

const TOKEN = "worker-scrape-token-0123456789";
const SERVED = ["metrics", "maintenance"] as const;

describe("GET /metrics on the running worker", () => {
  const handle = useMigratedDatabase(testTargets()[0]!);
  const prefix = testPrefix("metrics-endpoint");
  let redis: TRedisServer;
  let worker: TWorkerProcess;
  let queues: TQueues;
  let disconnect: () => void;
  let redisStopped = false;
  let base = "";

  beforeAll(async () => {
    redis = await startPersistentRedis();
    const connection = createProducerConnection(redis.url);
    connection.on("error", () => undefined);
    queues = createQueues({ connection, prefix });
    disconnect = () => connection.disconnect();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await spawnWorker({
      DATABASE_URL: handle.database.url,
      REDIS_URL: redis.url,
      WORKER_QUEUE_PREFIX: prefix,
      WORKER_QUEUES: SERVED.join(","),
      WORKER_SCHEDULERS: "off",
      WORKER_HEALTH_PORT: String(port),
      METRICS_TOKEN: TOKEN,
    });
  }, 120_000);
  afterAll(async () => {
    // Redis back first, so the worker drains as it would in production rather than waiting on it.
    if (redisStopped) await redis.start();
    if (worker) {
      const killer = setTimeout(() => worker.child.kill("SIGKILL"), 15_000);
      await worker.kill("SIGTERM");
      clearTimeout(killer);
    }
    for (const name of SERVED)
      await queues
        ?.queue(name)
        .obliterate({ force: true })
        .catch(() => undefined);
    await queues?.close();
    disconnect?.();
    await redis?.dispose();
  }, 60_000);

  const scrape = async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await response.text());
  };
  const jobs = (samples: TSample[], labels: Record<string, string>) =>
    sampleValue(samples, "cto_job_duration_seconds_count", labels) ?? 0;

  it("needs the token (probes do not)", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}-wrong` } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    await scrape();
  });

  it("times each job by queue, job and outcome; reports the served queues' depths, the pool and Redis up", async () => {
    const before = await scrape();
    const user = await handle.db.user.create({
      data: {
        email: `worker-metrics-${Date.now()}@example.com`,
        preferences: { timezone: "Europe/Berlin" },
        lastSeenAt: new Date(),
      },
    });
    const good = await queues.enqueue("metrics", "consistency", { userId: user.id, date: "2026-11-30" });
    // Bypasses the validating producer, as an outdated producer would: its processor throws.
    const bad = await queues
      .queue("metrics")
      .add("consistency", { userId: "nope", date: "yesterday" }, { attempts: 1 });
    const done = await waitFor(
      async () => queues.queue("metrics").getJob(good.id),
      (job) => Boolean(job?.finishedOn),
      30_000,
    );
    expect(done?.failedReason).toBeUndefined();
    const failed = await waitFor(
      async () => queues.queue("metrics").getJob(bad.id!),
      (job) => Boolean(job?.failedReason),
      30_000,
    );
    expect(failed?.failedReason).toMatch(/does not match its contract/);

    const after = await scrape();
    const completed = { queue: "metrics", job: "consistency", outcome: "completed" };
    const thrown = { ...completed, outcome: "failed" };
    expect(jobs(after, completed) - jobs(before, completed)).toBe(1);
    expect(jobs(after, thrown) - jobs(before, thrown)).toBe(1);
    expect(sampleValue(after, "cto_job_duration_seconds_sum", completed)).toBeGreaterThan(0);
    expect(sampleValue(after, "cto_job_duration_seconds_bucket", { ...completed, le: "+Inf" })).toBe(
      jobs(after, completed),
    );

    // The depths of the queues this process serves, every state, and no other queue.
    expect(sampleValue(after, "cto_redis_up", {})).toBe(1);
    const depthQueues = new Set(
      after.filter((sample) => sample.name === "cto_queue_jobs").map((sample) => sample.labels.queue),
    );
    expect([...depthQueues].sort()).toEqual([...SERVED].sort());
    for (const queue of SERVED)
      for (const state of DEPTH_STATES)
        expect(sampleValue(after, "cto_queue_jobs", { queue, state }), `${queue} ${state}`).toBeTypeOf("number");
    expect(sampleValue(after, "cto_queue_jobs", { queue: "metrics", state: "failed" })).toBe(1);
    expect(sampleValue(after, "cto_queue_jobs", { queue: "metrics", state: "waiting" })).toBe(0);

    // The database pool the job's queries went through.
    expect(sampleValue(after, "cto_db_pool_connections", {})).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, "cto_db_pool_max_connections", {})).toBeGreaterThanOrEqual(
      sampleValue(after, "cto_db_pool_connections", {})!,
    );
    expect(sampleValue(after, "cto_db_pool_idle_connections", {})).toBeLessThanOrEqual(
      sampleValue(after, "cto_db_pool_connections", {})!,
    );
    expect(sampleValue(after, "cto_db_pool_waiting_queries", {})).toBe(0);
    expect(after.some((sample) => sample.name === "process_resident_memory_bytes")).toBe(true);
  });

  it("while Redis is down: answers within a bound with cto_redis_up 0 and no depths; the rest still served", async () => {
    redisStopped = true;
    await redis.stop();
    const started = Date.now();
    const samples = await scrape();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(sampleValue(samples, "cto_redis_up", {})).toBe(0);
    expect(samples.filter((sample) => sample.name === "cto_queue_jobs")).toEqual([]);
    expect(jobs(samples, { queue: "metrics", job: "consistency", outcome: "completed" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, "cto_db_pool_connections", {})).toBeGreaterThanOrEqual(1);
  });
});
