import type { Db } from "@cto/db/client";
import { toDbError } from "@cto/db/errors";
import type { TelegramConnection } from "@cto/db/generated";
import { rawFindMany } from "@cto/db/raw-find";
import type { TTelegramMessage } from "@cto/telegram/updates";

import { ApiError } from "../../errors.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";

export type TLinkOutcome = "linked" | "invalid_token" | "chat_taken";

/**
 * `/start <token>`: the token works once and only before it expires. The claim is one conditional
 * update (token hash and expiry in the WHERE), so two deliveries of the same update link once.
 */
export const linkChat = async ({
  db,
  token,
  message,
  now = new Date(),
}: {
  db: Db;
  token: string;
  message: TTelegramMessage;
  now?: Date;
}): Promise<TLinkOutcome> => {
  const chatId = String(message.chat.id);
  try {
    const { count } = await db.telegramConnection.updateMany({
      where: { connectionToken: hashToken(token), connectionTokenExpiresAt: { gt: now } },
      data: {
        telegramChatId: chatId,
        telegramUsername: message.from?.username ?? message.chat.username ?? null,
        isActive: true,
        connectedAt: now,
        connectionToken: null,
        connectionTokenExpiresAt: null,
      },
    });
    return count === 1 ? "linked" : "invalid_token";
  } catch (error) {
    // The chat is another account's already (telegram_chat_id is unique): one chat, one account.
    if (toDbError(error)?.code === "conflict") return "chat_taken";
    throw error;
  }
};

export const LINK_REPLIES: Record<TLinkOutcome | "bare_start" | "unknown_chat", string> = {
  linked: "You're linked! Cto will send your reminders here, and you can write to your coach in this chat.",
  invalid_token: "This link has expired or was already used. Open Settings → Telegram in Cto to get a new one.",
  chat_taken: "This chat is already linked to another Cto account. Unlink it there first, then try again.",
  bare_start: "Hi! To link this chat to your Cto account, open Settings → Telegram in Cto and follow the link there.",
  unknown_chat: "I don't know this chat yet. To talk to your coach here, link it from Settings → Telegram in Cto.",
};

const LINK_TOKEN_TTL_MS = 15 * 60_000;

/** The user's connection, or null. The dashboard reads it on every visit: @cto/db's raw path first, Prisma where it declines. */
export const getTelegramConnection = async ({ db, userId }: { db: Db; userId: string }) => {
  const rows = await rawFindMany<TelegramConnection>(db, "TelegramConnection", { where: { userId }, take: 1 });
  return rows ? (rows[0] ?? null) : db.telegramConnection.findUnique({ where: { userId } });
};

/**
 * A new one-time token for `/start <token>`, valid for 15 minutes; any earlier one stops working.
 * 409 while a chat is linked (unlink it first). Returns the connection and the token in clear, once.
 */
export const issueLinkToken = async ({ db, userId }: { db: Db; userId: string }) => {
  const existing = await db.telegramConnection.findUnique({ where: { userId } });
  if (existing?.isActive) throw new ApiError("invalid_state", "Telegram is already linked; unlink it first.");
  const linkToken = newToken();
  const data = {
    connectionToken: hashToken(linkToken),
    connectionTokenExpiresAt: new Date(Date.now() + LINK_TOKEN_TTL_MS),
  };
  const connection = await db.telegramConnection.upsert({
    where: { userId },
    create: { userId, ...data },
    update: data,
  });
  return { connection, linkToken };
};

export const unlinkTelegram = async ({ db, userId }: { db: Db; userId: string }) => {
  const { count } = await db.telegramConnection.deleteMany({ where: { userId } });
  if (count === 0) throw new ApiError("not_found", "Telegram is not connected.");
};
