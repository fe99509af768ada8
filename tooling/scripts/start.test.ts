import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "@cto/db/testing";

const startScript = path.join(import.meta.dirname, "start.ts");
const READY_LINE = /Cto is ready in \d+ s: open (http:\/\/127\.0\.0\.1:\d+) \(API at http:\/\/127\.0\.0\.1:\d+\)/;
const PRETTY_LINE = /^(cto|db|api|worker|web) +│ /;
// A whole first start (migrations on the embedded database, seed, Vite) on a loaded two-core machine.
const START_TEST_MS = 420_000;

type Started = { child: ChildProcess; output: () => string; ports: Record<"db" | "api" | "worker" | "web", number> };

const start = async (dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> => {
  // The embedded database also serves its shadow database on its port + 1.
  const db = await freePort();
  const other = async (): Promise<number> => {
    const port = await freePort();
    return port === db + 1 ? other() : port;
  };
  const ports = { db, api: await other(), worker: await other(), web: await other() };
  const { DATABASE_URL: _db, SHADOW_DATABASE_URL: _shadow, ...inherited } = process.env;
  // As cto.mjs runs it: one Node process with tsx loaded in-process, so SIGTERM reaches the script itself.
  const child = spawn(process.execPath, ["--import", "tsx", startScript], {
    cwd: import.meta.dirname,
    env: {
      ...inherited,
      CTO_DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(ports.db),
      PORT: String(ports.api),
      WORKER_HEALTH_PORT: String(ports.worker),
      WEB_PORT: String(ports.web),
      NODE_ENV: "test",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, ports };
};

/** Waits until the output matches `pattern`, for at most `timeoutMs`. */
const waitForOutput = async (started: Started, pattern: RegExp, timeoutMs = 300_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${pattern} in the output:\n${started.output()}`);
};

const status = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => "no answer",
  );

/** Polls `url` until it answers 200, for at most `timeoutMs`. */
const waitFor200 = async (url: string, started: Started, timeoutMs = 150_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`start exited early:\n${started.output()}`);
    if ((await status(url)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never answered 200:\n${started.output()}`);
};

/** SIGTERM, as Ctrl-C would; the exit code, with the output when it is not 0 (so a failed stop says why). */
const stop = async (started: Started) => {
  const { child } = started;
  const code =
    child.exitCode ??
    (await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
      child.kill("SIGTERM");
    }));
  return code === 0 ? 0 : `exit ${code}:\n${started.output()}`;
};

