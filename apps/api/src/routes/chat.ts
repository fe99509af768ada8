import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";

import { ZChatDoneEventSchema, ZChatRequestSchema } from "@cto/contracts/api/chat";

import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { parseChatBudgetConfig, readTokenBudget } from "../services/chat/budget.ts";
import { runChatTurn } from "../services/chat/turn.ts";

const chatRoute = createRoute({
  method: "post",
  path: "/conversations/{id}/chat",
  tags: ["Chat"],
  summary: "Send a message to the coach and stream its reply (server-sent events)",
  description: [
    "Stores the user's message, retrieves the user's most relevant memory and knowledge, and streams the reply.",
    "Events: `delta` `{ text }` (pieces of the reply, in order), then `done` (" + Object.keys(ZChatDoneEventSchema.shape).join(", ") + ") or `error` `{ code, message }`.",
    "The daily token budget (AI_DAILY_TOKEN_BUDGET, per user and UTC day) answers 429 before any model call once spent.",
  ].join(" "),
  security: SECURITY,
  middleware: requireAuth,
  request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZChatRequestSchema } } } },
  responses: {
    200: { description: "An SSE stream of delta, then done or error events", content: { "text/event-stream": { schema: z.string() } } },
    ...errorResponses(403, 404, 415, 429),
  },
});

export const chatRoutes = createRouter().openapi(chatRoute, async (c) => {
  const db = c.get("db");
  const ai = c.get("ai");
  const { userId, sessionId } = c.get("auth");
  const { id } = c.req.valid("param");
  const { content } = c.req.valid("json");
  const conversation = await db.conversation.findFirst({ where: { id, userId }, select: { id: true } });
  if (!conversation) throw new ApiError("not_found", "No such conversation.");
  const budget = await readTokenBudget({ db, userId, limit: parseChatBudgetConfig().dailyTokenBudget });
  if (budget.used >= budget.limit) {
    c.header("Retry-After", String(Math.max(1, Math.ceil((budget.resetsAt.getTime() - Date.now()) / 1000))));
    throw new ApiError("rate_limited", `Today's AI budget of ${budget.limit} tokens is spent; it resets at midnight UTC.`);
  }
  const startedAt = new Date();
  const [userMessage, messageCount] = await db.$transaction([
    db.message.create({ data: { conversationId: id, userId, role: "USER", content, source: "WEB" }, select: { id: true, content: true } }),
    db.message.count({ where: { conversationId: id } }),
    db.conversation.update({ where: { id }, data: { updatedAt: startedAt }, select: { id: true } }),
  ]);
  const turn = { userId, sessionId, conversationId: id, userMessage, startedAt, messageCount };
  return streamSSE(c, async (stream) => {
    for await (const { event, data } of runChatTurn({ db, ai, turn, queues: c.get("queues") })) await stream.writeSSE({ event, data: JSON.stringify(data) });
  });
});
