import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";
import { startPayload, type TTelegramMessage } from "@cto/telegram/updates";

import { receiveTelegramMessage } from "./inbox.ts";
import { LINK_REPLIES, linkChat } from "./link.ts";

export const DISABLED_REPLY = "This Cto account has been disabled by an administrator.";

/**
 * A private text message to the bot: `/start <token>` links the chat; any other text from a linked chat
 * goes to the coach (`receiveTelegramMessage`). Returns the short reply to send back in the webhook's
 * answer, or null when none is due (the coach's reply was queued, or the update was a duplicate).
 */
export const answerTelegramMessage = async ({
  db,
  ai,
  queues,
  message,
  tokenBudget,
}: {
  db: Db;
  ai: TAiProvider;
  queues: TQueues | null;
  message: TTelegramMessage;
  tokenBudget: number;
}): Promise<string | null> => {
  const token = startPayload(message.text);
  if (token) return LINK_REPLIES[await linkChat({ db, token, message })];
  const connection = await db.telegramConnection.findUnique({
    where: { telegramChatId: String(message.chat.id) },
    select: { userId: true, isActive: true, user: { select: { isActive: true } } },
  });
  // A disabled account (GET/PATCH /admin/users) reaches its coach through no channel, Telegram included.
  if (connection && !connection.user.isActive) return DISABLED_REPLY;
  if (token === "") return connection?.isActive ? LINK_REPLIES.linked : LINK_REPLIES.bare_start;
  if (!connection) return LINK_REPLIES.unknown_chat;
  // Deactivated after the user blocked the bot; writing again means they unblocked it. Linked again, the
  // connection drops any link token asked for meanwhile (an active connection holds none: a database rule).
  if (!connection.isActive)
    await db.telegramConnection.update({
      where: { userId: connection.userId },
      data: { isActive: true, connectionToken: null, connectionTokenExpiresAt: null },
    });
  if (!message.text?.trim()) return "I can only read text messages for now.";

  const outcome = await receiveTelegramMessage({ db, ai, queues, userId: connection.userId, message, tokenBudget });
  return outcome.status === "inline" ? outcome.text : null;
};
