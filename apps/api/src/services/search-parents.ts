import type { Db } from "@cto/db/client";

type TMatch = { ownerKind: string; ownerId: string };

/**
 * Where a found item is shown: a chat message in its conversation, a message of an analysis in its
 * session, a reply under its post, a piece of a document in its document. Read only for the caller's own
 * rows; other kinds have no parent. Four small lookups at most (one per kind), whatever the number of matches.
 */
export const searchParents = async (db: Db, userId: string, matches: TMatch[]) => {
  const ids = (kind: string) => [
    ...new Set(matches.filter((match) => match.ownerKind === kind).map((match) => match.ownerId)),
  ];
  const [messages, analysisMessages, replies] = [ids("MESSAGE"), ids("ANALYSIS_MESSAGE"), ids("REPLY")];
  const documentChunks = ids("DOCUMENT_CHUNK");
  const [conversations, sessions, posts, documents] = await Promise.all([
    messages.length
      ? db.message.findMany({
          where: { id: { in: messages }, conversation: { userId } },
          select: { id: true, conversationId: true },
        })
      : [],
    analysisMessages.length
      ? db.analysisMessage.findMany({
          where: { id: { in: analysisMessages }, analysisSession: { userId } },
          select: { id: true, analysisSessionId: true },
        })
      : [],
    replies.length
      ? db.reply.findMany({ where: { id: { in: replies }, authorId: userId }, select: { id: true, postId: true } })
      : [],
    documentChunks.length
      ? db.documentChunk.findMany({
          where: { id: { in: documentChunks }, document: { userId } },
          select: { id: true, documentId: true },
        })
      : [],
  ]);
  return new Map<string, string>([
    ...conversations.map((row) => [row.id, row.conversationId] as const),
    ...sessions.map((row) => [row.id, row.analysisSessionId] as const),
    ...posts.map((row) => [row.id, row.postId] as const),
    ...documents.map((row) => [row.id, row.documentId] as const),
  ]);
};
