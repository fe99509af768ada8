import { z } from "zod";

import { ZUserSchema } from "./auth.ts";
import { ZTelegramConnectionSchema } from "./channels.ts";
import { ZMessageSchema, ZUserContextSchema } from "./coaching.ts";

// 004's "common query patterns", each one request: the complete profile, and a conversation's messages
// with their AI responses.

/** GET /me/profile: the user, their context profile and their Telegram link, as GET /me, /me/context and /telegram give them. */
export const ZCompleteProfileSchema = z.object({
  user: ZUserSchema,
  context: ZUserContextSchema.nullable().describe("Null before the first PUT /me/context"),
  telegram: ZTelegramConnectionSchema.nullable().describe("Null when no link was ever started"),
});
export type TCompleteProfile = z.infer<typeof ZCompleteProfileSchema>;

/** What answering a message cost: the AiResponse row's analytics (its request and response bodies stay private). */
export const ZMessageAiResponseSchema = z.object({
  model: z.string().describe("The model that answered"),
  status: z.enum(["success", "error", "cancelled"]),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  tokenCount: z.number().int().nullable(),
  cost: z.number().nullable().describe("US dollars"),
  latency: z.number().int().nullable().describe("Milliseconds"),
  createdAt: z.number().int().describe("Unix ms"),
});
export type TMessageAiResponse = z.infer<typeof ZMessageAiResponseSchema>;

/** A message with the AI response that wrote it: null on the user's own messages, tool results and older replies. */
export const ZMessageWithAiResponseSchema = ZMessageSchema.extend({ aiResponse: ZMessageAiResponseSchema.nullable() });
export type TMessageWithAiResponse = z.infer<typeof ZMessageWithAiResponseSchema>;
