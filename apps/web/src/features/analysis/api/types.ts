import type { paths } from "../../../lib/api-client.ts";

type TJson<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends { responses: infer R }
  ? R extends Record<S, { content: { "application/json": infer B } }>
    ? B
    : never
  : never;

export type TAnalysisSession = TJson<"/analysis-sessions/{id}", "get">;
export type TAnalysisStatus = TAnalysisSession["status"];
export type TAnalysisMessage = TJson<"/analysis-messages/{id}", "get">;
export type TInteraction = "liked" | "disliked" | "pinned" | "copied_to_clipboard";
export type TAuthor = TAnalysisMessage["author"];

/** One OCR line as the API stores it (001 §3.3); the generated type only says "JSON". */
export type TOcrItem = { id: string; text: string; author: "user" | "contact" | "ai" };

/** The session's OCR draft, or null when there is none or it is not the list the API validates. */
export const ocrItems = (session: TAnalysisSession): TOcrItem[] | null => {
  const value: unknown = session.ocrResult;
  if (!Array.isArray(value)) return null;
  const items = value.filter((item): item is TOcrItem => typeof item === "object" && item !== null && typeof item.id === "string" && typeof item.text === "string" && ["user", "contact", "ai"].includes(item.author));
  return items.length === value.length ? items : null;
};

export const analysisKeys = {
  all: ["analysis"] as const,
  lists: ["analysis", "sessions"] as const,
  sessions: (filters: object) => ["analysis", "sessions", filters] as const,
  session: (id: string) => ["analysis", "session", id] as const,
  messages: (id: string) => ["analysis", "messages", id] as const,
  ocr: (id: string) => ["analysis", "ocr", id] as const,
};
