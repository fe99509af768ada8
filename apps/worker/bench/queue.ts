// pnpm bench:queue — reminders delivered per second end to end (their `reminders/due` jobs → state
// checks → one statement claiming the schedules and writing the proactive messages and the commitments,
// shared by the reminders due together and those taken along, whose jobs are then dropped), timed until
// the queue holds none of their jobs, next to no-op BullMQ jobs per second on the same Redis, at
// concurrency 1 and 16, on real PostgreSQL. The ratio says what a reminder's
// database work and the worker's own handling of a job cost over BullMQ's overhead (issue 16's target:
// at least 1/2 at concurrency 16). Between the two, the same jobs on the reminders queue through the
// worker's runtime with a processor that does nothing: what the runtime's handling of a job (payload
// check, metrics, the log line, the queue's kept completed jobs) leaves for a reminder's own work.
// The reminders belong to 200 users in different timezones, as reminders due on the hour would. Each
// concurrency runs one round of the three untimed first (a cold first no-op ran at two thirds of the
// rate of the rounds after it, which made the first round's share the highest), then BENCH_ROUNDS rounds,
// one after the other: the table gives the round with the median share, since no-op rates alone move by
// a fifth between rounds on a shared machine.
// Env: TEST_DATABASE_URL (admin URL, default local postgres), REDIS_URL, BENCH_JOBS (default 10,000 per
// run), BENCH_CONCURRENCY (one concurrency instead of 1 and 16), BENCH_ROUNDS (default 3), BENCH_CPU_PROF (a
// folder: one more round, not counted, writes there a CPU profile of each phase's timed part).
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import path from "node:path";

import { Queue, Worker } from "bullmq";

import { commitmentTarget, REMINDER_QUEUE, reminderJobId, reminderJobOptions, syncReminder } from "@cto/core/reminders";
import { createDb } from "@cto/db/client";
import { createPostgresTestDatabase, probePostgres } from "@cto/db/testing";
import { createProducerConnection, createWorkerConnection } from "@cto/queue/connection";

