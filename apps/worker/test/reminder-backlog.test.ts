// A backlog of due reminders larger than what one worker remembers of those it took along. The limits
// are scaled down (pages of 100, room for 250) so that a backlog of 1,200 is past them on both targets.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { reminderJobOptions } from "@cto/core/reminders";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { register } from "../src/jobs/processor.ts";
import { processReminderDue } from "../src/jobs/reminders.due.ts";
import { startRuntime, type TRuntime } from "../src/runtime.ts";
import type { TReminderOutcome } from "../src/services/reminders/deliver.ts";
import { createTestDeps, REDIS_URL, testPrefix, waitFor, writeDueReminders } from "./deps.ts";

const BACKLOG = 1_200;
const LIMITS = { takenAlong: 100, remembered: 250 };

describe.each(testTargets())("a backlog of due reminders past what the worker remembers, on $name", (target) => {
  const handle = useMigratedDatabase(target);
  const prefix = testPrefix(`reminder-backlog-${target.name}`);
  let harness: ReturnType<typeof createTestDeps>;
  let runtime: TRuntime | null = null;
  beforeAll(() => {
    harness = createTestDeps({ prefix, db: handle.db });
  });
  afterAll(async () => {
    await runtime?.close();
    await harness.close(["reminders"]);
  });

  it("delivers each reminder once, drops most of their jobs, and a job that runs finds its reminder delivered instead of reading it again", async () => {
    const db = handle.db;
    const user = await db.user.create({ data: { email: `backlog-${randomUUID()}@example.com` } });
    const remindAt = new Date(Date.now() - 60_000);
    const payloads = await writeDueReminders(db, { userId: user.id, count: BACKLOG, remindAt });
    const ids = payloads.map(({ entityId }) => entityId);
    // Every reminder has its job, queued before any worker runs: the first batch's page starts a sweep
    // that would run far ahead of the jobs if it did not wait for room.
    const queue = harness.queues.queue("reminders");
    await queue.addBulk(payloads.map((data) => ({ name: "due", data, opts: reminderJobOptions(data, remindAt) })));
    runtime = startRuntime({
      deps: { ...harness.deps, reminderBatches: LIMITS },
      redis: REDIS_URL,
      prefix,
      registry: [register("reminders", "due", processReminderDue)],
      concurrency: 8,
      lockDuration: 10_000,
      stalledInterval: 10_000,
    });
    // Done when the queue holds none of their jobs: each completed, or was dropped by the batch that took
    // its reminder along.
    const left = await waitFor(
      () => queue.getJobCounts("waiting", "prioritized", "active", "delayed"),
      (counts) => Object.values(counts).every((count) => count === 0),
      120_000,
    );
    expect(Object.values(left).every((count) => count === 0)).toBe(true);
    const jobs = await queue.getJobs(["completed", "failed"], 0, BACKLOG);
    expect(jobs.filter((job) => job.failedReason)).toEqual([]);
    // Most went with a page of a sweep, and their jobs never took a turn: 64-88 of these 1,200 ran in four
    // runs, and every one of them does when the jobs are not dropped.
    expect(jobs.length).toBeLessThan(BACKLOG / 2);
    const outcomes = jobs.map((job) => job.returnvalue as TReminderOutcome);
    // A job whose reminder another batch was claiming as it arrived may find it "already delivered" or its
    // schedule COMPLETED: a few at most. One whose reminder was taken along while it ran (so that it could
    // not be dropped) and then forgotten finds its schedule COMPLETED too: with the oldest forgotten past
    // the limit instead of a sweep that waits for room, 902 and 910 of these 1,200 jobs read their schedule
    // again, before jobs were dropped.
    const readAgain = outcomes.filter((outcome) => outcome.outcome !== "delivered");
    expect(readAgain.length).toBeLessThanOrEqual(2 * LIMITS.takenAlong);
    const messages = await db.proactiveMessage.groupBy({
      by: ["commitmentId"],
      where: { commitmentId: { in: ids } },
      _count: { _all: true },
    });
    expect(messages).toHaveLength(BACKLOG);
    expect(messages.every((group) => group._count._all === 1)).toBe(true);
    expect(await db.commitment.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(BACKLOG);
  });
});
