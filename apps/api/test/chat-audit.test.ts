import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { completionChunk, sendSse, type startStandIn, type TRecordedRequest } from "@cto/ai/testing";
import type { TChatAction } from "@cto/contracts/api/chat";
import type { TReplyExplanation } from "@cto/contracts/api/memory";
import { createDb } from "@cto/db/client";

import { useApi, type TUser } from "./support/api.ts";
import { chatEvents, newConversation, postChat, sendChat, startStandInApp } from "./support/chat.ts";
import type { Harness } from "./harness.ts";

/**
 * The audit trail of the coach's actions (issue 19): the rows a reply's tool calls create are written
 * in the reply's own transaction, each with an audit entry holding the row as written; a reply that
 * cannot be recorded keeps none of them; a stopped reply keeps the rows of the rounds it finished.
 */
const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

type TSse = { event: string; data: Record<string, unknown> };
// The shared parser (support/chat.ts), its typed events read loosely here: by name, then cast.
const parseEvents = (text: string): TSse[] => chatEvents(text) as unknown as TSse[];
const lastEvent = (events: TSse[], kind: string) => {
  const event = events.at(-1);
  if (event?.event !== kind) throw new Error(`expected a ${kind} event last, got ${JSON.stringify(event)}`);
  return event.data;
};

const usageChunk = (prompt: number, completion: number) => ({
  ...completionChunk({}),
  choices: [],
  usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
});
const toolCall = (index: number, id: string, name: string, args: unknown) => ({
  index,
  id,
  type: "function",
  function: { name, arguments: JSON.stringify(args) },
});
/** The model's first answer: these tool calls, in one round. */
const toolRound = (res: ServerResponse, calls: ReturnType<typeof toolCall>[]) =>
  sendSse(res, [
    completionChunk({ role: "assistant", tool_calls: calls }),
    completionChunk({}, "tool_calls"),
    usageChunk(100, 20),
  ]);

