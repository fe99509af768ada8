import { Hono } from "hono";
import { describe, expect, it } from "vitest";

import type { AppEnv } from "../src/context.ts";
import { handleError } from "../src/errors.ts";
import { limitDailyGenerations } from "../src/middleware/generation-limit.ts";
import { takeGeneration } from "../src/services/generation-quota.ts";
import { signUp, useApi } from "./support/api.ts";

const { harness } = useApi({ config: { dailyGenerationLimit: 3 } });

/** A route guarded the way AI generation routes are, on the real database. */
const generatingApp = (userId: string) => {
  let generated = 0;
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set("db", harness.db);
      c.set("config", harness.config);
      c.set("requestId", "test");
      c.set("auth", { userId, role: "USER", via: "session" });
      await next();
    })
    .post("/generate", limitDailyGenerations, (c) => c.json({ generated: ++generated }));
  app.onError(handleError);
  return { app, generatedCount: () => generated };
};

describe("the daily AI generation limit", () => {
  it("allows the day's allowance, then answers 429 with Retry-After and never reaches the model", async () => {
    const user = await signUp(harness, "generator");
    const { app, generatedCount } = generatingApp(user.userId);
    for (let i = 0; i < 3; i++) {
      const response = await app.request("/generate", { method: "POST" });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-generations-remaining")).toBe(String(2 - i));
    }
    const refused = await app.request("/generate", { method: "POST" });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(generatedCount()).toBe(3);
    expect((await user.request("GET", "/me/generation-quota")).body).toMatchObject({
      limit: 3,
      used: 3,
      remaining: 0,
      resetsAt: expect.any(Number),
    });
  });

  it("resets on the next UTC day", async () => {
    const user = await signUp(harness, "tomorrow");
    const today = new Date("2026-11-23T23:59:00Z");
    for (let i = 0; i < 3; i++)
      expect(await takeGeneration({ db: harness.db, userId: user.userId, limit: 3, now: today })).toBeDefined();
    expect(await takeGeneration({ db: harness.db, userId: user.userId, limit: 3, now: today })).toBeUndefined();
    expect(
      await takeGeneration({ db: harness.db, userId: user.userId, limit: 3, now: new Date("2026-11-24T00:00:01Z") }),
    ).toMatchObject({ used: 1, remaining: 2 });
  });

  it("never hands out more than the allowance to concurrent requests", async () => {
    const user = await signUp(harness, "racer");
    const results = await Promise.all(
      Array.from({ length: 12 }, () => takeGeneration({ db: harness.db, userId: user.userId, limit: 5 })),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect((await harness.db.user.findUniqueOrThrow({ where: { id: user.userId } })).dailyGenerationCount).toBe(5);
  });
});
