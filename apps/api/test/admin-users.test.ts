// Administration of accounts (GET/PATCH /admin/users, GET /admin/users/{id}/usage, GET /admin/audit-log) and a
// user's own usage (GET /me/usage), on two API instances that share an auth cache through Redis, as two
// processes behind a balancer: a change made through one is enforced by the other on its next request.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb } from "@cto/db/client";
import { createProducerConnection } from "@cto/queue/connection";

import { createApp } from "../src/app.ts";
import { createAuthCache, type TAuthCache } from "../src/lib/auth-cache.ts";
import { updateUser } from "../src/services/admin/users.ts";
import { fieldPaths, sameSession, signUp, visitor, type TClient, type TUser } from "./support/api.ts";
import { startApi, type Harness } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `cto-test-admin-${randomUUID()}`;
const connections = [createProducerConnection(REDIS_URL), createProducerConnection(REDIS_URL)];
const caches: TAuthCache[] = [];
let harness: Harness;
let other: Harness["app"];
let admin: TUser;

/** `user`'s session on the second instance. */
const onOther = (user: TClient) => sameSession(user, { ...harness, app: other });

/** A request with an API key as bearer token on `app` (no cookie, no origin needed). */
const withKey = async (app: Harness["app"], key: string, path: string) => {
  const response = await app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
};

const newKey = async (user: TUser) => {
  const created = await user.request("POST", "/api-keys", { name: "cli" });
  expect(created.status).toBe(201);
  return created.body.key;
};

/** An assistant reply with its AiResponse analytics row, as the AI pipeline writes them. */
const seedResponse = async (
  userId: string,
  data: { modelUsed: string; tokenCount: number; cost: number; createdAt?: Date },
) => {
  const conversation = await harness.db.conversation.create({ data: { userId, title: "seeded" } });
  const message = await harness.db.message.create({
    data: { conversationId: conversation.id, role: "ASSISTANT", content: "a private reply" },
  });
  await harness.db.aiResponse.create({ data: { messageId: message.id, userId, ...data } });
};

const auditOf = (targetId: string) => admin.request("GET", `/admin/audit-log?targetId=${targetId}`);

beforeAll(async () => {
  await Promise.all(
    connections.map((redis) => redis.status === "ready" || new Promise((resolve) => redis.once("ready", resolve))),
  );
  caches.push(createAuthCache({ redis: connections[0]!, prefix }), createAuthCache({ redis: connections[1]!, prefix }));
  harness = await startApi({}, { authCache: caches[0]! });
  other = createApp({
    db: harness.db,
    config: harness.config,
    mailer: harness.mailer,
    ai: harness.ai,
    authCache: caches[1]!,
  });
  // Both subscriptions are up before a test counts on them.
  await new Promise((resolve) => setTimeout(resolve, 200));
  admin = await signUp(harness, "admin");
  await harness.db.user.update({ where: { id: admin.userId }, data: { role: "ADMIN" } });
});
afterAll(async () => {
  for (const cache of caches) cache.close();
  const keys = await connections[0]!.keys(`${prefix}:*`);
  if (keys.length) await connections[0]!.del(...keys);
  for (const redis of connections) redis.disconnect();
  await harness?.close();
});

