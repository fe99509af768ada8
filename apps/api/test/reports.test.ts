import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";
import type { Redis } from "ioredis";

import { createApp } from "../src/app.ts";
import { sameSession, signUp, type TUser } from "./support/api.ts";
import { startApi, type Harness } from "./harness.ts";

let harness: Harness;
let redis: Redis;
let queues: TQueues;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  harness = await startApi({ dailyGenerationLimit: 2 });
  redis = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  queues = createQueues({ connection: redis, prefix: `cto-test-reports-api-${process.pid}-${Date.now()}` });
  app = createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai: harness.ai, queues });
});
afterAll(async () => {
  await queues?.queue("reports").obliterate({ force: true });
  await queues?.close();
  redis?.disconnect();
  await harness?.close();
});

/** The same signed-in user against another app instance (same database, other queues). */
const as = (user: TUser, on: ReturnType<typeof createApp>) => sameSession(user, { ...harness, app: on });
const used = async (user: TUser) => (await user.request("GET", "/me/generation-quota")).body.used;

describe("POST /reports", () => {
  it("queues the report with a domain job id and answers 202; asking again within the minute is the same job, spent once", async () => {
    const user = await signUp(harness, "reports");
    const client = as(user, app);
    const first = await client.request("POST", "/reports", { type: "seven_day" });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({
      jobId: expect.stringContaining(`report.${user.userId}.SEVEN_DAY.`),
      type: "seven_day",
      periodEnd: expect.any(Number),
      status: "queued",
    });
    expect(first.body.periodEnd % 60_000).toBe(0);
    const job = await queues.queue("reports").getJob(first.body.jobId);
    expect(job?.name).toBe("generate");
    expect(job?.data).toEqual({ userId: user.userId, type: "SEVEN_DAY", periodEnd: first.body.periodEnd });
    // The request is recorded, so the worker's reports/sweep brings its job back if Redis loses it.
    const request = await harness.db.reminderSchedule.findUnique({
      where: { queueName_jobId: { queueName: "reports", jobId: first.body.jobId } },
    });
    expect(request).toMatchObject({ userId: user.userId, kind: "REPORT", status: "ACTIVE", payload: job?.data });
    const again = await client.request("POST", "/reports", { type: "seven_day" });
    // Only the same minute is the same job; across a minute boundary a second job is the expected answer.
    if (again.body.periodEnd === first.body.periodEnd) {
      expect(again.body.jobId).toBe(first.body.jobId);
      expect(await used(user)).toBe(1);
    }
  });

  it("answers 429 once the daily generation limit is spent, queueing nothing", async () => {
    const user = await signUp(harness, "reports");
    const client = as(user, app);
    expect((await client.request("POST", "/reports", { type: "two_day" })).status).toBe(202);
    expect((await client.request("POST", "/reports", { type: "seven_day" })).status).toBe(202);
    const refused = await client.request("POST", "/reports", { type: "twenty_one_day" });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("rate_limited");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const mine = (await queues.queue("reports").getJobs(["waiting"])).filter((job) => job.data.userId === user.userId);
    expect(mine.map((job) => job.data.type).sort()).toEqual(["SEVEN_DAY", "TWO_DAY"]);
  });

  it("answers 503 without queues, or with Redis unreachable, and spends nothing", async () => {
    const user = await signUp(harness, "reports");
    const none = await user.request("POST", "/reports", { type: "two_day" });
    expect(none.status).toBe(503);
    expect(none.body.error).toMatchObject({
      code: "service_unavailable",
      message: expect.stringContaining("not reachable"),
    });
    // Scheduled reports need the same worker: the answer must not promise they carry on.
    expect(none.body.error?.message).not.toMatch(/not affected/);
    expect(none.body.error?.message).toMatch(/scheduled reports wait for it too/);

    const deadRedis = createProducerConnection("redis://127.0.0.1:1", { connectTimeout: 500 });
    deadRedis.on("error", () => undefined);
    const deadQueues = createQueues({ connection: deadRedis, prefix: "cto-test-dead" });
    for (const name of QUEUE_NAMES) deadQueues.queue(name).on("error", () => undefined);
    try {
      const down = await as(
        user,
        createApp({
          db: harness.db,
          config: harness.config,
          mailer: harness.mailer,
          ai: harness.ai,
          queues: deadQueues,
        }),
      ).request("POST", "/reports", { type: "two_day" });
      expect(down.status).toBe(503);
      expect(down.body.error?.code).toBe("service_unavailable");
    } finally {
      await deadQueues.close().catch(() => undefined);
      deadRedis.disconnect();
    }
    expect(await used(user)).toBe(0);
    expect(await harness.db.reminderSchedule.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("validates the type and requires sign-in", async () => {
    const user = await signUp(harness, "reports");
    const bad = await as(user, app).request("POST", "/reports", { type: "weekly" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.[0]?.path).toBe("type");
    expect(
      (
        await app.request("/reports", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ type: "two_day" }),
        })
      ).status,
    ).toBe(401);
    // Listing stays as it was: the worker's rows, newest first.
    expect((await as(user, app).request("GET", "/reports")).body).toEqual({ items: [], nextCursor: null });
  });
});
