import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LOCAL_CHAT_MODEL } from "@cto/ai/local-provider";
import { completionChunk, sendJson, sendSse, type startStandIn, type TRecordedRequest } from "@cto/ai/testing";

import { fieldPaths, sameSession, useApi, type TClient, type TUser } from "./support/api.ts";
import { eventAt, startStandInApp, streamChat } from "./support/chat.ts";
import type { Harness } from "./harness.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const CATALOGUE = [
  { name: "gpt-4o-mini", displayName: "GPT-4o mini", provider: "openai", inputPrice: 0.15, outputPrice: 0.6 },
  { name: "gpt-4o", displayName: "GPT-4o", provider: "openai", inputPrice: 2.5, outputPrice: 10 },
  { name: LOCAL_CHAT_MODEL, displayName: "Offline coach", provider: "local", inputPrice: 0, outputPrice: 0 },
];
beforeAll(async () => {
  await harness.db.aiModel.createMany({ data: CATALOGUE.map((model) => ({ ...model, kind: "CHAT" as const })) });
});

/** Sends a chat message as `user` and returns the stream's events (name and parsed data). */
const chat = (user: TClient, conversationId: string, content: string, app: Harness["app"] = harness.app) =>
  streamChat(app, user, `/conversations/${conversationId}/chat`, { content });
const create = async (user: TUser, body: Record<string, unknown> = {}) => user.request("POST", "/conversations", body);

describe("conversations: the model choice (offline provider)", () => {
  it("GET /models offers what the offline provider serves, with prices", async () => {
    const { status, body } = await alice.request("GET", "/models");
    expect(status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({ name: LOCAL_CHAT_MODEL, provider: "local", inputPrice: 0, isDefault: true }),
    ]);
    expect(body.defaultModel).toBe(LOCAL_CHAT_MODEL);
  });

  it("refuses a model that is not offered with a path, and keeps the stored one", async () => {
    for (const model of ["gpt-4o", "no-such-model", "x".repeat(201), "a\u0000b", ""]) {
      const refused = await create(alice, { model });
      expect(refused.status, model).toBe(400);
      expect(fieldPaths(refused)).toEqual(["model"]);
    }
    const { body: conversation } = await create(alice, { model: LOCAL_CHAT_MODEL });
    expect(conversation.model).toBe(LOCAL_CHAT_MODEL);
    const refused = await alice.request("PATCH", `/conversations/${conversation.id}`, { model: "gpt-4o" });
    expect(fieldPaths(refused)).toEqual(["model"]);
    expect((await alice.request("GET", `/conversations/${conversation.id}`)).body.model).toBe(LOCAL_CHAT_MODEL);
    expect((await alice.request("PATCH", `/conversations/${conversation.id}`, { model: null })).body.model).toBeNull();
  });

  it("applies the user's default (/me/model) to new conversations, when it is offered", async () => {
    await bob.request("PUT", "/me/model", { currentModel: LOCAL_CHAT_MODEL, preferredModels: [] });
    expect((await create(bob)).body.model).toBe(LOCAL_CHAT_MODEL);
    expect((await bob.request("GET", "/models")).body.userDefault).toBe(LOCAL_CHAT_MODEL);
    // A default this provider does not serve is not applied (the provider's own answers).
    await bob.request("PUT", "/me/model", { currentModel: "gpt-4o", preferredModels: [] });
    expect((await create(bob)).body.model).toBeNull();
    expect((await bob.request("GET", "/models")).body.userDefault).toBeNull();
    await bob.request("PUT", "/me/model", { currentModel: null, preferredModels: [] });
  });

  it("records the model that answered, and titles the conversation from its first exchange", async () => {
    const { body: conversation } = await create(alice);
    const { events } = await chat(alice, conversation.id, "Hello! How do I hand the release checklist to Priya?");
    const done = eventAt(events, -1, "done");
    expect(done.data.model).toBe(LOCAL_CHAT_MODEL);
    expect(done.data.message.metadata).toMatchObject({ model: LOCAL_CHAT_MODEL });
    const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: done.data.message.id } });
    expect(response.modelUsed).toBe(LOCAL_CHAT_MODEL);
    expect(response.requestData).toMatchObject({ model: LOCAL_CHAT_MODEL });
    const titled = (await alice.request("GET", `/conversations/${conversation.id}`)).body;
    expect(titled.title).toBe("Hand the release checklist to Priya");
    // A title the user gave is kept.
    await alice.request("PATCH", `/conversations/${conversation.id}`, { title: "Release hand-over" });
    await chat(alice, conversation.id, "And what about the on-call rota?");
    expect((await alice.request("GET", `/conversations/${conversation.id}`)).body.title).toBe("Release hand-over");
  });
});

