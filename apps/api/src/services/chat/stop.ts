import type { Db } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";
import type { TReplyState } from "./record.ts";

/**
 * Checks that the reply to `messageId` (the user's message in their conversation) is being written,
 * so a stop can be asked for it: 404 for a conversation or message that is not the user's, 409
 * (invalid_state) when its reply is not pending (answered, failed or stopped already).
 */
export const replyToStop = async ({
  db,
  userId,
  conversationId,
  messageId,
}: {
  db: Db;
  userId: string;
  conversationId: string;
  messageId: string;
}) => {
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, userId }, select: { id: true } });
  if (!conversation) throw notFound("conversation");
  const message = await db.message.findFirst({
    where: { id: messageId, conversationId, role: "USER" },
    select: { id: true, metadata: true },
  });
  if (!message)
    throw new ApiError("not_found", "No such message in this conversation.", [
      { path: "messageId", message: "not a message of yours in this conversation" },
    ]);
  const reply = (message.metadata as { reply?: Partial<TReplyState> } | null)?.reply;
  if (reply?.status !== "pending") throw new ApiError("invalid_state", "This message's reply is not being written.");
  return { messageId: message.id };
};
