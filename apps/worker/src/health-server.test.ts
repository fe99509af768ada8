import type { AddressInfo } from "node:net";

import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

import { startHealthServer, withTimeout } from "./health-server.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("worker health server", () => {
  const clients: Redis[] = [];
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  const serve = async (redis: Redis) => {
    clients.push(redis);
    const server = await startHealthServer({
      checks: { redis: async () => (await redis.ping()) === "PONG" },
      host: "127.0.0.1",
      port: 0,
    });
    const { port } = server.address() as AddressInfo;
    return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
  };

  it("is live, and ready when Redis answers", async () => {
    const { base, close } = await serve(new Redis(redisUrl, { maxRetriesPerRequest: 1 }));
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", redis: "ok" });
    close();
  });

  it("is not ready when any check fails or hangs, and names it", async () => {
    const server = await startHealthServer({
      checks: { redis: async () => true, database: withTimeout(() => new Promise<boolean>(() => undefined), 50) },
      host: "127.0.0.1",
      port: 0,
    });
    const { port } = server.address() as AddressInfo;
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: "not_ready",
      failing: ["database"],
      redis: "ok",
      database: "unreachable",
    });
    server.close();
  });

  it("is not ready when Redis is unreachable, and 404s unknown routes", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    unreachable.on("error", () => undefined);
    const { base, close } = await serve(unreachable);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    close();
  });
});