describe("conversations: against an OpenAI-compatible server (the stand-in)", () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let app: Harness["app"];
  let answerTitle: (res: ServerResponse) => void = () => {};
  const chats: TRecordedRequest[] = [];

  beforeAll(async () => {
    ({ standIn, app } = await startStandInApp(harness, (request, res) => {
      chats.push(request);
      if (!request.body.stream) return answerTitle(res);
      const snapshot = `${request.body.model}-2024-08-06`;
      sendSse(res, [
        { ...completionChunk({ role: "assistant", content: "Start with one step." }), model: snapshot },
        { ...completionChunk({}, "stop"), model: snapshot },
      ]);
    }));
  });
  afterAll(async () => standIn?.close());

  it("offers the provider's models, sends the chosen one and records the one that answered", async () => {
    const carol = sameSession(alice, { ...harness, app } as Harness);
    const offered = (await carol.request("GET", "/models")).body;
    expect(offered.items.map((model: { name: string }) => model.name)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(offered.items.find((model: { name: string }) => model.name === "gpt-4o")).toMatchObject({
      inputPrice: 2.5,
      outputPrice: 10,
      isDefault: false,
    });
    const refused = await carol.request("POST", "/conversations", { model: LOCAL_CHAT_MODEL });
    expect(fieldPaths(refused)).toEqual(["model"]);

    const { body: conversation } = await carol.request("POST", "/conversations", { model: "gpt-4o" });
    answerTitle = (res) =>
      sendJson(res, 200, {
        id: "chatcmpl-title",
        object: "chat.completion",
        created: 1_700_000_000,
        model: "gpt-4o-2024-08-06",
        choices: [{ index: 0, message: { role: "assistant", content: '"Weekly planning."' }, finish_reason: "stop" }],
        usage: { prompt_tokens: 20, completion_tokens: 3, total_tokens: 23 },
      });
    chats.length = 0;
    const { events } = await chat(carol, conversation.id, "Help me plan my week", app);
    const done = eventAt(events, -1, "done");
    expect(done.data.model).toBe("gpt-4o-2024-08-06");
    expect(chats.map((request) => request.body.model)).toEqual(["gpt-4o", "gpt-4o"]);
    const response = await harness.db.aiResponse.findUniqueOrThrow({ where: { messageId: done.data.message.id } });
    expect(response).toMatchObject({
      modelUsed: "gpt-4o-2024-08-06",
      requestData: expect.objectContaining({ model: "gpt-4o" }),
    });
    expect((await carol.request("GET", `/conversations/${conversation.id}`)).body.title).toBe("Weekly planning");

    // Switching the conversation's model reaches the next reply; without a choice the provider's default answers.
    await carol.request("PATCH", `/conversations/${conversation.id}`, { model: "gpt-4o-mini" });
    chats.length = 0;
    await chat(carol, conversation.id, "And next week?", app);
    expect(chats.map((request) => request.body.model)).toEqual(["gpt-4o-mini"]);
  });

  it("falls back to the first message, cut short, when the title call fails", async () => {
    const carol = sameSession(alice, { ...harness, app } as Harness);
    answerTitle = (res) => sendJson(res, 500, { error: { message: "down" } });
    const { body: conversation } = await carol.request("POST", "/conversations", {});
    const long = `I keep postponing the conversation with my manager about ${"the promotion ".repeat(10)}`;
    const { events } = await chat(carol, conversation.id, long, app);
    expect(events.at(-1)!.event).toBe("done");
    const { title } = (await carol.request("GET", `/conversations/${conversation.id}`)).body;
    expect(title).toMatch(/^I keep postponing the conversation with my manager.*…$/);
    expect(title?.length).toBeLessThanOrEqual(60);
  });
});

