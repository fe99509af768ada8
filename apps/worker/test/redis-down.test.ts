import { spawn } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { freePort } from "@cto/db/testing";

const workerDir = path.resolve(import.meta.dirname, "..");
const WATCH_MS = 8_000;

describe("the worker with Redis unreachable", () => {
  it("says so once, then one line per reconnect attempt with back-off: no stack traces, no flood", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: workerDir,
      env: {
        ...process.env,
        REDIS_URL: `redis://:secret-password@127.0.0.1:${port}`,
        DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unused",
        WORKER_HEALTH_PORT: "0",
        OPENAI_API_KEY: "",
        NODE_ENV: "test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('"msg":"worker started"')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const startedAt = output.length;
      await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
      const lines = output.trimEnd().split("\n");
      // Every line is one JSON object of the one format, and none leaks the URL's password.
      const parsed = lines.map(
        (line) =>
          JSON.parse(line) as {
            level: string;
            name: string;
            msg: string;
            time: string;
            attempt?: number;
            retryInMs?: number;
          },
      );
      expect(parsed.every((line) => line.name === "worker")).toBe(true);
      expect(output).not.toContain("secret-password");
      expect(output).not.toMatch(/\n\s+at /);
      const redis = parsed.filter((line) => /Redis/.test(line.msg));
      // One line per attempt, each at least the announced wait after the one before (0.5 s doubling to
      // 10 s): a handful of lines in the seconds watched, where the unbounded retries printed hundreds.
      expect(redis.length).toBeGreaterThanOrEqual(3);
      const at = redis.map((line) => Date.parse(line.time));
      for (let i = 1; i < redis.length; i += 1)
        expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(redis[i - 1]!.retryInMs! - 50);
      expect(redis.map((line) => line.retryInMs)).toEqual(
        [500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000].slice(0, redis.length),
      );
      expect(redis.length).toBeLessThanOrEqual(8);
      expect(redis[0]!.msg).toMatch(
        new RegExp(
          `^Redis is unreachable at 127\\.0\\.0\\.1:${port} \\(.*\\): background jobs wait for it; next attempt in 0\\.5 s$`,
        ),
      );
      expect(
        redis.slice(1).every((line) => /^Redis still unreachable at .*; attempt \d+, next in [\d.]+ s$/.test(line.msg)),
      ).toBe(true);
      expect(redis.map((line) => line.attempt)).toEqual(redis.map((_, index) => index + 1));
      // The database is unreachable too: the start-up role check says so once, in the same format.
      expect(
        parsed
          .filter((line) => !/Redis/.test(line.msg))
          .map((line) => line.msg)
          .sort(),
      ).toEqual(["the database's role could not be checked at start (unreachable?)", "worker started"]);
      expect(output.length).toBeGreaterThan(startedAt);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
