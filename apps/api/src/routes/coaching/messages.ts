import { createRoute, z } from "@hono/zod-openapi";

import { ZCreateMessageSchema, ZMessageSchema } from "@cto/contracts/api/coaching";
import { ZMessageWithAiResponseSchema } from "@cto/contracts/api/profile";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { Message } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import {
  callerSource,
  deleteMessage,
  getMessage,
  listApiMessages,
  writeMessage,
} from "../../services/coaching/messages.ts";
import { listMessagesWithAiResponses } from "../../services/coaching/transcript.ts";
import { depsOf } from "../deps.ts";

const common = { tags: ["Messages"], security: SECURITY, middleware: requireAuth };
const ZMessageParamsSchema = ZIdParamsSchema.extend({
  messageId: z.uuid().openapi({ param: { name: "messageId", in: "path" } }),
});
const serialize = (row: Record<string, unknown>) => toApiRow(Message, row, ["userId"]);

export const messageRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/messages",
      summary: "List a conversation's messages, oldest first",
      request: { params: ZIdParamsSchema, query: ZPageQuerySchema },
      responses: { 200: jsonContent(zPage(ZMessageSchema), "A page of messages in order"), ...errorResponses(404) },
    }),
    async (c) => {
      const page = await listApiMessages({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/transcript",
      summary:
        "List a conversation's messages, oldest first, each with its AI response's model, tokens, cost and latency",
      request: { params: ZIdParamsSchema, query: ZPageQuerySchema },
      responses: {
        200: jsonContent(zPage(ZMessageWithAiResponseSchema), "A page of messages in order, with their AI responses"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const page = await listMessagesWithAiResponses({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      });
      const items = page.items.map(({ message, aiResponse }) => ({ ...serialize(message), aiResponse }));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/messages",
      summary: "Write a message (as the user) in a conversation",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZCreateMessageSchema } } },
      },
      responses: { 201: jsonContent(ZMessageSchema, "Created"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const message = await writeMessage({
        ...depsOf(c),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        callerSource: callerSource(c.get("auth").via),
        input: c.req.valid("json"),
      });
      return c.json(serialize(message), 201);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/messages/{messageId}",
      summary: "Get one message of a conversation",
      request: { params: ZMessageParamsSchema },
      responses: { 200: jsonContent(ZMessageSchema, "Found"), ...errorResponses(404) },
    }),
    async (c) =>
      c.json(
        serialize(await getMessage({ db: c.get("db"), userId: c.get("auth").userId, ...c.req.valid("param") })),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}/messages/{messageId}",
      summary: "Delete one message of a conversation",
      request: { params: ZMessageParamsSchema },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      await deleteMessage({ db: c.get("db"), userId: c.get("auth").userId, ...c.req.valid("param") });
      return c.body(null, 204);
    },
  );
