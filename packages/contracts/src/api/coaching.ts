import { z } from "zod";

import { ZApiTimestampSchema } from "../boundary.ts";
import { ZEmotionValenceSchema, ZMessageSourceSchema, ZReportTypeSchema } from "../enums.ts";
import {
  ConsistencyMetric,
  Conversation,
  Emotion,
  EnergyMetric,
  Insight,
  Message,
  Report,
  UserContext,
} from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { zJsonObject, ZQueryTimestampSchema, zText } from "../values.ts";

const ZJsonObjectSchema = zJsonObject();
const ZNoteSchema = zText().max(5000).nullable().optional();
const ZFlagQuerySchema = z.enum(["true", "false"]).transform((value) => value === "true");

// Conversations ---------------------------------------------------------------------------------

export const ZConversationSchema = apiRowSchema(Conversation, { omit: ["userId"] });
export type TConversation = z.infer<typeof ZConversationSchema>;
export const ZCreateConversationSchema = z.object({
  title: zText().trim().min(1).max(200).nullable().optional(),
  summary: zText().max(5000).nullable().optional(),
  context: ZJsonObjectSchema.nullable()
    .optional()
    .describe("Free-form JSON object the assistant uses as thread context"),
  isActive: z.boolean().optional().describe("false archives the conversation (kept, out of the main list)"),
  isPinned: z.boolean().optional().describe("Pinned conversations list first"),
  model: zText()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe(
      "A model GET /models offers, for this conversation's replies; null: your default (/me/model). Left out on create: your default",
    ),
});
export type TCreateConversation = z.input<typeof ZCreateConversationSchema>;
export const ZUpdateConversationSchema = ZCreateConversationSchema.partial();
export const ZConversationFiltersSchema = z.object({
  isActive: ZFlagQuerySchema.optional().describe("true: the main list; false: the archive"),
});

