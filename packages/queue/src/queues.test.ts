import net from "node:net";

import { afterAll, describe, expect, it } from "vitest";

import { createProducerConnection } from "./connection.ts";
import { jobId } from "./job-options.ts";
import {
  boundQueues,
  createQueues,
  QueuePayloadError,
  queueDepths,
  QueueTimeoutError,
  QueueUnavailableError,
  withinTimeout,
} from "./queues.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("createQueues", () => {
  const connection = createProducerConnection(redisUrl);
  const prefix = `cto-test-${process.pid}-${Date.now()}`;
  const queues = createQueues({ connection, prefix });
  afterAll(async () => {
    for (const name of ["reminders", "ocr"] as const) await queues.queue(name).obliterate({ force: true });
    await queues.close();
    connection.disconnect();
  });

  it("adds a valid job with the queue's default options and a domain job id", async () => {
    const id = jobId("commitment", "c1", 1_700_000_000_000);
    const payload = {
      kind: "commitment" as const,
      entityId: crypto.randomUUID(),
      userId: crypto.randomUUID(),
      remindAt: 1_700_000_000_000,
    };
    const added = await queues.enqueue("reminders", "due", payload, { jobId: id, delay: 60_000 });
    expect(added.id).toBe("commitment.c1.1700000000000");
    const job = await queues.queue("reminders").getJob(added.id);
    expect(job?.data).toEqual(payload);
    expect(job?.opts.attempts).toBe(5);
    expect(job?.opts.backoff).toEqual({ type: "exponential", delay: 2_000 });
    // The same domain id twice is one job: BullMQ keeps the first.
    await queues.enqueue("reminders", "due", { ...payload, remindAt: 1 }, { jobId: id });
    expect((await queues.queue("reminders").getJob(id))?.data.remindAt).toBe(1_700_000_000_000);
  });

  it("refuses a payload that breaks the contract, and a job the queue does not have", async () => {
    await expect(
      queues.enqueue("ocr", "recognize", {
        userId: "not-a-uuid",
        analysisSessionId: crypto.randomUUID(),
        storageKey: "k",
      }),
    ).rejects.toBeInstanceOf(QueuePayloadError);
    // @ts-expect-error: no such job
    await expect(queues.enqueue("ocr", "nope", {})).rejects.toThrow(/no such job/);
    expect(await queues.queue("ocr").count()).toBe(0);
  });

  it("never uses ':' in a derived job id (BullMQ's key separator)", () => {
    expect(jobId("a:b", 1)).toBe("a_b.1");
  });
});

