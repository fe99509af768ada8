import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";

import { ocrJobId, reportJobId, storyJobId } from "@cto/contracts/queues";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";

import { OCR_SWEEP_AFTER_MS, processOcrSweep } from "../src/jobs/ocr.sweep.ts";
import { processMailSweep } from "../src/jobs/mail.sweep.ts";
import { register } from "../src/jobs/processor.ts";
import { processReportGenerate } from "../src/jobs/reports.generate.ts";
import { processReportSweep, REPORT_REQUEST_EXPIRES_MS, REPORT_SWEEP_AFTER_MS } from "../src/jobs/reports.sweep.ts";
import { schedule, SCHEDULES } from "../src/jobs/schedules.ts";
import { processStorySchedule } from "../src/jobs/stories.schedule.ts";
import { startRuntime } from "../src/runtime.ts";
import { createTestDeps, memoryLogger, REDIS_URL, testPrefix, waitFor } from "./deps.ts";

// Jobs a Redis failover drops (issue 15, §3). Redis replicates asynchronously: what a Sentinel-promoted
// replica had not received is gone, whatever the client saw. The database is the truth: a sweep queues
// again what it says is pending, under the id the first producer used, so a job Redis kept is not doubled.
// Here the loss is the row written and no job in Redis, the state a failover leaves behind.
const target = testTargets()[0]!;
const job = <T>(data: T) => ({ data }) as Job<T>;

