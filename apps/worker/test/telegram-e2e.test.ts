import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { commitmentTarget, syncReminder } from "@cto/core/reminders";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createBotApi } from "@cto/telegram/bot-api";
import { startBotApiStandIn, type TBotApiStandIn } from "@cto/telegram/testing";

import { register } from "../src/jobs/processor.ts";
import { processReminderDue } from "../src/jobs/reminders.due.ts";
import { schedule } from "../src/jobs/schedules.ts";
import { processTelegramDeliver } from "../src/jobs/telegram.deliver.ts";
import { processTelegramDispatch } from "../src/jobs/telegram.dispatch.ts";
import { startRuntime, type TRuntime } from "../src/runtime.ts";
import { createTestDeps, REDIS_URL, testPrefix, waitFor } from "./deps.ts";

const target = testTargets()[0]!;

describe(`a commitment's reminder reaches the linked Telegram chat once (${target.name})`, () => {
  const handle = useMigratedDatabase(target);
  const prefix = testPrefix("telegram-e2e");
  let standIn: TBotApiStandIn;
  let runtime: TRuntime;
  let harness: ReturnType<typeof createTestDeps>;

  beforeAll(async () => {
    standIn = await startBotApiStandIn();
    harness = createTestDeps({ prefix, db: handle.db });
    harness.deps.telegram = createBotApi({ token: standIn.token, baseUrl: standIn.url });
    runtime = startRuntime({
      deps: harness.deps,
      redis: REDIS_URL,
      prefix,
      registry: [
        register("reminders", "due", processReminderDue),
        register("telegram", "deliver", processTelegramDeliver),
        register("telegram", "dispatch", processTelegramDispatch),
      ],
      // The production dispatcher, every second instead of every 15 s.
      schedules: [schedule("telegram-dispatch", "telegram", "dispatch", { every: 1_000 }, {})],
      concurrency: 4,
      lockDuration: 5_000,
      stalledInterval: 5_000,
    });
    await runtime.schedulersReady;
  });
  afterAll(async () => {
    await runtime?.close();
    await harness?.close(["reminders", "telegram"]);
    await standIn?.close();
  });

  it("reminder job → PENDING Telegram message → dispatcher → sendMessage to the chat, exactly once, and in-app too", async () => {
    const chatId = "424242";
    const user = await handle.db.user.create({
      data: { email: `e2e-${Date.now()}@example.com`, preferences: { timezone: "UTC" } },
    });
    await handle.db.telegramConnection.create({
      data: { userId: user.id, telegramChatId: chatId, isActive: true, connectedAt: new Date() },
    });
    const commitment = await handle.db.commitment.create({
      data: {
        userId: user.id,
        title: "Send the proposal",
        status: "SCHEDULED",
        remindAt: new Date(Date.now() + 2_000),
        dueAt: new Date(Date.now() + 60_000),
      },
    });
    await syncReminder({ db: handle.db, queues: harness.queues, target: commitmentTarget(commitment) });

    const sent = await waitFor(
      async () => standIn.sent.filter((message) => message.chatId === chatId),
      (list) => list.length > 0,
      20_000,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Send the proposal");
    // Several more dispatcher runs: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(standIn.sent.filter((message) => message.chatId === chatId)).toHaveLength(1);

    const messages = await handle.db.proactiveMessage.findMany({
      where: { userId: user.id },
      orderBy: { channel: "asc" },
    });
    expect(messages.map((row) => [row.channel, row.status])).toEqual([
      ["TELEGRAM", "SENT"],
      ["IN_APP", "SENT"],
    ]);
    expect(messages[0]).toMatchObject({ attempts: 1, commitmentId: commitment.id });
  });
});
