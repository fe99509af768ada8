import { Job, UnrecoverableError, Worker } from "bullmq";

import type { TQueueName } from "@cto/contracts/queues";
import { createWorkerConnection, isConnectionError, reconnectDelay, type TRedisTarget } from "@cto/queue/connection";
import { queuePrefix } from "@cto/queue/queues";

import type { TWorkerDeps } from "./deps.ts";
import type { TRegistration } from "./jobs/processor.ts";
import type { TSchedule } from "./jobs/schedules.ts";
import { lazyChild } from "./log.ts";
import { meteredAi, observeJob } from "./metrics.ts";

export type TRuntimeOptions = {
  deps: TWorkerDeps;
  /** Where Redis is: a URL, or a cluster or sentinel target (`@cto/queue/config`). */
  redis: string | TRedisTarget;
  prefix: string;
  registry: TRegistration[];
  schedules?: TSchedule[];
  /** Serve only these queues (default: every queue with a processor). */
  only?: TQueueName[];
  concurrency: number;
  queueOptions?: Partial<Record<TQueueName, { concurrency?: number }>>;
  lockDuration: number;
  stalledInterval: number;
  /**
   * How long `close` waits for running jobs before handing them back to the queue, where another worker
   * takes them at once instead of after their locks expire. Less than the deployment's stop grace.
   */
  drainMs?: number;
  /**
   * How often the schedulers are upserted again after the first time. Redis replicates asynchronously: a
   * failover can drop a scheduler's next run (written as its current run starts), and nothing else would
   * ever add one. An upsert puts a lost run back and leaves a present one where it is (BullMQ replaces it
   * at the same time), so each period still runs once.
   */
  resyncSchedulesMs?: number;
};

/** Schedulers upserted again this often by default: a run a failover dropped comes back within it. */
export const DEFAULT_RESYNC_SCHEDULES_MS = 5 * 60_000;

/** What `close` waits for running jobs by default: well inside the 30 s stop grace of `pnpm start:prod`. */
export const DEFAULT_DRAIN_MS = 20_000;

export type TRuntime = {
  workers: Map<TQueueName, Worker>;
  /** Resolves once every scheduler is upserted (retried in the background while Redis is away). */
  schedulersReady: Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish; says how many it handed back after `drainMs`. */
  close: () => Promise<{ handedBack: number }>;
};

const groupByQueue = (registry: TRegistration[]) => {
  const byQueue = new Map<TQueueName, Map<string, TRegistration>>();
  for (const entry of registry) {
    const jobs = byQueue.get(entry.queue) ?? new Map<string, TRegistration>();
    if (jobs.has(entry.job)) throw new Error(`registry: ${entry.queue}/${entry.job} is registered twice`);
    byQueue.set(entry.queue, jobs.set(entry.job, entry));
  }
  return byQueue;
};

/**
 * One BullMQ Worker per queue, each on its own waiting connection, dispatching by job name through
 * the registry. A killed process's jobs are not lost: their locks expire after `lockDuration` and
 * another (or the restarted) worker picks them up as stalled; processors are idempotent, so the
 * second run finishes the work without doing it twice.
 */
