import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { Redis } from "ioredis";

import { freePort } from "@cto/db/testing";

const workerDir = path.resolve(import.meta.dirname, "..");

export type TWorkerProcess = {
  child: ChildProcess;
  /** Every structured log line it printed so far. */
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
};

/**
 * The real worker (`src/index.ts` through tsx) as a child process, with its env; resolves once it
 * logged "worker started". Node loads tsx in-process (`--import tsx`) rather than through the `tsx`
 * CLI, which would run the worker in a grandchild that a SIGKILL to the CLI leaves running.
 */
export const spawnWorker = async (env: Record<string, string>, startMs = 60_000): Promise<TWorkerProcess> => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: workerDir,
    // The offline AI provider and a health port of its own, whatever the developer's environment says.
    env: { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", WORKER_HEALTH_PORT: "0", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = "";
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split("\n");
    buffer = complete.pop()!;
    for (const line of complete) if (line.startsWith("{")) lines.push(JSON.parse(line));
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = Date.now();
  while (!lines.some((line) => line.msg === "worker started")) {
    if (child.exitCode !== null || Date.now() - started > startMs) {
      child.kill("SIGKILL");
      throw new Error(`worker did not start (exit ${child.exitCode}):\n${stderr.slice(-2_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { child, lines, exited, kill };
};

export type TRedisServer = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; dispose: () => Promise<void> };

/**
 * A private redis-server on a free loopback port with AOF persistence in a temporary folder, which
 * a test may stop and start again (same port, same data) — never the shared Redis on 6379.
 */
export const startRedisServer = async (): Promise<TRedisServer> => {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), "cto-redis-"));
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir, "--save", ""], { stdio: "ignore" });
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (await probe.connect().then(() => probe.ping(), () => null)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    probe.disconnect();
  };
  // SIGTERM: Redis shuts down cleanly (flushes the AOF) and exits, as a restart by an operator would.
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGTERM");
    });
  };
  await start();
  return { url, port, start, stop, dispose: async () => (await stop(), await rm(dir, { recursive: true, force: true })) };
};
