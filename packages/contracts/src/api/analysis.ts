import { z } from "zod";

import { ZApiTimestampSchema } from "../boundary.ts";
import {
  AnalysisSessionStatus,
  type AnalysisSessionType,
  type MessageAuthor,
  ZAnalysisSessionStatusSchema,
  ZAnalysisSessionTypeSchema,
  ZInteractionTypeSchema,
  ZMessageAuthorSchema,
  ZMessageSentimentSchema,
} from "../enums.ts";
import { AnalysisMessage, AnalysisSession } from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { zText, zUrl } from "../values.ts";

type TStatus = keyof typeof AnalysisSessionStatus;
type TType = keyof typeof AnalysisSessionType;

/**
 * The analysis-session state machine (001), per session type: status → the statuses it may move to.
 * TEXT skips the screenshot steps. A screenshot goes preview → upload → OCR (analysis_in_progress) →
 * the user checks the OCR (verifying_ocr, left by confirming it) → analysis → complete. Any state in
 * flight may fail to error; error retries from pending_user_input; a complete session may be analysed
 * again after new messages. Everything else is refused with 409 invalid_state.
 */
export const ANALYSIS_SESSION_TRANSITIONS: Record<TType, Record<TStatus, readonly TStatus[]>> = {
  TEXT: {
    PENDING_USER_INPUT: ["ANALYSIS_IN_PROGRESS", "ERROR"],
    PREVIEWING_SCREENSHOT: [],
    UPLOADING: [],
    ANALYSIS_IN_PROGRESS: ["COMPLETE", "ERROR"],
    VERIFYING_OCR: [],
    COMPLETE: ["ANALYSIS_IN_PROGRESS"],
    ERROR: ["PENDING_USER_INPUT"],
  },
  SCREENSHOT: {
    PENDING_USER_INPUT: ["PREVIEWING_SCREENSHOT", "ERROR"],
    PREVIEWING_SCREENSHOT: ["UPLOADING", "PENDING_USER_INPUT", "ERROR"],
    UPLOADING: ["ANALYSIS_IN_PROGRESS", "ERROR"],
    ANALYSIS_IN_PROGRESS: ["VERIFYING_OCR", "COMPLETE", "ERROR"],
    VERIFYING_OCR: ["ANALYSIS_IN_PROGRESS", "ERROR"],
    COMPLETE: ["ANALYSIS_IN_PROGRESS"],
    ERROR: ["PENDING_USER_INPUT"],
  },
};

export const canTransition = (type: TType, from: TStatus, to: TStatus) =>
  ANALYSIS_SESSION_TRANSITIONS[type][from].includes(to);

const describeTransitions = () =>
  Object.entries(ANALYSIS_SESSION_TRANSITIONS)
    .map(
      ([type, table]) =>
        `${type.toLowerCase()}: ${Object.entries(table)
          .filter(([, to]) => to.length)
          .map(([from, to]) => `${from.toLowerCase()} → ${to.join(" | ").toLowerCase()}`)
          .join("; ")}`,
    )
    .join(". ");

/** One OCR line as the client shows it (001 §3.3); stored as is, authors stay lowercase. */
export const ZOcrItemSchema = z.object({
  id: zText().trim().min(1).max(100),
  text: zText().max(10_000),
  author: z.enum(["user", "contact", "ai"]),
});
export const ZOcrResultSchema = z
  .array(ZOcrItemSchema)
  .max(500)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, "OCR item ids must be unique.");
export type TOcrItem = z.infer<typeof ZOcrItemSchema>;

export const ZAnalysisSessionSchema = apiRowSchema(AnalysisSession, { omit: ["userId"] }).extend({
  status: z
    .enum(Object.values(AnalysisSessionStatus).map((status) => status.toLowerCase()) as [string, ...string[]])
    .describe(`State machine — ${describeTransitions()}.`),
  ocrResult: ZOcrResultSchema.nullable().describe("OCR output awaiting the user's check; null once confirmed"),
});
export type TAnalysisSession = z.infer<typeof ZAnalysisSessionSchema>;

export const ZCreateAnalysisSessionSchema = z.object({
  type: ZAnalysisSessionTypeSchema,
  name: zText().trim().min(1).max(200).nullable().optional(),
  screenshotUrl: zUrl().max(2000).nullable().optional(),
  isPinned: z.boolean().optional(),
});
/** Strict, so a `status` (which only changes through POST /analysis-sessions/{id}/transition) is refused, not ignored. */
export const ZUpdateAnalysisSessionSchema = ZCreateAnalysisSessionSchema.omit({ type: true }).partial().strict();
export const ZAnalysisSessionFiltersSchema = z.object({
  status: ZAnalysisSessionStatusSchema.optional(),
  type: ZAnalysisSessionTypeSchema.optional(),
  pinned: z.enum(["true", "false"]).optional().describe("Only pinned (true) or unpinned (false) sessions"),
});

