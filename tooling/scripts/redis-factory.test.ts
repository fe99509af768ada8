import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
// The one place that opens Redis connections: it knows one server, a cluster and Sentinel apart.
const FACTORY = "packages/queue/src/connection.ts";

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "generated", "dist"].includes(entry.name) ? [] : sources(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test(-helper)?\.tsx?$/.test(entry.name) ? [full] : [];
  });

const OPENS = [
  /\bnew\s+(?:Redis|Cluster|IORedis)\s*\(/,
  /\bimport\s+(?!type\b)[^;]*\bfrom\s+["']ioredis["']/,
  /\bcreateClient\s*\(/,
];

// Every app's and package's source, tests aside.
const scanned = () =>
  ["apps", "packages"]
    .flatMap((top) => readdirSync(path.join(root, top)).map((name) => path.join(root, top, name, "src")))
    .flatMap((dir) => {
      try {
        return sources(dir);
      } catch {
        return [];
      }
    })
    .map((file) => path.relative(root, file));

describe("Redis connections", () => {
  it("are opened only by @cto/queue's factory, so every client of the API and the worker follows REDIS_URL, a cluster or Sentinel alike", () => {
    const offending = scanned()
      .filter((file) => file !== FACTORY)
      .flatMap((file) =>
        readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
          .filter(({ line }) => OPENS.some((pattern) => pattern.test(line)) && !/^\s*(\/\/|\*)/.test(line)),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });

  it("finds what it looks for (the scan itself works)", () => {
    expect(scanned()).toEqual(expect.arrayContaining([FACTORY, "apps/api/src/index.ts", "apps/worker/src/runtime.ts"]));
    expect(readFileSync(path.join(root, FACTORY), "utf8")).toMatch(OPENS[0]!);
    expect(OPENS.some((pattern) => pattern.test('import { Redis } from "ioredis";'))).toBe(true);
    expect(OPENS.some((pattern) => pattern.test('import type { Cluster, Redis } from "ioredis";'))).toBe(false);
  });
});
