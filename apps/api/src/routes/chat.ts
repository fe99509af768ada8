import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";

import {
  ZChatChooseBranchRequestSchema,
  ZChatChooseBranchResponseSchema,
  ZChatChooseReplyRequestSchema,
  ZChatChooseReplyResponseSchema,
  ZChatDoneEventSchema,
  ZChatEditRequestSchema,
  ZChatRegenerateRequestSchema,
  ZChatRequestSchema,
  ZChatRetryRequestSchema,
  ZChatStopRequestSchema,
  ZChatStopResponseSchema,
  ZChatStreamSchema,
} from "@cto/contracts/api/chat";
import { toApiRow } from "@cto/contracts/rows";
import { Message } from "@cto/contracts/tables";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import type { TLease } from "../lib/leases.ts";
import { createRouter, errorResponses, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { readTokenBudget } from "../services/chat/budget.ts";
import type { TTurn } from "../services/chat/record.ts";
import { chooseBranch, startEditTurn } from "../services/chat/edit.ts";
import { chooseReply, claimRegenerate } from "../services/chat/regenerate.ts";
import { claimRetry, startChatTurn } from "../services/chat/start.ts";
import { replyToStop } from "../services/chat/stop.ts";
import { callerSource } from "../services/coaching/messages.ts";
import { runChatTurn } from "../services/chat/turn.ts";

const EVENTS = [
  "Events: `user_message` `{ message }` (the user's message as stored), `delta` `{ text }` (pieces of the reply, in order),",
  "then `done` (" +
    Object.keys(ZChatDoneEventSchema.shape).join(", ") +
    ") or `error` `{ code, message, messageId, retryable }`.",
  'After an `error` the message is kept once, its `metadata.reply` is `{ status: "failed", code, message }`, and POST /conversations/{id}/chat/retry runs the reply again.',
  "A reply the user stops (the client aborts the stream, or POST /conversations/{id}/chat/stop) is stored with what streamed, its `metadata.stopped` true, and the stream (if still read) ends with `done`.",
  "The daily token budget (AI_DAILY_TOKEN_BUDGET, per user and UTC day) answers 429 before any model call once spent; it counts successful replies only, so a failed reply costs nothing.",
].join(" ");

const streamResponse = {
  description: "A server-sent event stream: user_message, delta events, then done or error",
  content: { "text/event-stream": { schema: ZChatStreamSchema } },
};

/** A POST on one conversation (its id in the path) with a JSON body, for the signed-in user: every chat route's shape. */
const chatPost = <P extends string, B extends ZodType, R extends RouteConfig["responses"]>({
  body,
  ...route
}: {
  path: P;
  summary: string;
  description: string;
  body: B;
  responses: R;
}) =>
  createRoute({
    ...route,
    method: "post",
    tags: ["Chat"],
    security: SECURITY,
    middleware: requireAuth,
    request: {
      params: ZIdParamsSchema,
      body: { required: true, content: { "application/json": { schema: body } } },
    },
  });

const chatRoute = chatPost({
  path: "/conversations/{id}/chat",
  summary: "Send a message to the coach and stream its reply (server-sent events)",
  description: `Stores the user's message, retrieves the user's most relevant memory and knowledge, and streams the reply. ${EVENTS}`,
  body: ZChatRequestSchema,
  responses: { 200: streamResponse, ...errorResponses(403, 404, 415, 429) },
});

const retryRoute = chatPost({
  path: "/conversations/{id}/chat/retry",
  summary: "Run the coach's reply again for a message whose reply failed (server-sent events)",
  description: [
    "For the conversation's latest user message whose reply failed (`metadata.reply.status` is `failed`). The message is not stored again;",
    "tool calls an earlier attempt completed are not repeated. 409 (invalid_state) when the message has a reply, is still being answered or is not the latest.",
    EVENTS,
  ].join(" "),
  body: ZChatRetryRequestSchema,
  responses: { 200: streamResponse, ...errorResponses(403, 404, 409, 415, 429) },
});

const stopRoute = chatPost({
  path: "/conversations/{id}/chat/stop",
  summary: "Stop the reply being written to a message, through whichever API instance writes it",
  description: [
    "The reply stops within a fraction of a second and is stored with what streamed so far (`metadata.stopped`), its user message's",
    "`metadata.reply` answered with `stopped: true`. Closing the stream stops it too. 409 (invalid_state) when the message's reply is not being written.",
  ].join(" "),
  body: ZChatStopRequestSchema,
  responses: {
    202: {
      description: "The stop was asked for",
      content: { "application/json": { schema: ZChatStopResponseSchema } },
    },
    ...errorResponses(403, 404, 409, 415),
  },
});

const regenerateRoute = chatPost({
  path: "/conversations/{id}/chat/regenerate",
  summary:
    "Write the reply to the latest message again, keeping the earlier reply as an alternative (server-sent events)",
  description: [
    "For the conversation's latest user message whose reply is answered (or stopped). The earlier reply stays stored; the new one becomes",
    "the message's `metadata.reply.messageId`, the reply the thread shows and the coach reads. POST /conversations/{id}/chat/choose flips back.",
    "409 (invalid_state) when the message is not the latest, has no reply yet or is being answered.",
    EVENTS,
  ].join(" "),
  body: ZChatRegenerateRequestSchema,
  responses: { 200: streamResponse, ...errorResponses(403, 404, 409, 415, 429) },
});

const chooseRoute = chatPost({
  path: "/conversations/{id}/chat/choose",
  summary: "Choose which of the coach's replies to a message the thread shows and the coach reads",
  description:
    "The coach's replies to a user message (until the next one) are alternatives of each other; `replyId` becomes the message's `metadata.reply.messageId`. 404 unless the reply answers that message; 409 while a reply to it is being written.",
  body: ZChatChooseReplyRequestSchema,
  responses: {
    200: {
      description: "The reply chosen",
      content: { "application/json": { schema: ZChatChooseReplyResponseSchema } },
    },
    ...errorResponses(403, 404, 409, 415),
  },
});

const editRoute = chatPost({
  path: "/conversations/{id}/chat/edit",
  summary: "Edit one of the user's messages and stream the coach's reply to the edited text (server-sent events)",
  description: [
    "Stores the edited text as a new version of the message `messageId` and makes it current: the thread and the coach's prompt",
    "continue from it. The earlier version, its replies and every message after it stay stored as a branch; POST /conversations/{id}/chat/branch",
    "flips back. Versions of one message share `metadata.parentId` (the user message before them); `metadata.chosenAt` says which is current.",
    "400 for a message of the coach's or a blank text, 404 for a message that is not the user's, 409 (invalid_state) while a reply in the conversation is being written.",
    EVENTS,
  ].join(" "),
  body: ZChatEditRequestSchema,
  responses: { 200: streamResponse, ...errorResponses(403, 404, 409, 415, 429) },
});

const branchRoute = chatPost({
  path: "/conversations/{id}/chat/branch",
  summary: "Choose which version of an edited message, with the branch after it, the thread shows and the coach reads",
  description:
    "`messageId` (one version of a user message, see POST /conversations/{id}/chat/edit) becomes current, with the versions above it. 404 unless it is the user's own message in this conversation; 409 while a reply in the conversation is being written.",
  body: ZChatChooseBranchRequestSchema,
  responses: {
    200: {
      description: "The version chosen",
      content: { "application/json": { schema: ZChatChooseBranchResponseSchema } },
    },
    ...errorResponses(403, 404, 409, 415),
  },
});

/** 429 with Retry-After once the user's daily token budget is spent: checked before anything is stored or claimed. */
const requireBudget = async (c: Context<AppEnv>, userId: string) => {
  const budget = await readTokenBudget({ db: c.get("db"), userId, limit: c.get("config").chatTokenBudget });
  if (budget.used < budget.limit) return;
  c.header("Retry-After", String(Math.max(1, Math.ceil((budget.resetsAt.getTime() - Date.now()) / 1000))));
  throw new ApiError(
    "rate_limited",
    `Today's AI budget of ${budget.limit} tokens is spent; it resets at midnight UTC.`,
  );
};

/** The lease a reply's turn holds while it runs, so another instance can tell when its process died. */
const replyLease = (messageId: string) => `chat-reply:${messageId}`;

const streamTurn = (c: Context<AppEnv>, message: Parameters<typeof toApiRow>[1], turn: TTurn, lease: TLease | null) =>
  streamSSE(c, async (stream) => {
    // Stopped by the user: through the stop route (on any instance), or by closing the stream.
    const stop = c.get("leases").watchStop(replyLease(turn.userMessage.id));
    const clientGone = new AbortController();
    stream.onAbort(() => clientGone.abort());
    try {
      await stream.writeSSE({
        event: "user_message",
        data: JSON.stringify({ message: toApiRow(Message, message, ["userId"]) }),
      });
      for await (const { event, data } of runChatTurn({
        db: c.get("db"),
        ai: c.get("ai"),
        turn,
        queues: c.get("queues"),
        sharedCache: c.get("sharedCache"),
        signal: AbortSignal.any([stop.signal, clientGone.signal]),
      }))
        await stream.writeSSE({ event, data: JSON.stringify(data) });
    } finally {
      stop.end();
      await lease?.release();
    }
  });

export const chatRoutes = createRouter()
  .openapi(chatRoute, async (c) => {
    const { userId, sessionId, via } = c.get("auth");
    await requireBudget(c, userId);
    const { message, turn } = await startChatTurn({
      db: c.get("db"),
      userId,
      sessionId,
      conversationId: c.req.valid("param").id,
      content: c.req.valid("json").content,
      source: callerSource(via),
    });
    return streamTurn(c, message, turn, await c.get("leases").hold(replyLease(message.id)));
  })
  .openapi(retryRoute, async (c) => {
    const { userId, sessionId } = c.get("auth");
    await requireBudget(c, userId);
    const { messageId } = c.req.valid("json");
    // Taking the reply's lease means no live process is writing it: a reply still pending then was cut
    // off with its instance, and is retried now rather than after STALE_REPLY_MS.
    const leases = c.get("leases");
    const lease = await leases.hold(replyLease(messageId));
    try {
      const cutOffBefore = lease ? Date.now() - leases.ttlMs : undefined;
      const { message, turn } = await claimRetry({
        db: c.get("db"),
        userId,
        sessionId,
        conversationId: c.req.valid("param").id,
        messageId,
        cutOffBefore,
      });
      return streamTurn(c, message, turn, lease);
    } catch (error) {
      await lease?.release();
      throw error;
    }
  })
  .openapi(stopRoute, async (c) => {
    const { messageId } = await replyToStop({
      db: c.get("db"),
      userId: c.get("auth").userId,
      conversationId: c.req.valid("param").id,
      messageId: c.req.valid("json").messageId,
    });
    const delivered = await c.get("leases").requestStop(replyLease(messageId));
    return c.json({ messageId, delivered }, 202);
  })
  .openapi(regenerateRoute, async (c) => {
    const { userId, sessionId } = c.get("auth");
    await requireBudget(c, userId);
    const { messageId } = c.req.valid("json");
    const { message, turn } = await claimRegenerate({
      db: c.get("db"),
      userId,
      sessionId,
      conversationId: c.req.valid("param").id,
      messageId,
    });
    return streamTurn(c, message, turn, await c.get("leases").hold(replyLease(message.id)));
  })
  .openapi(chooseRoute, async (c) => {
    const { messageId, replyId } = c.req.valid("json");
    const chosen = await chooseReply({
      db: c.get("db"),
      userId: c.get("auth").userId,
      conversationId: c.req.valid("param").id,
      messageId,
      replyId,
    });
    return c.json(chosen, 200);
  })
  .openapi(editRoute, async (c) => {
    const { userId, sessionId, via } = c.get("auth");
    await requireBudget(c, userId);
    const { messageId, content } = c.req.valid("json");
    const { message, turn } = await startEditTurn({
      db: c.get("db"),
      userId,
      sessionId,
      conversationId: c.req.valid("param").id,
      messageId,
      content,
      source: callerSource(via),
    });
    return streamTurn(c, message, turn, await c.get("leases").hold(replyLease(message.id)));
  })
  .openapi(branchRoute, async (c) => {
    const chosen = await chooseBranch({
      db: c.get("db"),
      userId: c.get("auth").userId,
      conversationId: c.req.valid("param").id,
      messageId: c.req.valid("json").messageId,
    });
    return c.json(chosen, 200);
  });
