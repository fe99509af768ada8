import { toApiRow } from "@cto/contracts/rows";
import { AnalysisMessage, AnalysisSession } from "@cto/contracts/tables";
import type {
  AnalysisMessage as TAnalysisMessageRow,
  AnalysisSession as TAnalysisSessionRow,
  InteractionType,
} from "@cto/db/client";

export const serializeSession = (row: TAnalysisSessionRow) => toApiRow(AnalysisSession, row, ["userId"]);

type MessageWithInteractions = TAnalysisMessageRow & { interactions: { type: InteractionType }[] };

/** A message with the flags derived from the caller's own interactions (services' `withInteractions`). */
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
