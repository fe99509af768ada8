import { Prisma, type Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { ownConversation, userMessageIn } from "../coaching/ownership.ts";
import type { TReplyState } from "./record.ts";
import { claimedTurn, claimLatestMessage, type TMessageTurn } from "./start.ts";

type TThreadRow = { id: string; role: string; metadata: unknown };

const replyOf = (row: TThreadRow) => (row.metadata as { reply?: Partial<TReplyState> } | null)?.reply;

/**
 * The thread as the coach reads it, with one reply per message: the coach's replies after a user's
 * message (until the next one) are alternatives of each other (Regenerate keeps the earlier ones), and
 * only the one the message's `metadata.reply` names counts. A message whose reply is being written again
 * (pending) or failed counts none; one stored before replies were tracked keeps them all.
 */
export const activeThread = <T extends TThreadRow>(rows: T[]): T[] => {
  const kept: T[] = [];
  let asked: TThreadRow | undefined;
  for (const row of rows) {
    if (row.role === "USER") {
      asked = row;
      kept.push(row);
      continue;
    }
    const reply = asked && replyOf(asked);
    if (!reply) kept.push(row);
    else if (reply.status === "answered" && reply.messageId === row.id) kept.push(row);
  }
  return kept;
};

/**
 * Claims the conversation's latest user message, answered (or stopped), for another reply: one
 * statement checks and marks it pending, so two clicks run one reply. The earlier reply stays stored as
 * an alternative.
 */
export const claimRegenerate = async ({
  db,
  userId,
  sessionId,
  conversationId,
  messageId,
  now = Date.now(),
}: TMessageTurn) => {
  const { claimed, message } = await claimLatestMessage({
    db,
    userId,
    conversationId,
    messageId,
    now,
    replyIs: Prisma.sql`m.metadata #>> '{reply,status}' = 'answered'`,
  });
  if (!claimed) {
    const status = replyOf(message)?.status;
    throw new ApiError(
      "invalid_state",
      status === "pending"
        ? "The reply to this message is still being written."
        : status === "answered"
          ? "Only the reply to the latest message can be regenerated."
          : "This message has no reply to regenerate; retry it instead.",
    );
  }
  const turn = await claimedTurn(db, { userId, sessionId, conversationId, message, now });
  return { message, turn };
};

/**
 * Makes `replyId`, one of the coach's replies to the user's message `messageId`, the one the thread
 * shows and the coach reads from now on. 404 unless both are the user's and the reply answers that
 * message; 409 while a reply to it is being written.
 */
export const chooseReply = async ({
  db,
  userId,
  conversationId,
  messageId,
  replyId,
}: {
  db: Db;
  userId: string;
  conversationId: string;
  messageId: string;
  replyId: string;
}) => {
  await ownConversation(db, userId, conversationId);
  const message = await userMessageIn(db, conversationId, messageId);
  const next = await db.message.findFirst({
    where: { conversationId, role: "USER", createdAt: { gt: message.createdAt } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true },
  });
  const reply = await db.message.findFirst({
    where: {
      id: replyId,
      conversationId,
      role: "ASSISTANT",
      createdAt: { gt: message.createdAt, ...(next ? { lt: next.createdAt } : {}) },
    },
    select: { id: true, metadata: true, toolCalls: true },
  });
  if (!reply || reply.toolCalls !== null)
    throw new ApiError("not_found", "No such reply to this message.", [
      { path: "replyId", message: "not one of the coach's replies to this message" },
    ]);
  const stopped = (reply.metadata as { stopped?: boolean } | null)?.stopped === true;
  const state: TReplyState = {
    status: "answered",
    at: Date.now(),
    messageId: reply.id,
    ...(stopped ? { stopped: true as const } : {}),
  };
  const updated = await db.$executeRaw`
    UPDATE messages SET metadata = metadata || jsonb_build_object('reply', ${JSON.stringify(state)}::jsonb)
    WHERE id = ${message.id}::uuid AND metadata #>> '{reply,status}' IS DISTINCT FROM 'pending'`;
  if (updated === 0) throw new ApiError("invalid_state", "The reply to this message is still being written.");
  return { messageId: message.id, replyId: reply.id };
};
