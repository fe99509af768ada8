import { describe, expect, it } from "vitest";

import { commitmentTarget, reminderJobId, syncReminder } from "@cto/core/reminders";
import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";

import { REDIS_URL, testPrefix, waitFor } from "./deps.ts";
import { startPersistentRedis, useWorkerProcesses } from "./processes.ts";

// Crash and restart tests against the real worker process: "nothing lost, nothing twice" (issue 5, item 7).
// Real PostgreSQL only: the kill must land inside an open transaction, seen through pg_stat_activity.
const postgres = testTargets().find((target) => target.name === "postgres");

/**
 * Fast stall detection, so a killed worker's job is taken over within seconds. Not shorter: a lock
 * must outlive the longest event-loop pause of a busy two-core machine (first Prisma query, module
 * loading), or a live worker's job is taken for stalled.
 */
const FAST_LOCKS = { WORKER_LOCK_DURATION_MS: "5000", WORKER_STALLED_INTERVAL_MS: "1000", WORKER_QUEUES: "reminders" };

describe.skipIf(!postgres)("worker faults", () => {
  const handle = useMigratedDatabase(postgres!);
  const db = (): Db => handle.db;
  const { start, cleanups } = useWorkerProcesses();
  const producer = (url: string, prefix: string) => {
    const connection = createProducerConnection(url);
    connection.on("error", () => undefined);
    const queues = createQueues({ connection, prefix });
    queues.queue("reminders").on("error", () => undefined);
    cleanups.push(async () => {
      await queues.queue("reminders").obliterate({ force: true });
      await queues.close();
      connection.disconnect();
    });
    return queues;
  };
  const worker = (env: Record<string, string>) => start({ DATABASE_URL: handle.database.url, ...FAST_LOCKS, ...env });
  let users = 0;
  const remindersDue = async (queues: TQueues | null, times: number[]) => {
    const user = await db().user.create({ data: { email: `faults-${Date.now()}-${users++}@example.com` } });
    const rows: Array<{ row: { id: string; remindAt: Date | null }; jobId: string; enqueued: boolean }> = [];
    // Ten at a time, as concurrent API requests would write them.
    for (let offset = 0; offset < times.length; offset += 10) {
      const batch = await Promise.all(
        times.slice(offset, offset + 10).map(async (at, index) => {
          const row = await db().commitment.create({
            data: { userId: user.id, title: `Commitment ${offset + index}`, remindAt: new Date(at) },
          });
          const sync = await syncReminder({ db: db(), queues, target: commitmentTarget(row) });
          return { row, jobId: reminderJobId("commitment", row.id, row.remindAt!), enqueued: sync.enqueued };
        }),
      );
      rows.push(...batch);
    }
    return rows;
  };
  const messageCounts = async (ids: string[]) => {
    const groups = await db().proactiveMessage.groupBy({
      by: ["commitmentId"],
      where: { commitmentId: { in: ids } },
      _count: true,
    });
    return ids.map((id) => groups.find((group) => group.commitmentId === id)?._count ?? 0);
  };
  // As the owner: the app's role does not see other sessions' state in pg_stat_activity.
  const openTransactions = async () => {
    const [row] = await handle.owner.$queryRaw<
      Array<{ count: bigint }>
    >`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`;
    return Number(row!.count);
  };

  it.each(["in-transaction", "after-commit"] as const)(
    "SIGKILL mid-job (%s), restart: the reminder is delivered exactly once",
    async (point) => {
      const prefix = testPrefix(`kill-${point}`);
      const queues = producer(REDIS_URL, prefix);
      const [reminder] = await remindersDue(queues, [Date.now() + 500]);
      const { row, jobId } = reminder!;
      const first = await worker({
        REDIS_URL,
        WORKER_QUEUE_PREFIX: prefix,
        WORKER_FAULT_DELAY_MS: "30000",
        WORKER_FAULT_POINT: point,
      });

      if (point === "in-transaction") {
        // The message is written but not committed: the worker is held inside its transaction.
        expect(await waitFor(openTransactions, (count) => count > 0, 20_000)).toBeGreaterThan(0);
      } else {
        await waitFor(
          () => messageCounts([row.id]),
          ([count]) => count === 1,
          20_000,
        );
      }
      expect(await (await queues.queue("reminders").getJob(jobId))?.getState()).toBe("active");
      await first.kill("SIGKILL");
      const schedule = () =>
        db().reminderSchedule.findUniqueOrThrow({ where: { queueName_jobId: { queueName: "reminders", jobId } } });
      // Killed inside the transaction: PostgreSQL rolled it back, nothing was sent.
      if (point === "in-transaction") {
        await waitFor(openTransactions, (count) => count === 0, 10_000);
        expect(await messageCounts([row.id])).toEqual([0]);
        expect((await schedule()).status).toBe("ACTIVE");
      }

      await worker({ REDIS_URL, WORKER_QUEUE_PREFIX: prefix });
      const job = await waitFor(
        async () => queues.queue("reminders").getJob(jobId),
        (value) => Boolean(value?.finishedOn),
        30_000,
      );
      expect(await job?.getState()).toBe("completed");
      expect(job?.returnvalue).toEqual(
        point === "in-transaction"
          ? { outcome: "delivered", channels: ["IN_APP"] }
          : { outcome: "skipped", reason: "schedule is COMPLETED" },
      );
      expect(await messageCounts([row.id])).toEqual([1]);
      expect((await schedule()).status).toBe("COMPLETED");
      expect((await db().commitment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
    },
  );

  it("SIGTERM with a reminder still running after the drain: handed back, another worker delivers it once", async () => {
    const prefix = testPrefix("hand-back");
    const queues = producer(REDIS_URL, prefix);
    const [reminder] = await remindersDue(queues, [Date.now() + 500]);
    const { row, jobId } = reminder!;
    // A lock that outlives the test: only the hand-back can give the job to another worker in time.
    const first = await worker({
      REDIS_URL,
      WORKER_QUEUE_PREFIX: prefix,
      WORKER_FAULT_DELAY_MS: "600000",
      WORKER_FAULT_POINT: "in-transaction",
      WORKER_LOCK_DURATION_MS: "600000",
      WORKER_DRAIN_MS: "500",
    });
    expect(await waitFor(openTransactions, (count) => count > 0, 20_000)).toBeGreaterThan(0);
    await worker({ REDIS_URL, WORKER_QUEUE_PREFIX: prefix, WORKER_SCHEDULERS: "off" });
    // It exits without waiting for its held transaction, which PostgreSQL then rolls back.
    expect(await first.kill("SIGTERM")).toBe(0);
    expect(
      first.lines.find((line) => line.msg === "jobs still running after the drain: handed back for another worker")
        ?.jobs,
    ).toEqual([jobId]);
    expect(
      await waitFor(
        () => queues.queue("reminders").getJobState(jobId),
        (state) => state === "completed",
        30_000,
      ),
    ).toBe("completed");
    expect((await queues.queue("reminders").getJob(jobId))?.returnvalue).toEqual({
      outcome: "delivered",
      channels: ["IN_APP"],
    });
    expect(await messageCounts([row.id])).toEqual([1]);
  });

  it("two worker processes on one queue: each reminder runs once", async () => {
    const prefix = testPrefix("two-workers");
    const queues = producer(REDIS_URL, prefix);
    const pair = await Promise.all([
      worker({ REDIS_URL, WORKER_QUEUE_PREFIX: prefix }),
      worker({ REDIS_URL, WORKER_QUEUE_PREFIX: prefix, WORKER_SCHEDULERS: "off" }),
    ]);
    // Due together once both run, so both compete for them.
    const due = Date.now() + 3_000;
    const reminders = await remindersDue(
      queues,
      Array.from({ length: 60 }, (_, index) => due + (index % 10) * 50),
    );
    const ids = reminders.map(({ row }) => row.id);
    await waitFor(
      () => messageCounts(ids),
      (counts) => counts.every((count) => count === 1),
      60_000,
      200,
    );
    // The message commits just before its job completes: wait for every job to be marked done, or
    // dropped by the batch that took its reminder along.
    const jobs = await waitFor(
      async () => Promise.all(reminders.map(({ jobId }) => queues.queue("reminders").getJob(jobId))),
      (found) => found.every((job) => !job || job.finishedOn),
      20_000,
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No job completed twice, each job still in Redis completed in one of the two processes, and the
    // others were dropped (a job that had already completed, finding its reminder delivered by the other
    // process's batch, may be dropped from the completed ones too).
    const completions = pair.map((process) =>
      process.lines
        .filter((line) => line.msg === "job completed" && line.job === "due")
        .map((line) => String(line.jobId)),
    );
    const all = completions.flat();
    const jobIds = reminders.map(({ jobId }) => jobId);
    expect(all.filter((jobId) => !jobIds.includes(jobId))).toEqual([]);
    expect(jobIds.filter((jobId, index) => jobs[index] && !all.includes(jobId))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
    expect(await messageCounts(ids)).toEqual(ids.map(() => 1));
  });

  it("restart Redis (AOF) under load: every due reminder is delivered exactly once, also those written while it was down", async () => {
    const redis = await startPersistentRedis();
    cleanups.push(redis.dispose);
    const prefix = testPrefix("redis-restart");
    const queues = producer(redis.url, prefix);
    await worker({
      REDIS_URL: redis.url,
      WORKER_QUEUE_PREFIX: prefix,
      WORKER_RECONCILE_EVERY_MS: "1000",
      WORKER_QUEUES: "reminders",
    });
    const start = Date.now() + 1_000;
    // 40 reminders due over four seconds; Redis goes down in the middle of them.
    const before = await remindersDue(
      queues,
      Array.from({ length: 40 }, (_, index) => start + index * 100),
    );
    expect(before.every((reminder) => reminder.enqueued)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, start + 1_500 - Date.now()));
    await redis.stop();
    // Written while Redis is away: the API path commits the schedule and cannot enqueue.
    const during = await remindersDue(
      queues,
      Array.from({ length: 10 }, (_, index) => Date.now() + index * 50),
    );
    expect(during.every((reminder) => !reminder.enqueued)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await redis.start();

    const ids = [...before, ...during].map(({ row }) => row.id);
    const counts = await waitFor(
      () => messageCounts(ids),
      (values) => values.every((count) => count >= 1),
      60_000,
      250,
    );
    // Let any late duplicate show itself before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(counts.every((count) => count === 1)).toBe(true);
    expect(await messageCounts(ids)).toEqual(ids.map(() => 1));
    const schedules = await db().reminderSchedule.findMany({
      where: { commitmentId: { in: ids } },
      select: { status: true },
    });
    expect(schedules.map((schedule) => schedule.status)).toEqual(ids.map(() => "COMPLETED"));
  });
});