describe("chat: the audit trail of the coach's actions (the OpenAI-compatible stand-in)", () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let app: Harness["app"];
  let answerChat: (request: TRecordedRequest, res: ServerResponse, call: number) => void = () => {};
  let chatCalls = 0;
  const chat = async (user: TUser, conversationId: string, content: string) =>
    (await sendChat(app, user, conversationId, content)).events as unknown as TSse[];

  beforeAll(async () => {
    ({ standIn, app } = await startStandInApp(harness, (request, res) => {
      chatCalls += 1;
      answerChat(request, res, chatCalls);
    }));
  });
  afterAll(async () => standIn?.close());

  it("records the rows a reply creates in the reply's own transaction, one audit entry each with the row as written", async () => {
    chatCalls = 0;
    const remindAt = Date.now() + 48 * 3_600_000;
    answerChat = (_request, res, call) =>
      call === 1
        ? toolRound(res, [
            toolCall(0, "call_goal", "create_goal", { title: "Run a half marathon", period: "quarterly" }),
            toolCall(1, "call_commitment", "create_commitment", { title: "Run 5 km on Saturday", remindAt }),
          ])
        : sendSse(res, [
            completionChunk({ content: "Both are set." }),
            completionChunk({}, "stop"),
            usageChunk(120, 4),
          ]);
    const conversationId = await newConversation(alice, "Audit");
    const done = lastEvent(await chat(alice, conversationId, "Training plan, please"), "done") as {
      message: { id: string };
      actions: TChatAction[];
    };
    const [goalId, commitmentId] = done.actions.map((action) => action.entityId!) as [string, string];
    // The model heard the ids the rows were later written with.
    const second = standIn.requests.filter((request) => request.path.endsWith("/chat/completions")).at(-1)!;
    expect(JSON.stringify(second.body.messages)).toContain(goalId);
    expect(JSON.stringify(second.body.messages)).toContain(commitmentId);

    const goal = await harness.db.goal.findUniqueOrThrow({ where: { id: goalId } });
    const commitment = await harness.db.commitment.findUniqueOrThrow({ where: { id: commitmentId } });
    const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: done.message.id } });
    const entries = await harness.db.auditLog.findMany({
      where: { conversationId, actionType: "create" },
      orderBy: { entityType: "asc" },
    });
    expect(entries).toHaveLength(2);
    expect(entries.map((entry) => [entry.entityType, entry.entityId])).toEqual([
      ["commitment", commitmentId],
      ["goal", goalId],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ userId: alice.userId, actionCategory: "agent", status: "completed" });
      expect(entry.metadata).toMatchObject({
        aiResponseId: response.id,
        messageId: done.message.id,
        toolCallId: entry.entityType === "goal" ? "call_goal" : "call_commitment",
      });
    }
    // The snapshot is the row as written, its reminder hook included (SCHEDULED).
    expect(entries[0]!.entitySnapshot).toMatchObject({
      id: commitmentId,
      title: "Run 5 km on Saturday",
      status: "SCHEDULED",
      remindAt: new Date(remindAt).toISOString(),
    });
    expect(commitment.status).toBe("SCHEDULED");
    expect(entries[1]!.entitySnapshot).toMatchObject({
      id: goalId,
      userId: alice.userId,
      title: "Run a half marathon",
      period: "QUARTERLY",
      createdAt: goal.createdAt.toISOString(),
    });
    // One transaction: every row it wrote carries its id (xmin), the reply's message and AiResponse too.
    // (The failure test below shows the rollback takes every one of them.)
    const xmin = async (table: string, id: string) =>
      (
        await harness.db.$queryRawUnsafe<{ xmin: string }[]>(`SELECT xmin::text FROM ${table} WHERE id = $1::uuid`, id)
      )[0]!.xmin;
    const respond = await harness.db.auditLog.findFirstOrThrow({ where: { conversationId, actionType: "respond" } });
    const written = await Promise.all([
      xmin("goals", goalId),
      xmin("commitments", commitmentId),
      xmin("messages", done.message.id),
      xmin("ai_responses", response.id),
      xmin("audit_logs", respond.id),
      ...entries.map((entry) => xmin("audit_logs", entry.id)),
    ]);
    expect(written).toHaveLength(7);
    // The commitment was last changed by its reminder sync, whose nested transaction is a savepoint of
    // this one: a subtransaction, with an id of its own. The rest share the reply's transaction id.
    const [goalXmin, commitmentXmin, ...rest] = written;
    expect(new Set([goalXmin, ...rest]).size).toBe(1);
    expect(Number(commitmentXmin)).toBeGreaterThan(Number(goalXmin));

    // "Why did the coach do that?" still shows both calls, with the arguments the model sent.
    const explained = await alice.request(
      "GET",
      `/conversations/${conversationId}/messages/${done.message.id}/explanation`,
    );
    expect(explained.status).toBe(200);
    const { toolCalls } = explained.body as TReplyExplanation;
    expect(toolCalls.map((call) => [call.name, call.entityId, call.ok])).toEqual([
      ["create_goal", goalId, true],
      ["create_commitment", commitmentId, true],
    ]);
    expect(toolCalls[0]!.arguments).toEqual({ title: "Run a half marathon", period: "quarterly" });
    expect(toolCalls[1]!.result).toEqual({ ok: true, commitmentId });
  });

  it("keeps nothing of a reply whose record fails: no goal, no commitment, no audit entry of theirs, no reply", async () => {
    chatCalls = 0;
    answerChat = (_request, res, call) =>
      call === 1
        ? toolRound(res, [
            toolCall(0, "call_goal", "create_goal", { title: "Learn Portuguese", period: "yearly" }),
            toolCall(1, "call_commitment", "create_commitment", {
              title: "Book a first lesson",
              remindAt: Date.now() + 24 * 3_600_000,
            }),
          ])
        : sendSse(res, [completionChunk({ content: "All set." }), completionChunk({}, "stop"), usageChunk(120, 4)]);
    const conversationId = await newConversation(bob, "Record fails");
    // The failure comes last in the record (the reply's own audit entry), after the rows and their entries.
    const owner = createDb({ url: harness.database.url, role: null, log: [] });
    await owner.$executeRawUnsafe(`
      CREATE FUNCTION test_fail_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected record failure'; END $$`);
    await owner.$executeRawUnsafe(`
      CREATE TRIGGER test_fail_record BEFORE INSERT ON audit_logs FOR EACH ROW
      WHEN (NEW.conversation_id = '${conversationId}' AND NEW.action_type = 'respond' AND NEW.status = 'completed')
      EXECUTE FUNCTION test_fail_record()`);
    try {
      const events = await chat(bob, conversationId, "Portuguese this year; book a lesson");
      expect(lastEvent(events, "error")).toMatchObject({
        code: "internal_error",
        message: "Something went wrong on our side while saving the reply. Your message is saved.",
        retryable: true,
      });
    } finally {
      await owner.$executeRawUnsafe("DROP TRIGGER test_fail_record ON audit_logs");
      await owner.$executeRawUnsafe("DROP FUNCTION test_fail_record()");
      await owner.$disconnect();
    }
    expect(await harness.db.goal.count({ where: { userId: bob.userId, title: "Learn Portuguese" } })).toBe(0);
    expect(await harness.db.commitment.count({ where: { userId: bob.userId, title: "Book a first lesson" } })).toBe(0);
    expect(await harness.db.reminderSchedule.count({ where: { userId: bob.userId } })).toBe(0);
    const messages = await harness.db.message.findMany({ where: { conversationId } });
    expect(messages.map((message) => message.role)).toEqual(["USER"]);
    expect((messages[0]!.metadata as { reply: { status: string } }).reply.status).toBe("failed");
    // The only entry is the failure's own; none for the rows or the reply that were rolled back.
    const entries = await harness.db.auditLog.findMany({ where: { conversationId } });
    expect(entries.map((entry) => [entry.actionType, entry.status, entry.entityId])).toEqual([
      ["respond", "failed", null],
    ]);
  });

  it("a stopped reply keeps the rows of the tool rounds it finished, audited like any other reply's", async () => {
    chatCalls = 0;
    let modelClosed: Promise<void> = Promise.resolve();
    answerChat = (_request, res, call) => {
      if (call === 1)
        return toolRound(res, [toolCall(0, "call_goal", "create_goal", { title: "Read 12 books", period: "yearly" })]);
      // The answer after the round: one piece, then a model that would go on for ever.
      modelClosed = new Promise((resolve) => res.on("close", () => resolve()));
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`data: ${JSON.stringify(completionChunk({ content: "Your reading goal is set; " }))}\n\n`);
    };
    const conversationId = await newConversation(alice, "Stopped");
    const response = await postChat(app, alice, `/conversations/${conversationId}/chat`, {
      content: "12 books this year",
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    // Bounded: the stand-in sends the delta at once.
    for (let reads = 0; reads < 50 && !text.includes("event: delta"); reads += 1)
      text += (await reader.read()).value ?? "";
    const userMessageId = (parseEvents(text.slice(0, text.lastIndexOf("\n\n") + 2))[0]!.data.message as { id: string })
      .id;
    const stop = await postChat(app, alice, `/conversations/${conversationId}/chat/stop`, { messageId: userMessageId });
    expect(stop.status).toBe(202);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    await modelClosed;
    const done = lastEvent(parseEvents(text), "done") as {
      message: { id: string; content: string; metadata: unknown };
      actions: TChatAction[];
    };
    expect(done.message).toMatchObject({ content: "Your reading goal is set; ", metadata: { stopped: true } });
    const goalId = done.actions[0]!.entityId!;
    expect(await harness.db.goal.findUnique({ where: { id: goalId } })).toMatchObject({ title: "Read 12 books" });
    const entry = await harness.db.auditLog.findFirstOrThrow({ where: { conversationId, actionType: "create" } });
    expect(entry).toMatchObject({ entityType: "goal", entityId: goalId });
    expect(entry.entitySnapshot).toMatchObject({ id: goalId, title: "Read 12 books" });
    const response_ = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: done.message.id } });
    expect(entry.metadata).toMatchObject({ aiResponseId: response_.id, messageId: done.message.id });
    const thread = await harness.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(thread.map((row) => row.role)).toEqual(["USER", "ASSISTANT", "TOOL", "ASSISTANT"]);
  });
});