describe("boundQueues", () => {
  const payload = () => ({
    kind: "commitment" as const,
    entityId: crypto.randomUUID(),
    userId: crypto.randomUUID(),
    remindAt: Date.now(),
  });

  it("fails at once while Redis is known to be down, instead of waiting on every write", async () => {
    const connection = createProducerConnection("redis://127.0.0.1:1");
    connection.on("error", () => undefined);
    const queues = createQueues({ connection, prefix: "cto-test-unreachable" });
    try {
      await new Promise((resolve) => connection.once("reconnecting", resolve));
      const bounded = boundQueues(queues, 3_000);
      expect(bounded.available?.()).toBe(false);
      const started = Date.now();
      for (let i = 0; i < 5; i += 1) {
        await expect(bounded.enqueue("reminders", "due", payload())).rejects.toBeInstanceOf(QueueUnavailableError);
        await expect(bounded.remove("reminders", "some-job")).rejects.toThrow(/Redis is unreachable/);
      }
      expect(Date.now() - started).toBeLessThan(200);
    } finally {
      connection.disconnect();
    }
  });

  it("gives up on a Redis that accepts connections but never answers after the bound, then waits once per bound", async () => {
    // A socket that accepts and stays silent: the connection never fails, so only the bound helps.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const connection = createProducerConnection(`redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, {
      connectTimeout: 60_000,
    });
    connection.on("error", () => undefined);
    const queues = createQueues({ connection, prefix: "cto-test-silent" });
    try {
      const bounded = boundQueues(queues, 200);
      expect(bounded.available?.()).toBe(true);
      let started = Date.now();
      await expect(bounded.enqueue("reminders", "due", payload())).rejects.toBeInstanceOf(QueueTimeoutError);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      // Just timed out: the next writes fail at once instead of waiting again.
      started = Date.now();
      await expect(bounded.remove("reminders", "some-job")).rejects.toThrow(/not waiting again/);
      await expect(bounded.enqueue("reminders", "due", payload())).rejects.toBeInstanceOf(QueueUnavailableError);
      expect(Date.now() - started).toBeLessThan(100);
      // Once that has passed, a write tries (and waits) again.
      await new Promise((resolve) => setTimeout(resolve, 250));
      started = Date.now();
      await expect(bounded.remove("reminders", "some-job")).rejects.toThrow(/within 200 ms$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      const plain = await Promise.race([
        queues.enqueue("reminders", "due", payload()).then(
          () => "added",
          () => "failed",
        ),
        new Promise((resolve) => setTimeout(() => resolve("waiting"), 1_000)),
      ]);
      expect(plain).toBe("waiting");
    } finally {
      connection.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("withinTimeout", () => {
  /** Keeps the event loop busy, as a long synchronous task or a GC pause does. */
  const stall = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  };

  it("takes an answer that came in time while the event loop was stalled past the bound", async () => {
    const connection = createProducerConnection(redisUrl);
    try {
      if (connection.status !== "ready") await new Promise((resolve) => connection.once("ready", resolve));
      const answers = Array.from({ length: 5 }, () => {
        const answer = withinTimeout(connection.ping(), 50);
        stall(300);
        return answer;
      });
      await expect(Promise.all(answers)).resolves.toEqual(Array(5).fill("PONG"));
      await expect(withinTimeout(new Promise(() => undefined), 50)).rejects.toBeInstanceOf(QueueTimeoutError);
    } finally {
      connection.disconnect();
    }
  });
});

describe("queueDepths", () => {
  const payload = () => ({
    kind: "commitment" as const,
    entityId: crypto.randomUUID(),
    userId: crypto.randomUUID(),
    remindAt: Date.now(),
  });

  it("counts each queue's jobs by state", async () => {
    const connection = createProducerConnection(redisUrl);
    const queues = createQueues({ connection, prefix: `cto-test-depth-${process.pid}-${Date.now()}` });
    try {
      expect((await queueDepths(queues, ["reminders", "ocr"]))?.get("reminders")).toEqual({
        waiting: 0,
        prioritized: 0,
        delayed: 0,
        active: 0,
        failed: 0,
      });
      await queues.enqueue("reminders", "due", payload());
      await queues.enqueue("reminders", "due", payload(), { priority: 3 });
      for (let i = 0; i < 2; i += 1) await queues.enqueue("reminders", "due", payload(), { delay: 60_000 });
      const depths = await queueDepths(queues, ["reminders", "ocr"]);
      expect(Object.fromEntries(depths!)).toEqual({
        reminders: { waiting: 1, prioritized: 1, delayed: 2, active: 0, failed: 0 },
        ocr: { waiting: 0, prioritized: 0, delayed: 0, active: 0, failed: 0 },
      });
    } finally {
      await queues.queue("reminders").obliterate({ force: true });
      await queues.close();
      connection.disconnect();
    }
  });

  it("is null at once while Redis is known to be down, and within its bound when Redis is silent", async () => {
    const connection = createProducerConnection("redis://127.0.0.1:1");
    connection.on("error", () => undefined);
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentConnection = createProducerConnection(
      `redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`,
      { connectTimeout: 60_000 },
    );
    silentConnection.on("error", () => undefined);
    const down = createQueues({ connection, prefix: "cto-test-unreachable" });
    try {
      await new Promise((resolve) => connection.once("reconnecting", resolve));
      let started = Date.now();
      expect(await queueDepths(down)).toBeNull();
      expect(Date.now() - started).toBeLessThan(100);
      started = Date.now();
      expect(
        await queueDepths(createQueues({ connection: silentConnection, prefix: "cto-test-silent" }), ["ocr"], 200),
      ).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      connection.disconnect();
      silentConnection.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