describe("conversations: pin, archive, rename, trash and undo", () => {
  it("lists pinned first, the archive apart, and restores a deleted conversation", async () => {
    const dave = alice;
    const ids: string[] = [];
    for (const title of ["First", "Second", "Third"]) ids.push((await create(dave, { title })).body.id);
    const [first, second, third] = ids as [string, string, string];
    await dave.request("PATCH", `/conversations/${first}`, { isPinned: true, title: "First, renamed" });
    await dave.request("PATCH", `/conversations/${second}`, { isActive: false });
    const main = (await dave.request("GET", "/conversations?isActive=true&limit=100")).body.items;
    expect(main[0]).toMatchObject({ id: first, title: "First, renamed", isPinned: true });
    expect(main.map((row: { id: string }) => row.id)).not.toContain(second);
    const archive = (await dave.request("GET", "/conversations?isActive=false")).body.items;
    expect(archive.map((row: { id: string }) => row.id)).toEqual([second]);

    expect((await dave.request("DELETE", `/conversations/${third}`)).status).toBe(204);
    expect((await dave.request("GET", `/conversations/${third}`)).status).toBe(404);
    expect((await chat(dave, third, "Still there?")).status).toBe(404);
    expect((await dave.request("GET", `/conversations/${third}/messages`)).status).toBe(404);
    const trash = (await dave.request("GET", "/conversations?trash=true")).body.items;
    expect(trash.map((row: { id: string }) => row.id)).toEqual([third]);
    expect((await dave.request("POST", `/conversations/${third}/restore`)).body).toMatchObject({
      id: third,
      deletedAt: null,
    });
    expect((await dave.request("GET", `/conversations/${third}`)).status).toBe(200);
    await dave.request("DELETE", `/conversations/${third}`);
    expect((await dave.request("DELETE", `/conversations/${third}?permanent=true`)).status).toBe(204);
    expect(await harness.db.conversation.count({ where: { id: third, deletedAt: undefined } })).toBe(0);
  });

  it("answers 404 for another user's conversation on every route", async () => {
    const { body: mine } = await create(alice, { title: "Alice's" });
    const path = `/conversations/${mine.id}`;
    const tries = [
      await bob.request("GET", path),
      await bob.request("PATCH", path, { title: "Bob's now", isPinned: true }),
      await bob.request("DELETE", path),
      await bob.request("DELETE", `${path}?permanent=true`),
      await bob.request("POST", `${path}/restore`),
      { status: (await chat(bob, mine.id, "hi")).status },
    ];
    expect(tries.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await alice.request("GET", path)).body).toMatchObject({
      title: "Alice's",
      isPinned: false,
      deletedAt: null,
    });
  });
});

describe("conversations: search and starters", () => {
  it("finds the user's own conversations by title or message, literally, never the trash", async () => {
    const { body: byTitle } = await create(bob, { title: "Salary negotiation 100% ready" });
    const { body: byMessage } = await create(bob, { title: "Untitled thread" });
    await harness.db.message.create({
      data: {
        conversationId: byMessage.id,
        userId: bob.userId,
        role: "USER",
        content: `${"filler ".repeat(40)}Negotiation tactics for my raise`,
      },
    });
    const { body: trashed } = await create(bob, { title: "Negotiation, trashed" });
    await bob.request("DELETE", `/conversations/${trashed.id}`);
    await create(alice, { title: "Alice's negotiation" });

    const found = (await bob.request("GET", "/conversations/search?q=NEGOTIATION")).body.items;
    expect(found.map((item: { conversation: { id: string } }) => item.conversation.id).sort()).toEqual(
      [byTitle.id, byMessage.id].sort(),
    );
    const viaMessage = found.find((item: { conversation: { id: string } }) => item.conversation.id === byMessage.id);
    expect(viaMessage?.match).toMatchObject({ role: "user" });
    expect(viaMessage?.match?.excerpt).toMatch(/^….*Negotiation tactics for my raise$/);

    const search = (q: string) => bob.request("GET", `/conversations/search?q=${encodeURIComponent(q)}`);
    expect((await search("100%")).body.items).toHaveLength(1);
    expect((await search("%")).body.items).toHaveLength(1);
    expect((await search("_")).body.items).toHaveLength(0);
    expect((await search("'; DROP TABLE conversations; --")).body.items).toEqual([]);
    expect((await search("\\")).body.items).toEqual([]);
    for (const hostile of ["", "   ", "a\u0000b", "x".repeat(201)])
      expect(fieldPaths(await search(hostile)), JSON.stringify(hostile)).toEqual(["q"]);
    expect(fieldPaths(await bob.request("GET", "/conversations/search?q=a&limit=0"))).toEqual(["limit"]);
  });

  it("suggests first messages from the user's goals, commitments and challenges", async () => {
    const general = (await bob.request("GET", "/conversations/starters")).body.items;
    expect(general.map((item: { basis: string }) => item.basis)).toEqual(["general", "general", "general"]);
    await alice.request("POST", "/goals", { title: "Run a half marathon", period: "monthly" });
    await alice.request("PUT", "/me/context", { currentChallenges: ["Saying no to meetings"] });
    const built = (await alice.request("GET", "/conversations/starters")).body.items;
    expect(built).toHaveLength(4);
    expect(built[0]).toEqual({ prompt: expect.stringContaining("“Run a half marathon” is at 0%"), basis: "goal" });
    expect(built.map((item: { basis: string }) => item.basis)).toContain("challenge");
  });
});
