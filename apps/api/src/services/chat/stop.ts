import { ApiError } from "../../errors.ts";
import { ownConversation, type TMessageRef, userMessageIn } from "../coaching/ownership.ts";
import type { TReplyState } from "./record.ts";

/**
 * Checks that the reply to `messageId` (the user's message in their conversation) is being written,
 * so a stop can be asked for it: 404 for a conversation or message that is not the user's, 409
 * (invalid_state) when its reply is not pending (answered, failed or stopped already).
 */
export const replyToStop = async ({ db, userId, conversationId, messageId }: TMessageRef) => {
  await ownConversation(db, userId, conversationId);
  const message = await userMessageIn(db, conversationId, messageId);
  const reply = (message.metadata as { reply?: Partial<TReplyState> } | null)?.reply;
  if (reply?.status !== "pending") throw new ApiError("invalid_state", "This message's reply is not being written.");
  return { messageId: message.id };
};