/** GET /conversations/search: your conversations whose title or messages contain `q` (case-insensitive, literally). */
export const ZConversationSearchQuerySchema = z.object({
  q: zText().trim().min(1).max(200).describe("Text to find, literally (% and _ are not wildcards)"),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ZConversationSearchResultSchema = z.object({
  conversation: ZConversationSchema,
  match: z
    .object({ messageId: z.string(), role: z.string(), excerpt: z.string() })
    .nullable()
    .describe("The newest message containing the text; null when only the title matched"),
});
export const ZConversationSearchSchema = z.object({ items: z.array(ZConversationSearchResultSchema) });

/** GET /conversations/starters: opening prompts for an empty conversation, from your goals, commitments and profile. */
export const ZConversationStarterSchema = z.object({
  prompt: z.string().describe("What the user could send as their first message"),
  basis: z.enum(["goal", "commitment", "challenge", "objective", "general"]).describe("What it was built from"),
});
export type TConversationStarter = z.infer<typeof ZConversationStarterSchema>;
export const ZConversationStartersSchema = z.object({ items: z.array(ZConversationStarterSchema) });

/** POST /conversations/import: which export the file is; told from the file when left out. */
export const ZConversationImportQuerySchema = z.object({
  format: z.enum(["chatgpt", "claude"]).optional().describe("The export's vendor; told from the file when left out"),
});
/** What POST /conversations/import brought in. */
export const ZConversationImportSchema = z.object({
  format: z
    .enum(["chatgpt", "claude"])
    .nullable()
    .describe("The export's vendor; null for a file with no conversations"),
  conversations: z.object({
    imported: z.number().int().describe("Conversations created"),
    duplicates: z.number().int().describe("Conversations imported before (or twice in the file), skipped"),
    empty: z.number().int().describe("Conversations with no text from the user or the assistant, skipped"),
  }),
  messages: z.object({
    imported: z.number().int().describe("Messages created"),
    skipped: z
      .number()
      .int()
      .describe("Messages left out: tool calls, hidden system messages, reasoning, images, other branches"),
  }),
});
export type TConversationImport = z.infer<typeof ZConversationImportSchema>;

/** Messages of a conversation; `userId` is hidden like every owner column (the role says who wrote it). */
export const ZMessageSchema = apiRowSchema(Message, { omit: ["userId"] });
export type TMessage = z.infer<typeof ZMessageSchema>;
/** Only the user speaks through this endpoint; assistant, system and tool messages come from the AI pipeline. */
export const ZCreateMessageSchema = z.object({
  role: z.literal("user").optional().describe("Always user here; other roles are written by the assistant"),
  content: zText()
    .max(32_000)
    .refine((text) => text.trim().length > 0, "Must not be blank"),
  source: ZMessageSourceSchema.optional().describe("Where the message was written; web by default"),
  metadata: ZJsonObjectSchema.optional(),
});
export type TCreateMessage = z.input<typeof ZCreateMessageSchema>;

// Insights and wellbeing ------------------------------------------------------------------------

export const ZInsightSchema = apiRowSchema(Insight, { omit: ["userId"] });
export type TInsight = z.infer<typeof ZInsightSchema>;
const ZTagsSchema = z
  .array(zText().trim().min(1).max(50))
  .max(20)
  .transform((tags) => [...new Set(tags)]);
export const ZCreateInsightSchema = z.object({
  title: zText().trim().min(1).max(200).nullable().optional(),
  content: zText().trim().min(1).max(20_000),
  tags: ZTagsSchema.optional(),
  conversationId: z.uuid().nullable().optional(),
});
export type TCreateInsight = z.input<typeof ZCreateInsightSchema>;
export const ZUpdateInsightSchema = ZCreateInsightSchema.partial();
export const ZInsightFiltersSchema = z.object({
  tag: zText()
    .min(1)
    .max(500)
    .transform((list) =>
      list
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    )
    .optional()
    .describe("Comma-separated; insights carrying any of these tags"),
  conversationId: z.uuid().optional(),
});

/** `from` inclusive, `to` exclusive, both Unix ms on `recordedAt`. */
const ZRecordedRangeSchema = z.object({
  from: ZQueryTimestampSchema.optional().describe("Recorded at or after this Unix ms"),
  to: ZQueryTimestampSchema.optional().describe("Recorded before this Unix ms"),
});

export const ZEmotionSchema = apiRowSchema(Emotion, { omit: ["userId"] });
export type TEmotion = z.infer<typeof ZEmotionSchema>;
export const ZCreateEmotionSchema = z.object({
  label: zText().trim().min(1).max(100),
  valence: ZEmotionValenceSchema,
  intensity: z.number().int().min(1).max(10),
  note: ZNoteSchema,
  recordedAt: ZApiTimestampSchema.optional(),
  conversationId: z.uuid().nullable().optional(),
});
export type TCreateEmotion = z.input<typeof ZCreateEmotionSchema>;
export const ZUpdateEmotionSchema = ZCreateEmotionSchema.partial();
export const ZEmotionFiltersSchema = ZRecordedRangeSchema.extend({
  valence: ZEmotionValenceSchema.optional(),
  conversationId: z.uuid().optional(),
});

export const ZEnergyMetricSchema = apiRowSchema(EnergyMetric, { omit: ["userId"] });
export type TEnergyMetric = z.infer<typeof ZEnergyMetricSchema>;
export const ZCreateEnergyMetricSchema = z.object({
  level: z.number().int().min(1).max(10),
  note: ZNoteSchema,
  recordedAt: ZApiTimestampSchema.optional(),
});
export type TCreateEnergyMetric = z.input<typeof ZCreateEnergyMetricSchema>;
export const ZUpdateEnergyMetricSchema = ZCreateEnergyMetricSchema.partial();
export const ZEnergyMetricFiltersSchema = ZRecordedRangeSchema;

// Worker-computed analytics (read-only here) ----------------------------------------------------

export const ZConsistencyMetricSchema = apiRowSchema(ConsistencyMetric, { omit: ["userId"] });
export type TConsistencyMetric = z.infer<typeof ZConsistencyMetricSchema>;
export const ZConsistencyMetricFiltersSchema = z.object({
  windowDays: z.coerce.number().int().min(1).max(366).optional(),
});

export const ZReportSchema = apiRowSchema(Report, { omit: ["userId"] });
export type TReport = z.infer<typeof ZReportSchema>;
export const ZReportFiltersSchema = z.object({ type: ZReportTypeSchema.optional() });

// Profile: context (004's UserContext) and model preference -------------------------------------

export const ZUserContextSchema = apiRowSchema(UserContext, { omit: ["userId"] });
export type TUserContext = z.infer<typeof ZUserContextSchema>;
const ZLongTextSchema = zText().max(5000).nullable().default(null);
const ZShortTextSchema = zText().max(200).nullable().default(null);
const ZTextListSchema = z.array(zText().trim().min(1).max(500)).max(50).default([]);
/** PUT replaces the whole profile: a field left out is cleared (null or []). */
export const ZPutUserContextSchema = z.object({
  personalBio: ZLongTextSchema,
  longTermGoals: ZTextListSchema,
  workContext: ZLongTextSchema,
  currentChallenges: ZTextListSchema,
  aiPreferences: ZLongTextSchema,
  communicationStyle: ZShortTextSchema,
  expertiseAreas: ZTextListSchema,
  learningObjectives: ZTextListSchema,
  decisionMakingStyle: ZShortTextSchema,
  timeManagementStyle: ZShortTextSchema,
  preferredMeetingTimes: ZTextListSchema,
  workingHours: ZShortTextSchema,
});
export type TPutUserContext = z.input<typeof ZPutUserContextSchema>;

const ZModelNameSchema = zText().trim().min(1).max(200);
export const ZModelPreferenceSchema = z.object({
  currentModel: z.string().nullable().describe("null means the platform default"),
  preferredModels: z.array(z.string()),
});
export type TModelPreference = z.infer<typeof ZModelPreferenceSchema>;
export const ZPutModelPreferenceSchema = z.object({
  currentModel: ZModelNameSchema.nullable(),
  preferredModels: z
    .array(ZModelNameSchema)
    .max(20)
    .refine((models) => new Set(models).size === models.length, "Must not repeat a model"),
});
export type TPutModelPreference = z.input<typeof ZPutModelPreferenceSchema>;

// AI usage analytics (004's query: by model, latency, cost, tokens) ------------------------------

export const ZAiUsageQuerySchema = z.object({
  since: ZQueryTimestampSchema.optional().describe(
    "Only responses created at or after this Unix ms; all time by default",
  ),
});
export const ZAiModelUsageSchema = z.object({
  model: z.string(),
  usageCount: z.number().int(),
  avgLatency: z.number().nullable().describe("Milliseconds; null when no response recorded a latency"),
  totalCost: z.number().describe("US dollars"),
  avgTokens: z.number().nullable(),
  totalTokens: z.number().int(),
});
export type TAiModelUsage = z.infer<typeof ZAiModelUsageSchema>;
export const ZAiUsageSchema = z.object({
  since: z.number().int().nullable(),
  models: z.array(ZAiModelUsageSchema).describe("Most used first"),
});
export type TAiUsage = z.infer<typeof ZAiUsageSchema>;
