import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import { reindexEmbeddings } from "@cto/core/embeddings";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";
import { createLocalStorage } from "@cto/storage/local";

import { createApp } from "../src/app.ts";
import { appWith, pngImage, upload } from "./analysis-fixtures.ts";
import { signUp } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

// Short, so the suite is quick; production waits 3 s (DEFAULT_CONFIG.queueTimeoutMs).
const TIMEOUT_MS = 300;
// A request may take its database work plus one queue timeout, never an outage's length (BullMQ waits for as
// long as the outage lasts, below). The database work alone took up to 5 s on a loaded two-core CI machine.
const BOUND_MS = TIMEOUT_MS + 8_000;

/**
 * Redis configured but unreachable, with the production producer connection (it keeps reconnecting):
 * BullMQ then waits for the connection to become ready before any command, for as long as the outage lasts.
 */
const unreachableQueues = () => {
  const connection = createProducerConnection("redis://127.0.0.1:1");
  connection.on("error", () => undefined);
  const queues = createQueues({ connection, prefix: "cto-test-unreachable" });
  for (const name of QUEUE_NAMES) queues.queue(name).on("error", () => undefined);
  return { queues, close: () => connection.disconnect() };
};

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

describe("every API write that enqueues answers while Redis is unreachable", () => {
  let base: Harness;
  let down: Harness;
  let telegram: Harness;
  let dead: ReturnType<typeof unreachableQueues>;
  let root: string;
  beforeAll(async () => {
    base = await startApi();
    dead = unreachableQueues();
    root = await mkdtemp(path.join(tmpdir(), "cto-uploads-"));
    down = appWith(base, {
      storage: createLocalStorage({ root }),
      queues: dead.queues,
      config: { queueTimeoutMs: TIMEOUT_MS },
    });
    // createApp bounds whatever queues it is given; this instance only adds the webhook.
    telegram = {
      ...down,
      app: createApp({
        db: base.db,
        config: { ...base.config, queueTimeoutMs: TIMEOUT_MS },
        mailer: base.mailer,
        ai: base.ai,
        queues: dead.queues,
        telegram: { webhookSecret: "secret" },
      }),
    };
  });
  afterAll(async () => {
    dead.close();
    await rm(root, { recursive: true, force: true });
    await base.close();
  });

  it("without the bound, the queue itself would hang (what the routes must not inherit)", async () => {
    const hung = Symbol("hung");
    const raced = await Promise.race([
      dead.queues
        .enqueue("embeddings", "upsert", {
          owners: [{ userId: crypto.randomUUID(), ownerKind: "GOAL", ownerId: crypto.randomUUID() }],
        })
        .catch(() => "failed"),
      new Promise((resolve) => setTimeout(() => resolve(hung), 1_500)),
    ]);
    expect(raced).toBe(hung);
  });

  it("a goal (embedding job) is stored and answered within the bound; the sweep embeds it later", async () => {
    const user = await signUp(down, "down");
    const { result, ms } = await timed(() =>
      user.request("POST", "/goals", { title: "Write the launch memo", period: "weekly" }),
    );
    expect(result.status).toBe(201);
    expect(ms).toBeLessThan(BOUND_MS);
    const changed = await timed(() =>
      user.request("PATCH", `/goals/${result.body.id}`, { title: "Write the launch FAQ" }),
    );
    expect(changed.result.status).toBe(200);
    expect(changed.ms).toBeLessThan(BOUND_MS);
    const embedder = {
      model: base.ai.embeddingModel,
      embed: async (texts: string[]) => (await base.ai.embed(texts)).vectors,
    };
    expect(await reindexEmbeddings(base.db, embedder, { userId: user.userId })).toMatchObject({ owners: 1 });
    expect(
      (await base.db.embedding.findMany({ where: { ownerId: result.body.id } })).map((row) => row.content),
    ).toEqual(["Write the launch FAQ"]);
  });

  it("a commitment's reminder (enqueue, then remove on a move) keeps its schedule row for the reconcile", async () => {
    const user = await signUp(down, "down");
    const remindAt = Date.now() + 10 * 60_000;
    const created = await timed(() => user.request("POST", "/commitments", { title: "Call the landlord", remindAt }));
    expect(created.result.status).toBe(201);
    expect(created.ms).toBeLessThan(BOUND_MS);
    const moved = await timed(() =>
      user.request("PATCH", `/commitments/${created.result.body.id}`, { remindAt: remindAt + 60_000 }),
    );
    expect(moved.result.status).toBe(200);
    expect(moved.ms).toBeLessThan(BOUND_MS);
    const schedules = await base.db.reminderSchedule.findMany({
      where: { commitmentId: created.result.body.id },
      orderBy: { createdAt: "asc" },
    });
    expect(schedules.map((row) => row.status)).toEqual(["CANCELLED", "ACTIVE"]);
  });

  it("analysis messages, a screenshot upload (503, nothing changed) and a report request (503) answer within the bound", async () => {
    const user = await signUp(down, "down");
    const session = (await user.request("POST", "/analysis-sessions", { type: "text" })).body;
    const said = await timed(() =>
      user.request("POST", `/analysis-sessions/${session.id}/messages`, {
        author: "contact",
        text: "Are we still on for Friday?",
      }),
    );
    expect(said.result.status).toBe(201);
    expect(said.ms).toBeLessThan(BOUND_MS);

    const shot = (await user.request("POST", "/analysis-sessions", { type: "screenshot" })).body;
    const uploaded = await timed(() => upload(down, user, shot.id, pngImage()));
    expect(uploaded.result.status).toBe(503);
    expect(uploaded.ms).toBeLessThan(BOUND_MS);
    expect((await base.db.analysisSession.findUniqueOrThrow({ where: { id: shot.id } })).status).toBe(
      "PENDING_USER_INPUT",
    );

    const report = await timed(() => user.request("POST", "/reports", { type: "two_day" }));
    expect(report.result.status).toBe(503);
    expect(report.ms).toBeLessThan(BOUND_MS);
  });

  it("a chat turn (summary upsert) streams to its end, and a Telegram message (upsert, reply delivery) is answered, within the bound", async () => {
    const user = await signUp(down, "down");
    const conversation = (await user.request("POST", "/conversations", { title: "Offline" })).body;
    const { result, ms } = await timed(async () => {
      const response = await down.app.request(`/conversations/${conversation.id}/chat`, {
        method: "POST",
        headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
        body: JSON.stringify({ content: "Is anyone there?" }),
      });
      return response.text();
    });
    expect(result).toContain("event: done");
    expect(ms).toBeLessThan(BOUND_MS);

    const chatId = 91_001;
    const token = (await user.request("POST", "/telegram/link-token")).body.linkToken;
    const send = (text: string) =>
      telegram.app.request("/telegram/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "secret" },
        body: JSON.stringify({
          update_id: Date.now(),
          message: {
            message_id: Date.now(),
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: "private" },
            from: { id: chatId, is_bot: false, first_name: "Ada" },
            text,
          },
        }),
      });
    expect((await send(`/start ${token}`)).status).toBe(200);
    const answered = await timed(async () => send("Hello from Telegram"));
    expect(answered.result.status).toBe(200);
    expect(answered.ms).toBeLessThan(BOUND_MS);
    expect(await base.db.proactiveMessage.count({ where: { userId: user.userId, status: "PENDING" } })).toBe(1);
  });
});
