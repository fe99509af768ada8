import { describe, expect, it } from "vitest";

import { createLogger } from "./logger.ts";

const capture = (level?: "info" | "debug" | "warn") => {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const log = createLogger({
    name: "api",
    ...(level ? { level } : {}),
    destination: {
      write: (line: string) => {
        raw.push(line);
        lines.push(JSON.parse(line));
      },
    },
  });
  return { log, lines, raw };
};

describe("createLogger", () => {
  it("writes one JSON object per line with an ISO time, the level's name and the process name", () => {
    const { log, lines, raw } = capture();
    log.info({ queue: "reminders" }, "job completed");
    expect(raw).toHaveLength(1);
    expect(raw[0]!.endsWith("\n")).toBe(true);
    expect(raw[0]!.trimEnd()).not.toContain("\n");
    expect(lines[0]).toMatchObject({ level: "info", name: "api", msg: "job completed", queue: "reminders" });
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
    expect(lines[0]).not.toHaveProperty("pid");
    expect(raw[0]!.match(/"name":/g)).toHaveLength(1);
  });

  it("drops lines below its level and keeps the level on child loggers", () => {
    const { log, lines } = capture("warn");
    log.info("quiet");
    log.child({ requestId: "r1" }).debug("quieter");
    log.child({ requestId: "r1" }).warn("loud");
    expect(lines.map((line) => line.msg)).toEqual(["loud"]);
    expect(lines[0]).toMatchObject({ requestId: "r1", name: "api" });
  });

  it("serializes an Error as err (type, message, stack), first argument or field", () => {
    const { log, lines } = capture();
    log.error(new TypeError("boom"));
    log.error(new RangeError("far"), "could not schedule");
    log.warn({ err: new Error("nested") }, "with a field");
    expect(lines[0]).toMatchObject({ level: "error", msg: "boom", err: { type: "TypeError", message: "boom" } });
    expect(String((lines[0]!.err as { stack: string }).stack)).toContain("TypeError: boom");
    expect(lines[1]).toMatchObject({ msg: "could not schedule", err: { type: "RangeError", message: "far" } });
    expect(lines[2]).toMatchObject({ msg: "with a field", err: { type: "Error", message: "nested" } });
  });

  it("redacts every call, child loggers' bindings included", () => {
    const { log, lines, raw } = capture();
    const child = log.child({ user: { email: "ada@example.com" } });
    child.info(
      { password: "hunter22", headers: { authorization: "Bearer cto_abcdefghijklmnop", cookie: "cto_session=s3cr3t" } },
      "sign-in for ada@example.com",
    );
    child.error(new Error("SMTP refused grace@example.org"), "mail failed");
    const text = raw.join("");
    for (const secret of ["ada@example.com", "grace@example.org", "hunter22", "cto_abcdefghijklmnop", "s3cr3t"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      msg: "sign-in for [email]",
      password: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]" },
    });
    expect(lines[1]).toMatchObject({ err: { message: "SMTP refused [email]" } });
  });
});
