import { createRoute, z } from "@hono/zod-openapi";

import { ZCreateReplySchema, ZFeedPostSchema, ZReplySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { likePost, unlikePost } from "../../services/community/feed.ts";
import { listReplies, replyToPost } from "../../services/community/replies.ts";
import { depsOf } from "../deps.ts";
import { serializeFeedPost, serializeReply } from "./shared.ts";

const common = { tags: ["Feed"], security: SECURITY, middleware: requireAuth };
const ZRepliesQuerySchema = ZPageQuerySchema.extend({
  cursor: z.uuid().optional().describe("nextCursor of the previous page"),
});

/** Likes and replies on any published post, mounted under /posts. */
export const postActivityRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "put",
      path: "/{id}/like",
      summary: "Like a published post (idempotent)",
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZFeedPostSchema, "Liked"), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      return c.json(
        serializeFeedPost(
          await likePost({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id }),
        ),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}/like",
      summary: "Take your like back (idempotent)",
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZFeedPostSchema, "Unliked"), ...errorResponses(403, 404) },
    }),
    async (c) => {
      return c.json(
        serializeFeedPost(
          await unlikePost({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id }),
        ),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/replies",
      summary: "List a post's replies, oldest first",
      request: { params: ZIdParamsSchema, query: ZRepliesQuerySchema },
      responses: { 200: jsonContent(zPage(ZReplySchema), "A page of replies"), ...errorResponses(404) },
    }),
    async (c) => {
      const page = await listReplies({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      });
      return c.json({ items: page.items.map(serializeReply), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/replies",
      summary: "Reply to a published post",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZCreateReplySchema } } },
      },
      responses: { 201: jsonContent(ZReplySchema, "Replied"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const reply = await replyToPost({
        ...depsOf(c),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(serializeReply(reply), 201);
    },
  );
