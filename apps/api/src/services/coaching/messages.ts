import type { z } from "zod";

import type { TMessage, ZCreateMessageSchema } from "@cto/contracts/api/coaching";
import { queryRows, selectColumns, type Db } from "@cto/db/client";
import type { Message } from "@cto/db/generated";

import { notFound } from "../../errors.ts";
import { readPage, type TPageWindow } from "../../lib/pagination.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { ownConversation } from "./ownership.ts";

type TMessageRef = { userId: string; id: string; messageId: string };

/** Where a request came from, as a message records it: an API key's caller is `API`, a signed-in browser `WEB`. */
export type TCallerSource = "WEB" | "API";
export const callerSource = (via: "session" | "api_key"): TCallerSource => (via === "api_key" ? "API" : "WEB");

// The chat's history page is the hottest read: one statement on the pool (@cto/db's typed raw path),
// the same rows Prisma's findMany gives (test/hot-reads.test.ts), at a fraction of its cost.
const MESSAGE_FIELDS = selectColumns<Message>("m", {
  id: "id",
  conversationId: "conversation_id",
  role: "role",
  content: "content",
  userId: "user_id",
  toolCalls: "tool_calls",
  toolCallId: "tool_call_id",
  metadata: "metadata",
  source: "source",
  telegramMessageId: "telegram_message_id",
  createdAt: "created_at",
});

// The same page as the API shows it (`toApiRow(Message, row, ["userId"])`, in its field order): enums
// in lowercase, the time as Unix milliseconds (exact in a float8 for every timestamptz(3)). The route sends
// these rows as they come: on a 50-message page, making a Date of each time and then a number of each
// Date, and a new object of each row, was a tenth of the API's CPU (test/hot-reads.test.ts keeps the two equal).
const API_MESSAGE_FIELDS = `m.id AS "id", m.conversation_id AS "conversationId", lower(m.role::text) AS "role",
  m.content AS "content", m.tool_calls AS "toolCalls", m.tool_call_id AS "toolCallId", m.metadata AS "metadata",
  lower(m.source::text) AS "source", m.telegram_message_id AS "telegramMessageId",
  (extract(epoch FROM m.created_at) * 1000)::float8 AS "createdAt"`;

/** A message as the API shows it: `TMessage` of @cto/contracts. */
export type TApiMessage = TMessage & { id: string };

/**
 * One window of the page, oldest first, only while the conversation is the user's. The cursor row is
 * validated by readPage first; the window starts after it, in (createdAt, id) order.
 */
const readMessages = <R extends { id: string }>(
  db: Db,
  fields: string,
  userId: string,
  id: string,
  { take, cursor }: TPageWindow,
) =>
  queryRows<R>(
    db,
    `SELECT ${fields} FROM messages m
      WHERE m.conversation_id = $1::uuid AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = $1::uuid AND c.user_id = $2::uuid)
        ${cursor ? "AND (m.created_at, m.id) > (SELECT created_at, id FROM messages WHERE id = $4::uuid AND conversation_id = $1::uuid)" : ""}
      ORDER BY m.created_at ASC, m.id ASC LIMIT $3`,
    [id, userId, take, ...(cursor ? [cursor.id] : [])],
    // By key, whatever the values: planned once per connection, where planning it anew was twice its run.
    { prepared: true },
  );

/** Which page of which conversation's messages: `id` is the conversation. */
export type TMessagePageInput = {
  db: Db;
  userId: string;
  id: string;
  query: { limit: number; cursor?: string | undefined };
};

const readMessagePage = async <R extends { id: string }>(
  fields: string,
  { db, userId, id, query }: TMessagePageInput,
) => {
  // Ownership rides along in the page query; only an empty first page needs to tell "none yet" from "not yours",
  // and a cursor is checked only once the conversation is known to be yours (another's answers 404, not 400).
  if (query.cursor) await ownConversation(db, userId, id);
  const page = await readPage(query, {
    listed: (cursor) =>
      db.message.findFirst({
        where: { conversationId: id, conversation: { userId }, id: cursor },
        select: { id: true },
      }),
    read: (window) => readMessages<R>(db, fields, userId, id, window),
  });
  if (page.items.length === 0 && !query.cursor) await ownConversation(db, userId, id);
  return page;
};

/** A page of a conversation's messages, oldest first, as Prisma's rows; 404 when the conversation is not the user's. */
export const listMessages = (input: TMessagePageInput) => readMessagePage<Message>(MESSAGE_FIELDS, input);

/** The same page as the API shows it (`GET /conversations/{id}/messages`). */
export const listApiMessages = (input: TMessagePageInput) => readMessagePage<TApiMessage>(API_MESSAGE_FIELDS, input);

/**
 * The user's own message in their conversation, which it makes the most recently active one; its embedding follows.
 * Its source is the one the caller states, else where the request came from (`callerSource`).
 */
export const writeMessage = async ({
  userId,
  id,
  callerSource,
  input: { content, source, metadata },
  ...deps
}: TDeps & {
  userId: string;
  id: string;
  callerSource: TCallerSource;
  input: z.output<typeof ZCreateMessageSchema>;
}) => {
  const { db } = deps;
  await ownConversation(db, userId, id);
  const [message] = await db.$transaction([
    db.message.create({
      data: {
        conversationId: id,
        userId,
        role: "USER",
        content,
        source: source ?? callerSource,
        ...(metadata ? { metadata: metadata as object } : {}),
      },
    }),
    db.conversation.update({ where: { id }, data: { updatedAt: new Date() }, select: { id: true } }),
  ]);
  await syncOwnerEmbeddings({ ...deps, userId, ownerKind: "MESSAGE", ownerIds: [message.id], event: "create" });
  return message;
};

// A message's own userId is the author's (none on the coach's), so ownership is the conversation's.
export const getMessage = async ({ db, userId, id, messageId }: { db: Db } & TMessageRef) => {
  const message = await db.message.findFirst({
    where: { id: messageId, conversationId: id, conversation: { userId } },
  });
  if (!message) throw notFound("message");
  return message;
};

export const deleteMessage = async ({ db, ...ref }: { db: Db } & TMessageRef) => {
  const message = await getMessage({ db, ...ref });
  await db.message.delete({ where: { id: message.id } });
};
