import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createBotApi } from "@cto/telegram/bot-api";
import { startBotApiStandIn, type TBotApiStandIn } from "@cto/telegram/testing";

import { deliverProactiveMessage } from "../src/services/telegram/deliver.ts";
import { duePendingMessages } from "../src/services/telegram/dispatch.ts";

let counter = 0;
/** A user with a linked (or not) Telegram chat and one proactive message. */
const seed = async (
  db: Db,
  { linked = true, message = {} }: { linked?: boolean; message?: Record<string, unknown> } = {},
) => {
  // Telegram chat ids fit in 52 bits.
  const n = `${(Date.now() % 1_000_000_000) * 1000 + (counter++ % 1000)}`;
  const user = await db.user.create({ data: { email: `tg-${n}@example.com` } });
  const connection = await db.telegramConnection.create({
    data: {
      userId: user.id,
      telegramChatId: linked ? n : null,
      isActive: linked,
      connectedAt: linked ? new Date() : null,
    },
  });
  const proactive = await db.proactiveMessage.create({
    data: { userId: user.id, content: `Reminder ${n}`, channel: "TELEGRAM", ...message },
  });
  return { user, connection, proactive, chatId: n };
};

for (const target of testTargets()) {
  describe(`Telegram delivery (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    let standIn: TBotApiStandIn;
    beforeAll(async () => {
      standIn = await startBotApiStandIn();
    });
    afterAll(() => standIn.close());
    const bot = () => createBotApi({ token: standIn.token, baseUrl: standIn.url });
    const deliver = (id: string, finalAttempt = false) =>
      deliverProactiveMessage({ db: handle.db, bot: bot(), proactiveMessageId: id, finalAttempt });

    it("sends a due pending message to the linked chat once, and a repeat sends nothing", async () => {
      const { proactive, chatId, connection } = await seed(handle.db);
      expect(await deliver(proactive.id)).toMatchObject({ outcome: "sent" });
      expect(await deliver(proactive.id)).toEqual({ outcome: "skipped", reason: "not_pending" });
      expect(standIn.sent.filter((sent) => sent.chatId === chatId)).toHaveLength(1);
      const row = await handle.db.proactiveMessage.findUniqueOrThrow({ where: { id: proactive.id } });
      expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(
        (await handle.db.telegramConnection.findUniqueOrThrow({ where: { id: connection.id } })).lastMessageAt,
      ).toBeInstanceOf(Date);
    });

    it("two deliveries of one message at the same time send it once", async () => {
      const { proactive, chatId } = await seed(handle.db);
      const outcomes = await Promise.all([deliver(proactive.id), deliver(proactive.id)]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(["sent", "skipped"]);
      expect(standIn.sent.filter((sent) => sent.chatId === chatId)).toHaveLength(1);
    });

    it("leaves messages that are not due, cancelled, in-app or unlinked alone", async () => {
      const later = await seed(handle.db, { message: { scheduledFor: new Date(Date.now() + 3_600_000) } });
      const cancelled = await seed(handle.db, { message: { status: "CANCELLED" } });
      const inApp = await seed(handle.db, { message: { channel: "IN_APP" } });
      const unlinked = await seed(handle.db, { linked: false });
      expect(await deliver(later.proactive.id)).toEqual({ outcome: "skipped", reason: "not_due" });
      expect(await deliver(cancelled.proactive.id)).toEqual({ outcome: "skipped", reason: "not_pending" });
      expect(await deliver(inApp.proactive.id)).toEqual({ outcome: "skipped", reason: "not_telegram" });
      expect(await deliver(unlinked.proactive.id)).toEqual({ outcome: "skipped", reason: "no_active_connection" });
      expect(await deliver(crypto.randomUUID())).toEqual({ outcome: "skipped", reason: "missing" });
      expect(
        (await handle.db.proactiveMessage.findUniqueOrThrow({ where: { id: unlinked.proactive.id } })).status,
      ).toBe("PENDING");
    });

    it("asks to retry after Telegram's retry_after on 429, counting the attempt, then sends", async () => {
      const { proactive, chatId } = await seed(handle.db);
      standIn.failNext("sendMessage", {
        error_code: 429,
        description: "Too Many Requests: retry after 3",
        parameters: { retry_after: 3 },
      });
      expect(await deliver(proactive.id)).toMatchObject({ outcome: "retry", delayMs: 3_000 });
      expect(await handle.db.proactiveMessage.findUniqueOrThrow({ where: { id: proactive.id } })).toMatchObject({
        status: "PENDING",
        attempts: 1,
        lastError: expect.stringContaining("429"),
      });
      expect(await deliver(proactive.id)).toMatchObject({ outcome: "sent" });
      expect(await handle.db.proactiveMessage.findUniqueOrThrow({ where: { id: proactive.id } })).toMatchObject({
        status: "SENT",
        attempts: 2,
        lastError: null,
      });
      expect(standIn.sent.filter((sent) => sent.chatId === chatId)).toHaveLength(1);
    });

    it("fails the message and deactivates the connection when the bot was blocked", async () => {
      const { proactive, chatId, connection } = await seed(handle.db);
      standIn.block(chatId);
      expect(await deliver(proactive.id)).toMatchObject({ outcome: "failed", reason: "blocked" });
      expect(await handle.db.proactiveMessage.findUniqueOrThrow({ where: { id: proactive.id } })).toMatchObject({
        status: "FAILED",
        attempts: 1,
        lastError: expect.stringContaining("blocked"),
      });
      expect((await handle.db.telegramConnection.findUniqueOrThrow({ where: { id: connection.id } })).isActive).toBe(
        false,
      );
    });

    it("retries a server error and gives up on the final attempt", async () => {
      const { proactive } = await seed(handle.db);
      standIn.failNext(
        "sendMessage",
        { error_code: 502, description: "Bad Gateway" },
        { error_code: 502, description: "Bad Gateway" },
      );
      expect(await deliver(proactive.id)).toMatchObject({ outcome: "retry", delayMs: null });
      expect(await deliver(proactive.id, true)).toMatchObject({ outcome: "failed", reason: "gave_up" });
      const row = await handle.db.proactiveMessage.findUniqueOrThrow({ where: { id: proactive.id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
      expect(row.failedAt).toBeInstanceOf(Date);
    });

    it("marks the conversation message of a coach reply with its Telegram message id", async () => {
      const { user, proactive } = await seed(handle.db, { message: {} });
      const conversation = await handle.db.conversation.create({ data: { userId: user.id } });
      const reply = await handle.db.message.create({
        data: { conversationId: conversation.id, role: "ASSISTANT", content: "Coach says hi", source: "TELEGRAM" },
      });
      await handle.db.proactiveMessage.update({
        where: { id: proactive.id },
        data: { context: { kind: "chat_reply", conversationMessageId: reply.id } },
      });
      const outcome = await deliver(proactive.id);
      expect(outcome.outcome).toBe("sent");
      expect((await handle.db.message.findUniqueOrThrow({ where: { id: reply.id } })).telegramMessageId).toBe(
        String(outcome.outcome === "sent" && outcome.telegramMessageId),
      );
    });

    it("finds due pending messages of active connections only (004's pending-messages query)", async () => {
      const due = await seed(handle.db);
      const past = await seed(handle.db, { message: { scheduledFor: new Date(Date.now() - 60_000) } });
      const future = await seed(handle.db, { message: { scheduledFor: new Date(Date.now() + 60_000) } });
      const unlinked = await seed(handle.db, { linked: false });
      const sent = await seed(handle.db, { message: { status: "SENT", sentAt: new Date() } });
      const ids = (await duePendingMessages({ db: handle.db })).map((row) => row.id);
      expect(ids).toEqual(expect.arrayContaining([due.proactive.id, past.proactive.id]));
      for (const excluded of [future, unlinked, sent]) expect(ids).not.toContain(excluded.proactive.id);
    });
  });
}
