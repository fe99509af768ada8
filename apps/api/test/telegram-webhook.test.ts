import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { completionChunk, sendSse, startStandIn, sendLocalEmbeddings } from "@cto/ai/testing";
import type { TError } from "@cto/contracts/errors";
import { QUEUE_NAMES } from "@cto/contracts/queues";
import { reminderJobId } from "@cto/core/reminders";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";
import type { Redis } from "ioredis";

import { createApp } from "../src/app.ts";
import { signUp } from "./support/api.ts";
import { startApi, type Harness } from "./harness.ts";

const SECRET = "test-webhook-secret_123";
let harness: Harness;
let app: ReturnType<typeof createApp>;
let redis: Redis;
let queues: TQueues;
let updateId = 1;
let telegramMessageId = 1;

beforeAll(async () => {
  harness = await startApi();
  redis = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  queues = createQueues({ connection: redis, prefix: `cto-test-webhook-${process.pid}-${Date.now()}` });
  app = createApp({
    db: harness.db,
    config: harness.config,
    mailer: harness.mailer,
    ai: harness.ai,
    queues,
    telegram: { webhookSecret: SECRET },
  });
});
afterAll(async () => {
  for (const name of ["telegram", "reminders", "embeddings"] as const)
    await queues?.queue(name).obliterate({ force: true });
  await queues?.close();
  redis?.disconnect();
  await harness?.close();
});

const message = (chatId: number, text: string | undefined, extra: Record<string, unknown> = {}) => ({
  message_id: telegramMessageId++,
  date: Math.floor(Date.now() / 1000),
  chat: { id: chatId, type: "private" },
  from: { id: chatId, is_bot: false, first_name: "Ada", username: "ada" },
  ...(text === undefined ? {} : { text }),
  ...extra,
});
const post = async (
  body: unknown,
  { secret = SECRET, on = app }: { secret?: string | null; on?: ReturnType<typeof createApp> } = {},
) => {
  const response = await on.request("/telegram/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Partial<TError> & { text?: string } };
};
const update = <T>(msg: T) => ({ update_id: updateId++, message: msg });
const linkedUser = async (chatId: number) => {
  const user = await signUp(harness, "tg");
  const { body } = await user.request("POST", "/telegram/link-token");
  const linked = await post(update(message(chatId, `/start ${body.linkToken}`)));
  expect(linked.body.text).toMatch(/linked/);
  return user;
};

describe("Telegram webhook: security and errors", () => {
  it("answers 503 when the webhook secret is not configured", async () => {
    const response = await post(update(message(1, "hi")), { on: harness.app });
    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({
      code: "service_unavailable",
      message: expect.stringContaining("TELEGRAM_WEBHOOK_SECRET"),
    });
  });

  it("refuses a missing or wrong secret token and changes nothing", async () => {
    const user = await signUp(harness, "tg");
    const { body } = await user.request("POST", "/telegram/link-token");
    for (const secret of [null, "wrong", `${SECRET}x`]) {
      const response = await post(update(message(500, `/start ${body.linkToken}`)), { secret });
      expect(response.status).toBe(401);
      expect(response.body.error?.code).toBe("unauthorized");
    }
    expect((await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: user.userId } })).isActive).toBe(
      false,
    );
  });

  it("answers 400 with field paths for a body that is not an update", async () => {
    const response = await post({ message: { text: "no update id" } });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("validation_failed");
    expect(response.body.error?.details?.map((detail: { path: string }) => detail.path)).toContain("update_id");
  });
});

describe("Telegram webhook: linking", () => {
  it("links with /start <token>, once: the used token, an expired token and a taken chat are refused politely", async () => {
    const user = await signUp(harness, "tg");
    const { body } = await user.request("POST", "/telegram/link-token");
    const linked = await post(update(message(1001, `/start ${body.linkToken}`)));
    expect(linked).toMatchObject({
      status: 200,
      body: { method: "sendMessage", chat_id: 1001, text: expect.stringMatching(/linked/) },
    });
    expect((await user.request("GET", "/telegram")).body).toMatchObject({
      isActive: true,
      telegramChatId: "1001",
      telegramUsername: "ada",
      connectedAt: expect.any(Number),
    });
    const row = await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(row.connectionToken).toBeNull();

    // The same token again (from another chat) does nothing.
    expect((await post(update(message(1002, `/start ${body.linkToken}`)))).body.text).toMatch(
      /expired or was already used/,
    );
    expect(
      (await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: user.userId } })).telegramChatId,
    ).toBe("1001");

    const late = await signUp(harness, "tg");
    const lateToken = (await late.request("POST", "/telegram/link-token")).body.linkToken;
    await harness.db.telegramConnection.update({
      where: { userId: late.userId },
      data: { connectionTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await post(update(message(1003, `/start ${lateToken}`)))).body.text).toMatch(/expired/);
    expect((await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: late.userId } })).isActive).toBe(
      false,
    );

    const other = await signUp(harness, "tg");
    const otherToken = (await other.request("POST", "/telegram/link-token")).body.linkToken;
    expect((await post(update(message(1001, `/start ${otherToken}`)))).body.text).toMatch(/another Cto account/);
    expect((await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: other.userId } })).isActive).toBe(
      false,
    );
  });

  it("explains itself to unknown chats and ignores groups, bots and non-message updates", async () => {
    expect((await post(update(message(2001, "hello?")))).body).toEqual({
      method: "sendMessage",
      chat_id: 2001,
      text: expect.stringMatching(/don't know this chat/),
    });
    expect((await post(update(message(2001, "/start")))).body.text).toMatch(/To link this chat/);
    expect((await post(update({ ...message(2001, "hi"), chat: { id: -5, type: "group" } }))).body).toEqual({
      ok: true,
    });
    expect(
      (await post(update({ ...message(2001, "hi"), from: { id: 9, is_bot: true, first_name: "bot" } }))).body,
    ).toEqual({ ok: true });
    expect((await post({ update_id: updateId++, edited_message: { message_id: 1 } })).body).toEqual({ ok: true });
    expect(await harness.db.message.count({ where: { source: "TELEGRAM" } })).toBe(0);
  });
});

