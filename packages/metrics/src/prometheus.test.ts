import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";

import { createLocalProvider } from "@cto/ai/local-provider";
import { parseExposition, sampleValue } from "@cto/vitest-config/prometheus-text";

import {
  boundedLabel,
  meteredAi,
  metricsAuthorized,
  registerAiUsage,
  registerPoolGauges,
  registerQueueGauges,
  type TQueueDepths,
} from "./prometheus.ts";

const scrape = async (registry: Registry) => parseExposition(await registry.metrics());

describe("boundedLabel", () => {
  it("keeps the first `max` distinct values, and past the cap answers 'other' for new ones only", () => {
    const label = boundedLabel(3);
    expect(["a", "b", "a", "c"].map(label)).toEqual(["a", "b", "a", "c"]);
    expect(["d", "e", "a", "c", "b", "d"].map(label)).toEqual(["other", "other", "a", "c", "b", "other"]);
  });

  it("bounds the AI series by model: the 21st model and later count as 'other'", async () => {
    const registry = new Registry();
    const count = registerAiUsage(registry);
    for (let i = 0; i < 25; i += 1)
      count({ feature: "chat", model: `model-${i}`, promptTokens: 10, completionTokens: 1, cost: 0.5 });
    const samples = await scrape(registry);
    const models = new Set(
      samples.filter((sample) => sample.name === "cto_ai_tokens_total").map((sample) => sample.labels.model),
    );
    expect(models.size).toBe(21);
    expect(models.has("model-19")).toBe(true);
    expect(models.has("model-20")).toBe(false);
    expect(sampleValue(samples, "cto_ai_tokens_total", { feature: "chat", model: "other", type: "prompt" })).toBe(50);
    expect(sampleValue(samples, "cto_ai_cost_usd_total", { feature: "chat", model: "other" })).toBe(2.5);
  });
});

