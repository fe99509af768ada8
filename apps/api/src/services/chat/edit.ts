import { chatBranches } from "@cto/contracts/api/chat-branches";
import type { Db } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";
import type { TCallerSource } from "../coaching/messages.ts";
import { noSuchMessage } from "../coaching/ownership.ts";
import type { TReplyState, TTurn } from "./record.ts";
import { STALE_REPLY_MS, type TMessageTurn } from "./start.ts";

type TTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Locks the user's conversation for a change of branch (one at a time) and reads its user messages:
 * 404 unless it is theirs, 409 while a reply in it is being written (the branch it answers would move).
 */
const lockBranches = async (tx: TTx, userId: string, conversationId: string, now: number) => {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM conversations WHERE id = ${conversationId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("conversation");
  const users = await tx.message.findMany({
    where: { conversationId, role: "USER" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, metadata: true },
  });
  const writing = users.some((row) => {
    const reply = (row.metadata as { reply?: Partial<TReplyState> } | null)?.reply;
    return reply?.status === "pending" && (reply.at ?? 0) > now - STALE_REPLY_MS;
  });
  if (writing) throw new ApiError("invalid_state", "A reply in this conversation is still being written.");
  return chatBranches(users);
};

/** Makes the user messages `ids` the chosen versions among their siblings, as of `now`. */
const choose = (tx: TTx, ids: string[], now: number) =>
  ids.length === 0
    ? Promise.resolve(0)
    : tx.$executeRaw`
        UPDATE messages SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object('chosenAt', ${now}::bigint)
        WHERE id = ANY(${ids}::uuid[])`;

/**
 * Edit and re-run: stores the edited text as a new version of the user's message `messageId` (beside
 * it, with its reply pending) and makes it current; the old version, its replies and everything after
 * it stay as a branch POST /conversations/{id}/chat/branch flips back to. 404 unless the message is the
 * user's, 400 for the coach's message, 409 while a reply in the conversation is being written.
 */
export const startEditTurn = async ({
  db,
  userId,
  sessionId,
  conversationId,
  messageId,
  content,
  source,
  now = Date.now(),
}: TMessageTurn & { content: string; source: TCallerSource }) => {
  const message = await db.$transaction(async (tx) => {
    const branches = await lockBranches(tx, userId, conversationId, now);
    const edited = await tx.message.findFirst({ where: { id: messageId, conversationId }, select: { role: true } });
    if (!edited) throw noSuchMessage();
    if (edited.role !== "USER")
      throw new ApiError("validation_failed", "Only your own messages can be edited.", [
        { path: "messageId", message: "a message of the coach, not yours" },
      ]);
    const parentId = branches.parentOf(messageId);
    await choose(
      tx,
      branches.ancestorsOf(messageId).filter((id) => !branches.isCurrent(id)),
      now,
    );
    const reply: TReplyState = { status: "pending", at: now };
    const created = await tx.message.create({
      data: { conversationId, userId, role: "USER", content, source, metadata: { reply, parentId, chosenAt: now } },
    });
    await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date(now) } });
    return created;
  });
  const turn: TTurn = {
    userId,
    sessionId,
    conversationId,
    userMessage: { id: message.id, content: message.content },
    startedAt: new Date(now),
    messageCount: await db.message.count({ where: { conversationId } }),
    source,
  };
  return { message, turn };
};

/**
 * Flips to the version `messageId` of an edited message: it (and the versions above it) become current,
 * so the thread shows, and the coach reads, its branch. 404 unless it is the user's own message in their
 * conversation; 409 while a reply in the conversation is being written.
 */
export const chooseBranch = async ({
  db,
  userId,
  conversationId,
  messageId,
  now = Date.now(),
}: {
  db: Db;
  userId: string;
  conversationId: string;
  messageId: string;
  now?: number;
}) =>
  db.$transaction(async (tx) => {
    const branches = await lockBranches(tx, userId, conversationId, now);
    if (branches.versionsOf(messageId).length === 0) throw noSuchMessage();
    await choose(tx, [...branches.ancestorsOf(messageId), messageId], now);
    return { messageId };
  });
