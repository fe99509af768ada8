import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "@cto/db/testing";

const tsx = path.join(import.meta.dirname, "node_modules", ".bin", "tsx");
const startScript = path.join(import.meta.dirname, "start.ts");

type Started = { child: ChildProcess; output: () => string; ports: Record<"db" | "api" | "worker" | "web", number> };

const start = async (dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> => {
  const ports = { db: await freePort(), api: await freePort(), worker: await freePort(), web: await freePort() };
  const { DATABASE_URL: _db, SHADOW_DATABASE_URL: _shadow, ...inherited } = process.env;
  const child = spawn(tsx, [startScript], {
    env: { ...inherited, CTO_DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(ports.db), PORT: String(ports.api), WORKER_HEALTH_PORT: String(ports.worker), WEB_PORT: String(ports.web), NODE_ENV: "test", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, ports };
};

/** Polls `url` until it answers 200, for at most `timeoutMs`. */
const waitFor200 = async (url: string, started: Started, timeoutMs = 150_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`);
    const ok = await fetch(url).then((response) => response.status === 200, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never answered 200:\n${started.output()}`);
};

const stop = async ({ child }: Started) => {
  if (child.exitCode !== null) return child.exitCode;
  child.kill("SIGTERM");
  return new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
};

describe("the start command on the embedded database", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "cto-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("migrates and seeds on first start, then serves the API, worker and web app until stopped", async () => {
    const started = await start(dataDir);
    try {
      await waitFor200(`http://127.0.0.1:${started.ports.api}/ready`, started);
      await waitFor200(`http://127.0.0.1:${started.ports.worker}/ready`, started);
      await waitFor200(`http://127.0.0.1:${started.ports.web}/`, started);
      expect(await (await fetch(`http://127.0.0.1:${started.ports.web}/`)).text()).toContain("<title>Cto");
      expect(await (await fetch(`http://127.0.0.1:${started.ports.web}/api/ready`)).json()).toEqual({ status: "ready", database: "ok" });

      const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${started.ports.db}/postgres?sslmode=disable` });
      await client.connect();
      const { rows } = await client.query("SELECT email FROM users ORDER BY email");
      await client.end();
      expect(rows.map((row) => row.email)).toEqual(["demo@cto.dev", "sam@cto.dev"]);
      expect(started.output()).toContain("seed: demo data ready");
    } finally {
      expect(await stop(started)).toBe(0);
    }
    expect(existsSync(path.join(dataDir, "pglite.server.json"))).toBe(false);
  });

  it("keeps the data on the next start, seeds nothing, and says what to do when Redis is unreachable", async () => {
    const started = await start(dataDir, { REDIS_URL: "redis://127.0.0.1:1" });
    try {
      await waitFor200(`http://127.0.0.1:${started.ports.api}/ready`, started);
      expect(started.output()).toContain("seed: demo data present");
      expect(started.output()).toContain("Redis is not reachable at redis://127.0.0.1:1");
      expect(started.output()).toContain("docker compose up -d redis");
      const worker = await fetch(`http://127.0.0.1:${started.ports.worker}/health`).then(() => "up", () => "down");
      expect(worker).toBe("down");
    } finally {
      expect(await stop(started)).toBe(0);
    }
  });
});
