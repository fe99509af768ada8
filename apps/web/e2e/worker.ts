import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";
import { spawnLogged, type TLogLine } from "@cto/vitest-config/processes";

/** The shared Redis the worker tests use too; every stack takes a BullMQ prefix of its own on it. */
export const E2E_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/**
 * Calendar feeds a test serves itself listen on loopback, which a real server refuses as a private address:
 * the stack's API and worker allow loopback only (CALENDAR_ALLOW_PRIVATE_NETWORKS), as a self-hosted set-up would.
 */
export const E2E_CALENDAR_NETWORKS = ["127.0.0.0/8"] as const;
const WORKER_DIR = fileURLToPath(new URL("../../worker", import.meta.url));
const START_MS = 120_000;
const STOP_MS = 20_000;

const isError = (line: TLogLine) => line.level === "error" || line.level === "fatal";

export type TStackWorker = {
  /** The API's side of the same queues (same Redis, same prefix). */
  queues: TQueues;
  /** The worker's log lines at level error or fatal so far: a test of the first hour expects none. */
  errors: () => TLogLine[];
  close: () => Promise<void>;
};

const bounded = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms).unref(),
    ),
  ]);

/**
 * The real worker (`apps/worker/src/index.ts`, as `npm start` runs it) as a child process on the
 * stack's database, the shared Redis under a prefix of its own and the API's upload folder, with the
 * offline AI provider: reminders, reports, embeddings and screenshot OCR run as they do for a user.
 * Resolves once it logged "worker started"; `close` drains it (SIGTERM, then SIGKILL past 20 s) and
 * removes every job and key of its prefix.
 */
export const startWorker = async ({
  databaseUrl,
  storageDir,
  env = {},
}: {
  databaseUrl: string;
  storageDir: string;
  /** More of its environment (the calendar providers' stand-ins). */
  env?: Record<string, string>;
}): Promise<TStackWorker> => {
  const prefix = `cto-e2e-${process.pid}-${Date.now()}`;
  const connection = createProducerConnection(E2E_REDIS_URL);
  const queues = createQueues({ connection, prefix });
  // A producer connection queues nothing while it connects: wait for it to be ready, then ask.
  const ready = new Promise<void>((resolve) =>
    connection.status === "ready" ? resolve() : connection.once("ready", () => resolve()),
  );
  const answered = await bounded(ready, 5_000, `Connecting to Redis at ${E2E_REDIS_URL}`).then(
    () => connection.ping(),
    () => null,
  );
  if (answered !== "PONG") {
    await queues.close();
    connection.disconnect();
    throw new Error(
      `The e2e stack's worker needs Redis at ${E2E_REDIS_URL} (REDIS_URL), as the worker's own tests do.`,
    );
  }
  const cleanUp = async () => {
    await Promise.all(
      QUEUE_NAMES.map((name) =>
        queues
          .queue(name)
          .obliterate({ force: true })
          .catch(() => undefined),
      ),
    );
    await queues.close();
    connection.disconnect();
  };
  const worker = await spawnLogged({
    name: "The worker",
    cwd: WORKER_DIR,
    env: {
      NODE_ENV: "test",
      // Info: "worker started" is how the stack knows it serves.
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      REDIS_URL: E2E_REDIS_URL,
      WORKER_QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: "0",
      STORAGE_DRIVER: "local",
      STORAGE_DIR: storageDir,
      // Shared between runs like the worker tests' cache: Tesseract unpacks its English model once.
      OCR_CACHE_DIR: path.join(tmpdir(), "cto-test-tesseract"),
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "",
      CALENDAR_ALLOW_PRIVATE_NETWORKS: E2E_CALENDAR_NETWORKS.join(","),
      ...env,
    },
    ready: (line) => line.msg === "worker started",
    startMs: START_MS,
    onLine: (line, text) => {
      if (isError(line)) console.error(`[worker] ${text}`);
    },
  }).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  const close = async () => {
    await bounded(worker.kill("SIGTERM"), STOP_MS, "The worker's drain").catch(() => worker.kill("SIGKILL"));
    await cleanUp();
  };
  return { queues, errors: () => worker.lines.filter(isError), close };
};