describe("metricsAuthorized", () => {
  const token = "scrape-token-0123456789abcdef";
  it("lets anyone in without a token, and with one needs exactly `Bearer <token>`", () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    expect(metricsAuthorized("", "anything")).toBe(true);
    expect(metricsAuthorized(token, `Bearer ${token}`)).toBe(true);
    for (const header of [
      undefined,
      "",
      token,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer  ${token}`,
      `Basic ${token}`,
      `bearer ${token}`,
      "Bearer ",
      `Bearer ${token.toUpperCase()}`,
    ]) {
      expect(metricsAuthorized(token, header), String(header)).toBe(false);
    }
  });
});

describe("meteredAi", () => {
  // The local provider priced like a paid model, so cost is counted as well as tokens.
  const prices = { "cto-local-coach-v1": { input: 2, output: 8 }, "cto-local-embedding-v1": { input: 1, output: 0 } };

  it("counts a chat, a stream, an embed and a sentiment batch under the feature, by model, with their cost", async () => {
    const registry = new Registry();
    const ai = createLocalProvider({ prices });
    const metered = meteredAi(ai, "stories", registerAiUsage(registry));
    const request = {
      messages: [{ role: "user" as const, content: "Help me plan a calm week with three focused mornings." }],
    };

    const chat = await metered.chat(request);
    let afterChat = await scrape(registry);
    const chatModel = { feature: "stories", model: chat.model };
    expect(sampleValue(afterChat, "cto_ai_tokens_total", { ...chatModel, type: "prompt" })).toBe(
      chat.usage.promptTokens,
    );
    expect(sampleValue(afterChat, "cto_ai_tokens_total", { ...chatModel, type: "completion" })).toBe(
      chat.usage.completionTokens,
    );
    expect(sampleValue(afterChat, "cto_ai_cost_usd_total", chatModel)).toBeCloseTo(
      ai.costOf(chat.model, chat.usage),
      12,
    );
    expect(ai.costOf(chat.model, chat.usage)).toBeGreaterThan(0);

    const events = [];
    for await (const event of metered.chatStream(request)) events.push(event);
    const done = events.find((event) => event.type === "done");
    if (done?.type !== "done") throw new Error("the stream ended without a done event");
    const streamed = done.result;
    afterChat = await scrape(registry);
    expect(sampleValue(afterChat, "cto_ai_tokens_total", { ...chatModel, type: "prompt" })).toBe(
      chat.usage.promptTokens + streamed.usage.promptTokens,
    );
    expect(sampleValue(afterChat, "cto_ai_tokens_total", { ...chatModel, type: "completion" })).toBe(
      chat.usage.completionTokens + streamed.usage.completionTokens,
    );
    // The stream's events reach the caller unchanged.
    expect(events.filter((event) => event.type === "delta").length).toBeGreaterThan(0);

    const embedded = await metered.embed(["first text to embed", "second one"]);
    const samples = await scrape(registry);
    const embedModel = { feature: "stories", model: embedded.model };
    expect(embedded.model).not.toBe(chat.model);
    expect(sampleValue(samples, "cto_ai_tokens_total", { ...embedModel, type: "prompt" })).toBe(
      embedded.usage.promptTokens,
    );
    expect(sampleValue(samples, "cto_ai_tokens_total", { ...embedModel, type: "completion" })).toBe(0);
    expect(sampleValue(samples, "cto_ai_cost_usd_total", embedModel)).toBeCloseTo(
      ai.costOf(embedded.model, embedded.usage),
      12,
    );
    expect(embedded.usage.promptTokens).toBeGreaterThan(0);

    // Sentiment labels pass through, their usage counted under the labelling model.
    const labelled = await metered.sentiment(["I love it", "This is not good"]);
    expect(labelled.sentiments).toEqual(["POSITIVE", "NEGATIVE"]);
    const labelModel = { feature: "stories", model: labelled.model, type: "prompt" };
    expect(sampleValue(await scrape(registry), "cto_ai_tokens_total", labelModel)).toBe(labelled.usage.promptTokens);
    expect(labelled.usage.promptTokens).toBeGreaterThan(0);
  });
});

describe("pool and queue gauges", () => {
  it("report the pool as read at scrape time, 0 without one", async () => {
    const registry = new Registry();
    let stats: { total: number; idle: number; waiting: number; max: number } | null = null;
    registerPoolGauges(registry, () => stats);
    expect(sampleValue(await scrape(registry), "cto_db_pool_max_connections", {})).toBe(0);
    stats = { total: 4, idle: 1, waiting: 2, max: 10 };
    const samples = await scrape(registry);
    expect(
      [
        "cto_db_pool_connections",
        "cto_db_pool_idle_connections",
        "cto_db_pool_waiting_queries",
        "cto_db_pool_max_connections",
      ].map((name) => sampleValue(samples, name, {})),
    ).toEqual([4, 1, 2, 10]);
  });

  it("read Redis once per scrape for both gauges; no answer (or a failed read) is cto_redis_up 0 and no depths", async () => {
    const registry = new Registry();
    let reads = 0;
    let depths: TQueueDepths | null | Error = new Map([
      ["reports", { waiting: 3, failed: 1 }],
      ["stories", { waiting: 0, failed: 0 }],
    ]);
    registerQueueGauges(registry, async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (depths instanceof Error) throw depths;
      return depths;
    });
    let samples = await scrape(registry);
    expect(reads).toBe(1);
    expect(sampleValue(samples, "cto_redis_up", {})).toBe(1);
    expect(sampleValue(samples, "cto_queue_jobs", { queue: "reports", state: "waiting" })).toBe(3);
    expect(sampleValue(samples, "cto_queue_jobs", { queue: "stories", state: "failed" })).toBe(0);

    for (const down of [null, new Error("connection refused")]) {
      depths = down;
      samples = await scrape(registry);
      expect(sampleValue(samples, "cto_redis_up", {})).toBe(0);
      expect(samples.filter((sample) => sample.name === "cto_queue_jobs")).toEqual([]);
    }
    expect(reads).toBe(3);
  });
});