describe("Telegram webhook: messages to the coach", () => {
  it("stores the message with source telegram, answers through the chat service, and queues the reply for delivery once", async () => {
    const user = await linkedUser(3001);
    const incoming = update(message(3001, "I keep putting off my workout. Any advice?"));
    expect(await post(incoming)).toEqual({ status: 200, body: { ok: true } });
    // Telegram redelivers an update it did not see acknowledged: stored and answered once.
    expect((await post(incoming)).body).toEqual({ ok: true });

    const stored = await harness.db.message.findMany({
      where: { conversation: { userId: user.userId } },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((row) => [row.role, row.source])).toEqual([
      ["USER", "TELEGRAM"],
      ["ASSISTANT", "TELEGRAM"],
    ]);
    expect(stored[0]).toMatchObject({
      content: "I keep putting off my workout. Any advice?",
      telegramMessageId: String(incoming.message.message_id),
      userId: user.userId,
    });
    const conversations = await user.request("GET", "/conversations");
    expect(conversations.body.items).toHaveLength(1);
    expect(conversations.body.items[0]!.title).toBe("Telegram");

    const replies = await harness.db.proactiveMessage.findMany({ where: { userId: user.userId } });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      status: "PENDING",
      channel: "TELEGRAM",
      content: stored[1]!.content,
      context: { kind: "chat_reply", conversationMessageId: stored[1]!.id },
    });
    const job = await queues.queue("telegram").getJob(`proactive.${replies[0]!.id}`);
    expect(job?.name).toBe("deliver");
    expect(job?.data).toEqual({ proactiveMessageId: replies[0]!.id });

    // A second message goes to the same conversation.
    await post(update(message(3001, "Thanks!")));
    expect(await harness.db.conversation.count({ where: { userId: user.userId } })).toBe(1);
    expect(await harness.db.proactiveMessage.count({ where: { userId: user.userId } })).toBe(2);
  });

  it("without Redis leaves the reply PENDING for the worker's dispatcher", async () => {
    const offline = createApp({
      db: harness.db,
      config: harness.config,
      mailer: harness.mailer,
      ai: harness.ai,
      queues: null,
      telegram: { webhookSecret: SECRET },
    });
    const user = await linkedUser(3002);
    expect((await post(update(message(3002, "Hello coach")), { on: offline })).body).toEqual({ ok: true });
    expect(await harness.db.proactiveMessage.findMany({ where: { userId: user.userId } })).toEqual([
      expect.objectContaining({ status: "PENDING", channel: "TELEGRAM" }),
    ]);

    // Redis configured but down: the webhook still answers (bounded wait), the reply waits in the database.
    const deadRedis = createProducerConnection("redis://127.0.0.1:1", { connectTimeout: 500 });
    deadRedis.on("error", () => undefined);
    const deadQueues = createQueues({ connection: deadRedis, prefix: "cto-test-dead" });
    for (const name of QUEUE_NAMES) deadQueues.queue(name).on("error", () => undefined);
    try {
      const down = createApp({
        db: harness.db,
        config: harness.config,
        mailer: harness.mailer,
        ai: harness.ai,
        queues: deadQueues,
        telegram: { webhookSecret: SECRET },
      });
      expect((await post(update(message(3002, "Still there?")), { on: down })).body).toEqual({ ok: true });
    } finally {
      await deadQueues.close().catch(() => undefined);
      deadRedis.disconnect();
    }
    expect(await harness.db.proactiveMessage.count({ where: { userId: user.userId, status: "PENDING" } })).toBe(2);
  });

  it("reactivates a connection deactivated after a block when the user writes again, and asks for text", async () => {
    const user = await linkedUser(3003);
    await harness.db.telegramConnection.update({ where: { userId: user.userId }, data: { isActive: false } });
    expect((await post(update(message(3003, undefined, { sticker: {} })))).body.text).toMatch(/only read text/);
    expect((await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: user.userId } })).isActive).toBe(
      true,
    );
  });

  it("reactivating drops a link token asked for while the connection was inactive", async () => {
    const user = await linkedUser(3004);
    await harness.db.telegramConnection.update({ where: { userId: user.userId }, data: { isActive: false } });
    const pending = await user.request("POST", "/telegram/link-token");
    expect(pending.status).toBe(201);
    expect((await post(update(message(3004, "I'm back")))).status).toBe(200);
    const row = await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(row).toMatchObject({
      isActive: true,
      telegramChatId: "3004",
      connectionToken: null,
      connectionTokenExpiresAt: null,
    });
    expect((await post(update(message(4004, `/start ${pending.body.linkToken}`)))).body.text).toMatch(
      /expired or was already used/,
    );
  });

  it("tells a chat whose account an administrator disabled so, and passes nothing to the coach until re-enabled", async () => {
    const user = await linkedUser(3005);
    await harness.db.user.update({ where: { id: user.userId }, data: { isActive: false } });
    expect((await post(update(message(3005, "Are you there?")))).body.text).toBe(
      "This Cto account has been disabled by an administrator.",
    );
    expect(await harness.db.message.count({ where: { userId: user.userId } })).toBe(0);
    await harness.db.user.update({ where: { id: user.userId }, data: { isActive: true } });
    expect((await post(update(message(3005, "Are you there?")))).status).toBe(200);
    expect(await harness.db.message.count({ where: { userId: user.userId, source: "TELEGRAM" } })).toBeGreaterThan(0);
  });
});

