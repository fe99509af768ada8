import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import { reminderJobId } from "@cto/core/reminders";
import { createProducerConnection, createWorkerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { signUp } from "./support/api.ts";
import { startApi, withDeps, type Harness } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PASSWORD = "correct horse battery";

/** Every key under `prefix` and everything in it, as text: what Redis holds, job records, lists and event streams alike. */
const dumpRedis = async (redis: Redis, prefix: string) => {
  const parts: string[] = [];
  for (const key of await redis.keys(`${prefix}:*`)) {
    const type = await redis.type(key);
    parts.push(key);
    if (type === "hash") parts.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === "stream") parts.push(JSON.stringify(await redis.xrange(key, "-", "+")));
    else if (type === "zset") parts.push(...(await redis.zrange(key, 0, -1)));
    else if (type === "list") parts.push(...(await redis.lrange(key, 0, -1)));
    else if (type === "set") parts.push(...(await redis.smembers(key)));
    else if (type === "string") parts.push((await redis.get(key)) ?? "");
  }
  return parts.join("\n");
};

describe("DELETE /me leaves no job that names the user", () => {
  let base: Harness;
  let harness: Harness;
  const prefix = `cto-test-account-deletion-${process.pid}-${Date.now()}`;
  const connection = createProducerConnection(redisUrl);
  const workerConnection = createWorkerConnection(redisUrl);
  const inspector = new Redis(redisUrl);
  const queues = createQueues({ connection, prefix });
  beforeAll(async () => {
    base = await startApi();
    harness = withDeps(base, { queues });
  });
  afterAll(async () => {
    for (const name of QUEUE_NAMES) await queues.queue(name).obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    workerConnection.disconnect();
    inspector.disconnect();
    await base?.close();
  });

  it("removes delayed reminders, queued jobs, finished records and their events, and leaves other users' alone", async () => {
    const [leaving, staying] = [await signUp(harness, "leaving"), await signUp(harness, "staying")];
    const remindAt = Date.now() + 3_600_000;
    const commitments = [];
    for (const user of [leaving, staying])
      commitments.push((await user.request("POST", "/commitments", { title: "Ship the release", remindAt })).body);
    const reminderJob = reminderJobId("commitment", commitments[0]!.id, remindAt);
    expect(await (await queues.queue("reminders").getJob(reminderJob))?.getState()).toBe("delayed");
    const message = await base.db.proactiveMessage.create({
      data: { userId: leaving.userId, content: "Time to ship" },
    });
    await queues.enqueue(
      "telegram",
      "deliver",
      { proactiveMessageId: message.id },
      { jobId: `proactive.${message.id}` },
    );
    await queues.enqueue(
      "reports",
      "generate",
      { userId: leaving.userId, type: "TWO_DAY", periodEnd: Date.now() },
      { jobId: `report.${leaving.userId}.TWO_DAY.1` },
    );
    // Finished records: one completed, one failed whose reason names the user.
    await queues.enqueue("stories", "generate", { userId: leaving.userId, period: "2026-01" }, { attempts: 1 });
    await queues.enqueue("stories", "generate", { userId: leaving.userId, period: "2026-02" }, { attempts: 1 });
    const worker = new Worker(
      "stories",
      async (job) => {
        if (job.data.period === "2026-02") throw new Error(`no story for ${job.data.userId}`);
        return { status: "created" };
      },
      { connection: workerConnection, prefix },
    );
    try {
      await expect
        .poll(() => queues.queue("stories").getJobCounts("completed", "failed"), { timeout: 20_000 })
        .toEqual({ completed: 1, failed: 1 });
    } finally {
      await worker.close();
    }
    const before = await dumpRedis(inspector, prefix);
    expect(before).toContain(leaving.userId);
    expect(before).toContain(message.id);

    const deleted = await leaving.request("DELETE", "/me", { password: PASSWORD });
    expect(deleted.status).toBe(204);
    expect(await base.db.user.findUnique({ where: { id: leaving.userId } })).toBeNull();
    const after = await dumpRedis(inspector, prefix);
    for (const id of [leaving.userId, message.id, commitments[0]!.id])
      expect(after.split("\n").filter((part) => part.includes(id))).toEqual([]);
    expect(after).toContain(staying.userId);
    expect(
      await (
        await queues.queue("reminders").getJob(reminderJobId("commitment", commitments[1]!.id, remindAt))
      )?.getState(),
    ).toBe("delayed");
  });

  it("refuses without the password and keeps every job", async () => {
    const user = await signUp(harness, "keeps");
    await user.request("POST", "/commitments", { title: "Keep me", remindAt: Date.now() + 3_600_000 });
    expect((await user.request("DELETE", "/me", { password: "not my password" })).status).toBe(403);
    expect(await dumpRedis(inspector, prefix)).toContain(user.userId);
  });

  it("counts wrong password confirmations against the account's sign-in limit", async () => {
    const authLimits = { ...GENEROUS_AUTH_LIMITS, signInFailures: { limit: 3, windowMs: 60_000 } };
    const limited = withDeps(base, { config: { ...base.config, authLimits } });
    const user = await signUp(limited, "guessed");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await user.request("DELETE", "/me", { password: `guess ${i}` })).status);
    expect(statuses).toEqual([403, 403, 403]);
    const refused = await user.request("DELETE", "/me", { password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(await base.db.user.findUnique({ where: { id: user.userId } })).not.toBeNull();
  });

  it("deletes the account at once when Redis is unreachable; the worker's sweep removes the jobs later", async () => {
    const dead = createProducerConnection("redis://127.0.0.1:1");
    dead.on("error", () => undefined);
    const deadQueues = createQueues({ connection: dead, prefix });
    for (const name of QUEUE_NAMES) deadQueues.queue(name).on("error", () => undefined);
    try {
      const unreachable = withDeps(base, { queues: deadQueues });
      const user = await signUp(unreachable, "offline");
      const started = Date.now();
      expect((await user.request("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await base.db.user.findUnique({ where: { id: user.userId } })).toBeNull();
    } finally {
      dead.disconnect();
    }
  }, 30_000);
});
