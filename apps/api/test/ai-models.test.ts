import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LOCAL_CHAT_MODEL } from "@cto/ai/local-provider";
import { createProducerConnection } from "@cto/queue/connection";

import { createApp } from "../src/app.ts";
import { sameSession, signUp, visitor, type TUser } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

// Two API instances on one database and one Redis, each with its own connection, as two processes
// behind a balancer: what one writes, the other must read at once (its cache is shared, not its own).
const connections = [createProducerConnection(REDIS_URL), createProducerConnection(REDIS_URL)];
const prefix = `cto-test-cache-${randomUUID()}`;
let harness: Harness;
let other: Harness["app"];
let admin: TUser;
let member: TUser;

/** `user`'s session on the other instance. */
const onOther = (user: TUser) => sameSession(user, { ...harness, app: other });

beforeAll(async () => {
  await Promise.all(
    connections.map(
      (connection) => connection.status === "ready" || new Promise((resolve) => connection.once("ready", resolve)),
    ),
  );
  harness = await startApi({}, { cacheStore: { redis: connections[0]!, prefix } });
  other = createApp({
    db: harness.db,
    config: harness.config,
    mailer: harness.mailer,
    ai: harness.ai,
    cacheStore: { redis: connections[1]!, prefix },
  });
  admin = await signUp(harness, "admin");
  member = await signUp(harness, "member");
  await harness.db.user.update({ where: { id: admin.userId }, data: { role: "ADMIN" } });
});
afterAll(async () => {
  const keys = await connections[0]!.keys(`${prefix}:*`);
  if (keys.length) await connections[0]!.del(...keys);
  for (const connection of connections) connection.disconnect();
  await harness?.close();
});

const model = (overrides: Record<string, unknown> = {}) => ({
  name: `model-${randomUUID().slice(0, 8)}`,
  kind: "chat",
  displayName: "Test model",
  provider: "openai",
  inputPrice: 0.15,
  outputPrice: 0.6,
  ...overrides,
});

/** Streams one chat turn and returns the stored AI response of its reply. */
const chatCost = async (user: TUser, app: Harness["app"], conversationId: string) => {
  const response = await app.request(`/conversations/${conversationId}/chat`, {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify({ content: "How do I protect my focus time?" }),
  });
  expect(await response.text()).toContain("event: done");
  const latest = await harness.db.aiResponse.findFirstOrThrow({
    where: { userId: user.userId },
    orderBy: { createdAt: "desc" },
  });
  return {
    cost: latest.cost!.toNumber(),
    promptTokens: latest.promptTokens!,
    completionTokens: latest.completionTokens!,
  };
};

