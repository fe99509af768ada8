import { afterAll, describe, expect, it } from "vitest";

import { createTestDeps, memoryLogger, REDIS_URL, testPrefix, waitFor } from "../test/deps.ts";
import { register } from "./jobs/processor.ts";
import { schedule } from "./jobs/schedules.ts";
import { startRuntime } from "./runtime.ts";

describe("worker runtime", () => {
  const prefix = testPrefix("runtime");
  const { log, lines } = memoryLogger();
  const { deps, queues, close } = createTestDeps({ prefix, log });
  const seen: Array<{ name: string; data: unknown }> = [];
  let release: () => void = () => undefined;

  const registry = [
    register("metrics", "consistency", async (job, jobDeps) => {
      seen.push({ name: job.name, data: job.data });
      jobDeps.log.info("consistency computed", { windowDays: job.data.windowDays });
      return { windowDays: job.data.windowDays };
    }),
    register("maintenance", "cleanup-expired", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return "drained";
    }),
  ];
  const runtime = startRuntime({
    deps,
    redis: REDIS_URL,
    prefix,
    registry,
    schedules: [schedule("test-cleanup", "maintenance", "cleanup-expired", { every: 3_600_000 }, {})],
    concurrency: 2,
    lockDuration: 5_000,
    stalledInterval: 5_000,
  });
  afterAll(async () => {
    await runtime.close();
    await close(["metrics", "maintenance"]);
  });

  it("runs one Worker per queue with a processor, and refuses a job registered twice", () => {
    expect([...runtime.workers.keys()].sort()).toEqual(["maintenance", "metrics"]);
    expect(() =>
      startRuntime({
        deps,
        redis: REDIS_URL,
        prefix,
        registry: [registry[0]!, registry[0]!],
        concurrency: 1,
        lockDuration: 5_000,
        stalledInterval: 5_000,
      }),
    ).toThrow(/registered twice/);
    expect(() => register("metrics", "nope" as "consistency", async () => undefined)).toThrow(/has no job "nope"/);
  });

  it("dispatches by job name with the payload validated and its defaults filled in", async () => {
    const userId = crypto.randomUUID();
    const { id } = await queues.enqueue("metrics", "consistency", { userId, date: "2026-12-01" });
    const job = await waitFor(
      async () => queues.queue("metrics").getJob(id),
      (value) => Boolean(value?.finishedOn),
    );
    expect(job?.returnvalue).toEqual({ windowDays: 7 });
    expect(seen).toContainEqual({ name: "consistency", data: { userId, date: "2026-12-01", windowDays: 7 } });
    expect(lines.some((line) => line.msg === "job completed" && line.jobId === id && line.queue === "metrics")).toBe(
      true,
    );
    // The processor's own lines carry its queue, job, job id and attempt.
    expect(lines.filter((line) => line.msg === "consistency computed" && line.jobId === id)).toEqual([
      expect.objectContaining({ queue: "metrics", job: "consistency", attempt: 1, windowDays: 7, level: "info" }),
    ]);
  });

  it("fails a payload that breaks its contract, and an unknown job, at once without retries, and logs it", async () => {
    const before = seen.length;
    // Bypasses the validating producer, as a foreign or outdated producer would.
    const bad = await queues
      .queue("metrics")
      .add("consistency", { userId: "nope", date: "yesterday" }, { attempts: 5 });
    const unknown = await queues.queue("metrics").add("mystery", {}, { attempts: 5 });
    for (const id of [bad.id!, unknown.id!]) {
      const job = await waitFor(
        async () => queues.queue("metrics").getJob(id),
        (value) => Boolean(value?.failedReason),
      );
      expect(job?.attemptsMade).toBe(1);
      expect(await job?.getState()).toBe("failed");
    }
    expect((await queues.queue("metrics").getJob(bad.id!))?.failedReason).toMatch(/does not match its contract/);
    expect((await queues.queue("metrics").getJob(unknown.id!))?.failedReason).toMatch(
      /no processor for metrics\/mystery/,
    );
    expect(seen.length).toBe(before);
    expect(lines.filter((line) => line.msg === "job failed" && line.level === "error").length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it("upserts the job schedulers once, however often it starts", async () => {
    await runtime.schedulersReady;
    await startRuntime({
      deps,
      redis: REDIS_URL,
      prefix,
      registry: [],
      schedules: [schedule("test-cleanup", "maintenance", "cleanup-expired", { every: 3_600_000 }, {})],
      concurrency: 1,
      lockDuration: 5_000,
      stalledInterval: 5_000,
    }).schedulersReady;
    const schedulers = await queues.queue("maintenance").getJobSchedulers();
    expect(schedulers.map((entry) => [entry.key, entry.name, entry.every])).toEqual([
      ["test-cleanup", "cleanup-expired", 3_600_000],
    ]);
  });

  it("drains on close: an active job finishes before close resolves", async () => {
    // The scheduler's first run is the active job: it waits until released.
    const active = await waitFor(
      async () => queues.queue("maintenance").getActive(),
      (jobs) => jobs.length > 0,
    );
    expect(active).toHaveLength(1);
    let closed = false;
    const closing = runtime.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    release();
    await closing;
    const job = await queues.queue("maintenance").getJob(active[0]!.id!);
    expect(job?.returnvalue).toBe("drained");
  });
});