import { register } from "../src/jobs/processor.ts";
import { processReminderDue } from "../src/jobs/reminders.due.ts";
import { createLogger } from "../src/log.ts";
import { startRuntime } from "../src/runtime.ts";
import { createTestDeps } from "../test/deps.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// No-op jobs run at 10,000-20,000/s on a quiet machine: fewer than 10,000 are over too soon to time.
const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const CONCURRENCIES = process.env.BENCH_CONCURRENCY ? [Number(process.env.BENCH_CONCURRENCY)] : [1, 16];
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const USERS = 200;
const TIMEZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney", "America/Sao_Paulo"];
// Every phase is bounded: a stuck run reports what it did instead of hanging.
const PHASE_LIMIT_MS = 120_000;
const profileDir = process.env.BENCH_CPU_PROF;

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:queue needs PostgreSQL with pgvector: ${probe.reason}`);
  process.exit(1);
}
console.log(
  `bench:queue: ${JOBS} jobs per run, PostgreSQL ${new URL(adminUrl).host}, Redis ${new URL(redisUrl).host}; creating a migrated database…`,
);
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const db = createDb({ url: database.url, log: ["error"], maxConnections: 20 });
// ANALYZE is the owner's: the app's role may not gather statistics.
const owner = createDb({ url: database.url, role: null, log: ["error"] });
const prefix = `cto-bench-${process.pid}-${Date.now()}`;
const connection = createProducerConnection(redisUrl);
// The worker's real dependencies (local AI, lazy storage and OCR, unused here) with a silent log.
const { deps, queues, close: closeDeps } = createTestDeps({ prefix, db, log: createLogger({}, () => undefined) });

// The one process runs BullMQ, the runtime and the reminders' code: an in-process profiler sees all three.
const profiler = profileDir ? new Session() : null;
if (profiler) {
  mkdirSync(profileDir!, { recursive: true });
  profiler.connect();
  await profiler.post("Profiler.enable");
}
/** Set to a file name for the phases whose timed part is profiled. */
let profileAs: string | null = null;

/** Runs a phase's timed part, under the profiler when this phase is profiled. */
const profiled = async <T>(concurrency: number, timed: () => Promise<T>): Promise<T> => {
  const profiling = profiler && profileAs ? profileAs : null;
  if (profiling) await profiler!.post("Profiler.start");
  const result = await timed();
  if (profiling) {
    const { profile } = await profiler!.post("Profiler.stop");
    writeFileSync(path.join(profileDir!, `${profiling}-${concurrency}.cpuprofile`), JSON.stringify(profile));
  }
  return result;
};

/** Resumes the worker and resolves with jobs per second once `total` completions were counted (or the phase limit passed). */
const timeRun = (worker: Worker, total: number, start: () => void = () => undefined) =>
  profiled(worker.opts.concurrency ?? 1, () => countCompletions(worker, total, start));

const countCompletions = (worker: Worker, total: number, start: () => void) =>
  new Promise<{ perSecond: number; completed: number }>((resolve) => {
    let completed = 0;
    const started = performance.now();
    const finish = () => resolve({ perSecond: (completed / (performance.now() - started)) * 1000, completed });
    const limit = setTimeout(finish, PHASE_LIMIT_MS);
    worker.on("completed", () => {
      completed += 1;
      if (completed === total) {
        clearTimeout(limit);
        finish();
      }
    });
    worker.on("failed", (_job, error) => console.error(`  job failed: ${error.message}`));
    start();
  });

/**
 * Reminders per second, from the worker's start until the queue holds none of their jobs (each job either
 * completed after its batch committed, or was dropped after the batch that took its reminder along
 * committed), counting the reminders delivered by then.
 */
const timeReminders = (worker: Worker, delivered: () => Promise<number>) =>
  profiled(worker.opts.concurrency ?? 1, async () => {
    let jobsRun = 0;
    worker.on("completed", () => {
      jobsRun += 1;
    });
    worker.on("failed", (_job, error) => console.error(`  job failed: ${error.message}`));
    const queue = queues.queue(REMINDER_QUEUE);
    const started = performance.now();
    let elapsed = 0;
    for (;;) {
      const counts = await queue.getJobCounts("waiting", "prioritized", "active", "delayed");
      elapsed = performance.now() - started;
      if (Object.values(counts).every((count) => count === 0) || elapsed > PHASE_LIMIT_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const count = await delivered();
    return { perSecond: (count / elapsed) * 1000, delivered: count, jobsRun };
  });

const noop = async (concurrency: number) => {
  const name = `bench-noop-${concurrency}`;
  const queue = new Queue(name, { connection, prefix });
  await queue.addBulk(
    Array.from({ length: JOBS }, (_, index) => ({ name: "noop", data: { index }, opts: { removeOnComplete: true } })),
  );
  const worker = new Worker(name, async () => null, {
    connection: createWorkerConnection(redisUrl),
    prefix,
    concurrency,
    autorun: false,
  });
  const result = await timeRun(worker, JOBS, () => void worker.run());
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return result;
};

/** The reminders queue's own jobs through the worker's runtime, to a processor that does nothing. */
const runtimeNoop = async (concurrency: number) => {
  const userId = crypto.randomUUID();
  const remindAt = Date.now();
  await queues.queue("reminders").addBulk(
    Array.from({ length: JOBS }, () => {
      const data = { kind: "commitment" as const, entityId: crypto.randomUUID(), userId, remindAt };
      return { name: "due", data, opts: reminderJobOptions(data, new Date(remindAt)) };
    }),
  );
  const runtime = startRuntime({
    deps,
    redis: redisUrl,
    prefix,
    registry: [register("reminders", "due", async () => null)],
    concurrency,
    lockDuration: 30_000,
    stalledInterval: 30_000,
  });
  const result = await timeRun(runtime.workers.get("reminders")!, JOBS);
  await runtime.close();
  await queues.queue("reminders").obliterate({ force: true });
  return result;
};

let round = 0;
const reminders = async (concurrency: number) => {
  round += 1;
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: USERS }, (_, index) => ({
      email: `bench-${round}-${index}@example.com`,
      preferences: { timezone: TIMEZONES[index % TIMEZONES.length] },
    })),
    select: { id: true },
  });
  const remindAt = new Date();
  const dueAt = new Date(Date.now() + 86_400_000);
  // The first reminder is written as the API writes one (syncReminder); the rest copy its schedule row in
  // bulk, so that setting up 10,000 takes seconds and the timed part is processing only.
  const first = await db.commitment.create({
    data: { userId: users[0]!.id, title: "Bench commitment 0", remindAt, dueAt },
  });
  const { scheduled } = await syncReminder({ db, queues: null, target: commitmentTarget(first) });
  if (!scheduled) throw new Error("bench:queue: syncReminder scheduled no reminder");
  const template = await db.reminderSchedule.findUniqueOrThrow({
    where: { queueName_jobId: { queueName: REMINDER_QUEUE, jobId: scheduled.jobId } },
  });
  const rest = Array.from({ length: JOBS - 1 }, (_, index) => ({
    id: crypto.randomUUID(),
    userId: users[(index + 1) % USERS]!.id,
    title: `Bench commitment ${index + 1}`,
  }));
  // In slices: Prisma splits a larger one into queries it runs at once on one transaction's connection.
  for (let offset = 0; offset < rest.length; offset += 2_000) {
    const slice = rest.slice(offset, offset + 2_000);
    await db.commitment.createMany({
      data: slice.map(({ id, userId, title }) => ({
        id,
        userId,
        title,
        remindAt,
        dueAt,
        status: "SCHEDULED" as const,
      })),
    });
    await db.reminderSchedule.createMany({
      data: slice.map(({ id, userId }) => ({
        userId,
        kind: template.kind,
        commitmentId: id,
        queueName: template.queueName,
        jobId: reminderJobId("commitment", id, remindAt),
        timezone: template.timezone,
        nextRunAt: template.nextRunAt,
        payload: { kind: "commitment", entityId: id, userId, remindAt: remindAt.getTime() },
      })),
    });
  }
  // Statistics as a table that filled over the day has them (autovacuum's analyze); without them the
  // planner takes the 10,000 rows written a moment ago for a handful.
  await owner.$executeRawUnsafe("ANALYZE reminder_schedules, commitments, users");
  const payloads = [first, ...rest].map(({ id, userId }) => ({
    kind: "commitment" as const,
    entityId: id,
    userId,
    remindAt: remindAt.getTime(),
  }));
  await queues
    .queue("reminders")
    .addBulk(payloads.map((data) => ({ name: "due", data, opts: reminderJobOptions(data, remindAt) })));
  const runtime = startRuntime({
    deps,
    redis: redisUrl,
    prefix,
    registry: [register("reminders", "due", processReminderDue)],
    concurrency,
    lockDuration: 30_000,
    stalledInterval: 30_000,
  });
  const worker = runtime.workers.get("reminders")!;
  const userIds = users.map(({ id }) => id);
  // startRuntime starts consuming at once; counting from here includes BullMQ's start, as the no-op run does.
  const result = await timeReminders(worker, () =>
    db.reminderSchedule.count({ where: { userId: { in: userIds }, status: "COMPLETED" } }),
  );
  await runtime.close();
  const messages = await db.proactiveMessage.count({ where: { userId: { in: userIds } } });
  if (messages !== result.delivered)
    console.error(`  expected one message per reminder: ${messages} messages for ${result.delivered} reminders`);
  await queues.queue("reminders").obliterate({ force: true });
  return result;
};

const rows: Array<Record<string, string>> = [];
try {
  for (const concurrency of CONCURRENCIES) {
    const warm = [await noop(concurrency), await runtimeNoop(concurrency), await reminders(concurrency)];
    console.log(
      `  concurrency ${concurrency}, warm-up round (not counted): ${warm.map(({ perSecond }) => perSecond.toFixed(0)).join(", ")}/s`,
    );
    const rounds = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      const plain = await noop(concurrency);
      const handled = await runtimeNoop(concurrency);
      const full = await reminders(concurrency);
      // The machine is shared: the load of the moment goes with each line, and only a line's own figures compare.
      const load = loadavg()
        .map((value) => value.toFixed(1))
        .join(" ");
      rounds.push({ plain, handled, full, load, share: full.perSecond / plain.perSecond });
      console.log(
        `  concurrency ${concurrency}, round ${index + 1}: no-op ${plain.perSecond.toFixed(0)}/s, runtime no-op ${handled.perSecond.toFixed(0)}/s, reminders ${full.perSecond.toFixed(0)}/s, share ${(full.perSecond / plain.perSecond).toFixed(2)}, reminder jobs run ${full.jobsRun} (the rest dropped) (load average ${load})`,
      );
    }
    if (profiler) {
      // Starting the profiler stops the process for a moment: the profiled round is not one of those counted.
      profileAs = "noop";
      const plain = await noop(concurrency);
      profileAs = "runtime-noop";
      const handled = await runtimeNoop(concurrency);
      profileAs = "reminders";
      const full = await reminders(concurrency);
      profileAs = null;
      console.log(
        `  concurrency ${concurrency}, profiled round (not counted, profiles in ${profileDir}): no-op ${plain.perSecond.toFixed(0)}/s, runtime no-op ${handled.perSecond.toFixed(0)}/s, reminders ${full.perSecond.toFixed(0)}/s`,
      );
    }
    const { plain, handled, full, load, share } = rounds.sort((a, b) => a.share - b.share)[Math.floor(ROUNDS / 2)]!;
    rows.push({
      concurrency: String(concurrency),
      "no-op jobs/s": plain.perSecond.toFixed(0),
      "runtime no-op/s": handled.perSecond.toFixed(0),
      "reminders/s": full.perSecond.toFixed(0),
      "reminders : no-op": `1 : ${(1 / share).toFixed(1)}`,
      "share of no-op": share.toFixed(2),
      "shares of all rounds": rounds.map((entry) => entry.share.toFixed(2)).join(" "),
      delivered: `${full.delivered}/${JOBS}`,
      "reminder jobs run": String(full.jobsRun),
      "load average": load,
    });
  }
  console.log(`The round with the median share of ${ROUNDS} per concurrency:`);
  console.table(rows);
} finally {
  await closeDeps(["reminders"]);
  connection.disconnect();
  await db.$disconnect();
  await owner.$disconnect();
  await database.drop();
}
process.exit(0);
