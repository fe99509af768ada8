// `pnpm bench:scale`: the stack of a scaled-out deployment on loopback — HAProxy in front of N API
// instances and M workers, as production runs them (tooling/deploy's builds, `node dist/index.js`,
// NODE_ENV=production), PostgreSQL (its streaming replica too, as DATABASE_REPLICA_URLS, when
// tooling/scripts/ensure-pg-replica.sh made one on 5433) and a private Redis. It drives a bounded mixed
// load (bench/scale-load.mjs: sign-in, lists, check-ins, commitments with reminders, chat) through the
// balancer with N = 1 and N = 2 and prints throughput, p50/p99, errors and where the CPU went, side by
// side; then reminders falling due at once with M = 1 and M = 2 workers, as jobs per second; and checks
// that every reminder was delivered exactly once. Every phase is bounded in time.
// Env: TEST_DATABASE_URL (admin URL), BENCH_SECONDS (per run, default 10), BENCH_CONNECTIONS (default 16),
// BENCH_REMINDERS (per worker run, default 400), BENCH_API_DIR / BENCH_WORKER_DIR (deployments to reuse).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { commitmentTarget, syncReminder } from "@cto/core/reminders";
import { createDb } from "@cto/db/client";
import { hashPassword } from "@cto/db/password";
import { createPostgresTestDatabase, freePort, probePostgres } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";
import { haproxyInstalled, startHaproxy } from "@cto/vitest-config/haproxy";
import { startRedisServer } from "@cto/vitest-config/redis-server";

