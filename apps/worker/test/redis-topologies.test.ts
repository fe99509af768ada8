import { describe, expect, it } from "vitest";

import { commitmentTarget, reminderJobId, syncReminder } from "@cto/core/reminders";
import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";
import {
  deleteKeys,
  exclusively,
  failOverClusterMaster,
  failOverSentinelMaster,
  TOPOLOGIES,
  topologyAvailable,
  type TTopology,
} from "@cto/queue/testing";

import { RECONCILE_SCHEDULE_ID, SCHEDULES } from "../src/jobs/schedules.ts";
import { REDIS_URL, testPrefix, waitFor } from "./deps.ts";
import { useWorkerProcesses, type TWorkerProcess } from "./processes.ts";

// The worker on a Redis Cluster and behind Sentinel (issue 15, §3), as real processes on the local
// cluster and sentinel set that tooling/scripts/ensure-redis-*.sh start: a master fails over in the
// middle of a load of reminders, and none is lost or delivered twice; periodic jobs run once per period
// with two workers. Real PostgreSQL, like the other process tests.
const postgres = testTargets().find((target) => target.name === "postgres");
const ci = Boolean(process.env.CI);
const available = {
  cluster: await topologyAvailable("cluster", { ci }),
  sentinel: await topologyAvailable("sentinel", { ci }),
};

// Stalls noticed within seconds, reminders whose enqueue Redis refused mid-failover re-enqueued every second.
const FAST = { WORKER_LOCK_DURATION_MS: "5000", WORKER_STALLED_INTERVAL_MS: "1000", WORKER_RECONCILE_EVERY_MS: "1000" };
const RECONCILE_EVERY_MS = 1_000;
// Worker processes start in seconds, or in half a minute on a loaded machine; a failover may wait its turn.
const SLOW = { timeout: 300_000 };

