import { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";

import { QUEUE_NAMES } from "@cto/contracts/queues";

import { createProducerConnection, createWorkerConnection } from "./connection.ts";
import { idsInJob, purgeJobs, purgeJobsNaming } from "./purge.ts";
import { createQueues } from "./queues.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("purgeJobsNaming", () => {
  const connection = createProducerConnection(redisUrl);
  const workerConnection = createWorkerConnection(redisUrl);
  const prefix = `cto-test-purge-${process.pid}-${Date.now()}`;
  const queues = createQueues({ connection, prefix });
  afterAll(async () => {
    for (const name of QUEUE_NAMES) await queues.queue(name).obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    workerConnection.disconnect();
  });

  it("removes a user's jobs in every resting state, whatever field names them, leaves others' alone and counts a running one as busy", async () => {
    const [doomed, kept, message] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const reminder = (userId: string) => ({
      kind: "commitment" as const,
      entityId: crypto.randomUUID(),
      userId,
      remindAt: Date.now(),
    });
    await queues.enqueue("reminders", "due", reminder(doomed), { jobId: `r-delayed-${doomed}`, delay: 3_600_000 });
    await queues.enqueue("reminders", "due", reminder(kept), { jobId: "r-delayed-kept", delay: 3_600_000 });
    await queues.enqueue(
      "reports",
      "generate",
      { userId: doomed, type: "TWO_DAY", periodEnd: Date.now() },
      { jobId: `report.${doomed}.TWO_DAY.1` },
    );
    await queues.enqueue("telegram", "deliver", { proactiveMessageId: message }, { jobId: `proactive.${message}` });
    // Finished records: one completed with the user only in its result, one failed with the user only in its reason.
    const outcomes = new Map([
      [`done-${kept}`, "ok"],
      [`failed-${kept}`, "fail"],
    ]);
    await queues.enqueue(
      "stories",
      "generate",
      { userId: kept, period: "2026-01" },
      { jobId: `done-${kept}`, attempts: 1 },
    );
    await queues.enqueue(
      "stories",
      "generate",
      { userId: kept, period: "2026-02" },
      { jobId: `failed-${kept}`, attempts: 1 },
    );
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = new Worker(
      "stories",
      async (job) => {
        if (job.id === `running-${doomed}`) return held;
        if (outcomes.get(job.id!) === "fail") throw new Error(`could not write the story of ${doomed}`);
        return { wroteFor: doomed };
      },
      { connection: workerConnection, prefix, concurrency: 3 },
    );
    try {
      const stories = queues.queue("stories");
      await expect
        .poll(async () => await stories.getJobCounts("completed", "failed"), { timeout: 20_000 })
        .toEqual({ completed: 1, failed: 1 });
      await queues.enqueue(
        "stories",
        "generate",
        { userId: doomed, period: "2026-03" },
        { jobId: `running-${doomed}` },
      );
      await expect.poll(async () => (await stories.getJobCounts("active")).active, { timeout: 20_000 }).toBe(1);

      const result = await purgeJobsNaming(queues, [doomed.toUpperCase(), message]);
      expect(result).toMatchObject({ removed: 5, busy: 1 });
      expect(await queues.queue("reminders").getJob(`r-delayed-${doomed}`)).toBeUndefined();
      expect(await queues.queue("reminders").getJob("r-delayed-kept")).toBeDefined();
      expect(await queues.queue("reports").getJob(`report.${doomed}.TWO_DAY.1`)).toBeUndefined();
      expect(await queues.queue("telegram").getJob(`proactive.${message}`)).toBeUndefined();
      expect(await stories.getJob(`done-${kept}`)).toBeUndefined();
      expect(await stories.getJob(`failed-${kept}`)).toBeUndefined();

      // Once the running job ends, a second pass removes its record.
      release();
      await expect.poll(async () => (await stories.getJobCounts("completed")).completed, { timeout: 20_000 }).toBe(1);
      expect(await purgeJobsNaming(queues, [doomed, message])).toMatchObject({ removed: 1, busy: 0 });
      expect(await stories.getJob(`running-${doomed}`)).toBeUndefined();
      // Nothing in Redis under these queues names the user or the message any more: no job, no event.
      const everything = [];
      for (const key of await connection.keys(`${prefix}:*`)) {
        const type = await connection.type(key);
        if (type === "hash") everything.push(key, JSON.stringify(await connection.hgetall(key)));
        else if (type === "stream") everything.push(key, JSON.stringify(await connection.xrange(key, "-", "+")));
        else if (type === "zset") everything.push(key, ...(await connection.zrange(key, 0, -1)));
        else if (type === "list") everything.push(key, ...(await connection.lrange(key, 0, -1)));
        else everything.push(key);
      }
      const dump = everything.join("\n");
      expect(dump).toContain(kept);
      expect(dump).not.toContain(doomed);
      expect(dump).not.toContain(message);
    } finally {
      release();
      await worker.close();
    }
  });

  it("reads past one page, and removes nothing when nothing is chosen", async () => {
    const userId = crypto.randomUUID();
    const queue = queues.queue("embeddings");
    await queue.addBulk(
      Array.from({ length: 1_203 }, (_, i) => ({
        name: "upsert",
        data: { userId: i % 2 ? userId : crypto.randomUUID(), ownerKind: "MESSAGE", ownerId: crypto.randomUUID() },
        opts: { delay: 3_600_000 },
      })),
    );
    const untouched = await purgeJobs(queues, () => []);
    expect(untouched.removed).toBe(0);
    expect(untouched.scanned).toBeGreaterThanOrEqual(1_203);
    expect(await purgeJobsNaming(queues, [userId])).toMatchObject({ removed: 601 });
    expect(await queue.getJobCounts("delayed")).toEqual({ delayed: 602 });
  });

  it("finds ids in every part of a job, in any case", () => {
    const id = crypto.randomUUID();
    const job = {
      id: "x",
      data: { nested: [{ deep: id.toUpperCase() }] },
      returnvalue: null,
      failedReason: "",
      stacktrace: [],
    } as never;
    expect(idsInJob(job).has(id)).toBe(true);
  });
});