describe(`jobs a Redis failover lost are queued again, once (${target.name})`, () => {
  const handle = useMigratedDatabase(target);

  it("ocr/sweep re-queues a screenshot in analysis without its job, and leaves held, fresh, finished and trashed ones alone", async () => {
    const now = new Date();
    const { deps, queues, close } = createTestDeps({ prefix: testPrefix("lost-ocr"), db: handle.db, now: () => now });
    try {
      const user = await handle.db.user.create({ data: { email: `lost-ocr-${Date.now()}@example.com` } });
      const stale = new Date(now.getTime() - OCR_SWEEP_AFTER_MS - 60_000);
      const session = (data: { status?: "ANALYSIS_IN_PROGRESS" | "VERIFYING_OCR"; at?: Date; deletedAt?: Date }) =>
        handle.db.analysisSession.create({
          data: {
            userId: user.id,
            type: "SCREENSHOT",
            status: data.status ?? "ANALYSIS_IN_PROGRESS",
            lastActivity: data.at ?? stale,
            deletedAt: data.deletedAt ?? null,
          },
        });
      const lost = await session({});
      const held = await session({});
      const fresh = await session({ at: new Date(now.getTime() - 5_000) });
      await session({ status: "VERIFYING_OCR" });
      await session({ deletedAt: now });
      // The job the API queued for `held` is still in Redis (waiting behind others).
      const payload = (id: string) => ({
        userId: user.id,
        analysisSessionId: id,
        storageKey: `screenshots/${user.id}/${id}`,
      });
      await queues.enqueue("ocr", "recognize", payload(held.id), { jobId: ocrJobId(held.id, held.lastActivity) });

      expect(await processOcrSweep(job({}), deps)).toEqual({ inAnalysis: 2, queued: 1 });
      // A second sweep (another worker, the next minute) finds both jobs there.
      expect(await processOcrSweep(job({}), deps)).toEqual({ inAnalysis: 2, queued: 0 });
      const jobs = await queues.queue("ocr").getJobs(["waiting", "delayed", "active", "prioritized"]);
      expect(jobs.map((entry) => entry.id).sort()).toEqual(
        [ocrJobId(lost.id, lost.lastActivity), ocrJobId(held.id, held.lastActivity)].sort(),
      );
      expect(jobs.find((entry) => entry.data.analysisSessionId === lost.id)?.data).toEqual(payload(lost.id));
      expect(jobs.some((entry) => entry.data.analysisSessionId === fresh.id)).toBe(false);
      // The sweep runs every minute on every worker set-up.
      expect(SCHEDULES.find((entry) => entry.queue === "ocr" && entry.job === "sweep")?.repeat).toEqual({
        every: 60_000,
      });
    } finally {
      await close(["ocr"]);
    }
  });

  it("reports/sweep re-queues an on-demand report whose job was lost, once; the report written marks the request done", async () => {
    const now = new Date();
    const { deps, queues, close } = createTestDeps({
      prefix: testPrefix("lost-report"),
      db: handle.db,
      now: () => now,
    });
    try {
      const user = await handle.db.user.create({ data: { email: `lost-report-${Date.now()}@example.com` } });
      const periodEnd = Math.floor(now.getTime() / 60_000) * 60_000 - 120_000;
      // What POST /reports records and queues, for three requests: one whose job the failover lost, one whose
      // job Redis still holds, and one asked seconds ago (the API may be between its write and its enqueue).
      const request = async (type: "TWO_DAY" | "SEVEN_DAY" | "TWENTY_ONE_DAY", at: Date, queued: boolean) => {
        const data = { userId: user.id, type, periodEnd };
        const jobId = reportJobId(user.id, type, periodEnd);
        await handle.db.reminderSchedule.create({
          data: { userId: user.id, kind: "REPORT", queueName: "reports", jobId, payload: data, nextRunAt: at },
        });
        if (queued) await queues.enqueue("reports", "generate", data, { jobId });
        return { data, jobId };
      };
      const stale = new Date(now.getTime() - REPORT_SWEEP_AFTER_MS - 60_000);
      const lost = await request("SEVEN_DAY", stale, true);
      await (await queues.queue("reports").getJob(lost.jobId))!.remove(); // lost in the failover
      const held = await request("TWO_DAY", stale, true);
      await request("TWENTY_ONE_DAY", new Date(now.getTime() - 5_000), false);

      expect(await processReportSweep(job({}), deps)).toEqual({ requested: 2, queued: 1, invalid: 0, expired: 0 });
      expect(await processReportSweep(job({}), deps)).toEqual({ requested: 2, queued: 0, invalid: 0, expired: 0 });
      const jobs = await queues.queue("reports").getJobs(["waiting", "delayed", "active", "prioritized"]);
      expect(jobs.map((entry) => entry.id).sort()).toEqual([lost.jobId, held.jobId].sort());
      expect(jobs.find((entry) => entry.id === lost.jobId)?.data).toEqual(lost.data);

      // The worker runs the queued job: the report is written and the request is done.
      const requeued = jobs.find((entry) => entry.id === lost.jobId)!;
      await processReportGenerate(requeued, deps);
      await requeued.remove(); // even once Redis no longer holds the finished job, it is not queued again
      expect(await processReportSweep(job({}), deps)).toEqual({ requested: 1, queued: 0, invalid: 0, expired: 0 });
      expect(await handle.db.report.count({ where: { userId: user.id, type: "SEVEN_DAY" } })).toBe(1);
      const rows = await handle.db.reminderSchedule.findMany({
        where: { userId: user.id },
        select: { jobId: true, status: true },
        orderBy: { jobId: "asc" },
      });
      expect(rows.find((row) => row.jobId === lost.jobId)?.status).toBe("COMPLETED");
      expect(rows.filter((row) => row.status === "ACTIVE")).toHaveLength(2);

      // A request a day old whose report never came (its job failed for good, or keeps failing) is given up, not queued again.
      const askedLongAgo = new Date(now.getTime() - REPORT_REQUEST_EXPIRES_MS - 60_000);
      const abandoned = { userId: user.id, type: "SEVEN_DAY" as const, periodEnd: askedLongAgo.getTime() };
      const abandonedJobId = reportJobId(user.id, abandoned.type, abandoned.periodEnd);
      await handle.db.reminderSchedule.create({
        data: {
          userId: user.id,
          kind: "REPORT",
          queueName: "reports",
          jobId: abandonedJobId,
          payload: abandoned,
          nextRunAt: askedLongAgo,
        },
      });
      expect(await processReportSweep(job({}), deps)).toMatchObject({ requested: 2, queued: 0, expired: 1 });
      expect(await handle.db.reminderSchedule.findFirst({ where: { jobId: abandonedJobId } })).toMatchObject({
        status: "FAILED",
        lastError: "the report was not written within a day of the request",
      });
      expect(await processReportSweep(job({}), deps)).toMatchObject({ requested: 1, expired: 0 });
      expect(SCHEDULES.find((entry) => entry.queue === "reports" && entry.job === "sweep")?.repeat).toEqual({
        every: 60_000,
      });
    } finally {
      await close(["reports"]);
    }
  });

  it("a story's generate job lost after the weekly fan-out is queued again by the next day's run, under the same id", async () => {
    const monday = new Date("2026-11-30T06:00:00Z");
    const tuesday = new Date("2026-12-01T06:00:00Z");
    let now = monday;
    const { deps, queues, close } = createTestDeps({ prefix: testPrefix("lost-story"), db: handle.db, now: () => now });
    try {
      const user = await handle.db.user.create({
        data: { email: `lost-story-${Date.now()}@example.com`, createdAt: new Date("2026-10-01Z"), lastSeenAt: monday },
      });
      const mine = async () =>
        (await queues.queue("stories").getJobs(["waiting"])).filter((entry) => entry.data.userId === user.id);
      await processStorySchedule(job({ kind: "week" as const }), deps);
      const [first] = await mine();
      expect(first?.id).toBe(storyJobId(user.id, "2026-W48"));
      await first!.remove(); // lost in the failover
      now = tuesday;
      await processStorySchedule(job({ kind: "week" as const }), deps);
      await processStorySchedule(job({ kind: "week" as const }), deps);
      expect((await mine()).map((entry) => entry.id)).toEqual([storyJobId(user.id, "2026-W48")]);
      // The monthly story fan-out runs every day (minute, hour, then "* * *"), not only on the 1st; last
      // week's story is each user's schedule row (user-schedules.test).
      for (const id of ["stories-monthly"]) {
        const repeat = SCHEDULES.find((entry) => entry.id === id)?.repeat;
        expect(repeat && "pattern" in repeat ? repeat.pattern.split(" ").slice(2) : null, id).toEqual(["*", "*", "*"]);
      }
    } finally {
      await close(["stories"]);
    }
  });

  it("a periodic job whose next run a failover dropped runs again after the schedulers' resync, each period once", async () => {
    const memory = memoryLogger();
    const prefix = testPrefix("lost-scheduler");
    const { deps, queues, close } = createTestDeps({ prefix, db: handle.db, log: memory.log });
    const runtime = startRuntime({
      deps,
      redis: REDIS_URL,
      prefix,
      registry: [register("mail", "sweep", processMailSweep)],
      schedules: [schedule("lost-sweep", "mail", "sweep", { every: 500 }, {})],
      concurrency: 1,
      lockDuration: 5_000,
      stalledInterval: 5_000,
      resyncSchedulesMs: 1_000,
    });
    const runs = () =>
      memory.lines
        .filter((line) => line.msg === "job completed" && line.job === "sweep")
        .map((line) => String(line.jobId));
    const queue = queues.queue("mail");
    const pending = async () =>
      (await queue.getJobs(["delayed", "waiting", "prioritized"])).filter((entry) =>
        entry.id?.startsWith("repeat:lost-sweep:"),
      );
    try {
      await runtime.schedulersReady;
      await waitFor(
        async () => runs().length,
        (count) => count >= 2,
        15_000,
        50,
      );
      // The failover: the next run's job and its place in the delayed set are gone, as if never written.
      const redis = createProducerConnection(REDIS_URL);
      try {
        await new Promise((resolve) => redis.once("ready", resolve));
        const lost = await pending();
        expect(lost).toHaveLength(1);
        for (const next of lost) {
          await redis.zrem(queue.keys.delayed!, next.id!);
          await redis.del(queue.toKey(next.id!));
        }
      } finally {
        redis.disconnect();
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
      const before = runs().length;
      await waitFor(
        async () => runs().length,
        (count) => count >= before + 2,
        15_000,
        50,
      );
      expect((await pending()).length).toBe(1);
      const periods = runs().map((id) => Number(id.split(":").at(-1)));
      expect(new Set(periods).size).toBe(periods.length);
    } finally {
      await runtime.close();
      await close(["mail"]);
    }
  }, 60_000);
});
