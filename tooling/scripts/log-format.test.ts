import { PassThrough } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger } from "@cto/log/logger";

import { createLineFormatter, eachLine, logFormatFor } from "./log-format.ts";

const at = new Date("2026-03-01T09:30:05.000Z");
const apiLine = JSON.stringify({
  level: "info",
  time: at.toISOString(),
  name: "api",
  msg: "GET /goals 200",
  reqId: "r-1",
  req: { method: "GET", path: "/goals" },
  res: { status: 200 },
  responseTime: 12,
});

describe("logFormatFor", () => {
  it("is JSON in production only", () => {
    expect(logFormatFor("production")).toBe("json");
    for (const nodeEnv of ["development", "test", undefined, ""]) expect(logFormatFor(nodeEnv)).toBe("pretty");
  });
});

describe("the pretty format (development)", () => {
  const format = createLineFormatter({ format: "pretty" });

  it("prints a JSON line readably behind its process's prefix, without the request objects", () => {
    const out = format("api", apiLine);
    expect(out).toMatch(/^api {4}│ \[\d\d:\d\d:\d\d\] INFO: GET \/goals 200 \{"reqId":"r-1","responseTime":12\}\n$/);
    expect(out).not.toContain('"req"');
  });

  it("prefixes every line of a multi-line entry (an error's stack) and plain text alike", () => {
    const error = JSON.stringify({
      level: "error",
      time: at.toISOString(),
      name: "worker",
      msg: "job failed",
      err: { type: "Error", message: "x", stack: "Error: x\n    at run (job.ts:1:1)" },
    });
    const lines = format("worker", error).trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((line) => line.startsWith("worker │ "))).toBe(true);
    expect(lines[0]).toContain("ERROR: job failed");
    expect(format("web", "  ➜  Local:   http://127.0.0.1:5173/")).toBe(
      "web    │   ➜  Local:   http://127.0.0.1:5173/\n",
    );
    expect(format("db", "{ not json")).toBe("db     │ { not json\n");
    expect(format("db", '{"json":"but not a log line"}')).toBe('db     │ {"json":"but not a log line"}\n');
    // The developer's own console shows a tool's words as written (the seed names the demo account).
    expect(format("db", "seed: demo data ready. Sign in as demo@cto.dev")).toBe(
      "db     │ seed: demo data ready. Sign in as demo@cto.dev\n",
    );
  });

  it("colours the prefix only when asked", () => {
    expect(createLineFormatter({ format: "pretty", colour: true })("api", "hello")).toBe(
      "\u001b[36mapi   \u001b[0m │ hello\n",
    );
  });
});

describe("the JSON format (production)", () => {
  const format = createLineFormatter({ format: "json", now: () => at });

  it("passes log lines through as they are, naming the process when the line does not", () => {
    expect(JSON.parse(format("api", apiLine))).toEqual(JSON.parse(apiLine));
    const unnamed = JSON.stringify({ level: "warn", time: at.toISOString(), msg: "careful" });
    expect(JSON.parse(format("worker", unnamed))).toEqual({
      level: "warn",
      time: at.toISOString(),
      msg: "careful",
      name: "worker",
    });
  });

  it("wraps plain text in the same shape, one JSON object per line", () => {
    const out = format("web", 'vite said "hi"');
    expect(out.endsWith("\n")).toBe(true);
    expect(out.trimEnd()).not.toContain("\n");
    expect(JSON.parse(out)).toEqual({ level: "info", time: at.toISOString(), name: "web", msg: 'vite said "hi"' });
    expect(JSON.parse(format("db", "redis://:pw@cache:6379 refused")).msg).toBe(
      "redis://[redacted]@cache:6379 refused",
    );
    expect(JSON.parse(format("db", "Can't reach postgresql://cto:hunter2@db:5432/cto for ada@example.com")).msg).toBe(
      "Can't reach postgresql://[redacted]@db:5432/cto for [email]",
    );
  });

  it("prints the start script's own logger lines in the same format as the apps'", () => {
    const printed: string[] = [];
    const log = createLogger({
      name: "cto",
      destination: { write: (line: string) => void printed.push(format("cto", line.trimEnd())) },
    });
    log.info("starting the API and the web app…");
    expect(JSON.parse(printed[0]!)).toMatchObject({
      level: "info",
      name: "cto",
      msg: "starting the API and the web app…",
    });
  });
});

describe("eachLine", () => {
  it("reassembles lines split across chunks, drops blank ones and flushes the last at the end", async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    eachLine(stream, (line) => lines.push(line));
    stream.write('{"msg":"one"');
    stream.write("}\n\ntwo\r\nthr");
    stream.end("ee");
    await new Promise((resolve) => stream.on("end", resolve));
    expect(lines).toEqual(['{"msg":"one"}', "two", "three"]);
  });
});
