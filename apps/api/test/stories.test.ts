import { describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { sendJson, startStandIn } from "@cto/ai/testing";

import { createApp } from "../src/app.ts";
import { periodRange } from "../src/services/stories.ts";
import { sameSession, signUp, useApi } from "./support/api.ts";

const { harness } = useApi({ config: { dailyGenerationLimit: 2 } });

describe("story periods", () => {
  it("covers a month or an ISO week", () => {
    expect(periodRange("2026-11")).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
    });
    expect(periodRange("2026-W01")).toEqual({
      start: new Date("2025-12-29T00:00:00Z"),
      end: new Date("2026-01-05T00:00:00Z"),
    });
    expect(periodRange("2026-W48")).toEqual({
      start: new Date("2026-11-23T00:00:00Z"),
      end: new Date("2026-11-30T00:00:00Z"),
    });
    expect(() => periodRange("2026-13")).toThrow();
  });
});

describe("story generation", () => {
  it("writes one story per period from the period's activity, within the daily limit", async () => {
    const user = await signUp(harness, "storyteller");
    await harness.db.goal.create({
      data: {
        userId: user.userId,
        title: "Ship the checklist",
        period: "WEEKLY",
        status: "COMPLETED",
        progress: 100,
        completedAt: new Date("2026-11-10T10:00:00Z"),
      },
    });
    const story = await user.request("POST", "/stories/generate", { period: "2026-11" });
    expect(story.status).toBe(201);
    expect(story.body).toMatchObject({ period: "2026-11", content: expect.any(String) });
    expect(story.body.content).toContain('Completed the goal "Ship the checklist".');
    expect(story.body.content).toMatch(/^Offline summary/);
    expect(story.body.content).not.toMatch(/growth story|80-150 words|second person/);
    expect(story.headers.get("x-generations-remaining")).toBe("1");

    const again = await user.request("POST", "/stories/generate", { period: "2026-11" });
    expect(again.status).toBe(409);
    expect((await user.request("GET", "/me/generation-quota")).body.used).toBe(1);

    expect((await user.request("POST", "/stories/generate", { period: "2026-W47" })).status).toBe(201);
    const limited = await user.request("POST", "/stories/generate", { period: "2026-10" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await harness.db.story.count({ where: { userId: user.userId } })).toBe(2);
    expect((await user.request("GET", "/stories")).body.items).toHaveLength(2);
  });

  it("refuses a malformed period and needs credentials", async () => {
    const user = await signUp(harness, "badperiod");
    const response = await user.request("POST", "/stories/generate", { period: "November" });
    expect(response.status).toBe(400);
    expect(response.body.error?.details?.[0]?.path).toBe("period");
    expect(
      (
        await harness.app.request("/stories/generate", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: '{"period":"2026-11"}',
        })
      ).status,
    ).toBe(401);
  });
});

describe("story generation when the AI provider is down", () => {
  it("answers 503 saying what failed, stores nothing and gives the generation back", async () => {
    const failing = await startStandIn((_request, res) => sendJson(res, 500, { error: { message: "boom sk-secret" } }));
    try {
      const app = createApp({
        db: harness.db,
        config: harness.config,
        mailer: harness.mailer,
        ai: createAiProvider(
          parseAiConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: failing.baseUrl, AI_MAX_RETRIES: "0" }),
        ),
      });
      const user = await signUp(harness, "unlucky");
      const response = await sameSession(user, { ...harness, app }).request("POST", "/stories/generate", {
        period: "2026-11",
      });
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        code: "service_unavailable",
        message: "The story could not be written: the AI provider failed (HTTP 500). Try again in a moment.",
      });
      expect(await harness.db.story.count({ where: { userId: user.userId } })).toBe(0);
      expect((await user.request("GET", "/me/generation-quota")).body.used).toBe(0);
    } finally {
      await failing.close();
    }
  });
});
