import { createRoute, z } from "@hono/zod-openapi";

import { ZFeedPostSchema, ZFeedQuerySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { getFeedPost, listFeed } from "../../services/community/feed.ts";
import { serializeFeedPost } from "./shared.ts";

const common = { tags: ["Feed"], security: SECURITY, middleware: requireAuth };
const ZQuerySchema = ZPageQuerySchema.extend({
  cursor: z.uuid().optional().describe("nextCursor of the previous page"),
}).extend(ZFeedQuerySchema.shape);

/** The one cross-user read: every user's published posts, with author id and name only. */
export const feedRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "The community feed: published posts of all users, newest first",
      request: { query: ZQuerySchema },
      responses: { 200: jsonContent(zPage(ZFeedPostSchema), "A page of the feed"), ...errorResponses() },
    }),
    async (c) => {
      const page = await listFeed({ db: c.get("db"), userId: c.get("auth").userId, query: c.req.valid("query") });
      return c.json({ items: page.items.map(serializeFeedPost), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}",
      summary: "One published post of the feed",
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZFeedPostSchema, "Found"), ...errorResponses(404) },
    }),
    async (c) => {
      const post = await getFeedPost({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
      return c.json(serializeFeedPost(post), 200);
    },
  );
