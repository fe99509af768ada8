import { describe, expect, it } from "vitest";

import type { TReplyExplanation } from "@cto/contracts/api/memory";

import { fieldPaths, useApi, type TUser } from "./support/api.ts";
import { eventAt, rememberInsight, streamChat } from "./support/chat.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

/** Chats once and returns the `done` event's data (the test fails naming what came instead). */
const chat = async (user: TUser, conversationId: string, content: string) => {
  const { events } = await streamChat(harness.app, user, `/conversations/${conversationId}/chat`, { content });
  return eventAt(events, -1, "done").data;
};

const newConversation = async (user: TUser) =>
  (await user.request("POST", "/conversations", { title: "Memory" })).body.id as string;

/** An insight the user typed, embedded as the pipeline does. */
const remember = (user: TUser, content: string) => rememberInsight(harness, user, content);

describe("memory: insights the user reviews", () => {
  it("shows where an insight came from, and confirms or corrects it", async () => {
    const id = await remember(alice, "Prefers written updates over status meetings");
    const listed = await alice.request("GET", "/insights");
    expect(listed.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({
      source: "user",
      evidence: [],
      confidence: null,
      confirmedAt: null,
    });
    const confirmed = await alice.request("POST", `/insights/${id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmedAt).toEqual(expect.any(Number));
    const corrected = await alice.request("PATCH", `/insights/${id}`, { content: "Prefers written updates, weekly" });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      content: "Prefers written updates, weekly",
      confirmedAt: expect.any(Number),
    });
  });

  it("refuses another user's insight, a malformed id and a blank correction", async () => {
    const id = await remember(alice, "Runs the platform team's hiring loop");
    expect((await bob.request("POST", `/insights/${id}/confirm`)).status).toBe(404);
    expect((await bob.request("PATCH", `/insights/${id}`, { content: "Mine now" })).status).toBe(404);
    expect((await bob.request("DELETE", `/insights/${id}`)).status).toBe(404);
    const malformed = await alice.request("POST", "/insights/not-a-uuid/confirm");
    expect(malformed.status).toBe(400);
    expect(fieldPaths(malformed)).toEqual(["id"]);
    const blank = await alice.request("PATCH", `/insights/${id}`, { content: "   " });
    expect(blank.status).toBe(400);
    expect(fieldPaths(blank)).toEqual(["content"]);
    const row = await harness.db.insight.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ content: "Runs the platform team's hiring loop", confirmedAt: null });
  });

  it("forgets an insight: its embeddings go, and no later search or reply cites it", async () => {
    const secret = "Quietly interviewing at Northwind Robotics for a director role";
    const id = await remember(alice, secret);
    const question = "Northwind Robotics director role interviewing";
    const before = await alice.request("GET", `/search?q=${encodeURIComponent(question)}&scope=memory`);
    expect(before.body.memory.map((match: { ownerId: string }) => match.ownerId)).toContain(id);

    expect((await alice.request("DELETE", `/insights/${id}`)).status).toBe(204);
    expect(await harness.db.embedding.count({ where: { ownerId: id } })).toBe(0);
    expect(await harness.db.insight.count({ where: { id } })).toBe(0);
    expect((await alice.request("GET", `/insights/${id}`)).status).toBe(404);

    const after = await alice.request("GET", `/search?q=${encodeURIComponent(question)}&scope=memory`);
    expect(after.body.memory.map((match: { ownerId: string }) => match.ownerId)).not.toContain(id);
    const reply = await chat(alice, await newConversation(alice), `What about my ${question}?`);
    expect(reply.sources.map((source) => source.id)).not.toContain(id);
    expect(reply.sources.map((source) => source.content).join(" ")).not.toContain("Quietly interviewing");
    const stored = await harness.db.message.findUniqueOrThrow({ where: { id: reply.message.id } });
    expect(JSON.stringify(stored.metadata)).not.toContain(id);
  });
});

describe("memory: the coach's assumptions and why it acted", () => {
  it("lists the assumptions behind replies, filtered by review, and only the caller's", async () => {
    await remember(alice, "Mentors two junior engineers on the payments team");
    const conversationId = await newConversation(alice);
    await chat(alice, conversationId, "How should I mentor the junior engineers on payments?");
    const page = await alice.request("GET", "/assumptions?limit=50");
    expect(page.status).toBe(200);
    const mine = page.body.items as { id: string; auditLogId: string; verified: boolean | null; action: object }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({ verified: null, action: { actionType: "respond", conversationId } });

    const target = mine[0]!;
    const verdict = await alice.request("POST", `/audit-logs/${target.auditLogId}/assumptions/${target.id}/verify`, {
      verified: false,
      correction: "They are on the platform team",
    });
    expect(verdict.status).toBe(200);
    const corrected = await alice.request("GET", "/assumptions?status=corrected");
    expect(corrected.body.items.map((item: { id: string }) => item.id)).toEqual([target.id]);
    const unreviewed = await alice.request("GET", "/assumptions?status=unreviewed&limit=50");
    expect(unreviewed.body.items.map((item: { id: string }) => item.id)).not.toContain(target.id);

    const bobs = await bob.request("GET", "/assumptions");
    expect(bobs.body.items.map((item: { id: string }) => item.id)).not.toContain(target.id);
    const foreignCursor = await bob.request("GET", `/assumptions?cursor=${target.id}`);
    expect(foreignCursor.status).toBe(400);
    expect(fieldPaths(foreignCursor)).toEqual(["cursor"]);
    const badStatus = await alice.request("GET", "/assumptions?status=maybe");
    expect(badStatus.status).toBe(400);
    expect(fieldPaths(badStatus)).toEqual(["status"]);
  });

  it("explains a reply: its assumptions and the tool calls behind the action", async () => {
    const conversationId = await newConversation(alice);
    const reply = await chat(alice, conversationId, "Set a goal to run a 10k by June");
    const path = `/conversations/${conversationId}/messages/${reply.message.id}/explanation`;
    const explained = await alice.request("GET", path);
    expect(explained.status).toBe(200);
    const body = explained.body as TReplyExplanation;
    expect(body.auditLog).toMatchObject({ actionType: "respond", entityId: reply.message.id });
    const assumptions = body.auditLog.assumptions as { category: string }[];
    expect(assumptions.map((row) => row.category)).toContain("intent");
    const call = body.toolCalls[0]!;
    expect(call).toMatchObject({ name: "create_goal", ok: true, entityType: "goal", error: null });
    expect(call.arguments).toMatchObject({ title: expect.stringContaining("10k") });
    expect(call.result).toEqual({ ok: true, goalId: call.entityId });
    expect(await harness.db.goal.count({ where: { id: call.entityId!, userId: alice.userId } })).toBe(1);
  });

  it("answers 404 for another user's reply, the user's own message and a missing one; 400 for a malformed id", async () => {
    const conversationId = await newConversation(alice);
    const reply = await chat(alice, conversationId, "How do I run better retrospectives?");
    const path = `/conversations/${conversationId}/messages/${reply.message.id}/explanation`;
    expect((await bob.request("GET", path)).status).toBe(404);
    const [own] = await harness.db.message.findMany({ where: { conversationId, role: "USER" } });
    expect(
      (await alice.request("GET", `/conversations/${conversationId}/messages/${own!.id}/explanation`)).status,
    ).toBe(404);
    const missing = `/conversations/${conversationId}/messages/00000000-0000-4000-8000-000000000000/explanation`;
    expect((await alice.request("GET", missing)).status).toBe(404);
    // Bob's own conversation does not open Alice's reply either.
    const bobs = await newConversation(bob);
    expect((await bob.request("GET", `/conversations/${bobs}/messages/${reply.message.id}/explanation`)).status).toBe(
      404,
    );
    const malformed = await alice.request("GET", `/conversations/${conversationId}/messages/nope/explanation`);
    expect(malformed.status).toBe(400);
    expect(fieldPaths(malformed)).toEqual(["messageId"]);
  });
});
