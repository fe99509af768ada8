import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProducerConnection, createWorkerConnection } from "@cto/queue/connection";
import { createQueues, PRODUCER_TIMEOUT_MS, type TQueues } from "@cto/queue/queues";

import { createApp } from "../src/app.ts";
import { signUp } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Queues on a Redis that is not there, once the connection has failed (known down), recording every use that reaches BullMQ. */
const knownDownQueues = async () => {
  const connection = createProducerConnection("redis://127.0.0.1:1");
  connection.on("error", () => undefined);
  const queues = createQueues({ connection, prefix: "cto-test-known-down" });
  await new Promise((resolve) => connection.once("reconnecting", resolve));
  const reached: string[] = [];
  const counted: TQueues = {
    ...queues,
    queue: (name) => {
      reached.push(`queue ${name}`);
      return queues.queue(name);
    },
    enqueue: (name, job, payload, options) => {
      reached.push(`${name}/${String(job)}`);
      return queues.enqueue(name, job, payload, options);
    },
    remove: (name, jobId) => {
      reached.push(`remove ${name}`);
      return queues.remove(name, jobId);
    },
  };
  return { queues: counted, reached, close: () => connection.disconnect() };
};

const appOn = (harness: Harness, queues: TQueues | null) =>
  createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai: harness.ai, queues });

describe("/ready says how the queues are", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startApi();
  });
  afterAll(async () => {
    await harness.close();
  });

  it("off without Redis configured", async () => {
    const response = await appOn(harness, null).request("/ready");
    expect(await response.json()).toMatchObject({ database: "ok", queues: "off", workers: null });
  });

  it("unavailable while Redis is down, at once", async () => {
    const down = await knownDownQueues();
    try {
      const app = appOn(harness, down.queues);
      down.reached.length = 0; // the admin dashboard reads the queue list when the app is built
      const response = await app.request("/ready");
      expect(await response.json()).toMatchObject({ database: "ok", queues: "unavailable", workers: null });
      // Known down: not even asked (no 500 ms wait for the worker count).
      expect(down.reached).toEqual([]);
    } finally {
      down.close();
    }
  });

  it("ok with Redis, counting the worker processes that serve reminders", async () => {
    const prefix = `cto-test-ready-${process.pid}-${Date.now()}`;
    const connection = createProducerConnection(REDIS_URL);
    const queues = createQueues({ connection, prefix });
    const app = appOn(harness, queues);
    try {
      expect(await (await app.request("/ready")).json()).toMatchObject({ database: "ok", queues: "ok", workers: 0 });
      const worker = new Worker("reminders", async () => undefined, {
        connection: createWorkerConnection(REDIS_URL),
        prefix,
      });
      await worker.waitUntilReady();
      try {
        await expect
          .poll(async () => ((await (await app.request("/ready")).json()) as { workers: number | null }).workers, {
            timeout: 5_000,
          })
          .toBe(1);
      } finally {
        await worker.close();
      }
    } finally {
      await queues.close();
      connection.disconnect();
    }
  });
});

describe("a chat turn does not wait for a Redis known to be down", () => {
  let harness: Harness;
  let down: Awaited<ReturnType<typeof knownDownQueues>>;
  beforeAll(async () => {
    harness = await startApi({ queueTimeoutMs: PRODUCER_TIMEOUT_MS });
    down = await knownDownQueues();
  });
  afterAll(async () => {
    down.close();
    await harness.close();
  });

  it("answers message after message without a single write reaching BullMQ, each well within the production bound", async () => {
    const app = appOn(harness, down.queues);
    down.reached.length = 0; // the admin dashboard reads the queue list when the app is built
    const user = await signUp({ ...harness, app }, "offline");
    const conversation = (await (
      await app.request("/conversations", {
        method: "POST",
        headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
        body: JSON.stringify({ title: "No Redis" }),
      })
    ).json()) as { id: string };
    const took: number[] = [];
    for (const content of [
      "Set a goal to run 5 km",
      "What should I focus on today?",
      "Thanks",
      "Remind me to call Sam tomorrow at 9",
    ]) {
      const started = Date.now();
      const response = await app.request(`/conversations/${conversation.id}/chat`, {
        method: "POST",
        headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
        body: JSON.stringify({ content }),
      });
      expect(await response.text()).toContain("event: done");
      took.push(Date.now() - started);
    }
    // Every job the turns would add (summary, embeddings, reminders) was refused before BullMQ, so none waited.
    expect(down.reached).toEqual([]);
    // The first turn also warms the code up; the others show there is no 3 s wait left in a turn.
    for (const ms of took.slice(1)) expect(ms).toBeLessThan(PRODUCER_TIMEOUT_MS);
  });
});
