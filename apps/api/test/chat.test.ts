import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { completionChunk, sendJson, sendSse, startStandIn, type TRecordedRequest } from "@cto/ai/testing";

import { createApp } from "../src/app.ts";
import { readTokenBudget } from "../src/services/chat/budget.ts";
import { signUp, useApi, type TUser } from "./support/api.ts";
import { eventAt, newConversation, rememberInsight, sendChat, startStandInApp, streamChat } from "./support/chat.ts";
import { WEB_ORIGIN, type Harness } from "./harness.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

/** POSTs to a chat route of `app` (the suite's by default) as `user` and parses the SSE body into events. */
const stream = (user: TUser, path: string, body: unknown, app: Harness["app"] = harness.app) =>
  streamChat(app, user, path, body);
const chat = (user: TUser, conversationId: string, content: unknown, app: Harness["app"] = harness.app) =>
  sendChat(app, user, conversationId, content);
const retry = (user: TUser, conversationId: string, messageId: unknown, app: Harness["app"] = harness.app) =>
  stream(user, `/conversations/${conversationId}/chat/retry`, { messageId }, app);

/** Something the user wrote before, put into their memory the way the pipeline does. */
const remember = (user: TUser, content: string) => rememberInsight(harness, user, content);

describe("chat: happy path with the local provider", () => {
  it("streams a reply grounded in the user's memory and stores every row of the exchange", async () => {
    const insightId = await remember(alice, "My manager Dana keeps cancelling our weekly one-on-one meetings");
    await remember(alice, "Sourdough bread needs a long cold proof");
    const conversationId = await newConversation(alice);
    const before = await harness.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const question = "How do I get Dana to stop cancelling our one-on-one meetings? It is frustrating.";
    const { status, events } = await chat(alice, conversationId, question);
    expect(status).toBe(200);
    const deltas = events.filter((event) => event.event === "delta");
    const done = eventAt(events, -1, "done");
    expect(events[0]).toMatchObject({
      event: "user_message",
      data: {
        message: { role: "user", content: question, conversationId, metadata: { reply: { status: "pending" } } },
      },
    });
    expect(events.filter((event) => event.event === "user_message")).toHaveLength(1);
    expect(deltas.length).toBeGreaterThan(1);
    expect(done.event).toBe("done");
    expect(events.filter((event) => event.event === "error")).toEqual([]);
    const streamed = deltas.map((event) => event.data.text).join("");
    expect(done.data.message).toMatchObject({ role: "assistant", content: streamed, conversationId });
    expect(done.data.message).not.toHaveProperty("userId");
    expect(done.data.sources[0]).toMatchObject({
      kind: "memory",
      id: insightId,
      ownerKind: "insight",
      content: expect.stringContaining("Dana"),
    });
    expect(done.data.sources.map((source: { content: string }) => source.content).join(" ")).not.toContain("Sourdough");
    expect(done.data.usage.totalTokens).toBe(done.data.usage.promptTokens + done.data.usage.completionTokens);
    expect(done.data.usage.promptTokens).toBeGreaterThan(0);

    const messages = await harness.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((message) => message.role)).toEqual(["USER", "ASSISTANT"]);
    expect(messages[0]).toMatchObject({
      id: eventAt(events, 0, "user_message").data.message.id,
      content: question,
      source: "WEB",
      userId: alice.userId,
    });
    expect((messages[0]!.metadata as { reply: unknown }).reply).toEqual({
      status: "answered",
      at: expect.any(Number),
      messageId: messages[1]!.id,
    });
    expect(messages[1]).toMatchObject({ id: done.data.message.id, content: streamed });
    expect((messages[1]!.metadata as { sources: { id: string }[] }).sources.map((source) => source.id)).toContain(
      insightId,
    );

    const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: messages[1]!.id } });
    expect(response).toMatchObject({
      userId: alice.userId,
      modelUsed: harness.ai.chatModel,
      status: "SUCCESS",
      temperature: 0.7,
      maxTokens: 1024,
    });
    expect(response.tokenCount).toBe(done.data.usage.totalTokens);
    expect(response.promptTokens).toBe(done.data.usage.promptTokens);
    expect(response.cost?.toNumber()).toBe(0);
    expect(response.latency).toBeGreaterThanOrEqual(0);
    expect(response.requestData).toMatchObject({ messages: 1, model: harness.ai.chatModel });
    expect(response.responseData).toMatchObject({ finishReason: "stop" });

    const audit = await harness.db.auditLog.findFirstOrThrow({
      where: { userId: alice.userId, conversationId },
      include: { assumptions: true },
    });
    expect(audit).toMatchObject({
      actionType: "respond",
      actionCategory: "agent",
      entityId: messages[1]!.id,
      status: "completed",
    });
    expect(audit.inputSummary).toContain("Dana");
    expect(audit.confidence?.toNumber()).toBeGreaterThan(0);
    expect(
      audit.assumptions.find((assumption) => (assumption.evidence as { id?: string }).id === insightId),
    ).toMatchObject({ category: "context" });

    const embeddings = await harness.db.embedding.findMany({
      where: { userId: alice.userId, ownerKind: "MESSAGE", ownerId: { in: messages.map((message) => message.id) } },
    });
    expect(embeddings).toHaveLength(2);
    expect(embeddings.every((row) => row.model === harness.ai.embeddingModel)).toBe(true);

    const after = await harness.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after.summary).toBe("How do I get Dana to stop cancelling our one-on-one meetings? (2 messages)");
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("remembers earlier exchanges of other conversations in later replies", async () => {
    const first = await newConversation(alice, "Hiring");
    await chat(alice, first, "I am hiring a staff engineer for the payments platform team");
    const second = await newConversation(alice, "Later");
    const { events } = await chat(alice, second, "What should I ask the staff engineer candidates for payments?");
    const done = eventAt(events, -1, "done");
    const userMessage = await harness.db.message.findFirstOrThrow({ where: { conversationId: first, role: "USER" } });
    expect(done.data.sources).toContainEqual(
      expect.objectContaining({ kind: "memory", ownerKind: "message", id: userMessage.id }),
    );
  });
});

