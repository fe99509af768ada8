// `pnpm bench:queue`, second part: how soon a dead worker's reminders are taken and finished by another,
// with the worker's production lock and stall-check settings (env.ts defaults). Each round one worker
// takes as many due reminders as it runs at once and holds each after its commit (the fault hook), a
// standby worker starts and warms up on a few reminders of its own (as a live worker would be), the first
// is SIGKILLed at a random point of its lock-renewal cycle, and the standby must then finish every held
// job, each message still written once. Prints p50/p99/max from the kill to each job taken and finished,
// and the workers' peak RSS. Env: TEST_DATABASE_URL, REDIS_URL, BENCH_RECOVERY_ROUNDS (default 3).
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

import { commitmentTarget, syncReminder } from "@cto/core/reminders";
import { createDb } from "@cto/db/client";
import { createPostgresTestDatabase, probePostgres } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { loadEnv } from "../src/env.ts";
import { QUEUE_WORKER_OPTIONS } from "../src/jobs/registry.ts";
import { spawnWorker, type TWorkerProcess } from "../test/processes.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ROUNDS = Number(process.env.BENCH_RECOVERY_ROUNDS ?? 3);
// Exactly what one worker runs at once, so the standby's warm-up reminders are its own.
const JOBS = QUEUE_WORKER_OPTIONS.reminders?.concurrency ?? 4;
const WARM_UP = 4;
const ROUND_LIMIT_MS = 90_000;

const { WORKER_LOCK_DURATION_MS: lockMs, WORKER_STALLED_INTERVAL_MS: stalledMs } = loadEnv({
  DATABASE_URL: "postgresql://unused@127.0.0.1/unused",
});
const peakRssMb = (pid: number | undefined) =>
  Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN) / 1024;
const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:queue (recovery) needs PostgreSQL with pgvector: ${probe.reason}`);
  process.exit(1);
}
console.log(
  `\nrecovery after a worker dies: ${ROUNDS} rounds of ${JOBS} held reminders, lock ${lockMs} ms, stall check every ${stalledMs} ms (the worker's defaults), load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")}`,
);
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const db = createDb({ url: database.url, log: ["error"] });
const prefix = `cto-bench-recovery-${process.pid}`;
const connection = createProducerConnection(redisUrl);
connection.on("error", () => undefined);
const queues = createQueues({ connection, prefix });
const env = {
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  WORKER_QUEUE_PREFIX: prefix,
  WORKER_QUEUES: "reminders",
  WORKER_SCHEDULERS: "off",
};
const running: TWorkerProcess[] = [];
const samples: number[] = [];
const taken: number[] = [];
const peaks: number[] = [];
try {
  const user = await db.user.create({ data: { email: "recovery@example.com" } });
  const due = (count: number, label: string) =>
    Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const row = await db.commitment.create({
          data: { userId: user.id, title: `${label} ${index}`, remindAt: new Date(Date.now() + 1_000) },
        });
        const sync = await syncReminder({ db, queues, target: commitmentTarget(row) });
        return { id: row.id, jobId: sync.scheduled!.jobId };
      }),
    );
  const messagesOf = (ids: string[]) =>
    db.proactiveMessage.findMany({ where: { commitmentId: { in: ids } }, select: { commitmentId: true } });
  for (let round = 1; round <= ROUNDS; round++) {
    const holder = await spawnWorker(
      { ...env, WORKER_FAULT_DELAY_MS: "600000", WORKER_FAULT_POINT: "after-commit" },
      120_000,
    );
    running.push(holder);
    const held = await due(JOBS, `Round ${round}, held`);
    await waitFor(
      () => messagesOf(held.map((row) => row.id)),
      (found) => found.length === JOBS,
      ROUND_LIMIT_MS,
      `round ${round}'s reminders to be held`,
    );
    const standby = await spawnWorker(env, 120_000);
    running.push(standby);
    const warmUp = await due(WARM_UP, `Round ${round}, warm-up`);
    await waitFor(
      () => messagesOf(warmUp.map((row) => row.id)),
      (found) => found.length === WARM_UP,
      ROUND_LIMIT_MS,
      `round ${round}'s warm-up`,
    );
    // Anywhere in the lock's renewal cycle (renewed every half lock).
    await new Promise((resolve) => setTimeout(resolve, Math.random() * (lockMs / 2)));
    peaks.push(peakRssMb(holder.child.pid));
    // Only the jobs the holder still has count (any other worker's are not a dead worker's).
    const states = await Promise.all(
      held.map(async (row) => ({ row, state: await queues.queue("reminders").getJobState(row.jobId) })),
    );
    const holding = states.filter(({ state }) => state === "active").map(({ row }) => row);
    const killedAt = Date.now();
    await holder.kill("SIGKILL");
    const jobs = await waitFor(
      () => Promise.all(holding.map((row) => queues.queue("reminders").getJob(row.jobId))),
      (found) => found.every((job) => job?.finishedOn),
      ROUND_LIMIT_MS,
      `round ${round}'s reminders to come back`,
    );
    const messages = await messagesOf(held.map((row) => row.id));
    if (messages.length !== JOBS) throw new Error(`round ${round}: ${messages.length} messages for ${JOBS} reminders`);
    taken.push(...jobs.map((job) => job!.processedOn! - killedAt));
    samples.push(...jobs.map((job) => job!.finishedOn! - killedAt));
    peaks.push(peakRssMb(standby.child.pid));
    await standby.kill("SIGTERM");
    console.log(
      `  round ${round}: finished by the standby after ${jobs.map((job) => ((job!.finishedOn! - killedAt) / 1000).toFixed(1)).join(", ")} s   load ${loadavg()[0]!.toFixed(1)}`,
    );
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) =>
      (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! / 1000).toFixed(1);
    return `p50 ${at(0.5)} s, p99 ${at(0.99)} s, max ${at(1)} s`;
  };
  console.log(
    `a dead worker's ${samples.length} reminders, from the kill: taken by another worker ${summary(taken)}; finished ${summary(samples)} (target p99 ≤ 15 s); each message written once`,
  );
  console.log(`worker peak RSS: ${Math.max(...peaks).toFixed(0)} MB (of ${peaks.length} processes)`);
} finally {
  await Promise.all(running.map((worker) => worker.kill("SIGKILL")));
  await queues
    .queue("reminders")
    .obliterate({ force: true })
    .catch(() => undefined);
  await queues.close();
  connection.disconnect();
  await db.$disconnect();
  await database.drop();
}
process.exit(0);
