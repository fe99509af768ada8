import { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";

import { freePort } from "@cto/db/testing";
import { startRedisServer } from "@cto/vitest-config/redis-server";

import {
  createProducerConnection,
  createWorkerConnection,
  isConnectionError,
  reconnectDelay,
  redisLocation,
  trackDown,
  watchRedis,
} from "./connection.ts";
import { createQueues } from "./queues.ts";

type TLine = { level: "info" | "warn"; msg: string; fields: Record<string, unknown> };
const collect = () => {
  const lines: TLine[] = [];
  const log = {
    info: (fields: Record<string, unknown>, msg: string) => void lines.push({ level: "info", msg, fields }),
    warn: (fields: Record<string, unknown>, msg: string) => void lines.push({ level: "warn", msg, fields }),
  };
  return { lines, log };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

describe("reconnectDelay", () => {
  it("doubles from 0.5 s and stays at 10 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 10_000].map(reconnectDelay)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000,
    ]);
  });

  it("is what both kinds of connection retry with", () => {
    const producer = createProducerConnection("redis://127.0.0.1:1", { lazyConnect: true });
    const worker = createWorkerConnection("redis://127.0.0.1:1", { lazyConnect: true });
    expect(producer.options.retryStrategy).toBe(reconnectDelay);
    expect(worker.options.retryStrategy).toBe(reconnectDelay);
  });
});

describe("redisLocation and isConnectionError", () => {
  it("names host and port without credentials", () => {
    expect(redisLocation("redis://:s3cret@cache.internal:6380/2")).toBe("cache.internal:6380");
    expect(redisLocation("redis://user:pw@127.0.0.1")).toBe("127.0.0.1:6379");
    expect(redisLocation("not a url")).toBe("(invalid REDIS_URL)");
  });

  it("tells an unreachable Redis from other errors", () => {
    expect(
      isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isConnectionError(new Error("Connection is closed."))).toBe(true);
    expect(isConnectionError(new Error("Reached the max retries per request limit (which is 1)."))).toBe(true);
    expect(isConnectionError(new Error("Missing lock for job 1. moveToFinished"))).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });
});

describe("watchRedis with Redis unreachable", () => {
  it("says so once, then one line per reconnect attempt with back-off, and no stack traces from the queues", async () => {
    const port = await freePort();
    const url = `redis://:topsecret@127.0.0.1:${port}`;
    const consoleError = vi.spyOn(console, "error");
    const consoleWarn = vi.spyOn(console, "warn");
    const consoleLog = vi.spyOn(console, "log");
    const connection = createProducerConnection(url);
    const { lines, log } = collect();
    cleanups.push(watchRedis(connection, { target: url, log }), () => connection.disconnect());
    // The queues share the connection and each would print the connection's error per attempt.
    const queues = createQueues({ connection, prefix: "cto-test-watch" });
    cleanups.push(() => queues.close().catch(() => undefined));
    await sleep(4_200);
    // Attempts at about 0.5, 1.5, 3.5 s (then 7.5 s): three or four lines in 4.2 s, never the old flood.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines[0]!.msg).toMatch(
      new RegExp(
        `^Redis is unreachable at 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\): background jobs wait for it; next attempt in 0\\.5 s$`,
      ),
    );
    expect(lines[1]!.msg).toMatch(/^Redis still unreachable at .*; attempt 2, next in 1\.0 s$/);
    expect(lines.map((line) => line.fields.retryInMs)).toEqual([500, 1_000, 2_000, 4_000].slice(0, lines.length));
    expect(lines.every((line) => line.level === "warn" && !line.msg.includes("topsecret"))).toBe(true);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(consoleLog).not.toHaveBeenCalled();
    expect(queues.available?.()).toBe(false);
  });
});

describe("watchRedis and trackDown across an outage", () => {
  it("reports the outage and the recovery, and the queues are available again", async () => {
    const redis = await startRedisServer(await freePort());
    cleanups.push(redis.stop);
    const connection = createProducerConnection(redis.url);
    const { lines, log } = collect();
    cleanups.push(watchRedis(connection, { target: redis.url, log }), () => connection.disconnect());
    const isDown = trackDown(connection);
    expect(trackDown(connection)).toBe(isDown);
    const queues = createQueues({ connection, prefix: `cto-test-outage-${process.pid}` });
    cleanups.push(() => queues.close().catch(() => undefined));
    const payload = {
      kind: "commitment" as const,
      entityId: crypto.randomUUID(),
      userId: crypto.randomUUID(),
      remindAt: Date.now(),
    };

    await queues.enqueue("reminders", "due", payload, { jobId: "before" });
    expect([isDown(), queues.available?.()]).toEqual([false, true]);
    expect(lines).toEqual([]);

    await redis.stop();
    await vi.waitFor(() => expect(isDown()).toBe(true), { timeout: 5_000 });
    expect(queues.available?.()).toBe(false);
    await redis.start();
    await vi.waitFor(() => expect(isDown()).toBe(false), { timeout: 15_000 });
    expect(lines.at(-1)).toMatchObject({
      level: "info",
      msg: expect.stringMatching(/^Redis is reachable again at 127\.0\.0\.1:\d+ after [\d.]+ s$/),
    });
    expect(lines.slice(0, -1).every((line) => line.level === "warn")).toBe(true);
    await queues.enqueue("reminders", "due", payload, { jobId: "after" });
    expect(await queues.queue("reminders").getJob("after")).toBeTruthy();
  });

  it("does not count a connection that is still being made as down", () => {
    const connection = new Redis("redis://127.0.0.1:1", { lazyConnect: true });
    expect(trackDown(connection)()).toBe(false);
  });
});
