// The API as production runs it, for `pnpm bench:api`: tooling/deploy's deployment (`node dist/index.js`
// with the workspace packages' builds), NODE_ENV=production, Redis, request logging to a file. Also the
// load generator (autocannon) in a process of its own, and the peak RSS the kernel kept for a process.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

import { freePort } from "@cto/db/testing";
import { Redis } from "ioredis";

import { APPS } from "../../../tooling/deploy/apps.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

/** Deploys the API as its image holds it (build included, turbo's cache makes a repeat cheap), or reuses `dir` as it is. */
export const deployApi = (dir: string | undefined) => {
  if (dir) {
    const deployment = path.resolve(dir);
    // A wrong path would otherwise surface as the start's "spawn node ENOENT" (a missing working directory).
    if (!existsSync(path.join(deployment, "dist", "index.js")))
      throw new Error(
        `BENCH_API_DIR: ${deployment} holds no API deployment (dist/index.js); leave it unset to deploy one`,
      );
    return deployment;
  }
  const outDir = path.join(ROOT, ".cache", "bench", "api");
  const result = spawnSync(process.execPath, [path.join(ROOT, "tooling", "deploy", "deploy.mjs"), "api", outDir], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`deploying the API failed (exit ${result.status})`);
  return outDir;
};

export type TApiServer = {
  url: string;
  pid: number;
  logFile: string;
  stop: (options?: { keepLog?: boolean }) => Promise<void>;
};

/**
 * Starts the API in the deployment as production does (`APPS.api.start`: its heap flags, then
 * `dist/index.js`); resolves once GET /health answers. `nodeArgs`: e.g. --cpu-prof.
 */
export const startApi = async ({
  dir,
  databaseUrl,
  redisUrl,
  prefix,
  nodeArgs = [],
  extraEnv = {},
  entry = APPS.api.start.slice(1),
}: {
  dir: string;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  nodeArgs?: string[];
  extraEnv?: Record<string, string>;
  /** What node runs in `dir`: the deployment's build, or e.g. `--import tsx src/index.ts` in apps/api. */
  entry?: string[];
}): Promise<TApiServer> => {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "cto-bench-api-"));
  const logFile = path.join(dataDir, "api.log");
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    WORKER_QUEUE_PREFIX: prefix,
    WEB_ORIGIN: "http://127.0.0.1:5173",
    CTO_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    // Nothing is mailed during the run; production only needs the settings to exist.
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "Cto bench <bench@example.com>",
    CTO_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(port),
    METRICS_PORT: "0",
    ...extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before answering; see ${logFile}`);
    if (Date.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the API did not answer /health within 60 s; see ${logFile}`);
    }
    if (
      await fetch(`${url}/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // SIGTERM: the API finishes what is in flight and exits, which also writes a --cpu-prof profile. Its
  // data folder (log, local files) goes with it, unless the run failed and the log is what explains it.
  const stop = async ({ keepLog = false }: { keepLog?: boolean } = {}) => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    if (keepLog) console.error(`the API's log is kept in ${logFile}`);
    else await rm(dataDir, { recursive: true, force: true });
  };
  return { url, pid: child.pid!, logFile, stop };
};

/** The most resident memory a live process has had (VmHWM), in MB. */
export const peakRssMb = (pid: number) => {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m);
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

/** CPU time (user + system) a live process has used so far, in ms. */
export const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** CPU time (ms) each PostgreSQL process on this machine has used so far, by pid; empty where /proc cannot say. */
export const postgresCpu = () => {
  const byPid = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").startsWith("postgres")) byPid.set(entry, cpuMs(Number(entry)));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid;
};

/**
 * PostgreSQL's CPU (ms) since `before` (a `postgresCpu()`): the server's share of a measurement, next to the
 * API's, on a machine whose cores they share. A process that ended meanwhile is left out.
 */
export const postgresCpuSince = (before: Map<string, number>) => {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
};

export const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");

export type TLoadRequest = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type TLoadResult = {
  perSecond: number;
  total: number;
  warmUpTotal: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
};

/**
 * Runs autocannon in a process of its own (bench/autocannon-run.mjs), so the load generator's CPU is
 * neither the API's nor this process's: `requests` are sent in turn on each connection.
 */
export const autocannon = ({
  url,
  requests,
  connections,
  seconds,
}: {
  url: string;
  requests: TLoadRequest[];
  connections: number;
  seconds: number;
}) =>
  new Promise<TLoadResult>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "autocannon-run.mjs")], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(output) as TLoadResult) : reject(new Error(`autocannon exited ${code}`)),
    );
    child.stdin!.end(JSON.stringify({ url, requests, connections, duration: seconds }));
  });

/** Removes a bench run's keys (its queue prefix) from the shared Redis, so runs leave nothing behind. */
export const removeRedisKeys = async (redisUrl: string, prefix: string) => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for (let cursor = "0", first = true; first || cursor !== "0"; first = false) {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    }
  } finally {
    redis.disconnect();
  }
};
