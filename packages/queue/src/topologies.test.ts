import { Worker } from "bullmq";
import type { Cluster } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

import { createProducerConnection, createWorkerConnection, trackDown, type TRedis } from "./connection.ts";
import { createQueues, queuePrefix } from "./queues.ts";
import { deleteKeys, exclusively, topologyAvailable, TOPOLOGIES, type TTopology } from "./topologies.test-helper.ts";

// BullMQ on a Redis Cluster and behind Sentinel through the one connection factory: the same queues,
// the same jobs, processed once each. The failovers under load are the worker's tests (apps/worker).
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const available = {
  cluster: await topologyAvailable("cluster", { ci: Boolean(process.env.CI) }),
  sentinel: await topologyAvailable("sentinel", { ci: Boolean(process.env.CI) }),
};

const cleanups: Array<() => Promise<unknown>> = [];
const ready = (connection: TRedis) =>
  new Promise((resolve) => (connection.status === "ready" ? resolve(null) : connection.once("ready", resolve)));
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe.each(["cluster", "sentinel"] as const)("BullMQ on a Redis %s", (kind: TTopology) => {
  // Not while another test process fails the same Redis over.
  it.skipIf(!available[kind])(
    "queues and processes each job once, with the producer and worker connections of the factory",
    { timeout: 240_000 },
    () =>
      exclusively(kind, REDIS_URL, async () => {
        const prefix = `cto-test-${kind}-${process.pid}-${Date.now()}`;
        const connection = createProducerConnection(TOPOLOGIES[kind].target);
        connection.on("error", () => undefined);
        const queues = createQueues({ connection, prefix });
        const workerConnection = createWorkerConnection(TOPOLOGIES[kind].target);
        const seen: string[] = [];
        const worker = new Worker("reminders", async (job) => void seen.push(job.id!), {
          connection: workerConnection,
          prefix: queuePrefix(prefix, "reminders", workerConnection),
          concurrency: 4,
        });
        cleanups.push(async () => {
          await worker.close();
          workerConnection.disconnect();
          await deleteKeys(connection, prefix);
          await queues.close();
          connection.disconnect();
        });
        await ready(connection);
        expect(trackDown(connection)()).toBe(false);
        const ids = Array.from({ length: 30 }, (_, index) => `job-${index}`);
        for (const id of ids)
          await queues.enqueue(
            "reminders",
            "due",
            { kind: "commitment", entityId: crypto.randomUUID(), userId: crypto.randomUUID(), remindAt: Date.now() },
            { jobId: id },
          );
        // A repeated id is the same job (the reminders' dedupe), on a cluster as on one server.
        await queues.enqueue(
          "reminders",
          "due",
          { kind: "commitment", entityId: crypto.randomUUID(), userId: crypto.randomUUID(), remindAt: Date.now() },
          { jobId: ids[0] },
        );
        await expect.poll(() => seen.length, { timeout: 15_000 }).toBe(ids.length);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(seen.sort()).toEqual([...ids].sort());
        expect(await queues.queue("reminders").getJobCounts("completed", "waiting", "active", "failed")).toEqual({
          completed: 30,
          waiting: 0,
          active: 0,
          failed: 0,
        });
      }),
  );
});

describe.skipIf(!available.cluster)("queue keys on a Redis Cluster", () => {
  it("keep each queue's keys in one slot and spread the queues over the masters", async () => {
    const connection = createProducerConnection(TOPOLOGIES.cluster.target) as Cluster;
    connection.on("error", () => undefined);
    const prefix = `cto-test-slots-${process.pid}-${Date.now()}`;
    const queues = createQueues({ connection, prefix });
    cleanups.push(async () => {
      await queues.close();
      await deleteKeys(connection, prefix);
      connection.disconnect();
    });
    await ready(connection);
    const slotOf = (key: string) => connection.call("CLUSTER", "KEYSLOT", key) as Promise<number>;
    const keysOf = (name: "reminders" | "mail") => Object.values(queues.queue(name).keys).filter(Boolean);
    const reminderSlots = new Set(await Promise.all(keysOf("reminders").map(slotOf)));
    expect(reminderSlots.size).toBe(1);
    const slots = await Promise.all(
      (["reminders", "mail", "reports", "telegram", "embeddings", "maintenance"] as const).map((name) =>
        slotOf(queues.queue(name).keys.wait!),
      ),
    );
    expect(new Set(slots).size).toBe(slots.length);
    // The client's slot map (first node of each slot: its master): the queues are not all on one master.
    const masters = new Set(slots.map((slot) => connection.slots[slot]?.[0]));
    expect(masters.size).toBeGreaterThanOrEqual(2);
  });
});
