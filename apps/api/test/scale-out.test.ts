// Three API processes (src/index.ts, as `npm start` runs it) behind a real HAProxy, sharing one
// PostgreSQL and one private Redis: sessions, rate limits, caches and the chat's event stream work
// whichever instance answers, and an instance killed mid-load loses no acknowledged write and, once the
// balancer's health check marks it down, costs no further request. Every client comes from an address
// of its own in 127.0.0.0/8, as separate users would, so the per-address limits are theirs.
import { randomInt, randomUUID } from "node:crypto";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Db } from "@cto/db/client";
import { freePort, testTargets, type TestDatabase } from "@cto/db/testing";
import { haproxyInstalled, startHaproxy, type THaproxy } from "@cto/vitest-config/haproxy";
import { spawnLogged, type TLoggedProcess } from "@cto/vitest-config/processes";
import { startRedisServer, type TRedisServer } from "@cto/vitest-config/redis-server";

import { WEB_ORIGIN } from "./harness.ts";

const apiDir = path.resolve(import.meta.dirname, "..");
const INSTANCES = 3;
const LOAD_USERS = 6;
// Bounds of the load phase: each user stops once it has sent OPS_AFTER_DOWN requests after HAProxy
// marked the killed instance down, or at LOAD_OPS_PER_USER requests, or after LOAD_MS.
const LOAD_MS = 30_000;
const LOAD_OPS_PER_USER = 150;
const OPS_AFTER_DOWN = 5;
const KILL_AFTER_MS = 2_000;
const PASSWORD = "correct horse battery staple";

type TResponse = { status: number; servedBy: string; cookie: string | null; text: string };

/** One user's client: its own loopback address and keep-alive connections, its session cookie. */
const client = (base: string) => {
  const localAddress = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2, localAddress });
  let cookie = "";
  const request = (method: string, pathname: string, body?: unknown) =>
    new Promise<TResponse>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {
        origin: WEB_ORIGIN,
        ...(cookie ? { cookie } : {}),
        ...(payload
          ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }
          : {}),
      };
      const outgoing = http.request(`${base}${pathname}`, { method, agent, headers, timeout: 30_000 }, (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.once("error", reject);
        response.once("end", () => {
          const session = (response.headers["set-cookie"] ?? [])
            .map((line) => line.split(";")[0]!)
            .find((pair) => pair.startsWith("cto_session="));
          if (session) cookie = session.endsWith("=") ? "" : session;
          resolve({
            status: response.statusCode!,
            servedBy: String(response.headers["x-served-by"] ?? ""),
            cookie: session ?? null,
            text,
          });
        });
      });
      outgoing.once("timeout", () => outgoing.destroy(new Error("timed out")));
      outgoing.once("error", reject);
      outgoing.end(payload);
    });
  const json = async (method: string, pathname: string, body?: unknown) => {
    const response = await request(method, pathname, body);
    return { ...response, body: response.text?.startsWith("{") ? JSON.parse(response.text) : null };
  };
  return { request, json, localAddress, close: () => agent.destroy() };
};

/** The events of a server-sent event stream's body. */
const events = (text: string) =>
  text
    .split("\n\n")
    .filter((block) => block.startsWith("event: "))
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));

const suite = haproxyInstalled() ? describe : describe.skip;
if (!haproxyInstalled()) {
  const notice = "scale-out test skipped: HAProxy is not installed (sudo bash tooling/scripts/ensure-haproxy.sh)";
  if (process.env.CI === "true") throw new Error(notice);
  console.warn(`\n*** ${notice} ***\n`);
}

