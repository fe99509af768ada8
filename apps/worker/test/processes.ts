import path from "node:path";

import { afterAll, afterEach } from "vitest";

import { freePort } from "@cto/db/testing";
import { spawnLogged, type TLoggedProcess } from "@cto/vitest-config/processes";
import { startRedisServer, type TRedisServer } from "@cto/vitest-config/redis-server";

const workerDir = path.resolve(import.meta.dirname, "..");

export type TWorkerProcess = TLoggedProcess;
export type { TRedisServer };

/** The real worker (`src/index.ts`) as a child process, with its env; resolves once it logged "worker started". */
export const spawnWorker = (env: Record<string, string>, startMs = 60_000): Promise<TWorkerProcess> =>
  spawnLogged({
    name: "the worker",
    cwd: workerDir,
    // The offline AI provider and a health port of its own, whatever the developer's environment says.
    env: { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", WORKER_HEALTH_PORT: "0", NODE_ENV: "test", ...env },
    ready: (line) => line.msg === "worker started",
    startMs,
  });

/**
 * A suite's worker processes and clean-ups: after each test its workers still running are killed
 * (SIGKILL), and after the suite each clean-up runs, the last added first. A test's workers must not
 * outlive it: their periodic reconcile sees the next test's schedules (one database) without jobs
 * under their own prefix, and would deliver that test's reminders while it watches for something else.
 */
export const useWorkerProcesses = () => {
  const workers: TWorkerProcess[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.kill("SIGKILL")));
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });
  const start = async (env: Record<string, string>) => {
    const started = await spawnWorker(env);
    workers.push(started);
    return started;
  };
  return { start, cleanups };
};

/** A private redis-server with AOF persistence, which a test may stop and start again (same port, same data). */
export const startPersistentRedis = async (): Promise<TRedisServer> =>
  startRedisServer(await freePort(), { persist: true });
