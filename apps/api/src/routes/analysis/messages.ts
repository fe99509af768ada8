import { createRoute, z } from "@hono/zod-openapi";

import { ZAnalysisMessageFiltersSchema, ZAnalysisMessageSchema, ZCreateAnalysisMessageSchema, ZUpdateAnalysisMessageSchema } from "@cto/contracts/api/analysis";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { readPage } from "../../lib/pagination.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { findOwnedMessage, findOwnedSession, serializeMessage, touchSession, withInteractions } from "./shared.ts";

const common = { tags: ["Analysis messages"], security: SECURITY, middleware: requireAuth };
const ZMessagesQuerySchema = ZPageQuerySchema.extend({ cursor: z.uuid().optional().describe("nextCursor of the previous page") }).extend(ZAnalysisMessageFiltersSchema.shape);

/** The messages of a session, mounted under /analysis-sessions. */
export const sessionMessageRoutes = createRouter()
  .openapi(
    createRoute({
      ...common, method: "get", path: "/{id}/messages", summary: "List a session's messages in timestamp order (oldest first)",
      request: { params: ZIdParamsSchema, query: ZMessagesQuerySchema },
      responses: { 200: jsonContent(zPage(ZAnalysisMessageSchema), "A page of messages"), ...errorResponses(404) },
    }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      const { limit, cursor, author } = c.req.valid("query");
      await findOwnedSession(db, userId, id);
      const page = await readPage({ limit, cursor }, {
        listed: (row) => db.analysisMessage.findFirst({ where: { id: row, analysisSessionId: id }, select: { id: true } }),
        read: (window) =>
          db.analysisMessage.findMany({ where: { analysisSessionId: id, author }, orderBy: [{ timestamp: "asc" }, { id: "asc" }], include: withInteractions(userId), ...window }),
      });
      return c.json({ items: page.items.map(serializeMessage), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "post", path: "/{id}/messages", summary: "Add a message (user, contact or AI suggestion) to a session",
      request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZCreateAnalysisMessageSchema } } } },
      responses: { 201: jsonContent(ZAnalysisMessageSchema, "Added"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      await findOwnedSession(db, userId, id);
      const message = await db.$transaction(async (tx) => {
        const created = await tx.analysisMessage.create({ data: { ...input, analysisSessionId: id }, include: withInteractions(userId) });
        await touchSession(tx, id);
        return created;
      });
      await syncEmbeddings({ c, db, userId, ownerKind: "ANALYSIS_MESSAGE", ownerIds: [message.id], event: "create" });
      return c.json(serializeMessage(message), 201);
    },
  );

/** One message by its own id, mounted at /analysis-messages. */
export const analysisMessageRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}", summary: "Get one of your analysis messages", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZAnalysisMessageSchema, "Found"), ...errorResponses(404) } }),
    async (c) => c.json(serializeMessage(await findOwnedMessage(c.get("db"), c.get("auth").userId, c.req.valid("param").id)), 200),
  )
  .openapi(
    createRoute({
      ...common, method: "patch", path: "/{id}", summary: "Change one of your analysis messages (its author stays)",
      request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZUpdateAnalysisMessageSchema } } } },
      responses: { 200: jsonContent(ZAnalysisMessageSchema, "Changed"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      await findOwnedMessage(db, userId, id);
      const updated = await db.analysisMessage.update({ where: { id }, data: c.req.valid("json"), include: withInteractions(userId) });
      await syncEmbeddings({ c, db, userId, ownerKind: "ANALYSIS_MESSAGE", ownerIds: [id], event: "update" });
      return c.json(serializeMessage(updated), 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "delete", path: "/{id}", summary: "Delete one of your analysis messages", request: { params: ZIdParamsSchema }, responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) } }),
    async (c) => {
      const db = c.get("db");
      const { id } = c.req.valid("param");
      await findOwnedMessage(db, c.get("auth").userId, id);
      await db.analysisMessage.delete({ where: { id } });
      return c.body(null, 204);
    },
  );