suite("several API instances behind HAProxy", () => {
  let database: TestDatabase;
  let db: Db;
  let redis: TRedisServer;
  let dataDir: string;
  let apis: (TLoggedProcess & { name: string })[] = [];
  let balancer: THaproxy;

  beforeAll(async () => {
    [database, redis, dataDir] = await Promise.all([
      testTargets()[0]!.createMigrated(),
      freePort().then((port) => startRedisServer(port)),
      mkdtemp(path.join(tmpdir(), "cto-scale-")),
    ]);
    db = createDb({ url: database.url, log: [] });
    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
    const spawned = await Promise.allSettled(
      ports.map(async (port, i) =>
        Object.assign(
          await spawnLogged({
            name: `API instance ${i}`,
            cwd: apiDir,
            // One proxy in front (TRUST_PROXY=1): the client's address is the one HAProxy saw.
            env: {
              NODE_ENV: "test",
              LOG_LEVEL: "info",
              OPENAI_API_KEY: "",
              OPENAI_BASE_URL: "",
              DATABASE_URL: database.url,
              REDIS_URL: redis.url,
              WEB_ORIGIN,
              TRUST_PROXY: "1",
              PORT: String(port),
              METRICS_PORT: "0",
              CTO_DATA_DIR: dataDir,
              WORKER_QUEUE_PREFIX: `cto-scale-${randomUUID()}`,
            },
            ready: (line) => String(line.msg).startsWith("listening on"),
            startMs: 120_000,
          }),
          { name: `api${i}` },
        ),
      ),
    );
    apis = spawned.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const failed = spawned.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    balancer = await startHaproxy({
      port: await freePort(),
      servers: ports.map((port, i) => ({ name: `api${i}`, port })),
      checkPath: "/ready",
      checkEveryMs: 250,
      fall: 2,
      rise: 2,
    });
    await balancer.waitFor(
      apis.map((api) => api.name),
      "UP",
    );
  }, 240_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(apis.map((api) => api.kill("SIGKILL")));
    await db?.$disconnect();
    await redis?.dispose();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const signedUp = async (name: string) => {
    const user = client(balancer.url);
    const email = `${name}-${randomUUID()}@example.com`;
    const response = await user.json("POST", "/auth/sign-up", { email, password: PASSWORD, name });
    expect(response.status, response.text).toBe(201);
    return Object.assign(user, { email, userId: response.body.user.id as string, servedBy: response.servedBy });
  };

  it("keeps a session, the shared caches and a chat's event stream whichever instance answers", async () => {
    const user = await signedUp("roaming");
    // Round robin with one client: consecutive requests go to different instances, which the header shows.
    const served = new Set<string>([user.servedBy]);
    for (let i = 0; i < INSTANCES; i += 1) {
      const me = await user.json("GET", "/me");
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(user.email);
      served.add(me.servedBy);
    }
    expect(served.size).toBe(INSTANCES);

    // A profile written through one instance is what the next instance reads (its cache is Redis, not its own).
    for (const bio of ["Leads a platform team", "Now leads two teams"]) {
      const written = await user.json("PUT", "/me/context", { personalBio: bio });
      const read = await user.json("GET", "/me/context");
      expect(read.servedBy).not.toBe(written.servedBy);
      expect(read.body.personalBio).toBe(bio);
    }
    // So is a price in the model catalogue, written by an administrator.
    await db.user.update({ where: { id: user.userId }, data: { role: "ADMIN" } });
    // A new session: the API caches who a session is, role included, and roles change only here, in the database.
    expect((await user.request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD })).status).toBe(200);
    const model = await user.json("POST", "/admin/ai-models", {
      name: "gpt-scale-test",
      kind: "chat",
      displayName: "Scale test",
      provider: "openai",
      inputPrice: 1,
    });
    for (const price of [2, 3]) {
      const written = await user.json("PATCH", `/admin/ai-models/${model.body.id}`, { inputPrice: price });
      const read = await user.json("GET", "/ai-models");
      expect(read.servedBy).not.toBe(written.servedBy);
      expect(read.body.items.find((item: { id: string }) => item.id === model.body.id).inputPrice).toBe(price);
    }

    const conversation = await user.json("POST", "/conversations", { title: "Across instances" });
    const chat = await user.request("POST", `/conversations/${conversation.body.id}/chat`, {
      content: "How do I keep my focus time?",
    });
    expect(chat.status).toBe(200);
    expect(chat.servedBy).not.toBe(conversation.servedBy);
    const streamed = events(chat.text);
    expect(streamed[0]!.event).toBe("user_message");
    expect(streamed.some((event) => event.event === "delta")).toBe(true);
    const done = streamed.at(-1)!;
    expect(done.event).toBe("done");
    const messages = await user.json("GET", `/conversations/${conversation.body.id}/messages`);
    expect(messages.servedBy).not.toBe(chat.servedBy);
    expect(messages.body.items.map((message: { id: string }) => message.id)).toEqual([
      streamed[0]!.data.message.id,
      done.data.message.id,
    ]);
    user.close();
  });

  it("counts a client's sign-in attempts in Redis: its 21st is refused whichever instance gets it", async () => {
    const stranger = client(balancer.url);
    const served = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const attempt = await stranger.request("POST", "/auth/sign-in", {
        email: `nobody-${i}-${randomUUID()}@example.com`,
        password: "wrong password",
      });
      expect(attempt.status).toBe(401);
      served.add(attempt.servedBy);
    }
    expect(served.size).toBe(INSTANCES);
    const refused = await stranger.request("POST", "/auth/sign-in", {
      email: `nobody-${randomUUID()}@example.com`,
      password: "wrong password",
    });
    expect(refused.status).toBe(429);
    // Another address is counted on its own.
    expect(
      (
        await client(balancer.url).request("POST", "/auth/sign-in", {
          email: "nobody@example.com",
          password: "wrong password",
        })
      ).status,
    ).toBe(401);
    stranger.close();
  });

  it("loses no acknowledged write when an instance is killed mid-load, and fails nothing once HAProxy marks it down", async () => {
    const users = await Promise.all(Array.from({ length: LOAD_USERS }, (_, i) => signedUp(`load-${i}`)));
    const conversations = await Promise.all(
      users.map(async (user) => (await user.json("POST", "/conversations", { title: "Load" })).body.id as string),
    );
    type TRecord = {
      user: number;
      op: string;
      startedAt: number;
      endedAt: number;
      status: number | null;
      error?: string;
      servedBy?: string;
    };
    const records: TRecord[] = [];
    const acknowledged = {
      emotions: [] as string[],
      commitments: [] as string[],
      chats: [] as { userMessage: string; reply: string }[],
      userMessages: [] as string[],
    };
    const started = Date.now();
    const deadline = started + LOAD_MS;
    let killedAt = 0;
    let downAt = Number.POSITIVE_INFINITY;
    const victim = apis[1]!;

    const drive = async (user: (typeof users)[number], index: number) => {
      let afterDown = 0;
      for (let op = 0; op < LOAD_OPS_PER_USER && afterDown < OPS_AFTER_DOWN && Date.now() < deadline; op += 1) {
        if (Date.now() > downAt) afterDown += 1;
        const kind = ["check-in", "list", "commitment", "me", "chat"][op % 5]!;
        const record: TRecord = { user: index, op: kind, startedAt: Date.now(), endedAt: 0, status: null };
        try {
          if (kind === "check-in") {
            const response = await user.json("POST", "/emotions", {
              label: "focused",
              valence: "positive",
              intensity: 1 + (op % 10),
            });
            Object.assign(record, { status: response.status, servedBy: response.servedBy });
            if (response.status === 201) acknowledged.emotions.push(response.body.id);
          } else if (kind === "list") {
            const response = await user.request("GET", "/goals?limit=20");
            Object.assign(record, { status: response.status, servedBy: response.servedBy });
          } else if (kind === "commitment") {
            const response = await user.json("POST", "/commitments", {
              title: `Commitment ${op}`,
              remindAt: Date.now() + 3_600_000,
            });
            Object.assign(record, { status: response.status, servedBy: response.servedBy });
            if (response.status === 201) acknowledged.commitments.push(response.body.id);
          } else if (kind === "me") {
            const response = await user.request("GET", "/me");
            Object.assign(record, { status: response.status, servedBy: response.servedBy });
          } else {
            const response = await user.request("POST", `/conversations/${conversations[index]}/chat`, {
              content: `Question ${op}: how do I plan my week?`,
            });
            const streamed = response.status === 200 ? events(response.text) : [];
            const done = streamed.find((event) => event.event === "done");
            const first = streamed.find((event) => event.event === "user_message");
            if (first) acknowledged.userMessages.push(first.data.message.id);
            Object.assign(record, {
              status: done ? 200 : response.status === 200 ? 0 : response.status,
              servedBy: response.servedBy,
              error: done || response.status !== 200 ? undefined : "stream ended without done",
            });
            if (done && first)
              acknowledged.chats.push({ userMessage: first.data.message.id, reply: done.data.message.id });
          }
        } catch (error) {
          record.error = (error as Error).message;
        }
        record.endedAt = Date.now();
        records.push(record);
      }
    };
    const kill = async () => {
      await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
      killedAt = Date.now();
      await victim.kill("SIGKILL");
      await balancer.waitFor([victim.name], "DOWN", 10_000);
      downAt = Date.now();
    };
    await Promise.all([...users.map(drive), kill()]);
    for (const user of users) user.close();

    const failed = records.filter(
      (record) => record.error !== undefined || record.status === null || record.status === 0 || record.status >= 500,
    );
    const summary = `${records.length} requests, ${failed.length} failed (killed at +${killedAt - started} ms, down at +${downAt - started} ms): ${JSON.stringify(failed.slice(0, 5))}`;
    expect(records.filter((record) => record.startedAt > downAt).length, summary).toBe(LOAD_USERS * OPS_AFTER_DOWN);
    // None sent after HAProxy marked the instance down failed. Before that, a read HAProxy sent to the dead
    // instance went to another; only writes it had sent there may have failed (they are never sent twice).
    expect(
      failed.filter((record) => record.startedAt >= downAt),
      summary,
    ).toEqual([]);
    expect(
      failed.filter((record) => record.startedAt >= killedAt && (record.op === "list" || record.op === "me")),
      summary,
    ).toEqual([]);
    // Every other answer was a success: nothing refused for a session, a limit or a cache on another instance.
    expect(
      records.filter(
        (record) => record.status !== null && record.status > 0 && record.status < 500 && record.status >= 300,
      ),
      summary,
    ).toEqual([]);
    // The instances shared the work before the kill and the survivors after it.
    expect(new Set(records.filter((record) => record.endedAt < killedAt).map((record) => record.servedBy)).size).toBe(
      INSTANCES,
    );
    expect(new Set(records.filter((record) => record.startedAt > downAt).map((record) => record.servedBy))).toEqual(
      new Set(["api0", "api2"]),
    );

    // Every acknowledged write is stored, and the user's side of every chat that started.
    expect(await db.emotion.count({ where: { id: { in: acknowledged.emotions } } })).toBe(acknowledged.emotions.length);
    expect(await db.commitment.count({ where: { id: { in: acknowledged.commitments } } })).toBe(
      acknowledged.commitments.length,
    );
    expect(await db.reminderSchedule.count({ where: { commitmentId: { in: acknowledged.commitments } } })).toBe(
      acknowledged.commitments.length,
    );
    expect(
      await db.message.count({
        where: { id: { in: acknowledged.chats.flatMap((chat) => [chat.userMessage, chat.reply]) } },
      }),
    ).toBe(acknowledged.chats.length * 2);
    expect(await db.message.count({ where: { id: { in: acknowledged.userMessages } } })).toBe(
      acknowledged.userMessages.length,
    );
    expect(acknowledged.emotions.length + acknowledged.commitments.length + acknowledged.chats.length).toBeGreaterThan(
      LOAD_USERS * 2,
    );
  }, 90_000);
});