describe("administration of accounts: happy paths", () => {
  it("lists accounts newest first with role, state, dates and usage totals, searchable by address and paged", async () => {
    const member = await signUp(harness, "listed");
    await seedResponse(member.userId, { modelUsed: "gpt-4o-mini", tokenCount: 120, cost: 0.002 });
    await seedResponse(member.userId, { modelUsed: "gpt-4o", tokenCount: 80, cost: 0.001 });
    const seen = new Date("2026-12-01T09:00:00.000Z");
    await harness.db.user.update({ where: { id: member.userId }, data: { lastSeenAt: seen } });
    const found = await admin.request("GET", `/admin/users?q=${encodeURIComponent(member.email.toUpperCase())}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      {
        id: member.userId,
        email: member.email,
        name: "listed",
        role: "user",
        isActive: true,
        createdAt: expect.any(Number),
        lastSeenAt: seen.getTime(),
        usage: { requests: 2, tokens: 200, cost: 0.003 },
      },
    ]);
    const first = await admin.request("GET", "/admin/users?limit=1");
    expect(first.body.items.map((user) => user.id)).toEqual([member.userId]);
    const second = await admin.request("GET", `/admin/users?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]!.id).not.toBe(member.userId);
  });

  it("shows one account's usage per day and model, with totals, and never its content", async () => {
    const member = await signUp(harness, "usage");
    const today = new Date();
    const tenDaysAgo = new Date(today.getTime() - 10 * 86_400_000);
    await seedResponse(member.userId, { modelUsed: "gpt-4o-mini", tokenCount: 100, cost: 0.01 });
    await seedResponse(member.userId, { modelUsed: "gpt-4o-mini", tokenCount: 50, cost: 0.005 });
    await seedResponse(member.userId, { modelUsed: "gpt-4o", tokenCount: 10, cost: 0.1, createdAt: tenDaysAgo });
    const usage = await admin.request("GET", `/admin/users/${member.userId}/usage`);
    expect(usage.status).toBe(200);
    expect(usage.body.totals).toEqual({ requests: 3, tokens: 160, cost: 0.115 });
    expect(usage.body.days).toEqual([
      { day: today.toISOString().slice(0, 10), model: "gpt-4o-mini", requests: 2, tokens: 150, cost: 0.015 },
      { day: tenDaysAgo.toISOString().slice(0, 10), model: "gpt-4o", requests: 1, tokens: 10, cost: 0.1 },
    ]);
    expect(JSON.stringify(usage.body)).not.toContain("private reply");
    const lastWeek = await admin.request("GET", `/admin/users/${member.userId}/usage?days=7`);
    expect(lastWeek.body.totals).toEqual({ requests: 2, tokens: 150, cost: 0.015 });
  });

  it("disabling refuses the account's sessions and API keys at once on every instance; re-enabling restores them", async () => {
    const member = await signUp(harness, "disabled");
    const key = await newKey(member);
    // Both credentials are cached by the other instance before the change.
    expect((await onOther(member).request("GET", "/goals")).status).toBe(200);
    expect((await withKey(other, key, "/goals")).status).toBe(200);

    const disabled = await admin.request("PATCH", `/admin/users/${member.userId}`, { isActive: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: member.userId, isActive: false, role: "user" });
    for (const response of [
      await onOther(member).request("GET", "/goals"),
      await member.request("GET", "/goals"),
      await withKey(other, key, "/goals"),
      await withKey(harness.app, key, "/goals"),
    ]) {
      expect(response.status).toBe(401);
      expect(response.body.error?.message).toBe("This account has been disabled by an administrator.");
    }
    expect((await member.request("GET", "/auth/session?optional=true")).body).toBeNull();
    // Signing in again: the right password is told why it cannot; a wrong one learns nothing.
    const password = "correct horse battery";
    const signIn = async (attempt: string) =>
      visitor(harness).request("POST", "/auth/sign-in", { email: member.email, password: attempt });
    const right = await signIn(password);
    expect(right.status).toBe(401);
    expect(right.body.error?.message).toBe("This account has been disabled by an administrator.");
    expect((await signIn("not the password")).body.error?.message).toBe("The email or password is wrong.");

    const enabled = await onOther(admin).request("PATCH", `/admin/users/${member.userId}`, { isActive: true });
    expect(enabled.body).toMatchObject({ isActive: true });
    expect((await member.request("GET", "/goals")).status).toBe(200);
    expect((await withKey(other, key, "/goals")).status).toBe(200);

    const audit = await auditOf(member.userId);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: "user.update",
        actor: { id: admin.userId, email: admin.email },
        target: { id: member.userId, email: member.email },
        before: { isActive: false },
        after: { isActive: true },
      }),
      expect.objectContaining({
        before: { isActive: true },
        after: { isActive: false },
        requestId: expect.any(String),
      }),
    ]);
  });

  it("a role change applies on the next request, through cached credentials too, and is audited", async () => {
    const member = await signUp(harness, "promoted");
    expect((await onOther(member).request("GET", "/admin/users")).status).toBe(403);
    const promoted = await admin.request("PATCH", `/admin/users/${member.userId}`, { role: "admin" });
    expect(promoted.body).toMatchObject({ role: "admin", isActive: true });
    expect((await onOther(member).request("GET", "/admin/users")).status).toBe(200);
    await admin.request("PATCH", `/admin/users/${member.userId}`, { role: "user" });
    expect((await onOther(member).request("GET", "/admin/users")).status).toBe(403);
    const audit = await auditOf(member.userId);
    expect(audit.body.items.map((entry) => [entry.before, entry.after])).toEqual([
      [{ role: "admin" }, { role: "user" }],
      [{ role: "user" }, { role: "admin" }],
    ]);
  });

  it("a change to nothing answers the account and writes no audit entry; the audit log cannot be changed", async () => {
    const member = await signUp(harness, "unchanged");
    const same = await admin.request("PATCH", `/admin/users/${member.userId}`, { isActive: true, role: "user" });
    expect(same.status).toBe(200);
    expect((await auditOf(member.userId)).body.items).toEqual([]);
    await admin.request("PATCH", `/admin/users/${member.userId}`, { isActive: false });
    // The app's role may not even try; the tables' owner is refused by the trigger.
    await expect(harness.db.$executeRaw`UPDATE admin_audit_logs SET action = 'x'`).rejects.toThrow(/permission denied/);
    const owner = createDb({ url: harness.database.url, role: null, log: [] });
    try {
      for (const statement of [
        "UPDATE admin_audit_logs SET action = 'x'",
        "DELETE FROM admin_audit_logs",
        "TRUNCATE admin_audit_logs",
      ])
        await expect(owner.$executeRawUnsafe(statement)).rejects.toThrow(/append-only/);
    } finally {
      await owner.$disconnect();
    }
  });

  it("GET /me/usage: a user's own usage today and this month, remaining token budget and generations", async () => {
    const member = await signUp(harness, "own-usage");
    await seedResponse(member.userId, { modelUsed: "gpt-4o-mini", tokenCount: 1_000, cost: 0.02 });
    const usage = await member.request("GET", "/me/usage");
    expect(usage.status).toBe(200);
    expect(usage.body.today).toEqual({ requests: 1, tokens: 1_000, cost: 0.02 });
    expect(usage.body.month.requests).toBeGreaterThanOrEqual(1);
    expect(usage.body.tokenBudget).toEqual({
      limit: harness.config.chatTokenBudget,
      used: 1_000,
      remaining: harness.config.chatTokenBudget - 1_000,
      resetsAt: expect.any(Number),
    });
    expect(usage.body.generationQuota).toMatchObject({ limit: harness.config.dailyGenerationLimit, used: 0 });
    // Another user's usage is not counted.
    expect((await admin.request("GET", "/me/usage")).body.today.requests).toBe(0);
  });
});

