import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import type { TMessage } from "@cto/contracts/api/coaching";
import { completionChunk, sendSse, startStandIn, type TRecordedRequest, sendLocalEmbeddings } from "@cto/ai/testing";
import { createProducerConnection } from "@cto/queue/connection";

import { createApp } from "../src/app.ts";
import { useApi, type TUser } from "./support/api.ts";
import { WEB_ORIGIN, type Harness } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = createProducerConnection(REDIS_URL);
const prefix = `cto-test-replies-${randomUUID()}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

type TSse = { event: string; data: { message: TMessage; text: string } };

/**
 * A chat stream read as it arrives: `next(kind)` waits for the next event of that kind, `cancel()`
 * closes it as a browser tab would, `rest()` reads it to its end.
 */
const openStream = async (app: Harness["app"], user: TUser, path: string, body: unknown) => {
  const response = await app.request(path, {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: TSse[] = [];
  let buffer = "";
  const read = async () => {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      if (data) events.push({ event: /^event: (.*)$/m.exec(block)?.[1] ?? "message", data: JSON.parse(data) });
      end = buffer.indexOf("\n\n");
    }
    return true;
  };
  let seen = 0;
  return {
    events,
    next: async (kind: string) => {
      for (;;) {
        const index = events.findIndex((event, i) => i >= seen && event.event === kind);
        if (index >= 0) {
          seen = index + 1;
          return events[index]!;
        }
        if (!(await read())) throw new Error(`the stream ended before a ${kind} event: ${JSON.stringify(events)}`);
      }
    },
    rest: async () => {
      while (await read());
      return events;
    },
    cancel: () => reader.cancel(),
  };
};

const newConversation = async (user: TUser) =>
  (await user.request("POST", "/conversations", { title: "Replies" })).body.id as string;

const waitFor = async <T>(read: () => Promise<T | null | undefined>, ms = 10_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** What the API stored for a stopped reply: the streamed text, marked stopped, and the user message answered by it. */
const expectStoppedReply = async (userMessageId: string, conversationId: string, content: string) => {
  const reply = await waitFor(() =>
    harness.db.message.findFirst({ where: { conversationId, role: "ASSISTANT" }, orderBy: { createdAt: "desc" } }),
  );
  expect(reply.content).toBe(content);
  expect(reply.metadata).toMatchObject({ stopped: true });
  const asked = await harness.db.message.findUniqueOrThrow({ where: { id: userMessageId } });
  expect((asked.metadata as { reply: unknown }).reply).toEqual({
    status: "answered",
    at: expect.any(Number),
    messageId: reply.id,
    stopped: true,
  });
  const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: reply.id } });
  expect(response.responseData).toMatchObject({ finishReason: "stopped" });
  return reply;
};

describe("stopping a reply: the OpenAI-compatible stand-in, two API instances sharing Redis", () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let first: Harness["app"];
  let second: Harness["app"];
  /** Closed when the API stopped reading the model's stream: the model stopped generating. */
  let modelStreamClosed: Promise<void>;
  /** Set: the model answers in full with this text; unset, it streams two pieces and never ends. */
  let fullReply: string | undefined;
  const chatRequests: TRecordedRequest[] = [];

  beforeAll(async () => {
    if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
    standIn = await startStandIn((request, res: ServerResponse) => {
      if (request.path.endsWith("/embeddings")) return sendLocalEmbeddings(request, res);
      chatRequests.push(request);
      if (fullReply !== undefined)
        return sendSse(res, [completionChunk({ content: fullReply }), completionChunk({}, "stop")]);
      // Two pieces of the reply, then a model that would go on for ever.
      modelStreamClosed = new Promise((resolve) => res.on("close", () => resolve()));
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const text of ["Here is **the plan**: ", "first, <script>x()</script>"])
        res.write(`data: ${JSON.stringify(completionChunk({ content: text }))}\n\n`);
    });
    const ai = createAiProvider(
      parseAiConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" }),
    );
    const dependencies = { db: harness.db, config: harness.config, mailer: harness.mailer, ai };
    first = createApp({ ...dependencies, cacheStore: { redis, prefix } });
    second = createApp({ ...dependencies, cacheStore: { redis, prefix } });
  });
  afterAll(async () => standIn?.close());

  it("a stop asked through another instance ends the stream with the reply as streamed, stored and marked stopped", async () => {
    const conversationId = await newConversation(alice);
    const stream = await openStream(first, alice, `/conversations/${conversationId}/chat`, { content: "Plan my week" });
    const userMessageId = (await stream.next("user_message")).data.message.id as string;
    await stream.next("delta");
    await stream.next("delta");
    const stop = await second.request(`/conversations/${conversationId}/chat/stop`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: alice.cookie, "content-type": "application/json" },
      body: JSON.stringify({ messageId: userMessageId }),
    });
    expect(stop.status).toBe(202);
    expect(await stop.json()).toEqual({ messageId: userMessageId, delivered: true });
    const done = (await stream.rest()).at(-1)!;
    expect(done.event).toBe("done");
    const content = "Here is **the plan**: first, <script>x()</script>";
    expect(done.data.message).toMatchObject({ role: "assistant", content, metadata: { stopped: true } });
    await modelStreamClosed;
    await expectStoppedReply(userMessageId, conversationId, content);

    // Stopped is final: a second stop, or a retry, is refused; the thread goes on with the next message.
    const again = await alice.request("POST", `/conversations/${conversationId}/chat/stop`, {
      messageId: userMessageId,
    });
    expect(again.status).toBe(409);
    const retried = await alice.request("POST", `/conversations/${conversationId}/chat/retry`, {
      messageId: userMessageId,
    });
    expect(retried.status).toBe(409);
  });

  it("a client that closes the stream stops the model and keeps what streamed", async () => {
    const conversationId = await newConversation(alice);
    const stream = await openStream(first, alice, `/conversations/${conversationId}/chat`, { content: "Go on" });
    const userMessageId = (await stream.next("user_message")).data.message.id as string;
    await stream.next("delta");
    await stream.next("delta");
    await stream.cancel();
    await modelStreamClosed;
    await expectStoppedReply(userMessageId, conversationId, "Here is **the plan**: first, <script>x()</script>");
  });

  it("regenerates a reply without showing the model the earlier one, which stays as an alternative to flip back to", async () => {
    const conversationId = await newConversation(alice);
    fullReply = "First answer: take a walk.";
    const asked = await openStream(first, alice, `/conversations/${conversationId}/chat`, { content: "Tired today" });
    const messageId = (await asked.next("user_message")).data.message.id as string;
    const firstReply = (await asked.next("done")).data.message;
    await asked.rest();

    fullReply = "Second answer: sleep early.";
    const before = chatRequests.length;
    const again = await openStream(second, alice, `/conversations/${conversationId}/chat/regenerate`, { messageId });
    expect((await again.next("user_message")).data.message.id).toBe(messageId);
    const secondReply = (await again.next("done")).data.message;
    await again.rest();
    expect(secondReply.content).toBe("Second answer: sleep early.");
    const prompt = JSON.stringify(chatRequests.slice(before).map((request) => request.body.messages));
    expect(prompt).toContain("Tired today");
    expect(prompt).not.toContain("take a walk");

    const replies = await harness.db.message.findMany({ where: { conversationId, role: "ASSISTANT" } });
    expect(replies.map((reply) => reply.content).sort()).toEqual([firstReply.content, secondReply.content].sort());
    const replyOf = async () =>
      ((await harness.db.message.findUniqueOrThrow({ where: { id: messageId } })).metadata as { reply: unknown }).reply;
    expect(await replyOf()).toMatchObject({ status: "answered", messageId: secondReply.id });

    // Flip back: the earlier reply is the one the next turn's prompt holds.
    const chosen = await alice.request("POST", `/conversations/${conversationId}/chat/choose`, {
      messageId,
      replyId: firstReply.id,
    });
    expect(chosen.status).toBe(200);
    expect(await replyOf()).toMatchObject({ status: "answered", messageId: firstReply.id });
    fullReply = "Noted.";
    const next = await openStream(first, alice, `/conversations/${conversationId}/chat`, { content: "And tomorrow?" });
    await next.rest();
    const nextPrompt = JSON.stringify(chatRequests.at(-1)!.body.messages);
    expect(nextPrompt).toContain("take a walk");
    expect(nextPrompt).not.toContain("sleep early");

    // Only the latest message's reply can be regenerated; a reply is chosen only among its own message's.
    const stale = await alice.request("POST", `/conversations/${conversationId}/chat/regenerate`, { messageId });
    expect(stale.status).toBe(409);
    const foreign = await alice.request("POST", `/conversations/${conversationId}/chat/choose`, {
      messageId,
      replyId: (await harness.db.message.findFirstOrThrow({ where: { conversationId, content: "Noted." } })).id,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.details).toEqual([{ path: "replyId", message: expect.any(String) }]);
    const other = await bob.request("POST", `/conversations/${conversationId}/chat/choose`, {
      messageId,
      replyId: secondReply.id,
    });
    expect(other.status).toBe(404);
    fullReply = undefined;
  });
});

describe("stopping a reply: the offline provider, one instance without Redis", () => {
  let app: Harness["app"];
  let releaseGate: () => void = () => {};

  beforeAll(() => {
    const local = harness.ai;
    // The offline coach writes its reply at once; this one pauses after its first word, as a slow model would.
    const paced: TAiProvider = {
      ...local,
      async *chatStream(request) {
        let words = 0;
        for await (const event of local.chatStream(request)) {
          yield event;
          if (event.type === "delta" && ++words === 1)
            await new Promise<void>((resolve) => {
              releaseGate = resolve;
              request.signal?.addEventListener("abort", () => resolve(), { once: true });
            });
          if (request.signal?.aborted) throw new Error("aborted");
        }
      },
    };
    app = createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai: paced });
  });

  it("stops through the stop route of the same instance; refusals for what cannot be stopped", async () => {
    const conversationId = await newConversation(alice);
    const stream = await openStream(app, alice, `/conversations/${conversationId}/chat`, { content: "Hello coach" });
    const userMessageId = (await stream.next("user_message")).data.message.id as string;
    const firstWord = (await stream.next("delta")).data.text as string;

    const malformed = await alice.request("POST", `/conversations/${conversationId}/chat/stop`, { messageId: "x" });
    expect(malformed.status).toBe(400);
    const foreign = await bob.request("POST", `/conversations/${conversationId}/chat/stop`, {
      messageId: userMessageId,
    });
    expect(foreign.status).toBe(404);

    const stop = await app.request(`/conversations/${conversationId}/chat/stop`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: alice.cookie, "content-type": "application/json" },
      body: JSON.stringify({ messageId: userMessageId }),
    });
    expect(await stop.json()).toEqual({ messageId: userMessageId, delivered: true });
    const done = (await stream.rest()).at(-1)!;
    expect(done).toMatchObject({ event: "done", data: { message: { content: firstWord } } });
    await expectStoppedReply(userMessageId, conversationId, firstWord);
    releaseGate();
  });
});