describe("Telegram webhook: the coach's tools", () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let coach: ReturnType<typeof createApp>;
  const remindAt = Date.now() + 30 * 60_000;
  const usage = {
    ...completionChunk({}),
    choices: [],
    usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
  };
  beforeAll(async () => {
    // A model that answers "remind me" with create_commitment, then confirms in text once the tool ran.
    standIn = await startStandIn((request, res) => {
      if (request.path.endsWith("/embeddings")) return sendLocalEmbeddings(request, res);
      const toolRan = (request.body.messages as { role: string }[]).some((entry) => entry.role === "tool");
      if (toolRan)
        return sendSse(res, [
          completionChunk({ content: "Done: I'll remind you." }),
          completionChunk({}, "stop"),
          usage,
        ]);
      const args = JSON.stringify({ title: "Call the physio", remindAt });
      return sendSse(res, [
        completionChunk({
          role: "assistant",
          tool_calls: [
            {
              index: 0,
              id: "call_commitment",
              type: "function",
              function: { name: "create_commitment", arguments: args },
            },
          ],
        }),
        completionChunk({}, "tool_calls"),
        usage,
      ]);
    });
    const ai = createAiProvider(
      parseAiConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" }),
    );
    coach = createApp({
      db: harness.db,
      config: harness.config,
      mailer: harness.mailer,
      ai,
      queues,
      telegram: { webhookSecret: SECRET },
    });
  });
  afterAll(async () => standIn?.close());

  it("a reply that creates a commitment with a reminder enqueues the reminder and the embeddings at once, not at the next reconcile", async () => {
    const user = await linkedUser(4001);
    expect(
      (await post(update(message(4001, "Remind me to call the physio in half an hour")), { on: coach })).body,
    ).toEqual({ ok: true });

    const commitment = await harness.db.commitment.findFirstOrThrow({ where: { userId: user.userId } });
    expect(commitment).toMatchObject({ title: "Call the physio", status: "SCHEDULED" });
    expect(commitment.remindAt?.getTime()).toBe(remindAt);
    const reminder = await queues.queue("reminders").getJob(reminderJobId("commitment", commitment.id, remindAt));
    expect(await reminder?.getState()).toBe("delayed");
    expect(reminder?.data).toEqual({ kind: "commitment", entityId: commitment.id, userId: user.userId, remindAt });

    const conversation = await harness.db.conversation.findFirstOrThrow({ where: { userId: user.userId } });
    const upserts = (await queues.queue("embeddings").getJobs(["waiting"]))
      .flatMap((job) => job.data.owners as { userId: string; ownerKind: string; ownerId: string }[])
      .filter((owner) => owner.userId === user.userId)
      .map((owner) => [owner.ownerKind, owner.ownerId]);
    expect(upserts).toEqual(
      expect.arrayContaining([
        ["COMMITMENT", commitment.id],
        ["CONVERSATION", conversation.id],
      ]),
    );
    const [reply] = await harness.db.proactiveMessage.findMany({ where: { userId: user.userId } });
    expect(reply).toMatchObject({ content: "Done: I'll remind you.", status: "PENDING" });
    expect((await queues.queue("telegram").getJob(`proactive.${reply!.id}`))?.name).toBe("deliver");
  });
});