describe("chat: errors", () => {
  it("rejects blank or missing content with 400 and stores nothing", async () => {
    const conversationId = await newConversation(alice);
    const blank = await chat(alice, conversationId, "   ");
    expect(blank.status).toBe(400);
    expect(blank.json?.error).toMatchObject({
      code: "validation_failed",
      details: [expect.objectContaining({ path: "content" })],
    });
    expect((await chat(alice, conversationId, undefined)).status).toBe(400);
    expect(await harness.db.message.count({ where: { conversationId } })).toBe(0);
  });

  it("answers 404 for a conversation that does not exist, 401 without credentials, and records an API key's turn as API", async () => {
    expect((await chat(alice, "00000000-0000-4000-8000-000000000000", "Hello")).status).toBe(404);
    const conversationId = await newConversation(alice);
    const anonymous = await harness.app.request(`/conversations/${conversationId}/chat`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ content: "Hi" }),
    });
    expect(anonymous.status).toBe(401);
    expect(await harness.db.message.count({ where: { conversationId } })).toBe(0);

    const key = (await alice.request("POST", "/api-keys", { name: "chat script" })).body.key as string;
    const viaKey = await harness.app.request(`/conversations/${conversationId}/chat`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "Hi from a script" }),
    });
    expect(viaKey.status).toBe(200);
    expect(await viaKey.text()).toContain("event: done");
    const stored = await harness.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(stored.map((message) => [message.role, message.source])).toEqual([
      ["USER", "API"],
      ["ASSISTANT", "API"],
    ]);
  });

  it("answers 429 with Retry-After once the day's token budget is spent, before calling the model", async () => {
    const carol = await signUp(harness, "carol");
    const conversationId = await newConversation(carol);
    const earlier = await harness.db.message.create({
      data: { conversationId, userId: carol.userId, role: "USER", content: "long day" },
    });
    await harness.db.aiResponse.create({
      data: { messageId: earlier.id, userId: carol.userId, modelUsed: "gpt-4o-mini", tokenCount: 200_000 },
    });
    const refused = await chat(carol, conversationId, "One more question");
    expect(refused.status).toBe(429);
    expect(refused.json?.error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(await harness.db.message.count({ where: { conversationId } })).toBe(1);
  });

  it("takes its budget from the API's configuration (AI_DAILY_TOKEN_BUDGET), not from the process", async () => {
    const dave = await signUp(harness, "dave");
    const conversationId = await newConversation(dave);
    const earlier = await harness.db.message.create({
      data: { conversationId, userId: dave.userId, role: "USER", content: "short day" },
    });
    await harness.db.aiResponse.create({
      data: { messageId: earlier.id, userId: dave.userId, modelUsed: "gpt-4o-mini", tokenCount: 150 },
    });
    const small = createApp({
      db: harness.db,
      config: { ...harness.config, chatTokenBudget: 100 },
      mailer: harness.mailer,
      ai: harness.ai,
    });
    expect((await chat(dave, conversationId, "Anything left today?", small)).status).toBe(429);
    const answered = await chat(dave, conversationId, "And with the default budget?");
    expect(answered.status).toBe(200);
    expect(answered.events.at(-1)!.event).toBe("done");
  });
});

