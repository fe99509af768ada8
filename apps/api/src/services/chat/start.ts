import { chatBranches } from "@cto/contracts/api/chat-branches";
import { Prisma, type Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import type { TCallerSource } from "../coaching/messages.ts";
import { ownConversation, userMessageIn } from "../coaching/ownership.ts";
import type { TReplyState, TTurn } from "./record.ts";

/** What a turn on one of the user's messages (retried, regenerated, edited) starts from. */
export type TMessageTurn = {
  db: Db;
  userId: string;
  sessionId?: string;
  conversationId: string;
  messageId: string;
  now?: number;
};

/** A reply still `pending` after this long belongs to a turn that died with its process: it may be retried. */
export const STALE_REPLY_MS = 15 * 60_000;

/** Stores the user's message with its reply pending, and makes the thread the most recently active. */
export const startChatTurn = async ({
  db,
  userId,
  sessionId,
  conversationId,
  content,
  source,
}: {
  db: Db;
  userId: string;
  sessionId?: string;
  conversationId: string;
  content: string;
  /** Where the request came from: `API` for an API key's caller, `WEB` for a signed-in browser. */
  source: TCallerSource;
}) => {
  await ownConversation(db, userId, conversationId);
  const startedAt = new Date();
  const reply: TReplyState = { status: "pending", at: startedAt.getTime() };
  // The message follows the current branch's latest (an edit may have left others beside it).
  const { last: parentId } = chatBranches(
    await db.message.findMany({
      where: { conversationId, role: "USER" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, role: true, metadata: true },
    }),
  );
  const [message, messageCount] = await db.$transaction([
    db.message.create({
      data: { conversationId, userId, role: "USER", content, source, metadata: { reply, parentId } },
    }),
    db.message.count({ where: { conversationId } }),
    db.conversation.update({ where: { id: conversationId }, data: { updatedAt: startedAt }, select: { id: true } }),
  ]);
  const turn: TTurn = {
    userId,
    sessionId,
    conversationId,
    userMessage: { id: message.id, content: message.content },
    startedAt,
    messageCount,
    source,
  };
  return { message, turn };
};

type TClaimed = Awaited<ReturnType<typeof userMessageIn>>;

/**
 * Marks the user's message `messageId` pending when it is the conversation's latest user message and
 * its reply is in the state `replyIs` says (an SQL condition on the row `m`): one statement checks and
 * marks, so two clicks at once run one reply. 404 unless the conversation and message are the user's.
 */
export const claimLatestMessage = async ({
  db,
  userId,
  conversationId,
  messageId,
  now,
  replyIs,
}: {
  db: Db;
  userId: string;
  conversationId: string;
  messageId: string;
  now: number;
  replyIs: Prisma.Sql;
}) => {
  await ownConversation(db, userId, conversationId);
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE messages AS m
    SET metadata = m.metadata || jsonb_build_object('reply', jsonb_build_object('status', 'pending', 'at', ${now}::bigint))
    WHERE m.id = ${messageId}::uuid AND m.conversation_id = ${conversationId}::uuid AND m.role = 'USER'
      AND ${replyIs}
      AND NOT EXISTS (
        SELECT 1 FROM messages AS later
        WHERE later.conversation_id = m.conversation_id AND later.role = 'USER' AND (later.created_at, later.id) > (m.created_at, m.id))
    RETURNING m.id`;
  const message = await userMessageIn(db, conversationId, messageId);
  return { claimed: claimed.length > 0, message };
};

/** The turn that writes another reply to a claimed message, as of `now`. */
export const claimedTurn = async (
  db: Db,
  {
    userId,
    sessionId,
    conversationId,
    message,
    now,
  }: { userId: string; sessionId?: string; conversationId: string; message: TClaimed; now: number },
): Promise<TTurn> => ({
  userId,
  sessionId,
  conversationId,
  userMessage: { id: message.id, content: message.content },
  startedAt: new Date(now),
  messageCount: await db.message.count({ where: { conversationId } }),
});

const whyNot = (state: Partial<TReplyState> | undefined, latest: boolean) => {
  if (state?.status === "answered") return "This message already has a reply.";
  if (state?.status === "pending") return "The reply to this message is still being written.";
  if (!latest) return "Only the latest message of a conversation can be retried.";
  return "This message's reply did not fail, so there is nothing to retry.";
};

/**
 * Claims a failed reply for one more attempt: the user's latest message in the conversation, its
 * reply `failed` (or `pending` for longer than STALE_REPLY_MS, or, with `cutOffBefore`, pending since
 * before then: the caller knows no live process is writing it). One statement checks and marks it
 * pending, so two Retry clicks at once run one reply; the message is never stored a second time.
 */
export const claimRetry = async ({
  db,
  userId,
  sessionId,
  conversationId,
  messageId,
  cutOffBefore,
  now = Date.now(),
}: TMessageTurn & { cutOffBefore?: number }) => {
  const staleBefore = Math.max(now - STALE_REPLY_MS, cutOffBefore ?? 0);
  const { claimed, message } = await claimLatestMessage({
    db,
    userId,
    conversationId,
    messageId,
    now,
    replyIs: Prisma.sql`(m.metadata #>> '{reply,status}' = 'failed'
        OR (m.metadata #>> '{reply,status}' = 'pending' AND (m.metadata #>> '{reply,at}')::bigint < ${staleBefore}::bigint))`,
  });
  if (!claimed) {
    const later = await db.message.count({
      where: { conversationId, role: "USER", createdAt: { gt: message.createdAt } },
    });
    throw new ApiError(
      "invalid_state",
      whyNot((message.metadata as { reply?: Partial<TReplyState> } | null)?.reply, later === 0),
    );
  }
  const turn: TTurn = {
    ...(await claimedTurn(db, { userId, sessionId, conversationId, message, now })),
    source: message.source,
    retry: true,
  };
  return { message, turn };
};
