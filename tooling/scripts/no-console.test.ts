import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });

describe("the API and the worker", () => {
  it("log through their logger (src/log.ts, @cto/log), never console: one format, redacted", () => {
    const offending = ["apps/api/src", "apps/worker/src"]
      .flatMap((dir) => sources(path.join(root, dir)))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, index) => ({ line, where: `${path.relative(root, file)}:${index + 1}` }))
          .filter(
            ({ line }) => /\bconsole\.(log|info|warn|error|debug|trace)\b/.test(line) && !/^\s*(\/\/|\*)/.test(line),
          ),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });
});
