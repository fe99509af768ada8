import { listMessages, type TMessagePageInput } from "./messages.ts";

/**
 * 004's "conversation with messages": a page of the conversation's messages, oldest first, each with
 * the analytics of the AI response that wrote it (model, tokens, cost, latency, status), or null.
 * Ownership and paging are the message list's; the responses are one more statement for the page.
 */
export const listMessagesWithAiResponses = async (input: TMessagePageInput) => {
  const { db } = input;
  const page = await listMessages(input);
  const responses = page.items.length
    ? await db.aiResponse.findMany({
        where: { messageId: { in: page.items.map((message) => message.id) } },
        select: {
          messageId: true,
          modelUsed: true,
          status: true,
          promptTokens: true,
          completionTokens: true,
          tokenCount: true,
          cost: true,
          latency: true,
          createdAt: true,
        },
      })
    : [];
  const byMessage = new Map(responses.map((response) => [response.messageId, response]));
  return {
    items: page.items.map((message) => {
      const response = byMessage.get(message.id);
      return {
        message,
        aiResponse: response
          ? {
              model: response.modelUsed,
              status: response.status.toLowerCase() as "success" | "error" | "cancelled",
              promptTokens: response.promptTokens,
              completionTokens: response.completionTokens,
              tokenCount: response.tokenCount,
              cost: response.cost?.toNumber() ?? null,
              latency: response.latency,
              createdAt: response.createdAt.getTime(),
            }
          : null,
      };
    }),
    nextCursor: page.nextCursor,
  };
};
