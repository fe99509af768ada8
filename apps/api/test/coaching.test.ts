import { describe, expect, it } from "vitest";

import { fieldPaths, signUp, useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const pause = (ms = 3) => new Promise((resolve) => setTimeout(resolve, ms));
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

/** An assistant reply with its AiResponse analytics row, as the AI pipeline will write them. */
const seedAiResponse = async (
  userId: string,
  data: { modelUsed: string; latency?: number; tokenCount?: number; cost?: number; createdAt?: Date },
) => {
  const conversation = await harness.db.conversation.create({ data: { userId, title: "seeded" } });
  const message = await harness.db.message.create({
    data: { conversationId: conversation.id, role: "ASSISTANT", content: "reply" },
  });
  return harness.db.aiResponse.create({ data: { messageId: message.id, userId, ...data } });
};

describe("coaching: conversations and messages", () => {
  it("creates, reads, changes and deletes a conversation with its JSON context", async () => {
    const created = await alice.request("POST", "/conversations", {
      title: "Weekly check-in",
      summary: "Energy dips",
      context: { mood: "tired", tags: ["work"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Weekly check-in",
      summary: "Energy dips",
      context: { mood: "tired", tags: ["work"] },
      isActive: true,
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    expect(created.body).not.toHaveProperty("userId");
    expect((await alice.request("GET", `/conversations/${created.body.id}`)).body).toEqual(created.body);
    const patched = await alice.request("PATCH", `/conversations/${created.body.id}`, {
      context: null,
      isActive: false,
    });
    expect(patched.body).toMatchObject({ context: null, isActive: false, title: "Weekly check-in" });
    expect((await harness.db.conversation.findUniqueOrThrow({ where: { id: created.body.id } })).context).toBeNull();
    expect(
      (await alice.request("GET", "/conversations?isActive=false")).body.items.map((item: { id: string }) => item.id),
    ).toEqual([created.body.id]);
    expect((await alice.request("DELETE", `/conversations/${created.body.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/conversations/${created.body.id}`)).status).toBe(404);
  });

  it("writes user messages in order, pages through them once each, and bumps the conversation", async () => {
    const { body: older } = await alice.request("POST", "/conversations", { title: "older" });
    await pause();
    const { body: newer } = await alice.request("POST", "/conversations", { title: "newer" });
    const written: string[] = [];
    for (let i = 0; i < 5; i++) {
      await pause();
      const response = await alice.request("POST", `/conversations/${older.id}/messages`, {
        content: `note ${i}`,
        ...(i === 0 ? { source: "telegram", metadata: { chatId: 7 } } : {}),
      });
      expect(response.status).toBe(201);
      written.push(response.body.id);
    }
    const first = await alice.request("GET", `/conversations/${older.id}/messages/${written[0]}`);
    expect(first.body).toMatchObject({
      conversationId: older.id,
      role: "user",
      content: "note 0",
      source: "telegram",
      metadata: { chatId: 7 },
    });
    expect((await alice.request("GET", `/conversations/${older.id}/messages/${written[1]}`)).body.source).toBe("web");
    // An API key's caller writes as `api` unless it says otherwise.
    const { body: scripted } = await alice.request("POST", "/conversations", { title: "scripted" });
    const key = (await alice.request("POST", "/api-keys", { name: "notes script" })).body.key as string;
    const viaKey = await harness.app.request(`/conversations/${scripted.id}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "from a script" }),
    });
    expect(viaKey.status).toBe(201);
    expect(((await viaKey.json()) as { source: string }).source).toBe("api");
    expect((await harness.db.message.findUniqueOrThrow({ where: { id: written[0]! } })).userId).toBe(alice.userId);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    const listPage = (after: string | null) =>
      alice.request("GET", `/conversations/${older.id}/messages?limit=2${after ? `&cursor=${after}` : ""}`);
    do {
      const page = await listPage(cursor);
      expect(page.status).toBe(200);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(written);

    // The older conversation got the newest message, so it leads the default (updated) order, not the created order.
    const updated = ids((await alice.request("GET", "/conversations")).body);
    expect(updated.indexOf(older.id)).toBeLessThan(updated.indexOf(newer.id));
    const created = ids((await alice.request("GET", "/conversations?sort=created")).body);
    expect(created.indexOf(newer.id)).toBeLessThan(created.indexOf(older.id));
  });

  it("lists a conversation's messages with their AI responses' model, tokens, cost and latency", async () => {
    const response = await seedAiResponse(alice.userId, {
      modelUsed: "gpt-4o-mini",
      latency: 1_234,
      tokenCount: 300,
      cost: 0.00123,
    });
    const { conversationId } = await harness.db.message.findUniqueOrThrow({ where: { id: response.messageId } });
    const { body: question } = await alice.request("POST", `/conversations/${conversationId}/messages`, {
      content: "And then?",
    });
    const page = await alice.request("GET", `/conversations/${conversationId}/transcript?limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      {
        ...(await alice.request("GET", `/conversations/${conversationId}/messages/${response.messageId}`)).body,
        aiResponse: {
          model: "gpt-4o-mini",
          status: "success",
          promptTokens: null,
          completionTokens: null,
          tokenCount: 300,
          cost: 0.00123,
          latency: 1_234,
          createdAt: response.createdAt.getTime(),
        },
      },
    ]);
    const next = await alice.request(
      "GET",
      `/conversations/${conversationId}/transcript?limit=1&cursor=${page.body.nextCursor}`,
    );
    expect(next.body).toEqual({ items: [{ ...question, aiResponse: null }], nextCursor: null });
    expect((await bob.request("GET", `/conversations/${conversationId}/transcript`)).status).toBe(404);
    expect((await alice.request("GET", `/conversations/${conversationId}/transcript?cursor=nope`)).status).toBe(400);
  });

  it("deletes a message, and a conversation (trash, then for good) together with its messages", async () => {
    const { body: conversation } = await alice.request("POST", "/conversations", {});
    const { body: message } = await alice.request("POST", `/conversations/${conversation.id}/messages`, {
      content: "delete me",
      role: "user",
    });
    const { body: kept } = await alice.request("POST", `/conversations/${conversation.id}/messages`, {
      content: "keep me",
    });
    expect((await alice.request("DELETE", `/conversations/${conversation.id}/messages/${message.id}`)).status).toBe(
      204,
    );
    expect((await alice.request("GET", `/conversations/${conversation.id}/messages/${message.id}`)).status).toBe(404);
    expect(ids((await alice.request("GET", `/conversations/${conversation.id}/messages`)).body)).toEqual([kept.id]);
    // DELETE moves it to the trash (restore is the undo): its messages stay until it is deleted for good.
    expect((await alice.request("DELETE", `/conversations/${conversation.id}`)).status).toBe(204);
    expect(await harness.db.message.count({ where: { conversationId: conversation.id } })).toBe(1);
    expect((await alice.request("DELETE", `/conversations/${conversation.id}?permanent=true`)).status).toBe(204);
    expect(await harness.db.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });
});

describe("coaching: insights, emotions, energy", () => {
  it("keeps insights linked to a conversation and filters them by any of several tags", async () => {
    const { body: conversation } = await alice.request("POST", "/conversations", { title: "source" });
    const { body: focus } = await alice.request("POST", "/insights", {
      content: "Mornings are for deep work",
      tags: ["focus", "focus", "time"],
      conversationId: conversation.id,
    });
    expect(focus).toMatchObject({
      content: "Mornings are for deep work",
      tags: ["focus", "time"],
      conversationId: conversation.id,
      title: null,
    });
    const { body: health } = await alice.request("POST", "/insights", {
      content: "Walks lift energy",
      tags: ["health"],
    });
    await alice.request("POST", "/insights", { content: "Untagged" });
    expect(ids((await alice.request("GET", "/insights?tag=focus")).body)).toEqual([focus.id]);
    expect(new Set(ids((await alice.request("GET", "/insights?tag=health,focus")).body))).toEqual(
      new Set([focus.id, health.id]),
    );
    expect(ids((await alice.request("GET", `/insights?conversationId=${conversation.id}`)).body)).toEqual([focus.id]);
    expect(
      (await alice.request("PATCH", `/insights/${health.id}`, { tags: ["health", "habits"], title: "Walking" })).body,
    ).toMatchObject({ tags: ["health", "habits"], title: "Walking" });
    expect((await alice.request("DELETE", `/insights/${health.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/insights/${health.id}`)).status).toBe(404);
  });

  it("records emotions and energy, newest first, within a recordedAt range", async () => {
    const day = 86_400_000;
    const base = Date.UTC(2026, 2, 1);
    const emotions = [];
    for (const [offset, valence] of [
      [0, "positive"],
      [1, "negative"],
      [2, "neutral"],
    ] as const) {
      const response = await alice.request("POST", "/emotions", {
        label: `day ${offset}`,
        valence,
        intensity: 5 + offset,
        recordedAt: base + offset * day,
      });
      expect(response.status).toBe(201);
      emotions.push(response.body);
    }
    expect(emotions[0]).toMatchObject({
      valence: "positive",
      intensity: 5,
      recordedAt: base,
      note: null,
      conversationId: null,
    });
    expect((await harness.db.emotion.findUniqueOrThrow({ where: { id: emotions[1]!.id } })).valence).toBe("NEGATIVE");
    expect(ids((await alice.request("GET", `/emotions?from=${base}&to=${base + 3 * day}`)).body)).toEqual([
      emotions[2]!.id,
      emotions[1]!.id,
      emotions[0]!.id,
    ]);
    expect(ids((await alice.request("GET", `/emotions?from=${base + day}&to=${base + 2 * day}`)).body)).toEqual([
      emotions[1]!.id,
    ]);
    expect(ids((await alice.request("GET", `/emotions?valence=neutral&from=${base}`)).body)).toEqual([emotions[2]!.id]);
    expect(
      (await alice.request("PATCH", `/emotions/${emotions[0]!.id}`, { intensity: 9, note: "after the talk" })).body,
    ).toMatchObject({ intensity: 9, note: "after the talk" });
    expect((await alice.request("DELETE", `/emotions/${emotions[0]!.id}`)).status).toBe(204);

    const low = await alice.request("POST", "/energy-metrics", { level: 2, recordedAt: base });
    const high = await alice.request("POST", "/energy-metrics", {
      level: 9,
      note: "after a run",
      recordedAt: base + day,
    });
    expect(high.body).toMatchObject({ level: 9, note: "after a run", recordedAt: base + day });
    expect(ids((await alice.request("GET", `/energy-metrics?from=${base}`)).body)).toEqual([high.body.id, low.body.id]);
    expect(ids((await alice.request("GET", `/energy-metrics?to=${base + 1}`)).body)).toEqual([low.body.id]);
    expect((await alice.request("PATCH", `/energy-metrics/${low.body.id}`, { level: 3 })).body.level).toBe(3);
    expect((await alice.request("GET", `/energy-metrics/${low.body.id}`)).body.level).toBe(3);
    expect((await alice.request("DELETE", `/energy-metrics/${low.body.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/energy-metrics/${low.body.id}`)).status).toBe(404);
  });
});

describe("coaching: worker-computed consistency metrics and reports (read-only)", () => {
  it("lists them newest period first, filters reports by type, and refuses writes", async () => {
    const day = 86_400_000;
    const end = Date.UTC(2026, 5, 21);
    const metric = await harness.db.consistencyMetric.create({
      data: {
        userId: alice.userId,
        windowDays: 7,
        score: 82.5,
        periodStart: new Date(end - 7 * day),
        periodEnd: new Date(end),
      },
    });
    await harness.db.consistencyMetric.create({
      data: {
        userId: alice.userId,
        windowDays: 21,
        score: 60,
        periodStart: new Date(end - 22 * day),
        periodEnd: new Date(end - day),
      },
    });
    const weekly = await harness.db.report.create({
      data: {
        userId: alice.userId,
        type: "SEVEN_DAY",
        periodStart: new Date(end - 7 * day),
        periodEnd: new Date(end),
        payload: { moods: 3 },
      },
    });
    const earlier = await harness.db.report.create({
      data: {
        userId: alice.userId,
        type: "SEVEN_DAY",
        periodStart: new Date(end - 14 * day),
        periodEnd: new Date(end - 7 * day),
        payload: {},
      },
    });
    const short = await harness.db.report.create({
      data: {
        userId: alice.userId,
        type: "TWO_DAY",
        periodStart: new Date(end - 2 * day),
        periodEnd: new Date(end - day),
        payload: {},
      },
    });

    const metrics = await alice.request("GET", "/consistency-metrics");
    expect(metrics.body.items[0]).toMatchObject({ id: metric.id, windowDays: 7, score: 82.5, periodEnd: end });
    expect(metrics.body.items).toHaveLength(2);
    expect(ids((await alice.request("GET", "/consistency-metrics?windowDays=21")).body)).toHaveLength(1);
    expect((await alice.request("GET", `/consistency-metrics/${metric.id}`)).body.score).toBe(82.5);

    expect(ids((await alice.request("GET", "/reports")).body)).toEqual([weekly.id, short.id, earlier.id]);
    expect(ids((await alice.request("GET", "/reports?type=seven_day")).body)).toEqual([weekly.id, earlier.id]);
    const page = await alice.request("GET", "/reports?limit=1");
    expect(ids((await alice.request("GET", `/reports?limit=5&cursor=${page.body.nextCursor}`)).body)).toEqual([
      short.id,
      earlier.id,
    ]);
    expect((await alice.request("GET", `/reports/${weekly.id}`)).body).toMatchObject({
      type: "seven_day",
      payload: { moods: 3 },
      periodStart: end - 7 * day,
    });
    // POST /reports asks the worker for a report (test/reports.test.ts); without queues it writes nothing here.
    expect((await alice.request("POST", "/reports", { type: "two_day" })).status).toBe(503);
    expect((await alice.request("PATCH", `/reports/${weekly.id}`, { title: "x" })).status).toBe(405);
    expect((await alice.request("DELETE", `/reports/${weekly.id}`)).status).toBe(405);
    expect(await harness.db.report.count({ where: { userId: alice.userId } })).toBe(3);
  });
});

describe("coaching: context profile and model preference", () => {
  it("reads the complete profile in one request: the user, their context and their Telegram link", async () => {
    const user = await signUp(harness, "complete");
    const empty = await user.request("GET", "/me/profile");
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ user: (await user.request("GET", "/me")).body, context: null, telegram: null });

    const context = (await user.request("PUT", "/me/context", { personalBio: "Team lead", expertiseAreas: ["Go"] }))
      .body;
    await harness.db.telegramConnection.create({
      data: {
        userId: user.userId,
        telegramChatId: `${Date.now()}`,
        telegramUsername: "complete_user",
        isActive: true,
        connectedAt: new Date(),
      },
    });
    const full = (await user.request("GET", "/me/profile")).body;
    expect(full.context).toEqual(context);
    expect(full.telegram).toEqual((await user.request("GET", "/telegram")).body);
    expect(full.telegram).toMatchObject({ telegramUsername: "complete_user", isActive: true });
    expect(JSON.stringify(full)).not.toMatch(/passwordHash|"connectionToken"|"userId"/);
    // Another user's profile is their own.
    expect((await bob.request("GET", "/me/profile")).body).toMatchObject({ context: null, telegram: null });
  });

  it("has no context until PUT creates it; a second PUT replaces it", async () => {
    const user = await signUp(harness, "context");
    // Nothing told yet is a 200 with null, so a new user's settings page logs no failed request.
    expect(await user.request("GET", "/me/context")).toMatchObject({ status: 200, body: null });
    const created = await user.request("PUT", "/me/context", {
      personalBio: "Team lead",
      longTermGoals: ["Delegate more", "Write a book"],
      workingHours: "9-17",
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      personalBio: "Team lead",
      longTermGoals: ["Delegate more", "Write a book"],
      workingHours: "9-17",
      expertiseAreas: [],
      communicationStyle: null,
    });
    expect((await user.request("GET", "/me/context")).body).toEqual(created.body);
    const replaced = await user.request("PUT", "/me/context", { expertiseAreas: ["Go"] });
    expect(replaced.body).toMatchObject({
      id: created.body.id,
      expertiseAreas: ["Go"],
      personalBio: null,
      longTermGoals: [],
      workingHours: null,
    });
    expect(await harness.db.userContext.count({ where: { userId: user.userId } })).toBe(1);
  });

  it("reads and sets the current and preferred models", async () => {
    const user = await signUp(harness, "model");
    expect((await user.request("GET", "/me/model")).body).toEqual({ currentModel: null, preferredModels: [] });
    const set = await user.request("PUT", "/me/model", {
      currentModel: "mistralai/devstral-small",
      preferredModels: ["mistralai/devstral-small", "gpt-4o-mini"],
    });
    expect(set.body).toEqual({
      currentModel: "mistralai/devstral-small",
      preferredModels: ["mistralai/devstral-small", "gpt-4o-mini"],
    });
    expect((await user.request("GET", "/me/model")).body).toEqual(set.body);
    expect((await harness.db.user.findUniqueOrThrow({ where: { id: user.userId } })).currentModel).toBe(
      "mistralai/devstral-small",
    );
    expect((await user.request("PUT", "/me/model", { currentModel: null, preferredModels: [] })).body).toEqual({
      currentModel: null,
      preferredModels: [],
    });
  });
});

describe("coaching: AI usage analytics", () => {
  it("aggregates the caller's responses by model; admins see everyone's", async () => {
    const user = await signUp(harness, "usage");
    const other = await signUp(harness, "usage-other");
    const old = new Date(Date.UTC(2025, 0, 1));
    await seedAiResponse(user.userId, { modelUsed: "model-a", latency: 100, tokenCount: 10, cost: 0.5 });
    await seedAiResponse(user.userId, { modelUsed: "model-a", latency: 300, tokenCount: 30, cost: 0.25 });
    await seedAiResponse(user.userId, { modelUsed: "model-b", latency: 50 });
    await seedAiResponse(user.userId, { modelUsed: "model-b", tokenCount: 7, createdAt: old });
    await seedAiResponse(user.userId, {
      modelUsed: "model-b",
      latency: 70,
      tokenCount: 3,
      cost: 0.125,
      createdAt: old,
    });
    await seedAiResponse(other.userId, { modelUsed: "model-c", latency: 1, tokenCount: 1, cost: 1 });

    const all = await user.request("GET", "/analytics/ai-usage");
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      since: null,
      models: [
        { model: "model-b", usageCount: 3, avgLatency: 60, totalCost: 0.125, avgTokens: 5, totalTokens: 10 },
        { model: "model-a", usageCount: 2, avgLatency: 200, totalCost: 0.75, avgTokens: 20, totalTokens: 40 },
      ],
    });
    const since = Date.UTC(2025, 6, 1);
    const recent = await user.request("GET", `/analytics/ai-usage?since=${since}`);
    expect(recent.body).toEqual({
      since,
      models: [
        { model: "model-a", usageCount: 2, avgLatency: 200, totalCost: 0.75, avgTokens: 20, totalTokens: 40 },
        { model: "model-b", usageCount: 1, avgLatency: 50, totalCost: 0, avgTokens: null, totalTokens: 0 },
      ],
    });

    const refused = await user.request("GET", "/admin/analytics/ai-usage");
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe("forbidden");
    await harness.db.user.update({ where: { id: user.userId }, data: { role: "ADMIN" } });
    const overall = await user.request("GET", "/admin/analytics/ai-usage");
    expect(overall.status).toBe(200);
    expect(overall.body.models.find((row: { model: string }) => row.model === "model-c")).toEqual({
      model: "model-c",
      usageCount: 1,
      avgLatency: 1,
      totalCost: 1,
      avgTokens: 1,
      totalTokens: 1,
    });
    expect(overall.body.models.find((row: { model: string }) => row.model === "model-a")!.usageCount).toBe(2);
  });
});

describe("coaching: bad input", () => {
  it("refuses invalid conversations and messages with field paths, writing nothing", async () => {
    const { body: conversation } = await alice.request("POST", "/conversations", { title: "valid" });
    const badConversation = await alice.request("POST", "/conversations", {
      title: "",
      context: [1, 2],
      isActive: "yes",
    });
    expect(badConversation.status).toBe(400);
    expect(fieldPaths(badConversation)).toEqual(["context", "isActive", "title"]);
    const before = await harness.db.message.count();
    const badMessage = await alice.request("POST", `/conversations/${conversation.id}/messages`, {
      role: "assistant",
      content: "   ",
      source: "WEB",
    });
    expect(badMessage.status).toBe(400);
    expect(fieldPaths(badMessage)).toEqual(["content", "role", "source"]);
    expect(
      (await alice.request("POST", `/conversations/${conversation.id}/messages`, { content: "x".repeat(32_001) }))
        .status,
    ).toBe(400);
    expect(await harness.db.message.count()).toBe(before);
    expect((await alice.request("GET", `/conversations/${conversation.id}/messages?cursor=nope`)).status).toBe(400);
    expect((await alice.request("GET", `/conversations/${conversation.id}/messages/not-a-uuid`)).status).toBe(400);
    expect((await alice.request("GET", "/conversations?sort=oldest")).status).toBe(400);
  });

  it("refuses out-of-range wellbeing values, database-style enums and ISO dates", async () => {
    const badEmotion = await alice.request("POST", "/emotions", {
      label: "",
      valence: "POSITIVE",
      intensity: 11,
      recordedAt: "2026-01-01",
    });
    expect(badEmotion.status).toBe(400);
    expect(fieldPaths(badEmotion)).toEqual(["intensity", "label", "recordedAt", "valence"]);
    expect(fieldPaths(await alice.request("POST", "/energy-metrics", { level: 0 }))).toEqual(["level"]);
    expect((await alice.request("POST", "/energy-metrics", { level: 4.5 })).status).toBe(400);
    expect((await alice.request("GET", "/emotions?from=yesterday")).status).toBe(400);
    expect(
      fieldPaths(
        await alice.request("POST", "/insights", { content: "x", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
      ),
    ).toEqual(["tags"]);
    expect((await alice.request("GET", "/reports?type=weekly")).status).toBe(400);
    expect((await alice.request("GET", "/analytics/ai-usage?since=last-week")).status).toBe(400);
  });

  it("refuses oversized or malformed profile and model preferences", async () => {
    expect(
      fieldPaths(
        await alice.request("PUT", "/me/context", {
          longTermGoals: ["ok", 3],
          personalBio: "x".repeat(5001),
          workingHours: "x".repeat(201),
        }),
      ),
    ).toEqual(["longTermGoals.1", "personalBio", "workingHours"]);
    expect(
      (await alice.request("PUT", "/me/context", { expertiseAreas: Array.from({ length: 51 }, (_, i) => `area ${i}`) }))
        .status,
    ).toBe(400);
    expect(
      (
        await alice.request("PUT", "/me/model", {
          currentModel: "a",
          preferredModels: Array.from({ length: 21 }, (_, i) => `m${i}`),
        })
      ).status,
    ).toBe(400);
    expect(
      fieldPaths(
        await alice.request("PUT", "/me/model", { currentModel: "x".repeat(201), preferredModels: ["a", "a"] }),
      ),
    ).toEqual(["currentModel", "preferredModels"]);
    expect((await alice.request("PUT", "/me/model", { currentModel: "a" })).status).toBe(400);
    expect((await alice.request("GET", "/me/model")).body.preferredModels).toEqual([]);
  });
});

describe("coaching: isolation", () => {
  it("answers 404 for another user's conversation and its messages, and changes nothing", async () => {
    const { body: conversation } = await alice.request("POST", "/conversations", { title: "Private" });
    const { body: message } = await alice.request("POST", `/conversations/${conversation.id}/messages`, {
      content: "secret",
    });
    const { body: own } = await bob.request("POST", "/conversations", { title: "Bob's" });
    const attempts = [
      ["GET", `/conversations/${conversation.id}`],
      ["PATCH", `/conversations/${conversation.id}`, { title: "hacked" }],
      ["DELETE", `/conversations/${conversation.id}`],
      ["GET", `/conversations/${conversation.id}/messages`],
      ["POST", `/conversations/${conversation.id}/messages`, { content: "intrusion" }],
      ["GET", `/conversations/${conversation.id}/messages/${message.id}`],
      ["DELETE", `/conversations/${conversation.id}/messages/${message.id}`],
      ["GET", `/conversations/${own.id}/messages/${message.id}`],
      ["DELETE", `/conversations/${own.id}/messages/${message.id}`],
    ] as const;
    for (const [method, path, body] of attempts)
      expect((await bob.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    expect((await bob.request("GET", `/conversations/${own.id}/messages?cursor=${message.id}`)).status).toBe(400);
    expect(ids((await bob.request("GET", "/conversations")).body)).toEqual([own.id]);
    expect(await harness.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
      title: "Private",
    });
    expect(await harness.db.message.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it("refuses references to another user's conversation and hides their wellbeing data and reports", async () => {
    const { body: conversation } = await alice.request("POST", "/conversations", {});
    const insightsBefore = await harness.db.insight.count();
    expect(
      (await bob.request("POST", "/insights", { content: "sneaky", conversationId: conversation.id })).status,
    ).toBe(404);
    expect(
      (
        await bob.request("POST", "/emotions", {
          label: "sneaky",
          valence: "neutral",
          intensity: 3,
          conversationId: conversation.id,
        })
      ).status,
    ).toBe(404);
    expect(await harness.db.insight.count()).toBe(insightsBefore);
    expect(await harness.db.emotion.count({ where: { conversationId: conversation.id } })).toBe(0);

    const { body: emotion } = await alice.request("POST", "/emotions", {
      label: "calm",
      valence: "positive",
      intensity: 4,
    });
    const { body: energy } = await alice.request("POST", "/energy-metrics", { level: 6 });
    const { body: insight } = await alice.request("POST", "/insights", { content: "mine" });
    const report = await harness.db.report.create({
      data: {
        userId: alice.userId,
        type: "TWO_DAY",
        periodStart: new Date(0),
        periodEnd: new Date(172_800_000),
        payload: {},
      },
    });
    const metric = await harness.db.consistencyMetric.create({
      data: { userId: alice.userId, windowDays: 3, score: 1, periodStart: new Date(0), periodEnd: new Date(1) },
    });
    for (const path of [
      `/emotions/${emotion.id}`,
      `/energy-metrics/${energy.id}`,
      `/insights/${insight.id}`,
      `/reports/${report.id}`,
      `/consistency-metrics/${metric.id}`,
    ])
      expect((await bob.request("GET", path)).status, path).toBe(404);
    expect((await bob.request("PATCH", `/emotions/${emotion.id}`, { intensity: 1 })).status).toBe(404);
    expect((await bob.request("DELETE", `/energy-metrics/${energy.id}`)).status).toBe(404);
    for (const path of ["/emotions", "/energy-metrics", "/insights", "/reports", "/consistency-metrics"] as const)
      expect((await bob.request("GET", path)).body.items, path).toEqual([]);
    expect(await harness.db.emotion.findUniqueOrThrow({ where: { id: emotion.id } })).toMatchObject({ intensity: 4 });
    expect((await bob.request("GET", "/analytics/ai-usage")).body.models).toEqual([]);
  });

  it("keeps each user's profile their own", async () => {
    await alice.request("PUT", "/me/context", { personalBio: "Alice's bio" });
    expect(await bob.request("GET", "/me/context")).toMatchObject({ status: 200, body: null });
    await bob.request("PUT", "/me/model", { currentModel: "bob-model", preferredModels: [] });
    expect((await alice.request("GET", "/me/model")).body.currentModel).toBeNull();
  });

  it("needs credentials", async () => {
    for (const path of [
      "/conversations",
      "/insights",
      "/emotions",
      "/energy-metrics",
      "/consistency-metrics",
      "/reports",
      "/me/context",
      "/me/model",
      "/analytics/ai-usage",
      "/admin/analytics/ai-usage",
    ])
      expect((await harness.app.request(path)).status, path).toBe(401);
    const post = await harness.app.request("/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(401);
    expect(
      (
        await harness.app.request("/me/model", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: '{"currentModel":null,"preferredModels":[]}',
        })
      ).status,
    ).toBe(401);
  });
});