import { APPS } from "../../../tooling/deploy/apps.mjs";
import { cpuMs, loadAverage } from "./server.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 400);
const USERS = Math.max(64, CONNECTIONS * 4);
const WEB_ORIGIN = "http://127.0.0.1:5173";
const REPLICA_PORT = 5433;
// Reminders made during the load fall due this long after they are created, so the workers deliver them under that load.
const REMIND_IN_MS = 4_000;
const DELIVERY_LIMIT_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One app as its image holds it (turbo's cache makes a repeat cheap), or `dir` as it is. */
const deploy = (app: "api" | "worker", dir: string | undefined) => {
  if (dir) return path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
  const outDir = path.join(ROOT, ".cache", "bench", `scale-${app}`);
  const result = spawnSync(process.execPath, [path.join(ROOT, "tooling", "deploy", "deploy.mjs"), app, outDir], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`deploying the ${app} failed (exit ${result.status})`);
  return outDir;
};

type TApp = { name: string; pid: number; port: number; stop: () => Promise<void> };

/** The app in a deployment, started as production starts it (`APPS`), with production settings; resolves once `ready` says so. */
const startApp = async ({
  app,
  name,
  dir,
  env,
  portVariable,
  ready,
}: {
  app: "api" | "worker";
  name: string;
  dir: string;
  env: Record<string, string>;
  portVariable: string;
  ready: (port: number) => Promise<boolean>;
}): Promise<TApp> => {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, APPS[app].start.slice(1), {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env, [portVariable]: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("error", (error) => (output += `\n${error.message}`));
  const deadline = Date.now() + 60_000;
  while (!(await ready(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not start:\n${output.slice(-3_000)}`);
    }
    await sleep(100);
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { name, pid: child.pid!, port, stop };
};

/** CPU seconds used so far by every process whose command line matches, keyed by pid (so a delta can skip processes that came and went). */
const cpuOfProcesses = (matches: (commandLine: string) => boolean) => {
  const used = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (matches(readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ")))
        used.set(Number(entry), cpuMs(Number(entry)) / 1000);
    } catch {
      // It ended while we looked.
    }
  }
  return used;
};
const cpuDelta = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

type TLoad = {
  perSecond: number;
  total: number;
  visits: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  created: string[];
};

/** bench/scale-load.mjs in a process of its own, so the load generator's CPU is neither the API's nor this process's. */
const runLoad = (input: {
  url: string;
  seconds: number;
  users: { email: string; password: string; address: string; conversationId: string }[];
}) =>
  new Promise<TLoad & { cpuSeconds: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "scale-load.mjs")], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    let cpuSeconds = 0;
    const sampler = setInterval(() => (cpuSeconds = cpuMs(child.pid!) / 1000), 200);
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ ...(JSON.parse(output) as TLoad), cpuSeconds });
      else reject(new Error(`the load generator exited ${code}`));
    });
    child.stdin!.end(
      JSON.stringify({ ...input, origin: WEB_ORIGIN, connections: CONNECTIONS, remindInMs: REMIND_IN_MS }),
    );
  });

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:scale needs real PostgreSQL with pgvector: ${probe.reason}`);
  process.exit(1);
}
if (!haproxyInstalled()) {
  console.error("bench:scale needs HAProxy: sudo bash tooling/scripts/ensure-haproxy.sh");
  process.exit(1);
}
console.log(
  `bench:scale on ${cpus().length} cores, load average ${loadAverage()}; deploying the API and the worker (tooling/deploy) unless BENCH_API_DIR / BENCH_WORKER_DIR name them…`,
);
const [apiDir, workerDir] = [deploy("api", process.env.BENCH_API_DIR), deploy("worker", process.env.BENCH_WORKER_DIR)];
const [database, redis, dataDir] = await Promise.all([
  createPostgresTestDatabase(adminUrl, { migrate: true }),
  freePort().then((port) => startRedisServer(port)),
  mkdtemp(path.join(tmpdir(), "cto-bench-scale-")),
]);
const databaseName = new URL(database.url).pathname.slice(1);
const db = createDb({ url: database.url, log: ["error"] });
const prefix = `cto-bench-scale-${process.pid}`;
const producer = createProducerConnection(redis.url);
const queues = createQueues({ connection: producer, prefix });
const apps: TApp[] = [];

/** The replica on 5433 when one streams and has this run's database (a new database reaches it through the WAL). */
const findReplica = async () => {
  const client = new pg.Client({
    connectionString: `postgresql://postgres@127.0.0.1:${REPLICA_PORT}/postgres`,
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    if (!(await client.query("SELECT pg_is_in_recovery() AS standby")).rows[0].standby) return null;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName])).rowCount)
        return `postgresql://postgres@127.0.0.1:${REPLICA_PORT}/${databaseName}`;
      await sleep(200);
    }
    return null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
};

try {
  const replicaUrl = await findReplica();
  const secrets = {
    CTO_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "Cto bench <bench@example.com>",
  };
  const common = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    WORKER_QUEUE_PREFIX: prefix,
    CTO_DATA_DIR: dataDir,
    OPENAI_API_KEY: "",
    ...secrets,
  };
  // A CDN and HAProxy in front (TRUST_PROXY=2): the client's address is the one the load generator names, per user.
  const apiEnv = {
    ...common,
    WEB_ORIGIN,
    HOST: "127.0.0.1",
    METRICS_PORT: "0",
    TRUST_PROXY: "2",
    ...(replicaUrl ? { DATABASE_REPLICA_URLS: replicaUrl } : {}),
  };
  const answers = (url: string) =>
    fetch(url).then(
      (response) => response.ok,
      () => false,
    );
  const startApi = async (i: number) =>
    apps[
      apps.push(
        await startApp({
          app: "api",
          name: `api${i}`,
          dir: apiDir,
          env: apiEnv,
          portVariable: "PORT",
          ready: (port) => answers(`http://127.0.0.1:${port}/ready`),
        }),
      ) - 1
    ]!;
  const startWorker = async (i: number) =>
    apps[
      apps.push(
        await startApp({
          app: "worker",
          name: `worker${i}`,
          dir: workerDir,
          env: common,
          portVariable: "WORKER_HEALTH_PORT",
          ready: (port) => answers(`http://127.0.0.1:${port}/health`),
        }),
      ) - 1
    ]!;

  // Users as a real deployment has them: a password (one argon2id hash shared, to seed quickly), a conversation each, an address each.
  const password = "bench-password-0123";
  const passwordHash = await hashPassword(password);
  const users: { email: string; password: string; address: string; conversationId: string; userId: string }[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const user = await db.user.create({
      data: {
        email: `scale-${i}-${process.pid}@example.com`,
        passwordHash,
        emailVerified: new Date(),
        conversations: { create: { title: "Bench" } },
      },
      include: { conversations: true },
    });
    users.push({
      email: user.email,
      password,
      address: `198.18.${randomInt(0, 256)}.${i % 250}`,
      conversationId: user.conversations[0]!.id,
      userId: user.id,
    });
  }

  const [api0, api1, worker0] = await Promise.all([startApi(0), startApi(1), startWorker(0)]);
  console.log(
    `started: 2 API instances, 1 worker, HAProxy, Redis ${redis.url}, PostgreSQL ${new URL(database.url).host}${replicaUrl ? `, its replica on ${REPLICA_PORT} (DATABASE_REPLICA_URLS)` : " (no replica on 5433: run tooling/scripts/ensure-pg-replica.sh for one)"}`,
  );

  const postgresOfRun = (commandLine: string) =>
    commandLine.startsWith("postgres:") && commandLine.includes(databaseName);
  const mixed = async (instances: TApp[]) => {
    const balancer = await startHaproxy({
      port: await freePort(),
      servers: instances.map((app) => ({ name: app.name, port: app.port })),
      checkPath: "/ready",
      checkEveryMs: 1_000,
    });
    try {
      await balancer.waitFor(
        instances.map((app) => app.name),
        "UP",
      );
      await runLoad({ url: balancer.url, seconds: 2, users }); // warm-up: connections, JIT, caches
      const before = {
        api: instances.map((app) => cpuMs(app.pid) / 1000),
        worker: cpuMs(worker0.pid) / 1000,
        postgres: cpuOfProcesses(postgresOfRun),
        redis: cpuOfProcesses((line) => line.includes(`redis-server`) && line.includes(String(redis.port))),
        haproxy: cpuOfProcesses((line) => line.includes("haproxy") && line.includes("cto-haproxy-")),
      };
      const load = await runLoad({ url: balancer.url, seconds: SECONDS, users });
      const cpu = {
        api: instances.map((app, i) => cpuMs(app.pid) / 1000 - before.api[i]!),
        worker: cpuMs(worker0.pid) / 1000 - before.worker,
        postgres: cpuDelta(before.postgres, cpuOfProcesses(postgresOfRun)),
        redis: cpuDelta(
          before.redis,
          cpuOfProcesses((line) => line.includes(`redis-server`) && line.includes(String(redis.port))),
        ),
        haproxy: cpuDelta(
          before.haproxy,
          cpuOfProcesses((line) => line.includes("haproxy") && line.includes("cto-haproxy-")),
        ),
        loadGenerator: load.cpuSeconds,
      };
      return { load, cpu, loadAverage: loadAverage() };
    } finally {
      await balancer.stop();
    }
  };

  const one = await mixed([api0]);
  const two = await mixed([api0, api1]);
  const created = [...one.load.created, ...two.load.created];

  console.log(
    `\nMixed load through HAProxy: ${CONNECTIONS} connections, ${SECONDS} s per run after a 2 s warm-up; a visit is sign-in, goals, check-in, commitments, a commitment with a reminder, conversations, a chat turn (offline coach, whole event stream), /me, energy`,
  );
  const row = (n: number, { load, cpu, loadAverage: average }: Awaited<ReturnType<typeof mixed>>) => ({
    "API instances": n,
    "req/s": load.perSecond.toFixed(1),
    "visits/s": (load.visits / SECONDS).toFixed(1),
    "p50 ms": load.p50,
    "p99 ms": load.p99,
    "non-2xx": load.non2xx,
    errors: load.errors + load.timeouts,
    "API CPU s (each)": cpu.api.map((seconds) => seconds.toFixed(1)).join(" + "),
    "API CPU ms/req": ((cpu.api.reduce((sum, seconds) => sum + seconds, 0) * 1000) / load.total).toFixed(1),
    "PostgreSQL CPU ms/req": ((cpu.postgres * 1000) / load.total).toFixed(1),
    "PostgreSQL CPU s": cpu.postgres.toFixed(1),
    "worker CPU s": cpu.worker.toFixed(1),
    "Redis CPU s": cpu.redis.toFixed(1),
    "HAProxy CPU s": cpu.haproxy.toFixed(1),
    "load generator CPU s": cpu.loadGenerator.toFixed(1),
    "load avg after": average,
  });
  console.table([row(1, one), row(2, two)]);
  console.log(
    `N = 2 : N = 1 throughput ${(two.load.perSecond / one.load.perSecond).toFixed(2)}x, p99 ${(two.load.p99 / one.load.p99).toFixed(2)}x (two cores share every process here). Statuses: N=1 ${JSON.stringify(one.load.statuses)}, N=2 ${JSON.stringify(two.load.statuses)}`,
  );

  /** Waits until every reminder of `commitmentIds` was delivered (or the limit), then counts the messages per commitment. */
  const deliveries = async (commitmentIds: string[], limitMs: number) => {
    const deadline = Date.now() + limitMs;
    let rows: { commitment_id: string; messages: number }[] = [];
    for (;;) {
      rows = await db.$queryRaw<{ commitment_id: string; messages: number }[]>`
        SELECT commitment_id::text, count(*)::int AS messages FROM proactive_messages WHERE commitment_id = ANY(${commitmentIds}::uuid[]) GROUP BY commitment_id`;
      if (rows.length === commitmentIds.length || Date.now() > deadline) break;
      await sleep(100);
    }
    return {
      delivered: rows.length,
      lost: commitmentIds.length - rows.length,
      duplicated: rows.filter((row) => row.messages > 1).length,
    };
  };
  const duringLoad = await deliveries(created, DELIVERY_LIMIT_MS);
  console.log(
    `Reminders made during the load (due ${REMIND_IN_MS / 1000} s after creation): ${created.length}, delivered ${duringLoad.delivered}, lost ${duringLoad.lost}, duplicated ${duringLoad.duplicated}`,
  );

  /**
   * REMINDERS reminders due at one instant, delivered by the running workers. The queue is paused
   * (BullMQ's global pause, which every worker obeys) while they are made, so the figure is jobs per
   * second from the resume to the last delivery, whatever making them cost.
   */
  const burst = async (workers: number) => {
    const reminders = queues.queue("reminders");
    await reminders.pause();
    const dueAt = new Date();
    const ids: string[] = [];
    for (let offset = 0; offset < REMINDERS; offset += 20) {
      const rows = await Promise.all(
        Array.from({ length: Math.min(20, REMINDERS - offset) }, async (_, i) => {
          const row = await db.commitment.create({
            data: {
              userId: users[(offset + i) % users.length]!.userId,
              title: `Burst ${workers}-${offset + i}`,
              remindAt: dueAt,
            },
          });
          await syncReminder({ db, queues, target: commitmentTarget(row) });
          return row.id;
        }),
      );
      ids.push(...rows);
    }
    const workerPids = apps.filter((app) => app.name.startsWith("worker")).map((app) => app.pid);
    const before = { workers: workerPids.map((pid) => cpuMs(pid) / 1000), postgres: cpuOfProcesses(postgresOfRun) };
    const resumedAt = Date.now();
    await reminders.resume();
    let delivered = 0;
    let lastAt = resumedAt;
    const deadline = resumedAt + DELIVERY_LIMIT_MS;
    while (delivered < ids.length && Date.now() < deadline) {
      await sleep(100);
      const [row] = await db.$queryRaw<
        { done: number }[]
      >`SELECT count(*)::int AS done FROM reminder_schedules WHERE commitment_id = ANY(${ids}::uuid[]) AND status = 'COMPLETED'`;
      if (row!.done > delivered) lastAt = Date.now();
      delivered = row!.done;
    }
    const seconds = (lastAt - resumedAt) / 1000;
    const workerCpu = workerPids.reduce((sum, pid, i) => sum + cpuMs(pid) / 1000 - before.workers[i]!, 0);
    const postgresCpu = cpuDelta(before.postgres, cpuOfProcesses(postgresOfRun));
    return {
      workers,
      reminders: ids.length,
      "jobs/s": (delivered / seconds).toFixed(1),
      "seconds to deliver all": seconds.toFixed(1),
      "worker CPU ms/job": ((workerCpu * 1000) / delivered).toFixed(1),
      "PostgreSQL CPU ms/job": ((postgresCpu * 1000) / delivered).toFixed(1),
      ...(await deliveries(ids, 1_000)),
      "load avg": loadAverage(),
    };
  };
  const bursts = [await burst(1)];
  await startWorker(1);
  bursts.push(await burst(2));
  console.log(`\nReminders falling due at one instant (${REMINDERS} per run, WORKER_CONCURRENCY 4 per worker):`);
  console.table(bursts);
  const perWorker = bursts.map((row) => Number(row["jobs/s"]));
  console.log(`M = 2 : M = 1 jobs/s ${(perWorker[1]! / perWorker[0]!).toFixed(2)}x`);
  const bad =
    duringLoad.lost +
    duringLoad.duplicated +
    bursts.reduce((sum, row) => sum + row.lost + row.duplicated, 0) +
    one.load.errors +
    two.load.errors +
    one.load.non2xx +
    two.load.non2xx;
  console.log(
    bad === 0
      ? "\nZero errors, zero lost and zero duplicated reminders."
      : `\nNOT CLEAN: ${bad} errors, non-2xx answers, lost or duplicated reminders (see above).`,
  );
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  await Promise.all(apps.map((app) => app.stop()));
  await queues.close().catch(() => undefined);
  producer.disconnect();
  await db.$disconnect();
  await redis.dispose();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}