describe("chat: security", () => {
  it("answers 404 for another user's conversation and changes nothing there", async () => {
    const bobs = await newConversation(bob);
    const attempt = await chat(alice, bobs, "Let me in");
    expect(attempt.status).toBe(404);
    expect(await harness.db.message.count({ where: { conversationId: bobs } })).toBe(0);
  });

  it("never retrieves another user's memory", async () => {
    const bobsSecret = await remember(bob, "Secret plan: Dana reorganises the platform team next quarter");
    const conversationId = await newConversation(alice);
    const { events } = await chat(
      alice,
      conversationId,
      "What do you know about Dana and the platform team reorganisation plan?",
    );
    const done = eventAt(events, -1, "done");
    expect(done.event).toBe("done");
    expect(done.data.sources.map((source: { id: string }) => source.id)).not.toContain(bobsSecret);
    expect(JSON.stringify(done.data)).not.toContain("Secret plan");
  });
});

describe("chat: against an OpenAI-compatible server (the stand-in)", () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let app: Harness["app"];
  let answerChat: (request: TRecordedRequest, res: ServerResponse, call: number) => void = () => {};
  let chatCalls = 0;
  const usageChunk = (prompt: number, completion: number) => ({
    ...completionChunk({}),
    choices: [],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  });

  beforeAll(async () => {
    ({ standIn, app } = await startStandInApp(harness, (request, res) => {
      chatCalls += 1;
      answerChat(request, res, chatCalls);
    }));
  });
  afterAll(async () => standIn?.close());

  it("runs the coach's tool calls through the create schemas, stores TOOL messages, then streams the final answer", async () => {
    chatCalls = 0;
    answerChat = (_request, res, call) =>
      call === 1
        ? sendSse(res, [
            completionChunk({
              role: "assistant",
              tool_calls: [
                {
                  index: 0,
                  id: "call_goal",
                  type: "function",
                  function: { name: "create_goal", arguments: '{"title":"Ship the billing revamp","period":"weekly"}' },
                },
              ],
            }),
            completionChunk({
              tool_calls: [
                {
                  index: 1,
                  id: "call_energy",
                  type: "function",
                  function: { name: "log_energy", arguments: '{"level":42}' },
                },
              ],
            }),
            completionChunk({}, "tool_calls"),
            usageChunk(300, 40),
          ])
        : sendSse(res, [
            completionChunk({ content: "Done: " }),
            completionChunk({ content: "your weekly goal is set." }),
            completionChunk({}, "stop"),
            usageChunk(400, 10),
          ]);
    const conversationId = await newConversation(alice, "Tools");
    const { status, events } = await chat(
      alice,
      conversationId,
      "Please make shipping the billing revamp my goal for this week",
      app,
    );
    expect(status).toBe(200);
    const done = eventAt(events, -1, "done");
    expect(done.event).toBe("done");
    expect(done.data.message.content).toBe("Done: your weekly goal is set.");
    expect(done.data.actions).toEqual([
      { tool: "create_goal", toolCallId: "call_goal", ok: true, entityType: "goal", entityId: expect.any(String) },
      { tool: "log_energy", toolCallId: "call_energy", ok: false, error: expect.stringContaining("level") },
    ]);
    const goal = await harness.db.goal.findUniqueOrThrow({ where: { id: done.data.actions[0]!.entityId } });
    expect(goal).toMatchObject({ userId: alice.userId, title: "Ship the billing revamp", period: "WEEKLY" });
    expect(await harness.db.energyMetric.count({ where: { userId: alice.userId } })).toBe(0);

    const messages = await harness.db.message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(messages.map((message) => message.role)).toEqual(["USER", "ASSISTANT", "TOOL", "TOOL", "ASSISTANT"]);
    expect(messages[1]!.toolCalls).toEqual([
      { id: "call_goal", name: "create_goal", arguments: { title: "Ship the billing revamp", period: "weekly" } },
      { id: "call_energy", name: "log_energy", arguments: { level: 42 } },
    ]);
    expect(messages[2]).toMatchObject({ toolCallId: "call_goal", content: expect.stringContaining(goal.id) });
    expect(messages[3]).toMatchObject({ toolCallId: "call_energy", content: expect.stringContaining('"ok":false') });

    const chatRequests = standIn.requests.filter((request) => request.path.endsWith("/chat/completions"));
    expect(chatRequests[0]!.body.tools.map((tool: { function: { name: string } }) => tool.function.name)).toEqual([
      "create_goal",
      "create_commitment",
      "log_emotion",
      "log_energy",
      "create_task",
      "create_deadline",
    ]);
    expect(
      chatRequests[1]!.body.messages
        .filter((message: { role: string }) => message.role === "tool")
        .map((message: { tool_call_id: string }) => message.tool_call_id),
    ).toEqual(["call_goal", "call_energy"]);

    const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: messages[4]!.id } });
    expect(response).toMatchObject({
      modelUsed: "gpt-4o-mini-2024-07-18",
      promptTokens: 700,
      completionTokens: 50,
      tokenCount: 750,
      status: "SUCCESS",
    });
    expect(response.cost?.toNumber()).toBeCloseTo((700 * 0.15 + 50 * 0.6) / 1_000_000, 10);
    const audit = await harness.db.auditLog.findFirstOrThrow({
      where: { conversationId, actionType: "respond" },
      include: { assumptions: true },
    });
    expect(audit.assumptions.filter((assumption) => assumption.category === "intent")).toHaveLength(2);
    // The refused call created nothing, so only the goal has an entry of its own.
    const created = await harness.db.auditLog.findMany({ where: { conversationId, actionType: "create" } });
    expect(created.map((entry) => [entry.entityType, entry.entityId])).toEqual([["goal", goal.id]]);
  });

  it("writes through the routes' services: a reminder time already gone is refused to the model as to a client, one ahead gets its schedule", async () => {
    chatCalls = 0;
    const past = Date.now() - 3 * 3_600_000;
    const ahead = Date.now() + 26 * 3_600_000;
    const commitment = (id: string, title: string, remindAt: number) => ({
      index: id === "call_past" ? 0 : 1,
      id,
      type: "function",
      function: { name: "create_commitment", arguments: JSON.stringify({ title, remindAt }) },
    });
    answerChat = (_request, res, call) =>
      call === 1
        ? sendSse(res, [
            completionChunk({ role: "assistant", tool_calls: [commitment("call_past", "Call the landlord", past)] }),
            completionChunk({ tool_calls: [commitment("call_ahead", "Send the quarterly numbers", ahead)] }),
            completionChunk({}, "tool_calls"),
            usageChunk(200, 30),
          ])
        : sendSse(res, [
            completionChunk({ content: "One is set; pick a later time for the other." }),
            completionChunk({}, "stop"),
            usageChunk(250, 12),
          ]);
    const conversationId = await newConversation(bob, "Reminders");
    const { events } = await chat(bob, conversationId, "Remind me about both", app);
    const done = eventAt(events, -1, "done");
    expect(done.event).toBe("done");
    expect(done.data.actions).toEqual([
      {
        tool: "create_commitment",
        toolCallId: "call_past",
        ok: false,
        error: expect.stringContaining("remindAt: must be in the future"),
      },
      {
        tool: "create_commitment",
        toolCallId: "call_ahead",
        ok: true,
        entityType: "commitment",
        entityId: expect.any(String),
      },
    ]);
    const stored = await harness.db.commitment.findMany({ where: { userId: bob.userId } });
    expect(stored.map((row) => row.title)).toEqual(["Send the quarterly numbers"]);
    // The reminder follows as it does for POST /commitments: a schedule row, and the status it implies.
    expect(stored[0]).toMatchObject({ status: "SCHEDULED", remindAt: new Date(ahead) });
    expect(
      await harness.db.reminderSchedule.count({ where: { userId: bob.userId, commitmentId: stored[0]!.id } }),
    ).toBe(1);
  });

  it("sends an error event saying what failed, keeps the message once and marks it failed, spending no budget", async () => {
    answerChat = (_request, res) => sendJson(res, 500, { error: { message: "boom sk-secret", type: "server_error" } });
    const dave = await signUp(harness, "dave");
    const conversationId = await newConversation(dave, "Outage");
    const { status, events } = await chat(dave, conversationId, "Are you there?", app);
    expect(status).toBe(200);
    const messages = await harness.db.message.findMany({ where: { conversationId } });
    expect(messages.map((message) => message.role)).toEqual(["USER"]);
    expect(events.map((event) => event.event)).toEqual(["user_message", "error"]);
    expect(events.at(-1)).toEqual({
      event: "error",
      data: {
        code: "service_unavailable",
        message: "The AI provider failed (HTTP 500) while writing the reply. Your message is saved.",
        messageId: messages[0]!.id,
        retryable: true,
      },
    });
    expect(JSON.stringify(events)).not.toContain("sk-secret");
    expect((messages[0]!.metadata as { reply: unknown }).reply).toEqual({
      status: "failed",
      at: expect.any(Number),
      code: "service_unavailable",
      message: eventAt(events, -1, "error").data.message,
    });
    const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: messages[0]!.id } });
    expect(response).toMatchObject({ status: "ERROR", userId: dave.userId });
    expect(await harness.db.auditLog.findFirst({ where: { conversationId, status: "failed" } })).not.toBeNull();
    // The embedding call succeeded and a failed reply is not charged to the day's budget.
    await harness.db.aiResponse.update({ where: { id: response.id }, data: { tokenCount: 150_000 } });
    expect((await readTokenBudget({ db: harness.db, userId: dave.userId, limit: 200_000 })).used).toBe(0);
  });

  it("retries the stored message without storing it again, and refuses a second retry", async () => {
    answerChat = (_request, res) => sendJson(res, 503, { error: { message: "overloaded" } });
    const conversationId = await newConversation(alice, "Retry");
    const failed = await chat(alice, conversationId, "How do I prepare for the board meeting?", app);
    const messageId = eventAt(failed.events, -1, "error").data.messageId;
    answerChat = (_request, res) =>
      sendSse(res, [
        completionChunk({ content: "Start with the one decision you need." }),
        completionChunk({}, "stop"),
        usageChunk(120, 9),
      ]);
    const retried = await retry(alice, conversationId, messageId, app);
    expect(retried.status).toBe(200);
    expect(retried.events[0]).toMatchObject({
      event: "user_message",
      data: { message: { id: messageId, content: "How do I prepare for the board meeting?" } },
    });
    expect(retried.events.at(-1)).toMatchObject({
      event: "done",
      data: { message: { content: "Start with the one decision you need." } },
    });
    const messages = await harness.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((message) => [message.role, message.content])).toEqual([
      ["USER", "How do I prepare for the board meeting?"],
      ["ASSISTANT", "Start with the one decision you need."],
    ]);
    expect((messages[0]!.metadata as { reply: { status: string } }).reply.status).toBe("answered");
    // The retry's request carried the message once, as the thread's last user turn.
    const last = standIn.requests.filter((request) => request.path.endsWith("/chat/completions")).at(-1)!;
    expect(
      last.body.messages.filter(
        (message: { role: string; content: string }) =>
          message.role === "user" && message.content === "How do I prepare for the board meeting?",
      ),
    ).toHaveLength(1);

    const again = await retry(alice, conversationId, messageId, app);
    expect(again.status).toBe(409);
    expect(again.json?.error).toMatchObject({ code: "invalid_state", message: "This message already has a reply." });
    expect(await harness.db.message.count({ where: { conversationId } })).toBe(2);
  });

  it("runs one reply when Retry is pressed twice at once", async () => {
    answerChat = (_request, res) => sendJson(res, 500, { error: { message: "boom" } });
    const conversationId = await newConversation(alice, "Double retry");
    const failed = await chat(alice, conversationId, "Twice?", app);
    const messageId = eventAt(failed.events, -1, "error").data.messageId;
    answerChat = (_request, res) =>
      setTimeout(
        () => sendSse(res, [completionChunk({ content: "Once." }), completionChunk({}, "stop"), usageChunk(10, 2)]),
        100,
      );
    const results = await Promise.all([
      retry(alice, conversationId, messageId, app),
      retry(alice, conversationId, messageId, app),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(results.find((result) => result.status === 409)!.json?.error.message).toBe(
      "The reply to this message is still being written.",
    );
    expect(
      (await harness.db.message.findMany({ where: { conversationId } })).map((message) => message.role).sort(),
    ).toEqual(["ASSISTANT", "USER"]);
  });

  it("keeps nothing of a tool round when the reply fails after it: the retry asks afresh and the goal is created once", async () => {
    const toolRound = (res: ServerResponse) =>
      sendSse(res, [
        completionChunk({
          role: "assistant",
          tool_calls: [
            {
              index: 0,
              id: "call_once",
              type: "function",
              function: { name: "create_goal", arguments: '{"title":"Hire a staff engineer","period":"quarterly"}' },
            },
          ],
        }),
        completionChunk({}, "tool_calls"),
        usageChunk(50, 10),
      ]);
    chatCalls = 0;
    answerChat = (_request, res, call) =>
      call === 1 ? toolRound(res) : sendJson(res, 500, { error: { message: "boom" } });
    const conversationId = await newConversation(alice, "Tool then failure");
    const failed = await chat(alice, conversationId, "Make hiring a staff engineer my goal for the quarter", app);
    expect(failed.events.at(-1)).toMatchObject({
      event: "error",
      data: { message: "The AI provider failed (HTTP 500) while writing the reply. Your message is saved." },
    });
    const hiring = { userId: alice.userId, title: "Hire a staff engineer" };
    expect(await harness.db.goal.count({ where: hiring })).toBe(0);
    expect((await harness.db.message.findMany({ where: { conversationId } })).map((row) => row.role)).toEqual(["USER"]);
    expect(await harness.db.auditLog.count({ where: { conversationId, actionType: "create" } })).toBe(0);

    chatCalls = 0;
    answerChat = (_request, res, call) =>
      call === 1
        ? toolRound(res)
        : sendSse(res, [
            completionChunk({ content: "Your quarterly goal is set." }),
            completionChunk({}, "stop"),
            usageChunk(80, 6),
          ]);
    const retried = await retry(alice, conversationId, eventAt(failed.events, -1, "error").data.messageId, app);
    expect(retried.events.at(-1)).toMatchObject({
      event: "done",
      data: {
        message: { content: "Your quarterly goal is set." },
        actions: [{ tool: "create_goal", toolCallId: "call_once", ok: true, entityType: "goal" }],
      },
    });
    expect(await harness.db.goal.count({ where: hiring })).toBe(1);
    const thread = await harness.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(thread.map((row) => row.role)).toEqual(["USER", "ASSISTANT", "TOOL", "ASSISTANT"]);
  });
});

