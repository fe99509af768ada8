import { z } from "zod";

import { ZAgentAssumptionSchema, ZAuditLogWithAssumptionsSchema } from "./assistant.ts";

/**
 * The Memory page's view of what the coach knows about the user: where each insight came from, the
 * assumptions the coach made in its replies, and why it did what it did (an action's audit entry).
 */

/**
 * Where an insight came from: typed in by the user, or derived by the worker from messages, check-ins,
 * or the user's analytics (reports and consistency scores).
 */
export const INSIGHT_SOURCES = ["user", "message", "check_in", "analytics"] as const;
export const ZInsightSourceSchema = z.enum(INSIGHT_SOURCES);
export type TInsightSource = z.infer<typeof ZInsightSourceSchema>;

/** One piece of evidence a derived insight rests on (kept in the insight's `evidence`). */
export const ZInsightEvidenceSchema = z.object({
  kind: z.enum(["message", "emotion", "energy_metric", "consistency_metric", "report"]),
  id: z.uuid(),
  /** A short quote of what the user wrote or logged, or of the report or score. */
  excerpt: z.string(),
  /** Unix ms: when it was written or logged. */
  at: z.number(),
  /** The conversation a message belongs to, so the page links to it. */
  conversationId: z.uuid().nullable().optional(),
});
export type TInsightEvidence = z.infer<typeof ZInsightEvidenceSchema>;

/** The review state of an assumption: not yet looked at, confirmed right, or marked wrong (with a correction or without). */
export const ZAssumptionStatusSchema = z.enum(["unreviewed", "confirmed", "corrected"]);
export const ZAssumptionFiltersSchema = z.object({
  status: ZAssumptionStatusSchema.optional().describe("unreviewed, confirmed (verified) or corrected (marked wrong)"),
});
export type TAssumptionFilters = z.infer<typeof ZAssumptionFiltersSchema>;

/** An assumption with the action it was made for. */
export const ZAssumptionWithActionSchema = ZAgentAssumptionSchema.extend({
  action: z.object({
    intent: z.string().nullable(),
    actionType: z.string(),
    conversationId: z.uuid().nullable(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.number(),
  }),
});
export type TAssumptionWithAction = z.infer<typeof ZAssumptionWithActionSchema>;

/** One tool call of a reply: what the coach asked for, with which arguments, and what came of it. */
export const ZExplainedToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.unknown(),
  ok: z.boolean(),
  result: z.unknown().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  error: z.string().nullable(),
});
export type TExplainedToolCall = z.infer<typeof ZExplainedToolCallSchema>;

/** "Why did the coach do that?": a reply's audit entry, its assumptions and its tool calls. */
export const ZReplyExplanationSchema = z.object({
  auditLog: ZAuditLogWithAssumptionsSchema,
  toolCalls: z.array(ZExplainedToolCallSchema),
});
export type TReplyExplanation = z.infer<typeof ZReplyExplanationSchema>;
