import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { telegramDeliveryJobId } from "@cto/contracts/queues";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createBotApi } from "@cto/telegram/bot-api";
import { startBotApiStandIn, type TBotApiStandIn } from "@cto/telegram/testing";

import { register } from "../src/jobs/processor.ts";
import { processTelegramDeliver } from "../src/jobs/telegram.deliver.ts";
import { processTelegramDispatch } from "../src/jobs/telegram.dispatch.ts";
import { startRuntime, type TRuntime } from "../src/runtime.ts";
import { createTestDeps, REDIS_URL, testPrefix, waitFor } from "./deps.ts";

const target = testTargets()[0]!;

describe(`telegram jobs through BullMQ (${target.name})`, () => {
  const handle = useMigratedDatabase(target);
  const prefix = testPrefix("telegram");
  let standIn: TBotApiStandIn;
  let runtime: TRuntime;
  let harness: ReturnType<typeof createTestDeps>;
  let chat = 700_000;

  beforeAll(async () => {
    standIn = await startBotApiStandIn();
    harness = createTestDeps({ prefix, db: handle.db });
    harness.deps.telegram = createBotApi({ token: standIn.token, baseUrl: standIn.url });
    const registry = [
      register("telegram", "deliver", processTelegramDeliver),
      register("telegram", "dispatch", processTelegramDispatch),
    ];
    runtime = startRuntime({
      deps: harness.deps,
      redis: REDIS_URL,
      prefix,
      registry,
      concurrency: 4,
      lockDuration: 5_000,
      stalledInterval: 5_000,
    });
  });
  afterAll(async () => {
    await runtime?.close();
    await harness?.close(["telegram"]);
    await standIn?.close();
  });

  const seed = async (message: Record<string, unknown> = {}) => {
    const chatId = String(chat++);
    const user = await handle.db.user.create({ data: { email: `tg-jobs-${chatId}-${Date.now()}@example.com` } });
    await handle.db.telegramConnection.create({
      data: { userId: user.id, telegramChatId: chatId, isActive: true, connectedAt: new Date() },
    });
    const proactive = await handle.db.proactiveMessage.create({
      data: { userId: user.id, content: `Time for your walk (${chatId})`, channel: "TELEGRAM", ...message },
    });
    return { chatId, proactive };
  };
  const statusOf = (id: string) => handle.db.proactiveMessage.findUniqueOrThrow({ where: { id } });
  const sentTo = (chatId: string) => standIn.sent.filter((sent) => sent.chatId === chatId);
  const dispatch = async () => {
    const { id } = await harness.queues.enqueue("telegram", "dispatch", {});
    return waitFor(
      () => harness.queues.queue("telegram").getJob(id),
      (job) => Boolean(job?.finishedOn),
    );
  };

  it("dispatch hands each due pending message to delivery, which sends it once; dispatching again sends nothing", async () => {
    const { chatId, proactive } = await seed();
    const later = await seed({ scheduledFor: new Date(Date.now() + 3_600_000) });
    expect((await dispatch())?.returnvalue).toMatchObject({ queued: expect.any(Number) });
    expect(
      (
        await waitFor(
          () => statusOf(proactive.id),
          (row) => row.status === "SENT",
        )
      ).status,
    ).toBe("SENT");
    await dispatch();
    await dispatch();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(chatId)).toHaveLength(1);
    expect(sentTo(chatId)[0]!.text).toBe(proactive.content);
    expect((await statusOf(later.proactive.id)).status).toBe("PENDING");
    expect(sentTo(later.chatId)).toHaveLength(0);
  });

  it("honours a 429's retry_after: the job waits that long, then the message goes out once", async () => {
    const { chatId, proactive } = await seed();
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const started = Date.now();
    await harness.queues.enqueue(
      "telegram",
      "deliver",
      { proactiveMessageId: proactive.id },
      { jobId: telegramDeliveryJobId(proactive.id) },
    );
    const row = await waitFor(
      () => statusOf(proactive.id),
      (value) => value.status === "SENT",
      15_000,
    );
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(sentTo(chatId)).toHaveLength(1);
  });

  it("a blocked bot fails the message, deactivates the connection, and is not retried", async () => {
    const { chatId, proactive } = await seed();
    standIn.block(chatId);
    const { id } = await harness.queues.enqueue(
      "telegram",
      "deliver",
      { proactiveMessageId: proactive.id },
      { jobId: telegramDeliveryJobId(proactive.id) },
    );
    const job = await waitFor(
      () => harness.queues.queue("telegram").getJob(id),
      (value) => Boolean(value?.finishedOn),
    );
    expect(job?.returnvalue).toMatchObject({ outcome: "failed", reason: "blocked" });
    expect(job?.attemptsMade).toBe(1);
    expect(await statusOf(proactive.id)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await handle.db.telegramConnection.findFirstOrThrow({ where: { telegramChatId: chatId } })).isActive).toBe(
      false,
    );
  });

  it("dispatch queues a fresh job for a message still pending after its earlier job completed", async () => {
    const { chatId, proactive } = await seed();
    await handle.db.telegramConnection.updateMany({ where: { telegramChatId: chatId }, data: { isActive: false } });
    const { id } = await harness.queues.enqueue(
      "telegram",
      "deliver",
      { proactiveMessageId: proactive.id },
      { jobId: telegramDeliveryJobId(proactive.id) },
    );
    const first = await waitFor(
      () => harness.queues.queue("telegram").getJob(id),
      (value) => Boolean(value?.finishedOn),
    );
    expect(first?.returnvalue).toEqual({ outcome: "skipped", reason: "no_active_connection" });
    // The user links again: the next dispatch delivers.
    await handle.db.telegramConnection.updateMany({ where: { telegramChatId: chatId }, data: { isActive: true } });
    await dispatch();
    expect(
      (
        await waitFor(
          () => statusOf(proactive.id),
          (row) => row.status === "SENT",
        )
      ).status,
    ).toBe("SENT");
    expect(sentTo(chatId)).toHaveLength(1);
  });
});
