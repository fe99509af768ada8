// Two API instances on one primary and its real streaming replica (tooling/scripts/ensure-pg-replica.sh),
// sharing Redis: list pages, analytics, search and exports read the replica; a user who just wrote reads
// the primary through either instance; a stopped replica costs no request.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { createDb, type Db } from "@cto/db/client";
import { redisRecentWrites, type TReplicaStatus } from "@cto/db/replicas";
import { createPostgresTestDatabase, findTestReplica, type TestDatabase, type TestReplica } from "@cto/db/testing";

import { createApp } from "../src/app.ts";
import { DEFAULT_CONFIG, GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { createOutboxMailer } from "../src/services/mailer.ts";
import { WEB_ORIGIN } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const server = inject("ctoPostgres");
const found = server ? await findTestReplica(server.adminUrl) : { reason: "no PostgreSQL server for the tests" };
if ("reason" in found) {
  if (process.env.CI) throw new Error(`CI runs the read-replica tests and cannot: ${found.reason}`);
  console.warn(`\n[cto] read-replica API tests are SKIPPED: ${found.reason}\n`);
}
const replica = "reason" in found ? null : found;

const until = async (what: string, test: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.runIf(replica)("the API on a primary and a read replica", () => {
  const standby = replica as TestReplica;
  const prefix = `cto-test-recent-write:${randomUUID()}:`;
  let database: TestDatabase;
  let owner: Db;
  let outbox: string;
  const closers: (() => unknown)[] = [];
  let instances: { app: ReturnType<typeof createApp>; db: Db }[];
  let userA: ReturnType<typeof browser>;
  /** The states instance 1 reported its replica going through. */
  const changes: string[] = [];

  /** A browser (one session cookie) whose requests go to whichever instance a balancer would pick. */
  const browser = () => {
    let cookie = "";
    const request = async (instance: number, method: string, pathname: string, body?: unknown) => {
      const response = await instances[instance]!.app.request(pathname, {
        method,
        headers: {
          origin: WEB_ORIGIN,
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
      const text = await response.text();
      return {
        status: response.status,
        body: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
      };
    };
    const goalTitles = async (instance: number) => {
      const response = await request(instance, "GET", "/goals?limit=100");
      expect(response.status).toBe(200);
      return (response.body.items as { title: string }[]).map((goal) => goal.title).sort();
    };
    const usageModels = async (instance: number) => {
      const response = await request(instance, "GET", "/analytics/ai-usage");
      expect(response.status).toBe(200);
      return (response.body.models as { model: string }[]).map((usage) => usage.model);
    };
    return { request, goalTitles, usageModels, id: "" };
  };
  const signedUp = async () => {
    const client = browser();
    const response = await client.request(0, "POST", "/auth/sign-up", {
      email: `replica-${randomUUID()}@example.com`,
      password: "correct horse battery",
      name: "Replica",
    });
    expect(response.status).toBe(201);
    client.id = response.body.user.id;
    return client;
  };
  /** An answer of the coach with its AI usage, written behind the API's back (as the worker or chat would). */
  const usage = async (userId: string, model: string) => {
    const conversation = await owner.conversation.create({ data: { userId } });
    const message = await owner.message.create({
      data: { conversationId: conversation.id, userId, role: "ASSISTANT", content: "Hello" },
    });
    await owner.aiResponse.create({
      data: { messageId: message.id, userId, modelUsed: model, tokenCount: 10, latency: 5 },
    });
  };
  const replicasUsable = async () =>
    (
      await Promise.all(instances.map(async ({ db }) => (await db.$checkReplicas()).every((status) => status.usable)))
    ).every(Boolean);

  beforeAll(async () => {
    database = await createPostgresTestDatabase(server!.adminUrl, { template: server!.template });
    owner = createDb({ url: database.url, log: [], role: null });
    outbox = await mkdtemp(path.join(tmpdir(), "cto-outbox-"));
    const config = { ...DEFAULT_CONFIG, webOrigin: WEB_ORIGIN, authLimits: GENEROUS_AUTH_LIMITS };
    // Instance 0 checks its replica only when told, so a read of it meets an outage before any check
    // does; instance 1 checks five times a second, as a deployment would (once a second by default).
    instances = [60_000, 200].map((checkEveryMs) => {
      // Each instance its own pools and its own Redis connection, as separate processes have.
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      const onChange = (status: TReplicaStatus) => void changes.push(status.state);
      const db = createDb({
        url: database.url,
        log: [],
        replicas: {
          urls: [standby.urlFor(database.url)],
          maxLagMs: 60_000,
          checkEveryMs,
          recentWrites: redisRecentWrites(redis, { prefix }),
          ...(checkEveryMs < 1_000 ? { onChange } : {}),
        },
      });
      closers.push(
        () => db.$disconnect(),
        () => redis.disconnect(),
      );
      return {
        db,
        app: createApp({ db, config, ai: createAiProvider(parseAiConfig({})), mailer: createOutboxMailer(outbox) }),
      };
    });
    userA = await signedUp();
    await standby.catchUp();
    await until("both instances find the replica current", replicasUsable);
  }, 60_000);

  afterAll(async () => {
    for (const close of closers) await close();
    await owner?.$disconnect();
    await standby?.release();
    await database?.drop();
    if (outbox) await rm(outbox, { recursive: true, force: true });
  }, 60_000);

  it("serves list pages and analytics from the replica, and the writer's own reads from the primary through either instance", async () => {
    await standby.pauseReplay();
    try {
      await owner.goal.create({ data: { userId: userA.id, title: "Written elsewhere", period: "WEEKLY" } });
      await usage(userA.id, "replica-test-model");
      // Behind the paused replica: not there yet, whichever instance answers.
      expect(await userA.goalTitles(1)).toEqual([]);
      expect(await userA.usageModels(1)).toEqual([]);
      expect((await userA.request(1, "GET", "/search?q=hello")).status).toBe(200);

      // The user writes through one instance; both then read the primary for them.
      expect((await userA.request(0, "POST", "/goals", { title: "Written by the user", period: "daily" })).status).toBe(
        201,
      );
      expect(await userA.goalTitles(1)).toEqual(["Written by the user", "Written elsewhere"]);
      expect(await userA.usageModels(1)).toEqual(["replica-test-model"]);
      expect(await userA.goalTitles(0)).toEqual(["Written by the user", "Written elsewhere"]);
    } finally {
      await standby.resumeReplay();
    }
  });

  it("answers every read from the primary while the replica is stopped (no 5xx), and uses it again once it is back", async () => {
    // A user who has not written: their reads go to the replica while it is there.
    const reader = await signedUp();
    await owner.goal.createMany({
      data: [
        { userId: reader.id, title: "First", period: "DAILY" },
        { userId: reader.id, title: "Second", period: "DAILY" },
      ],
    });
    await usage(reader.id, "stopped-replica-model");
    await standby.catchUp();
    expect(await reader.goalTitles(1)).toEqual(["First", "Second"]);
    expect((await instances[0]!.db.$checkReplicas())[0]!.usable).toBe(true);
    changes.length = 0;
    await standby.stop();
    try {
      // Instance 0 still counts on the replica: its read meets the outage and is answered by the primary.
      expect(await reader.goalTitles(0)).toEqual(["First", "Second"]);
      expect(instances[0]!.db.$replicaStatus()[0]).toMatchObject({ state: "down", usable: false });
      await until("instance 1's checks notice", async () => changes.includes("down"));
      for (const instance of [0, 1]) {
        expect(await reader.goalTitles(instance)).toEqual(["First", "Second"]);
        expect(await reader.usageModels(instance)).toEqual(["stopped-replica-model"]);
        expect((await reader.request(instance, "GET", "/search?q=goal")).status).toBe(200);
        const exported = await reader.request(instance, "GET", "/me/export");
        expect(exported.status).toBe(200);
        expect(exported.body.data.goals).toHaveLength(2);
      }
      expect(instances.map(({ db }) => db.$replicaStatus()[0]!.usable)).toEqual([false, false]);
    } finally {
      await standby.start();
    }
    await until("both instances use the replica again", replicasUsable, 30_000);
    expect(changes).toEqual(["down", "streaming"]);
    expect(await reader.goalTitles(1)).toEqual(["First", "Second"]);
  }, 60_000);
});
