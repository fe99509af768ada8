import { createRoute, z } from "@hono/zod-openapi";

import {
  ZAnalysisCollectionParamsSchema,
  ZAnalysisCollectionsSchema,
  ZAnalysisMessageSchema,
} from "@cto/contracts/api/analysis";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { listCollectionMessages, listCollections } from "../../services/analysis/collections.ts";
import { serializeMessage } from "./shared.ts";

const common = { tags: ["Analysis messages"], security: SECURITY, middleware: requireAuth };

/** Bookmark collections across the caller's sessions, mounted at /analysis-collections. */
export const collectionRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "List your bookmark collections (the collectionIds on your analysis messages) with their sizes",
      responses: { 200: jsonContent(ZAnalysisCollectionsSchema, "Your collections, by id"), ...errorResponses() },
    }),
    async (c) => c.json({ items: await listCollections({ db: c.get("db"), userId: c.get("auth").userId }) }, 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{collectionId}/messages",
      summary: "List your analysis messages in one collection, across your sessions, newest first",
      request: {
        params: ZAnalysisCollectionParamsSchema,
        query: ZPageQuerySchema.extend({ cursor: z.uuid().optional().describe("nextCursor of the previous page") }),
      },
      responses: {
        200: jsonContent(zPage(ZAnalysisMessageSchema), "A page of messages; empty for an unknown collection"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const page = await listCollectionMessages({
        db: c.get("db"),
        userId: c.get("auth").userId,
        collectionId: c.req.valid("param").collectionId,
        query: c.req.valid("query"),
      });
      return c.json({ items: page.items.map(serializeMessage), nextCursor: page.nextCursor }, 200);
    },
  );