describe.skipIf(!postgres)("the worker on Redis beyond one node", () => {
  const handle = useMigratedDatabase(postgres!);
  const db = (): Db => handle.db;
  const { start, cleanups } = useWorkerProcesses();

  /** The API's side: a fail-fast producer from the factory, on `kind`, under a prefix of this test's own. */
  const producer = async (kind: TTopology, prefix: string) => {
    const connection = createProducerConnection(TOPOLOGIES[kind].target);
    connection.on("error", () => undefined);
    const queues = createQueues({ connection, prefix });
    cleanups.push(async () => {
      await queues.close();
      await deleteKeys(connection, prefix);
      connection.disconnect();
    });
    // Fail-fast: a write before the first connection is made would be refused (and left to the reconcile).
    await new Promise((resolve) => (connection.status === "ready" ? resolve(null) : connection.once("ready", resolve)));
    return queues;
  };
  const worker = (kind: TTopology, prefix: string, env: Record<string, string> = {}) =>
    start({ DATABASE_URL: handle.database.url, WORKER_QUEUE_PREFIX: prefix, ...TOPOLOGIES[kind].env, ...FAST, ...env });

  let users = 0;
  /** Commitments with these reminder times, written as the API writes them (schedule row, then the job). */
  const remindersDue = async (queues: TQueues, times: number[]) => {
    const user = await db().user.create({ data: { email: `topologies-${Date.now()}-${users++}@example.com` } });
    const rows: Array<{ id: string; jobId: string; enqueued: boolean }> = [];
    // A few at a time, as concurrent API requests would write them.
    for (let offset = 0; offset < times.length; offset += 5) {
      const batch = times.slice(offset, offset + 5).map(async (at, index) => {
        const row = await db().commitment.create({
          data: { userId: user.id, title: `Commitment ${offset + index}`, remindAt: new Date(at) },
        });
        const sync = await syncReminder({ db: db(), queues, target: commitmentTarget(row) });
        return { id: row.id, jobId: reminderJobId("commitment", row.id, row.remindAt!), enqueued: sync.enqueued };
      });
      rows.push(...(await Promise.all(batch)));
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
  const completed = (processes: TWorkerProcess[], job: string) =>
    processes.flatMap((process) =>
      process.lines
        .filter((line) => line.msg === "job completed" && line.job === job)
        .map((line) => String(line.jobId)),
    );

  /**
   * Every reminder has exactly one message and a completed schedule. `jobsKept`: Redis also kept every
   * job until it was done: no job completed twice, and each job still there completed in one process;
   * the others were dropped by the batch that took their reminders along (see the worker's README,
   * "Taking due reminders along"). A Sentinel failover does not promise that: what the old
   * master took after the promotion and before its demotion is dropped (asynchronous replication). The
   * database holds the truth either way: the reconcile re-adds a job whose schedule is still ACTIVE,
   * and the claim on the schedule makes a rerun of a delivered reminder a no-op.
   */
  const expectEachDeliveredOnce = async ({
    queues,
    processes,
    reminders,
    jobsKept,
  }: {
    queues: TQueues;
    processes: TWorkerProcess[];
    reminders: Array<{ id: string; jobId: string }>;
    jobsKept: boolean;
  }) => {
    const ids = reminders.map((reminder) => reminder.id);
    const schedules = () =>
      db()
        .reminderSchedule.findMany({ where: { commitmentId: { in: ids } }, select: { status: true } })
        .then((rows) => rows.map((row) => row.status));
    await waitFor(
      schedules,
      (statuses) => statuses.length === ids.length && statuses.every((status) => status === "COMPLETED"),
      60_000,
      250,
    );
    // The message commits just before its job completes: wait for the jobs to be marked done (or
    // dropped), then count.
    const jobs = jobsKept
      ? await waitFor(
          () => Promise.all(reminders.map(({ jobId }) => queues.queue("reminders").getJob(jobId))),
          (found) => found.every((job) => !job || job.finishedOn),
          30_000,
          250,
        )
      : [];
    // Let a late duplicate show itself.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await messageCounts(ids)).toEqual(ids.map(() => 1));
    expect(await schedules()).toEqual(ids.map(() => "COMPLETED"));
    const runs = completed(processes, "due");
    if (jobsKept) {
      // A job that had completed (finding its reminder delivered by another's batch) may be dropped too.
      const jobIds = reminders.map((reminder) => reminder.jobId);
      expect(new Set(runs).size).toBe(runs.length);
      expect(runs.filter((jobId) => !jobIds.includes(jobId))).toEqual([]);
      expect(jobIds.filter((jobId, index) => jobs[index] && !runs.includes(jobId))).toEqual([]);
    }
  };

  it.skipIf(!available.cluster)(
    "Redis Cluster, two workers, the reminders master fails over mid-load: every reminder delivered once, each periodic job once per period",
    SLOW,
    () =>
      exclusively("cluster", REDIS_URL, async () => {
        const prefix = testPrefix("cluster");
        const queues = await producer("cluster", prefix);
        const started = Date.now();
        const pair = await Promise.all([worker("cluster", prefix), worker("cluster", prefix)]);
        const due = Date.now() + 2_000;
        const before = await remindersDue(
          queues,
          Array.from({ length: 24 }, (_, index) => due + index * 100),
        );
        expect(before.every((reminder) => reminder.enqueued)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due + 1_000 - Date.now())));
        // The master of the reminders queue's slot hands over to its replica while reminders fall due.
        const failover = failOverClusterMaster(queues.queue("reminders").keys.wait!);
        const during = await remindersDue(
          queues,
          Array.from({ length: 10 }, (_, index) => Date.now() + index * 50),
        );
        const { from, to } = await failover;
        expect(to).not.toBe(from);

        await expectEachDeliveredOnce({ queues, processes: pair, reminders: [...before, ...during], jobsKept: true });

        // Both workers declared every scheduler; Redis holds each once, with one next run. A worker whose
        // upsert met the failover retries it after a back-off, so its line may come a little later.
        const upserted = () =>
          pair.every((process) => process.lines.some((line) => line.msg === "job schedulers upserted"));
        expect(await waitFor(async () => upserted(), Boolean, 30_000, 250)).toBe(true);
        const scheduled = [...new Set(SCHEDULES.map((entry) => entry.queue))];
        const declared = (await Promise.all(scheduled.map((name) => queues.queue(name).getJobSchedulers())))
          .flat()
          .map((scheduler) => scheduler.key);
        expect(declared.sort()).toEqual(SCHEDULES.map((entry) => entry.id).sort());
        const pending = (
          await Promise.all(scheduled.map((name) => queues.queue(name).getJobs(["delayed", "waiting", "prioritized"])))
        )
          .flat()
          .map((job) => job.id!);
        for (const entry of SCHEDULES)
          expect(
            pending.filter((id) => id.startsWith(`repeat:${entry.id}:`)),
            entry.id,
          ).toHaveLength(1);
        // The reconcile runs about once a second between the two: each run names its period, none twice, none
        // closer than a period. At least three of them: a scheduler whose upsert met the failover starts after
        // the worker's back-off, so under load the third may come a little after the reminders.
        const reconcilePeriods = () =>
          completed(pair, "reconcile")
            .filter((id) => id.startsWith(`repeat:${RECONCILE_SCHEDULE_ID}:`))
            .map((id) => Number(id.split(":").at(-1)))
            .sort((a, b) => a - b);
        await waitFor(
          async () => reconcilePeriods(),
          (found) => found.length >= 3,
          30_000,
          250,
        );
        const periods = reconcilePeriods();
        expect(new Set(periods).size).toBe(periods.length);
        expect(periods.slice(1).every((period, index) => period - periods[index]! >= RECONCILE_EVERY_MS)).toBe(true);
        expect(periods.length).toBeGreaterThanOrEqual(3);
        expect(periods.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / RECONCILE_EVERY_MS) + 1);
      }),
  );

  it.skipIf(!available.sentinel)(
    "Redis Sentinel, the master fails over mid-load: every reminder delivered once",
    SLOW,
    () =>
      exclusively("sentinel", REDIS_URL, async () => {
        const prefix = testPrefix("sentinel");
        const queues = await producer("sentinel", prefix);
        const processes = [await worker("sentinel", prefix, { WORKER_QUEUES: "reminders" })];
        const due = Date.now() + 1_500;
        const before = await remindersDue(
          queues,
          Array.from({ length: 24 }, (_, index) => due + index * 100),
        );
        expect(before.every((reminder) => reminder.enqueued)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due + 1_000 - Date.now())));
        const failover = failOverSentinelMaster();
        // Written while the sentinels move the master: an enqueue the old master refuses is the reconcile's to redo.
        const during = await remindersDue(
          queues,
          Array.from({ length: 10 }, (_, index) => Date.now() + index * 50),
        );
        const { from, to } = await failover;
        expect(to).not.toBe(from);
        await expectEachDeliveredOnce({ queues, processes, reminders: [...before, ...during], jobsKept: false });
      }),
  );
});
