import type { Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { findOwned } from "../rows.ts";

/** A message of the user's conversation, as the routes under /conversations/{id}/messages name it. */
export type TMessageRef = { db: Db; userId: string; conversationId: string; messageId: string };

/**
 * The user's conversation, or 404 "No such conversation.": its messages, replies and audit entries
 * are reached through it, so the conversation's owner is theirs (a message's own userId is its author's,
 * none on the coach's).
 */
export const ownConversation = (db: Db, userId: string, conversationId: string) =>
  findOwned(db.conversation, { id: conversationId, userId, noun: "conversation" });

/** The 404 for a message id that is not one the user sent in the conversation. */
export const noSuchMessage = () =>
  new ApiError("not_found", "No such message in this conversation.", [
    { path: "messageId", message: "not a message of yours in this conversation" },
  ]);

/** A message the user sent in `conversationId` (checked to be theirs first, with `ownConversation`), or 404. */
export const userMessageIn = async (db: Db, conversationId: string, messageId: string) => {
  const message = await db.message.findFirst({ where: { id: messageId, conversationId, role: "USER" } });
  if (!message) throw noSuchMessage();
  return message;
};