export const startRuntime = (options: TRuntimeOptions): TRuntime => {
  const {
    deps,
    redis,
    prefix,
    registry,
    schedules = [],
    only,
    concurrency,
    queueOptions = {},
    lockDuration,
    stalledInterval,
    drainMs = DEFAULT_DRAIN_MS,
    resyncSchedulesMs = DEFAULT_RESYNC_SCHEDULES_MS,
  } = options;
  const byQueue = groupByQueue(registry);
  const workers = new Map<TQueueName, Worker>();
  let closing = false;
  // The jobs running here, with the token of their lock, for the hand-back at close.
  const running = new Map<Job, string | undefined>();

  for (const [queue, jobs] of byQueue) {
    if (only?.length && !only.includes(queue)) continue;
    const log = deps.log.child({ queue });
    const connection = createWorkerConnection(redis);
    // An unreachable Redis is reported once per attempt by the deps' watchRedis; these only add other errors.
    connection.on(
      "error",
      (error) => isConnectionError(error) || log.warn("worker redis error", { error: error.message }),
    );
    const metered = meteredAi(deps.ai, queue);
    const processor = async (job: Job, token?: string) => {
      const entry = jobs.get(job.name);
      if (!entry) throw new UnrecoverableError(`no processor for ${queue}/${job.name}`);
      const started = performance.now();
      let outcome: "completed" | "failed" = "failed";
      running.set(job, token);
      try {
        const result = await entry.run(job, {
          ...deps,
          ai: metered,
          log: lazyChild(log, { job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 }),
        });
        outcome = "completed";
        return result;
      } finally {
        running.delete(job);
        observeJob({ queue, job: job.name, outcome, seconds: (performance.now() - started) / 1_000 });
      }
    };
    const worker = new Worker(queue, processor, {
      connection,
      // The producer side (deps.queues) names the same keys: on a cluster, one hash tag per queue.
      prefix: queuePrefix(prefix, queue, connection),
      concurrency: queueOptions[queue]?.concurrency ?? concurrency,
      lockDuration,
      stalledInterval,
      // A job whose worker died twice in a row is failed rather than retried forever; it stays retryable in Bull Board.
      maxStalledCount: 2,
    });
    worker.on("failed", (job, error) =>
      log.error("job failed", {
        job: job?.name,
        jobId: job?.id,
        attempt: job?.attemptsMade,
        attempts: job?.opts.attempts,
        error: error.message,
      }),
    );
    worker.on("stalled", (jobId) => log.warn("job stalled, put back for another attempt", { jobId }));
    worker.on("error", (error) => isConnectionError(error) || log.error("worker error", { error: error.message }));
    worker.on("completed", (job) =>
      log.info("job completed", {
        job: job.name,
        jobId: job.id,
        ms: (job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now()),
      }),
    );
    workers.set(queue, worker);
    worker.on("closed", () => connection.disconnect());
  }

  const upsertSchedules = async () => {
    for (let attempt = 1; !closing; attempt += 1) {
      try {
        const mine = schedules.filter((entry) => !only?.length || only.includes(entry.queue));
        for (const entry of mine)
          await deps.queues
            .queue(entry.queue)
            .upsertJobScheduler(entry.id, entry.repeat, { name: entry.job, data: entry.data });
        if (mine.length) deps.log.info("job schedulers upserted", { ids: mine.map((entry) => entry.id) });
        return;
      } catch (error) {
        if (!isConnectionError(error))
          deps.log.warn("job schedulers not upserted yet, retrying", { attempt, error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt)));
      }
    }
  };
  const schedulersReady = upsertSchedules();
  let resyncing = false;
  const resync = setInterval(() => {
    if (resyncing || closing) return;
    resyncing = true;
    void schedulersReady.then(upsertSchedules).finally(() => {
      resyncing = false;
    });
  }, resyncSchedulesMs);
  resync.unref();

  return {
    workers,
    schedulersReady,
    close: async () => {
      closing = true;
      clearInterval(resync);
      // No new jobs (pausing does not wait for the running ones; closing would, with no way to stop waiting).
      await Promise.all([...workers.values()].map((worker) => worker.pause(true)));
      const deadline = Date.now() + drainMs;
      while (running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      if (running.size === 0) {
        await Promise.all([...workers.values()].map((worker) => worker.close()));
        return { handedBack: 0 };
      }
      // Closed first (not waiting for the jobs), so that this process cannot take one back; then each goes
      // back to its queue through the producer's connection. Processors are idempotent, so a job handed back
      // while its processor still runs here is safe to run elsewhere; the process must then exit, which
      // rolls back whatever it has not committed.
      const late = [...running];
      await Promise.all([...workers.values()].map((worker) => worker.close(true)));
      const handBack = async ([job, token]: [Job, string | undefined]) => {
        const stored = await Job.fromId(deps.queues.queue(job.queueName as TQueueName), job.id!);
        await stored?.moveToWait(token);
        return job.id;
      };
      const handedBack = (await Promise.all(late.map((entry) => handBack(entry).catch(() => null)))).filter(Boolean);
      deps.log.warn("jobs still running after the drain: handed back for another worker", {
        jobs: handedBack,
        drainMs,
      });
      return { handedBack: handedBack.length };
    },
  };
};
