import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger } from "@cto/log/logger";

import { signUp, visitor } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

/** A logger at `level` whose lines the test reads, as the API writes them (JSON, one per line). */
const captureLogger = (level: "info" | "debug" = "info") => {
  const raw: string[] = [];
  const logger = createLogger({ name: "api", level, destination: { write: (line: string) => void raw.push(line) } });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

describe("request logs", () => {
  let harness: Harness;
  const capture = captureLogger();
  beforeAll(async () => {
    harness = await startApi({}, { logger: capture.logger });
    harness.app.get("/test/boom", () => {
      throw new Error("exploded while mailing ada@example.com with token=abc123");
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("writes one line per request with its request id, method, path (no query string), status, time and user", async () => {
    const user = await signUp(harness, "logged");
    capture.raw.length = 0;
    const response = await harness.app.request("/goals?limit=5&status=active", {
      headers: { origin: WEB_ORIGIN, cookie: user.cookie },
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id");
    const lines = capture.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      name: "api",
      msg: "GET /goals 200",
      reqId: requestId,
      req: { method: "GET", path: "/goals" },
      res: { status: 200 },
      userId: user.userId,
    });
    expect(typeof lines[0]!.responseTime).toBe("number");
    expect(capture.raw[0]).not.toContain("status=active");
  });

  it("keeps a client's own X-Request-Id, and logs a refused request too", async () => {
    capture.raw.length = 0;
    const response = await harness.app.request("/goals", { headers: { "x-request-id": "trace-from-the-proxy" } });
    expect(response.status).toBe(401);
    expect(capture.lines()).toEqual([
      expect.objectContaining({ reqId: "trace-from-the-proxy", msg: "GET /goals 401", level: "info" }),
    ]);
  });

  it("never writes passwords, emails, cookies, API keys or Authorization headers", async () => {
    capture.raw.length = 0;
    const client = visitor(harness);
    const email = `Grace.Hopper+${Date.now()}@example.org`;
    const password = "a password nobody may read";
    expect((await client.request("POST", "/auth/sign-up", { email, password, name: "Grace" })).status).toBe(201);
    expect((await client.request("POST", "/auth/sign-in", { email, password: "wrong but still secret" })).status).toBe(
      401,
    );
    const key = (await client.request("POST", "/api-keys", { name: "ci" })).body;
    const token = String(key.key);
    expect(token).toMatch(/^cto_/);
    await harness.app.request("/me", { headers: { authorization: `Bearer ${token}` } });
    await harness.app.request("/me", { headers: { authorization: "Bearer cto_not_a_real_key_but_secret" } });
    await harness.app.request("/test/boom", { headers: { cookie: client.cookie } });
    const text = capture.raw.join("");
    expect(capture.raw.length).toBeGreaterThanOrEqual(6);
    for (const secret of [
      email,
      email.toLowerCase(),
      password,
      "wrong but still secret",
      token,
      "cto_not_a_real_key_but_secret",
      client.cookie.split("=")[1]!,
      "ada@example.com",
      "abc123",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("logs an unhandled error once with its stack and request id, redacted, and the request as an error", async () => {
    capture.raw.length = 0;
    const response = await harness.app.request("/test/boom");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { requestId: string } };
    const lines = capture.lines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: "error",
      msg: "unhandled error in GET /test/boom",
      reqId: body.error.requestId,
    });
    expect(lines[0]!.err).toMatchObject({
      type: "Error",
      message: "exploded while mailing [email] with token=[redacted]",
    });
    expect((lines[0]!.err as { stack: string }).stack).toContain("logging.test.ts");
    expect(lines[1]).toMatchObject({ level: "error", msg: "GET /test/boom 500", reqId: body.error.requestId });
  });

  it("logs probes only at debug level", async () => {
    capture.raw.length = 0;
    expect((await harness.app.request("/health")).status).toBe(200);
    expect((await harness.app.request("/ready")).status).toBe(200);
    expect(capture.raw).toEqual([]);
    const debug = captureLogger("debug");
    const verbose = await startApi({}, { logger: debug.logger });
    try {
      await verbose.app.request("/ready");
      expect(debug.lines()).toEqual([expect.objectContaining({ level: "debug", msg: "GET /ready 200" })]);
    } finally {
      await verbose.close();
    }
  });
});
