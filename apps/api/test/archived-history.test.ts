// History the worker moved into the archive (HISTORY_HOT_MONTHS; packages/db's "History and retention")
// is still the user's: in GET /me/export, back in an account by POST /me/import, gone with DELETE /me.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { aiUsageByModel } from "../src/services/coaching/analytics.ts";
import { startApi, type Harness } from "./harness.ts";
import { signUp } from "./support/api.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startApi();
});
afterAll(async () => {
  await harness?.close();
});

const OLD = new Date("2023-04-10T08:30:00.125Z");

type TArchive = { data: Record<string, Array<Record<string, unknown>>> };

describe("archived history", () => {
  it("is in the export (as the hot rows are), imports back, and is deleted with the account", async () => {
    const user = await signUp(harness, "archived");
    const conversation = await user.request("POST", "/conversations", { title: "Years ago" });
    expect(conversation.status).toBe(201);
    const conversationId = (conversation.body as { id: string }).id;
    const { db } = harness;
    const asked = await db.message.create({
      data: { conversationId, userId: user.userId, role: "USER", content: "An archived question", createdAt: OLD },
    });
    const answer = await db.message.create({
      data: {
        conversationId,
        role: "ASSISTANT",
        content: "An archived answer",
        metadata: { grounded: true },
        createdAt: new Date(OLD.getTime() + 1_000),
      },
    });
    const response = await db.aiResponse.create({
      data: {
        messageId: answer.id,
        userId: user.userId,
        modelUsed: "cto-local",
        tokenCount: 42,
        cost: "0.00012",
        temperature: 0.5,
        status: "SUCCESS",
        createdAt: answer.createdAt,
      },
    });
    await db.message.create({ data: { conversationId, role: "USER", content: "A recent one" } });
    const recent = await db.message.create({ data: { conversationId, role: "ASSISTANT", content: "A recent answer" } });
    await db.aiResponse.create({
      data: {
        messageId: recent.id,
        userId: user.userId,
        modelUsed: "cto-local",
        tokenCount: 8,
        cost: "0.5",
        latency: 30,
      },
    });
    // AI-usage analytics (the user's, all time and since the archived month, and everyone's) keep counting it.
    const usage = async () => [
      (await user.request("GET", "/analytics/ai-usage")).body,
      (await user.request("GET", `/analytics/ai-usage?since=${OLD.getTime() - 86_400_000}`)).body,
      (await user.request("GET", `/analytics/ai-usage?since=${OLD.getTime() + 86_400_000}`)).body,
      await aiUsageByModel({ db, since: OLD.getTime() - 86_400_000 }),
    ];
    const before = await usage();
    expect(before[0]).toEqual({
      since: null,
      models: [
        { model: "cto-local", usageCount: 2, avgLatency: 30, totalCost: 0.50012, avgTokens: 25, totalTokens: 50 },
      ],
    });
    expect((before[2] as { models: { usageCount: number }[] }).models[0]!.usageCount).toBe(1);
    // What the worker's archive-history job does for months past the hot window.
    await db.$queryRaw`SELECT archive.ensure_month(${OLD.toISOString()}::timestamptz)`;
    await db.$queryRaw`SELECT * FROM archive.move_messages('2024-01-01T00:00:00Z'::timestamptz, 1000)`;
    expect(await db.message.count({ where: { id: { in: [asked.id, answer.id] } } })).toBe(0);
    expect(await db.aiResponse.count({ where: { id: response.id } })).toBe(0);
    expect(await usage()).toEqual(before);

    const text = await (await harness.app.request("/me/export", { headers: { cookie: user.cookie } })).text();
    const archive = JSON.parse(text) as TArchive;
    const contents = archive.data.messages!.map((row) => row.content).sort();
    expect(contents).toEqual(["A recent answer", "A recent one", "An archived answer", "An archived question"]);
    expect(archive.data.messages!.find((row) => row.id === answer.id)).toEqual({
      id: answer.id,
      conversationId,
      role: "ASSISTANT",
      content: "An archived answer",
      userId: null,
      toolCalls: null,
      toolCallId: null,
      metadata: { grounded: true },
      source: "WEB",
      telegramMessageId: null,
      createdAt: "2023-04-10T08:30:01.125Z",
    });
    expect(archive.data.aiResponses).toHaveLength(2);
    expect(archive.data.aiResponses!.find((row) => row.id === response.id)).toMatchObject({
      id: response.id,
      messageId: answer.id,
      modelUsed: "cto-local",
      tokenCount: 42,
      temperature: 0.5,
      status: "SUCCESS",
      createdAt: "2023-04-10T08:30:01.125Z",
    });
    expect(Number(archive.data.aiResponses!.find((row) => row.id === response.id)!.cost)).toBe(0.00012);

    const other = await signUp(harness, "restored");
    const imported = await other.request("POST", "/me/import", archive);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const restored = await db.message.findMany({
      where: { conversation: { userId: other.userId } },
      select: { content: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    expect(restored.map((row) => row.content)).toEqual([
      "An archived question",
      "An archived answer",
      "A recent one",
      "A recent answer",
    ]);
    expect(restored[0]!.createdAt).toEqual(OLD);

    expect((await user.request("DELETE", "/me", { password: "correct horse battery" })).status).toBe(204);
    const [left] = await db.$queryRaw<{ messages: number; responses: number }[]>`
      SELECT (SELECT count(*)::int FROM archive.messages WHERE conversation_id = ${conversationId}::uuid) AS messages,
             (SELECT count(*)::int FROM archive.ai_responses WHERE user_id = ${user.userId}::uuid) AS responses`;
    expect(left).toEqual({ messages: 0, responses: 0 });
  });
});
