import type { z } from "zod";

import type { ZCreateMessageSchema } from "@cto/contracts/api/coaching";
import type { Db } from "@cto/db/client";

import { notFound } from "../../errors.ts";
import { readPage } from "../../lib/pagination.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { findOwned } from "../rows.ts";

/** Messages are reached through their conversation, so the conversation's owner is the messages' owner. */
const assertConversation = (db: Db, userId: string, id: string) => findOwned(db.conversation, { id, userId, noun: "conversation" });

type TMessageRef = { userId: string; id: string; messageId: string };

/** A page of a conversation's messages, oldest first; 404 when the conversation is not the user's. */
export const listMessages = async ({ db, userId, id, query }: { db: Db; userId: string; id: string; query: { limit: number; cursor?: string | undefined } }) => {
  // Ownership rides along in the page query; only an empty first page needs to tell "none yet" from "not yours",
  // and a cursor is checked only once the conversation is known to be yours (another's answers 404, not 400).
  if (query.cursor) await assertConversation(db, userId, id);
  const scope = { conversationId: id, conversation: { userId } };
  const page = await readPage(query, {
    listed: (cursor) => db.message.findFirst({ where: { ...scope, id: cursor }, select: { id: true } }),
    read: (window) => db.message.findMany({ where: scope, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...window }),
  });
  if (page.items.length === 0 && !query.cursor) await assertConversation(db, userId, id);
  return page;
};

/** The user's own message in their conversation, which it makes the most recently active one; its embedding follows. */
export const writeMessage = async ({ userId, id, input: { content, source, metadata }, ...deps }: TDeps & { userId: string; id: string; input: z.output<typeof ZCreateMessageSchema> }) => {
  const { db } = deps;
  await assertConversation(db, userId, id);
  const [message] = await db.$transaction([
    db.message.create({ data: { conversationId: id, userId, role: "USER", content, ...(source ? { source } : {}), ...(metadata ? { metadata: metadata as object } : {}) } }),
    db.conversation.update({ where: { id }, data: { updatedAt: new Date() }, select: { id: true } }),
  ]);
  await syncOwnerEmbeddings({ ...deps, userId, ownerKind: "MESSAGE", ownerIds: [message.id], event: "create" });
  return message;
};

// A message's own userId is the author's (none on the coach's), so ownership is the conversation's.
export const getMessage = async ({ db, userId, id, messageId }: { db: Db } & TMessageRef) => {
  const message = await db.message.findFirst({ where: { id: messageId, conversationId: id, conversation: { userId } } });
  if (!message) throw notFound("message");
  return message;
};

export const deleteMessage = async ({ db, ...ref }: { db: Db } & TMessageRef) => {
  const message = await getMessage({ db, ...ref });
  await db.message.delete({ where: { id: message.id } });
};
