import type { z } from "zod";

import type { TOcrItem } from "@cto/contracts/api/analysis";
import type { TApiResponse } from "@cto/contracts/api/endpoints";
import type { ZAnalysisSessionTypeSchema, ZInteractionTypeSchema } from "@cto/contracts/enums";

export type { TOcrItem };
export type TAnalysisSession = TApiResponse<"/analysis-sessions/{id}">;
export type TAnalysisStatus = TAnalysisSession["status"];
export type TAnalysisType = z.input<typeof ZAnalysisSessionTypeSchema>;
export type TAnalysisMessage = TApiResponse<"/analysis-messages/{id}">;
export type TInteraction = z.input<typeof ZInteractionTypeSchema>;
export type TAuthor = TAnalysisMessage["author"];
export type TSentiment = NonNullable<TAnalysisMessage["sentiment"]>;
export type TCollection = TApiResponse<"/analysis-collections">["items"][number];

/** The session's OCR draft, or null when there is none or it is not the list the API validates. */
export const ocrItems = (session: TAnalysisSession): TOcrItem[] | null => {
  const value: unknown = session.ocrResult;
  if (!Array.isArray(value)) return null;
  const items = value.filter(
    (item): item is TOcrItem =>
      typeof item === "object" &&
      item !== null &&
      typeof item.id === "string" &&
      typeof item.text === "string" &&
      ["user", "contact", "ai"].includes(item.author),
  );
  return items.length === value.length ? items : null;
};

export const analysisKeys = {
  all: ["analysis"] as const,
  lists: ["analysis", "sessions"] as const,
  sessions: (filters: object) => ["analysis", "sessions", filters] as const,
  session: (id: string) => ["analysis", "session", id] as const,
  messages: (id: string) => ["analysis", "messages", id] as const,
  /** The session's messages in one bookmark collection; under `messages(id)`, so invalidating that covers it. */
  collectionMessages: (id: string, collectionId: string) => ["analysis", "messages", id, { collectionId }] as const,
  collections: ["analysis", "collections"] as const,
  ocr: (id: string) => ["analysis", "ocr", id] as const,
};
