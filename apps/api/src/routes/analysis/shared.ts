import { toApiRow } from "@cto/contracts/rows";
import { AnalysisMessage, AnalysisSession } from "@cto/contracts/tables";
import type { AnalysisMessage as TAnalysisMessageRow, AnalysisSession as TAnalysisSessionRow, DbExecutor, InteractionType } from "@cto/db/client";

import { ApiError } from "../../errors.ts";

export const serializeSession = (row: TAnalysisSessionRow) => toApiRow(AnalysisSession, row, ["userId"]);

/** A session of the caller's that is not in the trash; anything else is "not found". */
export const findOwnedSession = async (db: DbExecutor, userId: string, id: string) => {
  const session = await db.analysisSession.findFirst({ where: { id, userId } });
  if (!session) throw new ApiError("not_found", "No such analysis session.");
  return session;
};

/** Only the caller's own interactions count: the derived flags describe what *you* did with a message. */
export const withInteractions = (userId: string) => ({ interactions: { where: { userId }, select: { type: true } } }) as const;

type MessageWithInteractions = TAnalysisMessageRow & { interactions: { type: InteractionType }[] };

export const serializeMessage = ({ interactions, ...row }: MessageWithInteractions) => {
  const types = interactions.map((interaction) => interaction.type);
  return {
    ...toApiRow(AnalysisMessage, row),
    isLiked: types.includes("LIKED"),
    isDisliked: types.includes("DISLIKED"),
    isPinned: types.includes("PINNED"),
    usedCount: types.filter((type) => type === "COPIED_TO_CLIPBOARD").length,
  };
};

/**
 * A message in one of the caller's live sessions. The soft-delete guard only sees top-level filters,
 * so the session's deletedAt is named here: a trashed session's messages are out of reach too.
 */
export const findOwnedMessage = async (db: DbExecutor, userId: string, id: string) => {
  const message = await db.analysisMessage.findFirst({ where: { id, analysisSession: { userId, deletedAt: null } }, include: withInteractions(userId) });
  if (!message) throw new ApiError("not_found", "No such analysis message.");
  return message;
};

/** 001 §3.4: lastActivity moves on a new message, on reaching complete and on any interaction. */
export const touchSession = (db: DbExecutor, id: string, at = new Date()) => db.analysisSession.update({ where: { id }, data: { lastActivity: at }, select: { id: true } });