describe("administration of accounts: errors", () => {
  it("refuses the signed out (401) and non-administrators (403) on every endpoint", async () => {
    const member = await signUp(harness, "member");
    const anonymous = visitor(harness);
    const calls = [
      ["GET", "/admin/users"],
      ["PATCH", `/admin/users/${member.userId}`],
      ["GET", `/admin/users/${member.userId}/usage`],
      ["GET", "/admin/audit-log"],
    ] as const;
    for (const [method, path] of calls) {
      const body = method === "PATCH" ? { isActive: false } : undefined;
      expect((await anonymous.request(method, path, body)).status).toBe(401);
      expect((await member.request(method, path, body)).status).toBe(403);
    }
    expect((await anonymous.request("GET", "/me/usage")).status).toBe(401);
    expect((await harness.db.user.findUniqueOrThrow({ where: { id: member.userId } })).isActive).toBe(true);
  });

  it("answers 404 for an unknown account and 400 with paths for bad ids, bodies and queries", async () => {
    const member = await signUp(harness, "target");
    const unknown = randomUUID();
    expect((await admin.request("PATCH", `/admin/users/${unknown}`, { isActive: false })).status).toBe(404);
    expect((await admin.request("GET", `/admin/users/${unknown}/usage`)).status).toBe(404);
    const refusals: [string, unknown, string[]][] = [
      [`/admin/users/not-a-uuid`, { isActive: false }, ["id"]],
      [`/admin/users/${member.userId}`, {}, ["(body)"]],
      [`/admin/users/${member.userId}`, { role: "owner" }, ["role"]],
      [`/admin/users/${member.userId}`, { isActive: "no" }, ["isActive"]],
      [`/admin/users/${member.userId}`, { isActive: false, email: "x@example.com" }, ["(body)"]],
    ];
    for (const [path, body, paths] of refusals) {
      const response = await admin.request("PATCH", path, body);
      expect([path, JSON.stringify(body), response.status, fieldPaths(response)]).toEqual([
        path,
        JSON.stringify(body),
        400,
        paths,
      ]);
    }
    for (const [path, paths] of [
      [`/admin/users/${member.userId}/usage?days=0`, ["days"]],
      [`/admin/users/${member.userId}/usage?days=abc`, ["days"]],
      ["/admin/users?limit=1000", ["limit"]],
      [`/admin/users?cursor=${randomUUID()}`, ["cursor"]],
      ["/admin/audit-log?targetId=nope", ["targetId"]],
    ] as const) {
      const response = await admin.request("GET", path);
      expect([path, response.status, fieldPaths(response)]).toEqual([path, 400, paths]);
    }
    expect((await auditOf(member.userId)).body.items).toEqual([]);
  });

  it("an administrator cannot disable or demote themselves (400), and nothing is audited", async () => {
    for (const body of [{ isActive: false }, { role: "user" }]) {
      const response = await admin.request("PATCH", `/admin/users/${admin.userId}`, body);
      expect(response.status).toBe(400);
      expect(response.body.error?.message).toMatch(/your own account/);
    }
    expect((await auditOf(admin.userId)).body.items).toEqual([]);
    expect((await admin.request("GET", "/admin/users?limit=1")).status).toBe(200);
  });

  it("never leaves no active administrator: two admins disabling each other at once, one wins", async () => {
    const second = await signUp(harness, "second-admin");
    await harness.db.user.update({ where: { id: second.userId }, data: { role: "ADMIN" } });
    const [one, two] = await Promise.all([
      admin.request("PATCH", `/admin/users/${second.userId}`, { isActive: false }),
      onOther(second).request("PATCH", `/admin/users/${admin.userId}`, { isActive: false }),
    ]);
    const statuses = [one.status, two.status];
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The loser was either disabled before its request was authenticated (401) or found no admin would remain (409).
    expect(statuses.find((status) => status !== 200)).toBeOneOf([401, 409]);
    expect(
      await harness.db.user.count({
        where: { id: { in: [admin.userId, second.userId] }, role: "ADMIN", isActive: true },
      }),
    ).toBe(1);
    // Whoever won re-enables the other, so the suite's administrator is active again.
    const winner = one.status === 200 ? admin : onOther(second);
    const loserId = one.status === 200 ? second.userId : admin.userId;
    expect((await winner.request("PATCH", `/admin/users/${loserId}`, { isActive: true })).status).toBe(200);
  });

  it("the service refuses a change that would leave no active administrator (409), whoever asks", async () => {
    const admins = await harness.db.user.findMany({ where: { role: "ADMIN", isActive: true }, select: { id: true } });
    await harness.db.user.updateMany({
      where: { id: { in: admins.map((row) => row.id).filter((id) => id !== admin.userId) } },
      data: { role: "USER" },
    });
    await expect(
      updateUser({ db: harness.db, actorId: randomUUID(), userId: admin.userId, input: { role: "USER" } }),
    ).rejects.toMatchObject({ code: "invalid_state" });
    expect((await harness.db.user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe("ADMIN");
  });
});
