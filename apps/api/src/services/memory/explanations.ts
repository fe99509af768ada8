import type { TChatAction } from "@cto/contracts/api/chat";
import type { TExplainedToolCall } from "@cto/contracts/api/memory";
import { Prisma } from "@cto/db/client";

import { notFound } from "../../errors.ts";
import { ownConversation, type TMessageRef } from "../coaching/ownership.ts";

type TStoredCall = { id: string; name: string; arguments?: unknown };

const parseResult = (content: string | undefined) => {
  if (content === undefined) return null;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return content;
  }
};

/**
 * "Why did the coach do that?": the audit entry the reply `messageId` was recorded with (the
 * assumptions it made, in order) and its tool calls — the arguments the model sent, from the tool
 * round's message, and what each did, from its result. 404 for a conversation or message that is not
 * the caller's, and for a message without an entry (the user's own messages).
 */
export const explainReply = async ({ db, userId, conversationId, messageId }: TMessageRef) => {
  await ownConversation(db, userId, conversationId);
  const auditLog = await db.auditLog.findFirst({
    where: { userId, conversationId, entityType: "message", entityId: messageId, actionType: "respond" },
    include: { assumptions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!auditLog) throw notFound("explanation", [{ path: "messageId", message: "no recorded action for this message" }]);
  const actions = ((auditLog.metadata as { actions?: TChatAction[] } | null)?.actions ?? []).filter(
    (action) => typeof action.toolCallId === "string",
  );
  if (!actions.length) return { auditLog, toolCalls: [] };
  const ids = actions.map((action) => action.toolCallId);
  // The turn's own tool rounds: written between its start and its record (a retry's earlier rounds included).
  const during = { gte: auditLog.startedAt, lte: auditLog.completedAt ?? auditLog.createdAt };
  const [rounds, results] = await Promise.all([
    db.message.findMany({
      where: { conversationId, role: "ASSISTANT", createdAt: during, NOT: { toolCalls: { equals: Prisma.DbNull } } },
      select: { toolCalls: true },
    }),
    db.message.findMany({
      where: { conversationId, role: "TOOL", toolCallId: { in: ids }, createdAt: during },
      select: { toolCallId: true, content: true },
    }),
  ]);
  const calls = new Map<string, TStoredCall>();
  for (const round of rounds)
    for (const call of (round.toolCalls as TStoredCall[] | null) ?? [])
      if (!calls.has(call.id)) calls.set(call.id, call);
  const outputs = new Map(results.map((row) => [row.toolCallId, row.content]));
  const toolCalls: TExplainedToolCall[] = actions.map((action) => ({
    id: action.toolCallId,
    name: action.tool,
    arguments: calls.get(action.toolCallId)?.arguments ?? null,
    ok: action.ok,
    result: parseResult(outputs.get(action.toolCallId)),
    entityType: action.entityType ?? null,
    entityId: action.entityId ?? null,
    error: action.error ?? null,
  }));
  return { auditLog, toolCalls };
};
