import { describe, expect, it } from "vitest";

import { upsertEmbedding } from "@cto/db/vector";

import { useApi, visitor } from "./support/api.ts";

// What the web app reads on ordinary pages: a signed-out start and "nothing yet" are answers, not errors.

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

describe("the session check", () => {
  it("with optional=true answers 200 with null when nobody is signed in, and the session when someone is", async () => {
    const stranger = visitor(harness);
    expect(await stranger.request("GET", "/auth/session?optional=true")).toMatchObject({ status: 200, body: null });
    expect((await stranger.request("GET", "/auth/session")).status).toBe(401);
    expect((await alice.request("GET", "/auth/session?optional=true")).body.user.email).toBe(alice.email);
    // A stale cookie is nobody too.
    const stale = visitor(harness);
    stale.cookie = "cto_session=not-a-real-token";
    expect(await stale.request("GET", "/auth/session?optional=true")).toMatchObject({ status: 200, body: null });
  });

  it("still refuses a bad API key, optional or not, and a bad value of optional", async () => {
    const bearer = (query: string) =>
      harness.app.request(`/auth/session${query}`, { headers: { authorization: "Bearer cto_not-a-key" } });
    expect((await bearer("?optional=true")).status).toBe(401);
    expect((await alice.request("GET", "/auth/session?optional=yes")).status).toBe(400);
  });
});

describe("nothing yet", () => {
  it("a new user's context profile and Telegram link are 200 with null; once there, they are the rows", async () => {
    expect(await bob.request("GET", "/me/context")).toMatchObject({ status: 200, body: null });
    expect(await bob.request("GET", "/telegram")).toMatchObject({ status: 200, body: null });
    await bob.request("PUT", "/me/context", { workContext: "Runs a small design team" });
    await bob.request("POST", "/telegram/link-token");
    expect((await bob.request("GET", "/me/context")).body.workContext).toBe("Runs a small design team");
    expect((await bob.request("GET", "/telegram")).body).toMatchObject({ isActive: false, telegramChatId: null });
    // Another user's rows never stand in for "nothing".
    expect((await alice.request("GET", "/me/context")).body).toBeNull();
  });
});

describe("search results know where they are shown", () => {
  const embed = async (
    userId: string,
    ownerKind: "MESSAGE" | "ANALYSIS_MESSAGE" | "REPLY" | "GOAL",
    ownerId: string,
    content: string,
  ) => {
    const { vectors, model } = await harness.ai.embed([content]);
    await upsertEmbedding(harness.db, { userId, ownerKind, ownerId, content, model, embed: () => vectors[0]! });
  };

  it("gives a message its conversation, an analysis message its session, a reply its post, other kinds null", async () => {
    const { db } = harness;
    const conversation = await db.conversation.create({ data: { userId: alice.userId, title: "Planning" } });
    const message = await db.message.create({
      data: {
        conversationId: conversation.id,
        userId: alice.userId,
        role: "USER",
        content: "plan the quarterly offsite agenda",
      },
    });
    const session = await db.analysisSession.create({
      data: { userId: alice.userId, type: "TEXT", name: "Chat with Sam" },
    });
    const line = await db.analysisMessage.create({
      data: { analysisSessionId: session.id, author: "CONTACT", text: "offsite agenda ideas from Sam" },
    });
    const post = await db.post.create({
      data: {
        authorId: bob.userId,
        title: "Offsites",
        content: "How we plan them",
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    });
    const reply = await db.reply.create({
      data: { postId: post.id, authorId: alice.userId, content: "our offsite agenda template" },
    });
    const goal = await db.goal.create({
      data: { userId: alice.userId, title: "Offsite agenda ready", period: "WEEKLY" },
    });
    await embed(alice.userId, "MESSAGE", message.id, message.content);
    await embed(alice.userId, "ANALYSIS_MESSAGE", line.id, line.text);
    await embed(alice.userId, "REPLY", reply.id, reply.content);
    await embed(alice.userId, "GOAL", goal.id, goal.title);
    const result = await alice.request("GET", `/search?q=${encodeURIComponent("offsite agenda")}&scope=memory&k=10`);
    expect(result.status).toBe(200);
    const parents = Object.fromEntries(
      result.body.memory.map((match: { ownerId: string; parentId: string | null }) => [match.ownerId, match.parentId]),
    );
    expect(parents).toEqual({
      [message.id]: conversation.id,
      [line.id]: session.id,
      [reply.id]: post.id,
      [goal.id]: null,
    });
  });
});
