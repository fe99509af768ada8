import { z } from "zod";

import { zText } from "../values.ts";
import { ZMessageSchema } from "./coaching.ts";

/** POST /conversations/{id}/chat: the user's message; the reply streams back as server-sent events. */
export const ZChatRequestSchema = z.object({
  content: zText()
    .max(32_000)
    .refine((text) => text.trim().length > 0, "Must not be blank"),
});
export type TChatRequest = z.input<typeof ZChatRequestSchema>;

/** A memory item or knowledge chunk the reply was grounded in, numbered in the prompt in this order. */
export const ZChatSourceSchema = z.object({
  kind: z.enum(["memory", "knowledge"]),
  /** The owner row (message, insight…) for memory; the knowledge chunk row for knowledge. */
  id: z.string(),
  ownerKind: z
    .string()
    .optional()
    .describe("For memory: what was remembered (message, insight, report…), lowercase snake"),
  parentId: z
    .string()
    .nullable()
    .optional()
    .describe(
      "For memory: the row it is shown under (a message's conversation, an analysis message's session), as search's",
    ),
  content: z.string(),
  score: z.number().describe("Cosine similarity to the user's message"),
});
export type TChatSource = z.infer<typeof ZChatSourceSchema>;

/** A tool the coach called and what came of it. */
export const ZChatActionSchema = z.object({
  tool: z.string(),
  toolCallId: z.string(),
  ok: z.boolean(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  error: z.string().optional(),
});
export type TChatAction = z.infer<typeof ZChatActionSchema>;

export const ZChatUsageSchema = z.object({
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  totalTokens: z.number().int(),
  cost: z.number().describe("US dollars, from the price table"),
});

/** SSE `delta` event: a piece of the reply, in order. */
export const ZChatDeltaEventSchema = z.object({ text: z.string() });
/** SSE `done` event: the stored assistant message and what it relied on. */
export const ZChatDoneEventSchema = z.object({
  message: ZMessageSchema,
  sources: z.array(ZChatSourceSchema),
  actions: z.array(ZChatActionSchema),
  usage: ZChatUsageSchema,
  model: z.string(),
});
export type TChatDoneEvent = z.infer<typeof ZChatDoneEventSchema>;
/** SSE `error` event: the reply failed; the user's message is kept, marked failed, and can be retried. */
export const ZChatErrorEventSchema = z.object({
  code: z.string().describe("service_unavailable, rate_limited or internal_error"),
  message: z.string().describe("What failed, in words for the user"),
  messageId: z
    .string()
    .describe("The user's stored message; POST /conversations/{id}/chat/retry with it runs the reply again"),
  retryable: z
    .boolean()
    .describe("false when the provider refused the request itself, so the same request would fail again"),
});
export type TChatErrorEvent = z.infer<typeof ZChatErrorEventSchema>;
/** SSE `user_message` event, first in the stream: the user's message as stored. */
export const ZChatUserMessageEventSchema = z.object({ message: ZMessageSchema });

/** POST /conversations/{id}/chat/retry: the reply to this message failed; run it again. */
export const ZChatRetryRequestSchema = z.object({ messageId: z.uuid() });
export type TChatRetryRequest = z.input<typeof ZChatRetryRequestSchema>;

/** POST /conversations/{id}/chat/stop: stop the reply being written to this message. */
export const ZChatStopRequestSchema = z.object({ messageId: z.uuid() });
export type TChatStopRequest = z.input<typeof ZChatStopRequestSchema>;
export const ZChatStopResponseSchema = z.object({
  messageId: z.string(),
  delivered: z
    .boolean()
    .describe(
      "Whether the stop reached the process writing the reply (false without Redis when another instance writes it)",
    ),
});
export type TChatStopResponse = z.infer<typeof ZChatStopResponseSchema>;

/** POST /conversations/{id}/chat/regenerate: write the reply to the latest message again, keeping the earlier one. */
export const ZChatRegenerateRequestSchema = z.object({ messageId: z.uuid() });
export type TChatRegenerateRequest = z.input<typeof ZChatRegenerateRequestSchema>;

/** POST /conversations/{id}/chat/choose: which of the coach's replies to a message the thread shows and the coach reads. */
export const ZChatChooseReplyRequestSchema = z.object({
  messageId: z.uuid().describe("The user's message"),
  replyId: z.uuid().describe("One of the coach's replies to it"),
});
export type TChatChooseReplyRequest = z.input<typeof ZChatChooseReplyRequestSchema>;
export const ZChatChooseReplyResponseSchema = z.object({ messageId: z.string(), replyId: z.string() });
export type TChatChooseReplyResponse = z.infer<typeof ZChatChooseReplyResponseSchema>;

/** POST /conversations/{id}/chat/edit: ask again with a user message's text edited; what followed it stays as a branch. */
export const ZChatEditRequestSchema = z.object({
  messageId: z.uuid().describe("The user's message to edit"),
  content: ZChatRequestSchema.shape.content.describe("The edited text"),
});
export type TChatEditRequest = z.input<typeof ZChatEditRequestSchema>;

/** POST /conversations/{id}/chat/branch: which version of an edited message (and the branch after it) is current. */
export const ZChatChooseBranchRequestSchema = z.object({
  messageId: z.uuid().describe("One version of the user's message"),
});
export type TChatChooseBranchRequest = z.input<typeof ZChatChooseBranchRequestSchema>;
export const ZChatChooseBranchResponseSchema = z.object({ messageId: z.string() });
export type TChatChooseBranchResponse = z.infer<typeof ZChatChooseBranchResponseSchema>;

/**
 * The reply stream as the OpenAPI document describes it: the stream's server-sent events in order,
 * each as its `event:` name and its `data:` line parsed from JSON — the stored `user_message`, `delta`s, then one `done` or `error`.
 */
export const ZChatEventSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("user_message"), data: ZChatUserMessageEventSchema }),
  z.object({ event: z.literal("delta"), data: ZChatDeltaEventSchema }),
  z.object({ event: z.literal("done"), data: ZChatDoneEventSchema }),
  z.object({ event: z.literal("error"), data: ZChatErrorEventSchema }),
]);
export type TChatEvent = z.infer<typeof ZChatEventSchema>;
export const ZChatStreamSchema = z
  .array(ZChatEventSchema)
  .describe(
    "text/event-stream: each event is `event: <name>` and `data: <JSON>` lines; listed here as { event, data } in stream order: user_message, delta events, then done or error",
  );
