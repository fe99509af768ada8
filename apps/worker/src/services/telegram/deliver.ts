import type { Db } from "@cto/db/client";
import { TelegramApiError, type TBotApi } from "@cto/telegram/bot-api";

/** How long one send may hold the message's row lock; above the Bot API client's own timeout. */
const SEND_TRANSACTION_MS = 30_000;
/** Sends tried per message, however they were scheduled (429 delays do not count as job attempts). */
export const MAX_DELIVERY_ATTEMPTS = 10;

export type TDeliveryOutcome =
  | { outcome: "sent"; telegramMessageId: number }
  | {
      outcome: "skipped";
      reason: "missing" | "not_pending" | "not_telegram" | "not_due" | "no_active_connection" | "in_progress";
    }
  | { outcome: "failed"; reason: "blocked" | "rejected" | "gave_up"; error: string }
  | { outcome: "retry"; error: string; delayMs: number | null };

type TLockedRow = { status: string; channel: string; scheduled_for: Date | null };

/**
 * Sends one proactive message to its user's linked chat, exactly once as far as the database can
 * tell: the row is locked (SKIP LOCKED, so a second worker leaves it alone) and must still be PENDING,
 * and SENT is written in the same transaction as the send. A 429 asks to retry after Telegram's
 * `retry_after`; a 403 ("bot was blocked") fails the message and deactivates the connection, since
 * no retry can succeed; other errors are retried until `finalAttempt`, which gives up.
 */
export const deliverProactiveMessage = async ({
  db,
  bot,
  proactiveMessageId,
  finalAttempt,
  now = new Date(),
}: {
  db: Db;
  bot: TBotApi;
  proactiveMessageId: string;
  finalAttempt: boolean;
  now?: Date;
}): Promise<TDeliveryOutcome> =>
  db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<TLockedRow[]>`
        SELECT status::text AS status, channel::text AS channel, scheduled_for FROM proactive_messages
        WHERE id = ${proactiveMessageId}::uuid FOR UPDATE SKIP LOCKED`;
      if (!locked) {
        const exists = await tx.proactiveMessage.count({ where: { id: proactiveMessageId } });
        return { outcome: "skipped", reason: exists ? "in_progress" : "missing" };
      }
      if (locked.status !== "PENDING") return { outcome: "skipped", reason: "not_pending" };
      if (locked.channel !== "TELEGRAM") return { outcome: "skipped", reason: "not_telegram" };
      if (locked.scheduled_for && locked.scheduled_for > now) return { outcome: "skipped", reason: "not_due" };
      const message = await tx.proactiveMessage.findUniqueOrThrow({
        where: { id: proactiveMessageId },
        select: { content: true, context: true, userId: true, attempts: true },
      });
      const connection = await tx.telegramConnection.findUnique({ where: { userId: message.userId } });
      // Left PENDING: the message goes out once the user links (or re-links) Telegram.
      if (!connection?.isActive || !connection.telegramChatId)
        return { outcome: "skipped", reason: "no_active_connection" };

      const attempts = message.attempts + 1;
      try {
        const sent = await bot.sendMessage({ chatId: connection.telegramChatId, text: message.content });
        const sentAt = new Date();
        await tx.proactiveMessage.update({
          where: { id: proactiveMessageId },
          data: { status: "SENT", sentAt, attempts, lastError: null },
        });
        await tx.telegramConnection.update({ where: { id: connection.id }, data: { lastMessageAt: sentAt } });
        // A coach reply to a Telegram message: its conversation message now knows its Telegram id.
        const replyTo = (message.context as { conversationMessageId?: unknown } | null)?.conversationMessageId;
        if (typeof replyTo === "string")
          await tx.message.updateMany({
            where: { id: replyTo, telegramMessageId: null },
            data: { telegramMessageId: String(sent.message_id) },
          });
        return { outcome: "sent", telegramMessageId: sent.message_id };
      } catch (error) {
        if (!(error instanceof TelegramApiError)) throw error;
        const failed = { status: "FAILED" as const, failedAt: new Date(), attempts, lastError: error.message };
        if (error.kind === "blocked") {
          await tx.proactiveMessage.update({ where: { id: proactiveMessageId }, data: failed });
          await tx.telegramConnection.update({ where: { id: connection.id }, data: { isActive: false } });
          return { outcome: "failed", reason: "blocked", error: error.message };
        }
        if (error.kind === "bad_request") {
          await tx.proactiveMessage.update({ where: { id: proactiveMessageId }, data: failed });
          return { outcome: "failed", reason: "rejected", error: error.message };
        }
        if (finalAttempt || attempts >= MAX_DELIVERY_ATTEMPTS) {
          await tx.proactiveMessage.update({ where: { id: proactiveMessageId }, data: failed });
          return { outcome: "failed", reason: "gave_up", error: error.message };
        }
        await tx.proactiveMessage.update({
          where: { id: proactiveMessageId },
          data: { attempts, lastError: error.message },
        });
        return {
          outcome: "retry",
          error: error.message,
          delayMs: error.retryAfterSeconds === null ? null : error.retryAfterSeconds * 1000,
        };
      }
    },
    { timeout: SEND_TRANSACTION_MS, maxWait: 10_000 },
  );
