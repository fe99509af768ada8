import { z } from "zod";

import { ZChatActionSchema, ZChatSourceSchema } from "./chat.ts";

/**
 * `metadata.reply` of a user's chat message: where its reply stands. Pending while it is written (a
 * pending reply far older than a turn was cut off with the process), failed with why, or answered by
 * the stored reply.
 */
export const ZChatReplyStateSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("pending"), at: z.number().int().describe("Unix ms the reply started") }),
  z.object({
    status: z.literal("failed"),
    at: z.number().int(),
    code: z.string(),
    message: z.string().describe("What failed, in words for the user"),
  }),
  z.object({
    status: z.literal("answered"),
    at: z.number().int(),
    messageId: z.string().describe("The stored reply"),
    stopped: z.literal(true).optional().describe("The user stopped the reply; it holds what streamed before"),
  }),
]);
export type TChatReplyState = z.infer<typeof ZChatReplyStateSchema>;

/**
 * What the API keeps in a chat message's `metadata` (typed only as JSON on the message): a user's
 * message has `reply` (and `parentId`, `chosenAt` for edits' branches); the coach's reply has the sources it relied on, the tools it called and the model.
 * Other keys (a Telegram message's delivery details) may sit beside them.
 */
export const ZChatMessageMetadataSchema = z.looseObject({
  reply: ZChatReplyStateSchema.optional(),
  sources: z.array(ZChatSourceSchema).optional(),
  actions: z.array(ZChatActionSchema).optional(),
  model: z.string().optional(),
  stopped: z.boolean().optional().describe("The coach's reply was stopped by the user: its content is what streamed"),
  parentId: z
    .string()
    .nullable()
    .optional()
    .describe("A user's message: the user message it follows on its branch (null: the first); see chat-branches.ts"),
  chosenAt: z
    .number()
    .int()
    .optional()
    .describe("A user's message: Unix ms it was last chosen among its versions (edits of one message)"),
});
export type TChatMessageMetadata = z.infer<typeof ZChatMessageMetadataSchema>;
