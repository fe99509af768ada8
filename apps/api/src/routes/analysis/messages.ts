import { createRoute, z } from "@hono/zod-openapi";

import {
  ZAnalysisMessageFiltersSchema,
  ZAnalysisMessageSchema,
  ZCreateAnalysisMessageSchema,
  ZUpdateAnalysisMessageSchema,
} from "@cto/contracts/api/analysis";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import {
  addSessionMessage,
  deleteAnalysisMessage,
  getAnalysisMessage,
  listSessionMessages,
  updateAnalysisMessage,
} from "../../services/analysis/messages.ts";
import { depsOf } from "../deps.ts";
import { serializeMessage } from "./shared.ts";

const common = { tags: ["Analysis messages"], security: SECURITY, middleware: requireAuth };
const ZMessagesQuerySchema = ZPageQuerySchema.extend({
  cursor: z.uuid().optional().describe("nextCursor of the previous page"),
}).extend(ZAnalysisMessageFiltersSchema.shape);

/** The messages of a session, mounted under /analysis-sessions. */
export const sessionMessageRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/messages",
      summary: "List a session's messages in timestamp order (oldest first)",
      request: { params: ZIdParamsSchema, query: ZMessagesQuerySchema },
      responses: { 200: jsonContent(zPage(ZAnalysisMessageSchema), "A page of messages"), ...errorResponses(404) },
    }),
    async (c) => {
      const page = await listSessionMessages({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      });
      return c.json({ items: page.items.map(serializeMessage), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/messages",
      summary: "Add a message (user, contact or AI suggestion) to a session",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZCreateAnalysisMessageSchema } } },
      },
      responses: { 201: jsonContent(ZAnalysisMessageSchema, "Added"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const message = await addSessionMessage({
        ...depsOf(c),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(serializeMessage(message), 201);
    },
  );

/** One message by its own id, mounted at /analysis-messages. */
export const analysisMessageRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}",
      summary: "Get one of your analysis messages",
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZAnalysisMessageSchema, "Found"), ...errorResponses(404) },
    }),
    async (c) =>
      c.json(
        serializeMessage(
          await getAnalysisMessage({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...common,
      method: "patch",
      path: "/{id}",
      summary: "Change one of your analysis messages (its author stays)",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZUpdateAnalysisMessageSchema } } },
      },
      responses: { 200: jsonContent(ZAnalysisMessageSchema, "Changed"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const updated = await updateAnalysisMessage({
        ...depsOf(c),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(serializeMessage(updated), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}",
      summary: "Delete one of your analysis messages",
      request: { params: ZIdParamsSchema },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      await deleteAnalysisMessage({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );
