import type { Db } from "@cto/db/client";

import { excerpt } from "../chat/record.ts";

const EXCERPT = 160;
const TEXT_ROLES = ["USER", "ASSISTANT"] as const;

/** An excerpt of `content` around the first occurrence of `needle` (case-insensitive). */
const around = (content: string, needle: string) => {
  const flat = content.replace(/\s+/g, " ").trim();
  const at = flat.toLowerCase().indexOf(needle.toLowerCase());
  if (at <= EXCERPT / 3) return excerpt(flat, EXCERPT);
  return `…${excerpt(flat.slice(at - Math.floor(EXCERPT / 3)), EXCERPT - 1)}`;
};

/** Prisma's `contains` is a LIKE (or ILIKE) with the text as given: its wildcards and escape must be escaped, to match themselves. */
const literally = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The user's own conversations (archived included, the trash not) whose title or user/coach messages
 * contain `query` (literally, case-insensitive), most recently active first, each with its newest
 * matching message.
 */
export const searchConversations = async ({
  db,
  userId,
  query,
  limit,
}: {
  db: Db;
  userId: string;
  query: string;
  limit: number;
}) => {
  const matches = { contains: literally(query), mode: "insensitive" as const };
  const messageMatch = { role: { in: [...TEXT_ROLES] }, content: matches };
  const conversations = await db.conversation.findMany({
    where: { userId, OR: [{ title: matches }, { messages: { some: messageMatch } }] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  if (conversations.length === 0) return [];
  const newest = await db.message.findMany({
    where: { conversationId: { in: conversations.map((conversation) => conversation.id) }, ...messageMatch },
    orderBy: [{ conversationId: "asc" }, { createdAt: "desc" }],
    distinct: ["conversationId"],
    select: { id: true, conversationId: true, role: true, content: true },
  });
  const byConversation = new Map(newest.map((message) => [message.conversationId, message]));
  return conversations.map((conversation) => {
    const message = byConversation.get(conversation.id);
    return {
      conversation,
      match: message
        ? { messageId: message.id, role: message.role.toLowerCase(), excerpt: around(message.content, query) }
        : null,
    };
  });
};