export const ZTransitionSchema = z.object({
  status: ZAnalysisSessionStatusSchema.describe(
    `The status to move to — ${describeTransitions()}. Reaching complete moves lastActivity; a pending OCR result is left by confirming it, not by this route; retrying (to pending_user_input) drops any OCR result.`,
  ),
});
export const ZConfirmOcrSchema = z.object({
  items: ZOcrResultSchema.optional().describe("Corrected items; the stored OCR result when absent"),
});

/** A bookmark collection's id: any name the client gives it (001 keeps collections as ids on the message). */
export const ZCollectionIdSchema = zText().min(1).max(100);

/** Liked/disliked/pinned/usedCount are derived from the caller's MessageInteraction rows, never stored. */
export const ZAnalysisMessageSchema = apiRowSchema(AnalysisMessage).extend({
  isLiked: z.boolean(),
  isDisliked: z.boolean(),
  isPinned: z.boolean(),
  usedCount: z
    .number()
    .int()
    .describe("Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1"),
});
export type TAnalysisMessage = z.infer<typeof ZAnalysisMessageSchema>;

export const ZCreateAnalysisMessageSchema = z.object({
  text: zText().min(1).max(20_000),
  author: ZMessageAuthorSchema,
  timestamp: ZApiTimestampSchema.optional().describe("When the message was written; now when absent"),
  sentiment: ZMessageSentimentSchema.nullable()
    .optional()
    .describe("Kept as sent (null included); when absent the AI provider labels the text, or it stays null"),
  collectionIds: z
    .array(ZCollectionIdSchema)
    .max(100)
    .optional()
    .describe("The bookmark collections the message is in; the whole list, replacing the previous one"),
  title: zText().max(200).nullable().optional(),
  tag: zText().max(100).nullable().optional(),
  analysis: zText().max(20_000).nullable().optional(),
});
export const ZUpdateAnalysisMessageSchema = ZCreateAnalysisMessageSchema.omit({ author: true }).partial();
export const ZAnalysisMessageFiltersSchema = z.object({
  author: ZMessageAuthorSchema.optional(),
  collectionId: ZCollectionIdSchema.optional().describe("Only the messages in this bookmark collection"),
});
export const ZInteractionParamsSchema = z.object({ id: z.uuid(), type: ZInteractionTypeSchema });

/** The caller's bookmark collections across their sessions (001's `collectionIds`), with how many messages each holds. */
export const ZAnalysisCollectionsSchema = z.object({
  items: z.array(
    z.object({
      collectionId: z.string(),
      count: z.number().int().describe("Messages in the collection, in sessions not in the trash"),
    }),
  ),
});
export const ZAnalysisCollectionParamsSchema = z.object({ collectionId: ZCollectionIdSchema });

export const ZConfirmedOcrSchema = z.object({
  session: ZAnalysisSessionSchema,
  messages: z.array(ZAnalysisMessageSchema),
});

export const OCR_AUTHOR: Record<TOcrItem["author"], keyof typeof MessageAuthor> = {
  user: "USER",
  contact: "CONTACT",
  ai: "AI",
};

// ——— Screenshot upload and OCR (001's screenshot flow) ———

/** Accepted screenshot types, recognised by their bytes (the part's Content-Type is not trusted). */
export const SCREENSHOT_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

export const ZScreenshotInfoSchema = z.object({
  contentType: z.enum(SCREENSHOT_CONTENT_TYPES),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});
export const ZScreenshotUploadedSchema = z.object({
  session: ZAnalysisSessionSchema,
  screenshot: ZScreenshotInfoSchema,
  ocrJobId: z
    .string()
    .describe("The queued ocr/recognize job; the session moves to verifying_ocr (or error) when it is done"),
});
export const ZOcrStatusSchema = z.object({
  status: ZAnalysisSessionSchema.shape.status,
  hasScreenshot: z.boolean().describe("Whether an uploaded screenshot is stored for the session"),
  pending: z.boolean().describe("The screenshot is queued or being read right now"),
  lastAttempt: z
    .object({
      ok: z.boolean(),
      message: z.string().nullable().describe("Why it failed, in words for the user; null when it worked"),
      at: z.number().int().describe("Unix ms"),
    })
    .nullable()
    .describe("The latest OCR run; null before any"),
});

// ——— AI reply suggestions ———

export const ZGenerateSuggestionsSchema = z.object({
  count: z.number().int().min(1).max(5).default(3).describe("How many suggestions (1–5)"),
  phase: z.number().int().min(1).max(4).optional().describe("Knowledge-base phase to draw on (1–4)"),
  goal: zText().trim().min(1).max(100).optional().describe("Knowledge-base goal to draw on, e.g. stress, feedback"),
});
export const ZSuggestionSourceSchema = z.object({
  id: z.uuid(),
  chunkId: z.string(),
  textContent: z.string(),
  score: z.number(),
});
export const ZSuggestionsSchema = z.object({
  session: ZAnalysisSessionSchema,
  suggestions: z
    .array(ZAnalysisMessageSchema)
    .describe("New AI messages with title, tag and analysis (why this works)"),
  sources: z.array(ZSuggestionSourceSchema).describe("Knowledge-base chunks the suggestions are grounded in"),
  model: z.string(),
  provider: z.enum(["openai", "local"]).describe("local: the offline template provider, not a language model"),
});
