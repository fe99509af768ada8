import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProducerConnection } from "@cto/queue/connection";

import { createApp } from "../src/app.ts";
import { createLeases } from "../src/lib/leases.ts";
import { startChatTurn } from "../src/services/chat/start.ts";
import { signUp } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = createProducerConnection(REDIS_URL);
const prefix = `cto-test-leases-${randomUUID()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe("leases (Redis)", () => {
  const leases = createLeases({ redis, prefix, ttlMs: 600, renewMs: 200, timeoutMs: 2_000 });

  it("one holder at a time; released, it can be taken again", async () => {
    const name = randomUUID();
    const first = await leases.hold(name);
    expect(first).not.toBeNull();
    expect(await leases.hold(name)).toBeNull();
    await first!.release();
    const second = await leases.hold(name);
    expect(second).not.toBeNull();
    await second!.release();
  });

  it("a live holder keeps it past its TTL; a dead one loses it within the TTL", async () => {
    const name = randomUUID();
    const live = await leases.hold(name);
    await sleep(1_000);
    expect(await leases.hold(name)).toBeNull();
    await live!.release();

    // A holder whose process died: it took the lease and never renewed it.
    const dead = createLeases({ redis, prefix, ttlMs: 600, renewMs: 3_600_000, timeoutMs: 2_000 });
    await dead.hold(name);
    expect(await leases.hold(name)).toBeNull();
    await sleep(800);
    const taken = await leases.hold(name);
    expect(taken).not.toBeNull();
    await taken!.release();
  });

  it("a late release by an earlier holder leaves the later holder's lease alone", async () => {
    const name = randomUUID();
    const stalled = createLeases({ redis, prefix, ttlMs: 300, renewMs: 3_600_000, timeoutMs: 2_000 });
    const early = await stalled.hold(name);
    await sleep(500);
    const later = await leases.hold(name);
    expect(later).not.toBeNull();
    await early!.release();
    expect(await leases.hold(name)).toBeNull();
    await later!.release();
  });
});

describe("chat retry after the instance writing the reply died", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startApi({ replyLeaseMs: 1_500 }, { cacheStore: { redis, prefix } });
  });
  afterAll(async () => harness?.close());

  const retry = (cookie: string, conversationId: string, messageId: string) =>
    harness.app.request(`/conversations/${conversationId}/chat/retry`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie, "content-type": "application/json" },
      body: JSON.stringify({ messageId }),
    });

  it("is refused while the reply's lease lives, and runs once it lapsed, long before the stale-reply age", async () => {
    const user = await signUp(harness, "leases");
    const conversationId = (await user.request("POST", "/conversations", { title: "Cut off" })).body.id as string;
    // Another instance stored the message and took the reply's lease, then died mid-stream.
    const { message } = await startChatTurn({
      db: harness.db,
      userId: user.userId,
      conversationId,
      content: "How do I say no to a meeting?",
      source: "WEB",
    });
    await createLeases({ redis, prefix, ttlMs: 1_500, renewMs: 3_600_000, timeoutMs: 2_000 }).hold(
      `chat-reply:${message.id}`,
    );

    const early = await retry(user.cookie, conversationId, message.id);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/still being written/);

    await sleep(1_700);
    const late = await retry(user.cookie, conversationId, message.id);
    expect(late.status).toBe(200);
    expect(await late.text()).toContain("event: done");
    const stored = await harness.db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect((stored.metadata as { reply: { status: string } }).reply.status).toBe("answered");
    expect(await harness.db.message.count({ where: { conversationId, role: "USER" } })).toBe(1);
  });

  it("without Redis, a recent pending reply stays refused (its writer may be alive)", async () => {
    const alone = createApp({
      db: harness.db,
      config: { ...harness.config, replyLeaseMs: 1_500 },
      mailer: harness.mailer,
      ai: harness.ai,
    });
    const user = await signUp(harness, "no-redis");
    const conversationId = (await user.request("POST", "/conversations", { title: "No Redis" })).body.id as string;
    const { message } = await startChatTurn({
      db: harness.db,
      userId: user.userId,
      conversationId,
      content: "Still there?",
      source: "WEB",
    });
    await sleep(1_700);
    const response = await alone.request(`/conversations/${conversationId}/chat/retry`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
      body: JSON.stringify({ messageId: message.id }),
    });
    expect(response.status).toBe(409);
  });
});