describe("chat: when the AI provider is down", () => {
  const failingApp = async (env: Record<string, string>) =>
    createApp({
      db: harness.db,
      config: harness.config,
      mailer: harness.mailer,
      ai: createAiProvider(parseAiConfig({ OPENAI_API_KEY: "test", AI_MAX_RETRIES: "0", ...env })),
    });

  it("says the provider could not be reached when the connection is refused", async () => {
    const closed = await startStandIn(() => {});
    await closed.close();
    const app = await failingApp({ OPENAI_BASE_URL: closed.baseUrl });
    const conversationId = await newConversation(alice, "Refused");
    const { events } = await chat(alice, conversationId, "Hello?", app);
    expect(events.map((event) => event.event)).toEqual(["user_message", "error"]);
    expect(events.at(-1)!.data).toMatchObject({
      code: "service_unavailable",
      message: "The AI provider could not be reached while searching your memory. Your message is saved.",
      retryable: true,
    });
    expect(await harness.db.message.count({ where: { conversationId } })).toBe(1);
  });

  it("stops waiting for a provider that never answers after AI_QUERY_TIMEOUT_MS", async () => {
    const silent = await startStandIn(() => {});
    try {
      const app = await failingApp({ OPENAI_BASE_URL: silent.baseUrl, AI_QUERY_TIMEOUT_MS: "300" });
      const conversationId = await newConversation(alice, "Silent");
      const { events } = await chat(alice, conversationId, "Hello?", app);
      expect(events.at(-1)!.data).toMatchObject({
        code: "service_unavailable",
        message: "The AI provider did not answer in time while searching your memory. Your message is saved.",
      });
    } finally {
      await silent.close();
    }
  });

  it("refuses a retry that does not apply: not failed, not the latest, someone else's, malformed", async () => {
    const conversationId = await newConversation(alice, "Not retryable");
    const answered = await chat(alice, conversationId, "First");
    const first = eventAt(answered.events, 0, "user_message").data.message.id;
    expect((await retry(alice, conversationId, first)).json?.error).toMatchObject({
      code: "invalid_state",
      message: "This message already has a reply.",
    });
    // A failed message that is no longer the latest.
    await harness.db.message.update({
      where: { id: first },
      data: { metadata: { reply: { status: "failed", at: Date.now(), code: "service_unavailable", message: "x" } } },
    });
    await chat(alice, conversationId, "Second");
    expect((await retry(alice, conversationId, first)).json?.error).toMatchObject({
      code: "invalid_state",
      message: "Only the latest message of a conversation can be retried.",
    });
    const bobs = await newConversation(bob);
    expect((await retry(alice, bobs, first)).status).toBe(404);
    expect((await retry(bob, conversationId, first)).status).toBe(404);
    expect((await retry(alice, conversationId, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const malformed = await retry(alice, conversationId, "not-a-uuid");
    expect(malformed.status).toBe(400);
    expect(malformed.json?.error.details?.[0]?.path).toBe("messageId");
    const assistant = await harness.db.message.findFirstOrThrow({ where: { conversationId, role: "ASSISTANT" } });
    expect((await retry(alice, conversationId, assistant.id)).status).toBe(404);
  });

  it("lets a reply stuck as pending past its time be retried (the process that ran it died)", async () => {
    const conversationId = await newConversation(alice, "Stuck");
    const stuck = await harness.db.message.create({
      data: {
        conversationId,
        userId: alice.userId,
        role: "USER",
        content: "Still there?",
        metadata: { reply: { status: "pending", at: Date.now() - 60_000 } },
      },
    });
    expect((await retry(alice, conversationId, stuck.id)).json?.error.message).toBe(
      "The reply to this message is still being written.",
    );
    await harness.db.message.update({
      where: { id: stuck.id },
      data: { metadata: { reply: { status: "pending", at: Date.now() - 16 * 60_000 } } },
    });
    const retried = await retry(alice, conversationId, stuck.id);
    expect(retried.events.at(-1)!.event).toBe("done");
    expect(await harness.db.message.count({ where: { conversationId, role: "USER" } })).toBe(1);
  });
});

describe("chat: the offline coach acts on plain requests", () => {
  const tokyoTomorrowAt9 = () => {
    const [year, month, day] = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    })
      .format(new Date())
      .split("-")
      .map(Number);
    return Date.UTC(year!, month! - 1, day! + 1, 0, 0);
  };

  it("sets a reminder at 9:00 tomorrow in the user's timezone, and says so without quoting the prompt", async () => {
    const erin = await signUp(harness, "erin");
    expect((await erin.request("PATCH", "/me", { preferences: { timezone: "Asia/Tokyo" } })).status).toBe(200);
    const conversationId = await newConversation(erin, "Offline tools");
    const { events } = await chat(erin, conversationId, "Could you remind me tomorrow at 9 to call Sam?");
    const done = eventAt(events, -1, "done");
    expect(done.event).toBe("done");
    expect(done.data.actions).toEqual([
      {
        tool: "create_commitment",
        toolCallId: expect.stringMatching(/^call_local_/),
        ok: true,
        entityType: "commitment",
        entityId: expect.any(String),
      },
    ]);
    const commitment = await harness.db.commitment.findUniqueOrThrow({ where: { id: done.data.actions[0]!.entityId } });
    expect(commitment).toMatchObject({ userId: erin.userId, title: "Call Sam" });
    expect(commitment.remindAt?.getTime()).toBe(tokyoTomorrowAt9());
    expect(done.data.message.content).toMatch(/^I'm Cto's offline local coach/);
    expect(done.data.message.content).toContain("I added your commitment “Call Sam” and will remind you on");
    expect(done.data.message.content).toContain("09:00");
    expect(done.data.message.content).not.toMatch(/You are Cto|calm and practical/);
    const roles = (
      await harness.db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
    ).map((message) => message.role);
    expect(roles).toEqual(["USER", "ASSISTANT", "TOOL", "ASSISTANT"]);
  });

  it("creates a goal, logs a check-in, and answers questions about goals from the stored goals", async () => {
    const frank = await signUp(harness, "frank");
    const conversationId = await newConversation(frank, "Goals");
    const goal = await chat(frank, conversationId, "pls set a gaol to ship the billing revamp this month");
    expect(eventAt(goal.events, -1, "done").data.actions[0]).toMatchObject({ tool: "create_goal", ok: true });
    expect(await harness.db.goal.findFirstOrThrow({ where: { userId: frank.userId } })).toMatchObject({
      title: "Ship the billing revamp",
      period: "MONTHLY",
    });
    const energy = await chat(frank, conversationId, "energy 4/10 today, slept badly");
    expect(eventAt(energy.events, -1, "done").data.actions[0]).toMatchObject({ tool: "log_energy", ok: true });
    expect(await harness.db.energyMetric.findFirstOrThrow({ where: { userId: frank.userId } })).toMatchObject({
      level: 4,
    });

    const question = await chat(frank, conversationId, "What are my goals?");
    expect(eventAt(question.events, -1, "done").data.actions).toEqual([]);
    expect(eventAt(question.events, -1, "done").data.message.content).toContain(
      "Your active goals: “Ship the billing revamp” (0% done, monthly)",
    );
    const refusal = await chat(frank, conversationId, "I don't want to set a goal about sleep.");
    expect(eventAt(refusal.events, -1, "done").data.actions).toEqual([]);
    expect(await harness.db.goal.count({ where: { userId: frank.userId } })).toBe(1);
  });

  it("reports a request the tool refuses, in the reply", async () => {
    const gina = await signUp(harness, "gina");
    const conversationId = await newConversation(gina, "Refused tool");
    const { events } = await chat(gina, conversationId, "Log my energy as 12");
    const done = eventAt(events, -1, "done");
    expect(done.data.actions[0]).toMatchObject({ tool: "log_energy", ok: false });
    expect(done.data.message.content).toContain("I could not log your energy: level:");
    expect(await harness.db.energyMetric.count({ where: { userId: gina.userId } })).toBe(0);
  });
});

describe("chat: what the coach is told", () => {
  it("tells the model every field of the user's context profile", async () => {
    const user = await signUp(harness, "profiled");
    const context = {
      personalBio: "Engineering manager of two teams",
      workContext: "Payments platform at a fintech",
      expertiseAreas: ["Go", "incident response"],
      longTermGoals: ["Become a director"],
      currentChallenges: ["Hiring a staff engineer"],
      learningObjectives: ["Delegation"],
      aiPreferences: "Challenge my assumptions",
      communicationStyle: "Direct",
      decisionMakingStyle: "Data first, then gut",
      timeManagementStyle: "Time-boxing",
      workingHours: "08:00-16:00 Berlin",
      preferredMeetingTimes: ["Tuesday mornings", "Thursday after lunch"],
    };
    expect((await user.request("PUT", "/me/context", context)).status).toBe(200);
    const { standIn, app } = await startStandInApp(harness, (_request, res) =>
      sendSse(res, [completionChunk({ content: "Noted." }), completionChunk({}, "stop")]),
    );
    try {
      const { status } = await chat(user, await newConversation(user, "Profile"), "What should I focus on?", app);
      expect(status).toBe(200);
    } finally {
      await standIn.close();
    }
    const [request] = standIn.requests.filter((recorded) => recorded.path.endsWith("/chat/completions"));
    const system = request!.body.messages.find((message: { role: string }) => message.role === "system").content;
    for (const [label, value] of [
      ["About", "Engineering manager of two teams"],
      ["Work", "Payments platform at a fintech"],
      ["Expertise", "Go; incident response"],
      ["Long-term goals", "Become a director"],
      ["Current challenges", "Hiring a staff engineer"],
      ["Learning objectives", "Delegation"],
      ["Preferences for the coach", "Challenge my assumptions"],
      ["Communication style", "Direct"],
      ["Decision-making style", "Data first, then gut"],
      ["Time-management style", "Time-boxing"],
      ["Working hours", "08:00-16:00 Berlin"],
      ["Preferred meeting times", "Tuesday mornings; Thursday after lunch"],
    ])
      expect(system).toContain(`- ${label}: ${value}\n`.trimEnd());
  });
});