describe("AI model catalogue: happy paths", () => {
  it("an administrator's writes through one instance are what every user reads through the other, at once", async () => {
    const created = await admin.request(
      "POST",
      "/admin/ai-models",
      model({ name: "gpt-test-mini", contextWindow: 128_000 }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "gpt-test-mini",
      kind: "chat",
      inputPrice: 0.15,
      outputPrice: 0.6,
      contextWindow: 128_000,
      isActive: true,
      createdAt: expect.any(Number),
    });
    const listed = await onOther(member).request("GET", "/ai-models");
    expect(listed.body.items.map((item: { name: string }) => item.name)).toContain("gpt-test-mini");

    // Read through both instances (both now cached), then change the price through the first.
    await member.request("GET", "/ai-models");
    const patched = await admin.request("PATCH", `/admin/ai-models/${created.body.id}`, {
      inputPrice: 0.2,
      isActive: false,
    });
    expect(patched.body).toMatchObject({ inputPrice: 0.2, outputPrice: 0.6, isActive: false });
    const after = (await onOther(member).request("GET", "/ai-models")).body.items.find(
      (item: { id: string }) => item.id === created.body.id,
    );
    expect(after).toMatchObject({ inputPrice: 0.2, isActive: false });
    expect(
      (await onOther(member).request("GET", "/ai-models?active=true")).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).not.toContain(created.body.id);

    expect((await onOther(admin).request("DELETE", `/admin/ai-models/${created.body.id}`)).status).toBe(204);
    expect((await member.request("GET", "/ai-models")).body.items.map((item: { id: string }) => item.id)).not.toContain(
      created.body.id,
    );
  });

  it("prices chat replies with the catalogue as last written through any instance", async () => {
    const conversationId = (await member.request("POST", "/conversations", { title: "Prices" })).body.id as string;
    const unlisted = await chatCost(member, harness.app, conversationId);
    expect(unlisted.cost).toBe(0); // AI_PRICES has no price for the offline coach

    const { body: listed } = await admin.request(
      "POST",
      "/admin/ai-models",
      model({ name: LOCAL_CHAT_MODEL, provider: "local", inputPrice: 1_000, outputPrice: 2_000 }),
    );
    const priced = await chatCost(member, other, conversationId);
    expect(priced.cost).toBeCloseTo((priced.promptTokens * 1_000 + priced.completionTokens * 2_000) / 1e6, 8);
    expect(priced.cost).toBeGreaterThan(0);

    await onOther(admin).request("PATCH", `/admin/ai-models/${listed.id}`, { inputPrice: 3_000 });
    const repriced = await chatCost(member, harness.app, conversationId);
    expect(repriced.cost).toBeCloseTo((repriced.promptTokens * 3_000 + repriced.completionTokens * 2_000) / 1e6, 8);
    await admin.request("DELETE", `/admin/ai-models/${listed.id}`);
  });

  it("a user's context profile written through one instance is read through the other at once", async () => {
    const first = { personalBio: "Leads a platform team", longTermGoals: ["Delegate more"] };
    expect((await member.request("GET", "/me/context")).body).toBeNull();
    expect((await onOther(member).request("GET", "/me/context")).body).toBeNull(); // "nothing yet" is cached too
    await member.request("PUT", "/me/context", first);
    expect((await onOther(member).request("GET", "/me/context")).body).toMatchObject(first);
    await onOther(member).request("PUT", "/me/context", { personalBio: "Now a director" });
    const read = (await member.request("GET", "/me/context")).body;
    expect(read).toMatchObject({ personalBio: "Now a director", longTermGoals: [] });
    expect(read.updatedAt).toEqual(expect.any(Number));
    // It is Redis that answers: the entry exists under the instances' shared prefix.
    expect(await connections[0]!.hget(`${prefix}:{user-context:${member.userId}}`, "value")).toContain(
      "Now a director",
    );
  });
});

describe("AI model catalogue: bad input", () => {
  it("answers 400 with the field's path and stores nothing", async () => {
    for (const [body, path] of [
      [model({ inputPrice: -1 }), "inputPrice"],
      [model({ outputPrice: 0.1234567 }), "outputPrice"],
      [model({ kind: "vision" }), "kind"],
      [model({ name: "  " }), "name"],
      [model({ contextWindow: 0 }), "contextWindow"],
    ] as const) {
      const response = await admin.request("POST", "/admin/ai-models", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.details?.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    expect((await admin.request("PATCH", "/admin/ai-models/not-a-uuid", { inputPrice: 1 })).status).toBe(400);
    expect((await admin.request("GET", "/ai-models?active=maybe")).status).toBe(400);
  });

  it("answers 409 for a name already listed and 404 for an unknown id", async () => {
    const name = `dup-${randomUUID()}`;
    expect((await admin.request("POST", "/admin/ai-models", model({ name }))).status).toBe(201);
    expect((await admin.request("POST", "/admin/ai-models", model({ name }))).status).toBe(409);
    expect((await admin.request("PATCH", `/admin/ai-models/${randomUUID()}`, { inputPrice: 1 })).status).toBe(404);
    expect((await admin.request("DELETE", `/admin/ai-models/${randomUUID()}`)).status).toBe(404);
  });
});

describe("AI model catalogue: security", () => {
  it("only administrators write it; signed-out callers read nothing", async () => {
    expect((await member.request("POST", "/admin/ai-models", model())).status).toBe(403);
    const { body: listed } = await admin.request("POST", "/admin/ai-models", model());
    expect((await member.request("PATCH", `/admin/ai-models/${listed.id}`, { inputPrice: 0 })).status).toBe(403);
    expect((await member.request("DELETE", `/admin/ai-models/${listed.id}`)).status).toBe(403);
    expect((await visitor(harness).request("GET", "/ai-models")).status).toBe(401);
    expect((await harness.db.aiModel.findUniqueOrThrow({ where: { id: listed.id } })).inputPrice.toNumber()).toBe(0.15);
  });
});
