import { afterAll, beforeAll, expect, it } from "vitest";

import { completionChunk, sendSse, type startStandIn, type TRecordedRequest } from "@cto/ai/testing";

import { fieldPaths, useApi } from "./support/api.ts";
import { startStandInApp } from "./support/chat.ts";
import { WEB_ORIGIN, type Harness } from "./harness.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

// The OpenAI-compatible stand-in answers "Reply N" and records every prompt it was sent.
let standIn: Awaited<ReturnType<typeof startStandIn>>;
let app: Harness["app"];
const prompts: TRecordedRequest[] = [];

beforeAll(async () => {
  ({ standIn, app } = await startStandInApp(harness, (request, res) => {
    prompts.push(request);
    sendSse(res, [completionChunk({ content: `Reply ${prompts.length}` }), completionChunk({}, "stop")]);
  }));
});
afterAll(async () => standIn?.close());

/** Posts to a streaming chat route on the stand-in's app and reads the stream to its end. */
const stream = async (path: string, body: unknown) => {
  const response = await app.request(path, {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: alice.cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  const events = text
    .split("\n\n")
    .filter((block) => block.includes("data: "))
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!),
    }));
  const done = events.find((event) => event.event === "done");
  expect(done, JSON.stringify(events)).toBeDefined();
  return {
    asked: events.find((event) => event.event === "user_message")!.data.message,
    reply: done!.data.message,
    prompt: JSON.stringify(prompts.at(-1)!.body.messages),
  };
};

it("edits a sent message: the coach answers the edit, the old branch is kept, flipping back restores it for the thread and the prompt", async () => {
  const conversationId = (await alice.request("POST", "/conversations", { title: "Edits" })).body.id as string;
  const chat = `/conversations/${conversationId}/chat`;
  const first = await stream(chat, { content: "I want to learn Rust" });
  const second = await stream(chat, { content: "Where do I start with the borrow checker?" });

  // Edit the first message: the reply answers the edit, and nothing of the old branch is in its prompt.
  const edited = await stream(`${chat}/edit`, { messageId: first.asked.id, content: "I want to learn Go" });
  expect(edited.asked).toMatchObject({ role: "user", content: "I want to learn Go" });
  expect(edited.asked.id).not.toBe(first.asked.id);
  expect(edited.asked.metadata).toMatchObject({ parentId: null, chosenAt: expect.any(Number) });
  expect(edited.prompt).toContain("I want to learn Go");
  for (const gone of ["learn Rust", "borrow checker", first.reply.content, second.reply.content])
    expect(edited.prompt).not.toContain(gone);

  // The old branch is stored; the next message follows the edit.
  const next = await stream(chat, { content: "Which book?" });
  expect(next.asked.metadata).toMatchObject({ parentId: edited.asked.id });
  expect(next.prompt).toContain("I want to learn Go");
  expect(next.prompt).toContain(edited.reply.content);
  expect(next.prompt).not.toContain("learn Rust");
  const stored = await alice.request("GET", `/conversations/${conversationId}/messages?limit=100`);
  const contents = (stored.body.items as { content: string }[]).map((message) => message.content);
  for (const kept of ["I want to learn Rust", "Where do I start with the borrow checker?", "I want to learn Go"])
    expect(contents).toContain(kept);

  // Flip back to the first version: its branch (with the second question) is what the coach reads again.
  const flipped = await alice.request("POST", `${chat}/branch`, { messageId: first.asked.id });
  expect(flipped.status).toBe(200);
  expect(flipped.body).toEqual({ messageId: first.asked.id });
  const back = await stream(chat, { content: "And after that?" });
  expect(back.asked.metadata).toMatchObject({ parentId: second.asked.id });
  for (const again of ["learn Rust", "borrow checker", second.reply.content]) expect(back.prompt).toContain(again);
  for (const gone of ["learn Go", "Which book?", edited.reply.content]) expect(back.prompt).not.toContain(gone);

  // Refusals: the coach's message (400 with the path), a blank text, malformed ids, another user's
  // conversation or message (404), and any edit or flip while a reply is being written (409).
  const coach = await alice.request("POST", `${chat}/edit`, { messageId: back.reply.id, content: "x" });
  expect(coach.status).toBe(400);
  expect(fieldPaths(coach)).toEqual(["messageId"]);
  const blank = await alice.request("POST", `${chat}/edit`, { messageId: back.asked.id, content: "  " });
  expect(blank.status).toBe(400);
  expect(fieldPaths(blank)).toEqual(["content"]);
  const malformed = await alice.request("POST", `${chat}/branch`, { messageId: "x" });
  expect(malformed.status).toBe(400);
  expect(fieldPaths(malformed)).toEqual(["messageId"]);
  const foreign = await bob.request("POST", `${chat}/edit`, { messageId: back.asked.id, content: "Mine now" });
  expect(foreign.status).toBe(404);
  const foreignFlip = await bob.request("POST", `${chat}/branch`, { messageId: edited.asked.id });
  expect(foreignFlip.status).toBe(404);
  const bobs = (await bob.request("POST", "/conversations", { title: "Bob's" })).body.id as string;
  const crossed = await bob.request("POST", `/conversations/${bobs}/chat/edit`, {
    messageId: back.asked.id,
    content: "Mine now",
  });
  expect(crossed.status).toBe(404);
  expect(fieldPaths(crossed)).toEqual(["messageId"]);
  const notVersion = await alice.request("POST", `${chat}/branch`, { messageId: back.reply.id });
  expect(notVersion.status).toBe(404);

  const chosenAt = async () =>
    ((await harness.db.message.findUniqueOrThrow({ where: { id: first.asked.id } })).metadata as { chosenAt?: number })
      .chosenAt;
  const before = await chosenAt();
  await harness.db.$executeRaw`
    UPDATE messages SET metadata = metadata || jsonb_build_object('reply', jsonb_build_object('status', 'pending', 'at', ${Date.now()}::bigint))
    WHERE id = ${back.asked.id}::uuid`;
  const busy = await alice.request("POST", `${chat}/edit`, { messageId: first.asked.id, content: "Python" });
  expect(busy.status).toBe(409);
  const busyFlip = await alice.request("POST", `${chat}/branch`, { messageId: edited.asked.id });
  expect(busyFlip.status).toBe(409);
  // Refused, nothing changed: the thread still has its five questions, the first version current.
  expect(await harness.db.message.count({ where: { conversationId, role: "USER" } })).toBe(5);
  expect(before).toEqual(expect.any(Number));
  expect(await chosenAt()).toBe(before);
});