describe("the start command on the embedded database", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "cto-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    "migrates and seeds on first start, says 'open' only once the API and the web app answer, in one format",
    async () => {
      const started = await start(dataDir);
      try {
        const [, webOrigin] = await waitForOutput(started, READY_LINE);
        // The moment the line is printed, the browser's three paths already answer.
        expect(
          await Promise.all([
            status(`http://127.0.0.1:${started.ports.api}/ready`),
            status(`${webOrigin}/`),
            status(`${webOrigin}/api/ready`),
          ]),
        ).toEqual([200, 200, 200]);
        expect(webOrigin).toBe(`http://127.0.0.1:${started.ports.web}`);
        expect(await (await fetch(`${webOrigin}/`)).text()).toContain("<title>Cto");
        expect(await (await fetch(`${webOrigin}/api/ready`)).json()).toMatchObject({
          status: "ready",
          database: "ok",
          queues: "ok",
        });
        await waitFor200(`http://127.0.0.1:${started.ports.worker}/ready`, started);

        const client = new pg.Client({
          connectionString: `postgresql://postgres:postgres@127.0.0.1:${started.ports.db}/postgres?sslmode=disable`,
        });
        await client.connect();
        const { rows } = await client.query("SELECT email FROM users ORDER BY email");
        await client.end();
        expect(rows.map((row) => row.email)).toEqual(["demo@cto.dev", "sam@cto.dev"]);

        const output = started.output();
        expect(output).toContain("seed: demo data ready");
        expect(output.match(/Cto is ready/g)).toHaveLength(1);
        // Every line of every process, the start script's own included, has the prefix of its process.
        const lines = output.trimEnd().split("\n");
        expect(lines.filter((line) => !PRETTY_LINE.test(line))).toEqual([]);
        for (const name of ["cto", "db", "api", "worker"])
          expect(lines.some((line) => line.startsWith(`${name} `))).toBe(true);
        expect(lines.some((line) => /^api +│ \[\d\d:\d\d:\d\d\] INFO: listening on /.test(line))).toBe(true);
        // Migrations that had nothing to do say nothing; no raw JSON reaches the console in development.
        expect(output).not.toContain("Loaded Prisma config");
        expect(lines.filter((line) => line.replace(PRETTY_LINE, "").startsWith('{"level"'))).toEqual([]);
      } finally {
        expect(await stop(started)).toBe(0);
      }
      expect(existsSync(path.join(dataDir, "pglite.server.json"))).toBe(false);
    },
    START_TEST_MS,
  );

  it(
    "without Redis: one clear line, then one API line per reconnect attempt with back-off; the worker starts once Redis answers",
    async () => {
      const redisPort = await freePort();
      const started = await start(dataDir, { REDIS_URL: `redis://127.0.0.1:${redisPort}` });
      let redis: ChildProcess | undefined;
      try {
        await waitForOutput(started, READY_LINE);
        const output = started.output();
        expect(output).toContain("seed: demo data present");
        expect(
          output.match(
            new RegExp(
              `Redis is not reachable at 127\\.0\\.0\\.1:${redisPort}: reminders, reports and screenshot reading wait`,
              "g",
            ),
          ),
        ).toHaveLength(1);
        expect(output).toContain("docker compose up -d redis");
        expect(await status(`http://127.0.0.1:${started.ports.worker}/health`)).toBe("no answer");
        expect(await (await fetch(`http://127.0.0.1:${started.ports.web}/api/ready`)).json()).toMatchObject({
          status: "ready",
          queues: "unavailable",
          workers: null,
        });

        // Watch a few seconds: the API adds a line per attempt (0.5 s doubling to 10 s), nothing else repeats.
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        const lines = started.output().trimEnd().split("\n");
        const apiRedis = lines.filter((line) => /^api +│ .*Redis (is|still) unreachable/.test(line));
        expect(apiRedis.length).toBeGreaterThanOrEqual(2);
        const attempts = apiRedis.map((line) => Number(line.match(/"attempt":(\d+)/)?.[1]));
        expect(attempts).toEqual(attempts.map((_, index) => index + 1));
        // Seconds since the API's first attempt bound how many attempts there can have been.
        expect(apiRedis.length).toBeLessThanOrEqual(8);
        expect(lines.filter((line) => /│\s+at /.test(line))).toEqual([]);
        expect(lines.filter((line) => !PRETTY_LINE.test(line))).toEqual([]);

        redis = spawn(
          "/usr/bin/redis-server",
          ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
          { stdio: "ignore" },
        );
        await waitForOutput(
          started,
          new RegExp(`Redis answers at 127\\.0\\.0\\.1:${redisPort}: starting the worker`),
          90_000,
        );
        await waitFor200(`http://127.0.0.1:${started.ports.worker}/ready`, started);
        await waitForOutput(started, /api +│ .*Redis is reachable again/, 30_000);
        await expect
          .poll(
            async () =>
              (
                (await (await fetch(`http://127.0.0.1:${started.ports.api}/ready`)).json()) as {
                  workers: number | null;
                }
              ).workers,
            { timeout: 30_000 },
          )
          .toBe(1);
      } finally {
        expect(await stop(started)).toBe(0);
        redis?.kill("SIGTERM");
      }
    },
    START_TEST_MS,
  );
});

describe("the start command in production format", () => {
  it("prints every line, its own and its steps', as one JSON object, and says why it stopped", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cto-start-json-"));
    const started = await start(dataDir, {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:1/none",
    });
    const code = await new Promise<number | null>((resolve) => started.child.once("exit", resolve));
    await rm(dataDir, { recursive: true, force: true });
    expect(code).toBe(1);
    const lines = started
      .output()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { level: string; name: string; msg: string });
    expect(lines[0]).toMatchObject({ level: "info", name: "cto", msg: "using DATABASE_URL (127.0.0.1:1)" });
    expect(lines.some((line) => line.name === "db")).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      level: "error",
      name: "cto",
      msg: expect.stringMatching(/^start failed: cto-prisma\.mjs exited with \d+$/),
    });
    expect(started.output()).not.toContain("secret");
  });
});
