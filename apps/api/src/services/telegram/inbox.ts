import type { TAiProvider } from "@cto/ai/provider";
import { telegramDeliveryJobId } from "@cto/contracts/queues";
import type { Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";
import type { TTelegramMessage } from "@cto/telegram/updates";

import { log } from "../../log.ts";
import { readTokenBudget } from "../chat/budget.ts";
import { runChatTurn } from "../chat/turn.ts";

export type TInboxOutcome =
  | { status: "duplicate" }
  | { status: "queued"; messageId: string; proactiveMessageId: string }
  | { status: "inline"; messageId: string; text: string };

export const INBOX_REPLIES = {
  budget: "You've used today's AI budget, so I can't answer right now. I kept your message; it resets at midnight UTC.",
  failed: "Sorry, I couldn't answer just now. I kept your message; please try again in a moment.",
};

/** Telegram's chats with the coach live in one conversation per user, found by its context. */
const telegramConversation = async (db: Db, userId: string) => {
  const existing = await db.conversation.findFirst({
    where: { userId, isActive: true, context: { path: ["channel"], equals: "telegram" } },
    orderBy: { updatedAt: "desc" },
    select: { id: true },
  });
  return (
    existing ??
    db.conversation.create({
      data: { userId, title: "Telegram", context: { channel: "telegram" } },
      select: { id: true },
    })
  );
};

/**
 * A message from a linked chat: stored in the user's Telegram conversation (once, however often
 * Telegram redelivers the update), answered by the coach through the chat service without
 * streaming, and the reply queued as a TELEGRAM ProactiveMessage so that every outgoing message
 * takes the one delivery path (the worker's `telegram.deliver`).
 */
/** `tokenBudget`: chat tokens per user and UTC day (the API's config, AI_DAILY_TOKEN_BUDGET), shared with the web chat. */
export const receiveTelegramMessage = async ({
  db,
  ai,
  queues,
  userId,
  message,
  tokenBudget,
}: {
  db: Db;
  ai: TAiProvider;
  queues: TQueues | null;
  userId: string;
  message: TTelegramMessage;
  tokenBudget: number;
}): Promise<TInboxOutcome> => {
  const conversation = await telegramConversation(db, userId);
  const telegramMessageId = String(message.message_id);
  const startedAt = new Date();
  const stored = await db.$transaction(async (tx) => {
    // Serialises redeliveries of one update, so the duplicate check below cannot race.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`telegram:${message.chat.id}:${telegramMessageId}`}))`;
    const duplicate = await tx.message.findFirst({
      where: { userId, source: "TELEGRAM", telegramMessageId },
      select: { id: true },
    });
    if (duplicate) return null;
    const userMessage = await tx.message.create({
      data: {
        conversationId: conversation.id,
        userId,
        role: "USER",
        content: message.text ?? "",
        source: "TELEGRAM",
        telegramMessageId,
        metadata: { telegramChatId: String(message.chat.id), sentAt: message.date * 1000 },
      },
      select: { id: true, content: true },
    });
    await tx.conversation.update({ where: { id: conversation.id }, data: { updatedAt: startedAt } });
    await tx.telegramConnection.update({ where: { userId }, data: { lastMessageAt: startedAt } });
    return { userMessage, messageCount: await tx.message.count({ where: { conversationId: conversation.id } }) };
  });
  if (!stored) return { status: "duplicate" };
  const { userMessage, messageCount } = stored;

  const budget = await readTokenBudget({ db, userId, limit: tokenBudget });
  if (budget.used >= budget.limit) return { status: "inline", messageId: userMessage.id, text: INBOX_REPLIES.budget };

  let reply: string | null = null;
  let replyId: string | null = null;
  // With the queues, what the coach's tools create (a commitment's reminder, embeddings) is enqueued now, not at the next reconcile or sweep.
  for await (const event of runChatTurn({
    db,
    ai,
    queues,
    turn: { userId, conversationId: conversation.id, userMessage, startedAt, messageCount, source: "TELEGRAM" },
  })) {
    if (event.event !== "done") continue;
    const stored = event.data.message as { id: string; content: string };
    [reply, replyId] = [stored.content, stored.id];
  }
  if (!reply || !replyId) return { status: "inline", messageId: userMessage.id, text: INBOX_REPLIES.failed };

  const proactive = await db.proactiveMessage.create({
    data: {
      userId,
      content: reply,
      channel: "TELEGRAM",
      context: { kind: "chat_reply", conversationMessageId: replyId, inReplyTo: telegramMessageId },
      dedupeKey: `telegram-reply:${userMessage.id}`,
    },
    select: { id: true },
  });
  // Without Redis (or with it away) the message stays PENDING and the worker's dispatcher sends it.
  // The app's queues bound the wait (`config.queueTimeoutMs`): Telegram must get its answer.
  if (queues) {
    await queues
      .enqueue(
        "telegram",
        "deliver",
        { proactiveMessageId: proactive.id },
        { jobId: telegramDeliveryJobId(proactive.id) },
      )
      .catch((error: unknown) =>
        log.warn(
          { proactiveMessageId: proactive.id, error: error instanceof Error ? error.message : String(error) },
          "Telegram reply left for the dispatcher",
        ),
      );
  }
  return { status: "queued", messageId: userMessage.id, proactiveMessageId: proactive.id };
};
