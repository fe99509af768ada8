import { createRoute, z } from "@hono/zod-openapi";

import type { Db } from "@cto/db/client";
import { ZCreateMessageSchema, ZMessageSchema } from "@cto/contracts/api/coaching";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { Message } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { readPage } from "../../lib/pagination.ts";
import { requireAuth } from "../../middleware/auth.ts";

const common = { tags: ["Messages"], security: SECURITY, middleware: requireAuth };
const ZMessageParamsSchema = ZIdParamsSchema.extend({ messageId: z.uuid().openapi({ param: { name: "messageId", in: "path" } }) });
const serialize = (row: Record<string, unknown>) => toApiRow(Message, row, ["userId"]);

/** Messages are reached through their conversation, so the conversation's owner is the messages' owner. */
const assertConversation = async (db: Db, userId: string, id: string) => {
  const found = await db.conversation.findFirst({ where: { id, userId }, select: { id: true } });
  if (!found) throw new ApiError("not_found", "No such conversation.");
};
const findMessage = async (db: Db, userId: string, { id, messageId }: { id: string; messageId: string }) => {
  const message = await db.message.findFirst({ where: { id: messageId, conversationId: id, conversation: { userId } } });
  if (!message) throw new ApiError("not_found", "No such message.");
  return message;
};

export const messageRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}/messages", summary: "List a conversation's messages, oldest first", request: { params: ZIdParamsSchema, query: ZPageQuerySchema }, responses: { 200: jsonContent(zPage(ZMessageSchema), "A page of messages in order"), ...errorResponses(404) } }),
    async (c) => {
      const db = c.get("db");
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const { userId } = c.get("auth");
      // Ownership rides along in the page query; only an empty first page needs to tell "none yet" from "not yours",
      // and a cursor is checked only once the conversation is known to be yours (another's answers 404, not 400).
      if (query.cursor) await assertConversation(db, userId, id);
      const scope = { conversationId: id, conversation: { userId } };
      const page = await readPage(query, {
        listed: (cursor) => db.message.findFirst({ where: { ...scope, id: cursor }, select: { id: true } }),
        read: (window) => db.message.findMany({ where: scope, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...window }),
      });
      if (page.items.length === 0 && !query.cursor) await assertConversation(db, userId, id);
      return c.json({ items: page.items.map(serialize), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "post", path: "/{id}/messages", summary: "Write a message (as the user) in a conversation", request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZCreateMessageSchema } } } }, responses: { 201: jsonContent(ZMessageSchema, "Created"), ...errorResponses(403, 404, 415) } }),
    async (c) => {
      const db = c.get("db");
      const { userId } = c.get("auth");
      const { id } = c.req.valid("param");
      const { content, source, metadata } = c.req.valid("json");
      await assertConversation(db, userId, id);
      // The new message makes the conversation the most recently active one.
      const [message] = await db.$transaction([
        db.message.create({ data: { conversationId: id, userId, role: "USER", content, ...(source ? { source } : {}), ...(metadata ? { metadata: metadata as object } : {}) } }),
        db.conversation.update({ where: { id }, data: { updatedAt: new Date() }, select: { id: true } }),
      ]);
      await syncEmbeddings({ c, db, userId, ownerKind: "MESSAGE", ownerIds: [message.id], event: "create" });
      return c.json(serialize(message), 201);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}/messages/{messageId}", summary: "Get one message of a conversation", request: { params: ZMessageParamsSchema }, responses: { 200: jsonContent(ZMessageSchema, "Found"), ...errorResponses(404) } }),
    async (c) => c.json(serialize(await findMessage(c.get("db"), c.get("auth").userId, c.req.valid("param"))), 200),
  )
  .openapi(
    createRoute({ ...common, method: "delete", path: "/{id}/messages/{messageId}", summary: "Delete one message of a conversation", request: { params: ZMessageParamsSchema }, responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) } }),
    async (c) => {
      const db = c.get("db");
      const message = await findMessage(db, c.get("auth").userId, c.req.valid("param"));
      await db.message.delete({ where: { id: message.id } });
      return c.body(null, 204);
    },
  );
