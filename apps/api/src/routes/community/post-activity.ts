import { createRoute, z } from "@hono/zod-openapi";

import { ZCreateReplySchema, ZFeedPostSchema, ZReplySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { readPage } from "../../lib/pagination.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { assertPublished, authorSelect, feedInclude, findVisiblePost, serializeFeedPost, serializeReply } from "./shared.ts";

const common = { tags: ["Feed"], security: SECURITY, middleware: requireAuth };
const ZRepliesQuerySchema = ZPageQuerySchema.extend({ cursor: z.uuid().optional().describe("nextCursor of the previous page") });

/** Likes and replies on any published post, mounted under /posts. */
export const postActivityRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "put", path: "/{id}/like", summary: "Like a published post (idempotent)", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZFeedPostSchema, "Liked"), ...errorResponses(403, 404, 409) } }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      assertPublished(await findVisiblePost(db, userId, id));
      // skipDuplicates: one like per (user, post), and a second like is not an error.
      await db.like.createMany({ data: [{ userId, postId: id }], skipDuplicates: true });
      return c.json(serializeFeedPost(await db.post.findUniqueOrThrow({ where: { id }, include: feedInclude(userId) })), 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "delete", path: "/{id}/like", summary: "Take your like back (idempotent)", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZFeedPostSchema, "Unliked"), ...errorResponses(403, 404) } }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      await findVisiblePost(db, userId, id);
      await db.like.deleteMany({ where: { userId, postId: id } });
      return c.json(serializeFeedPost(await db.post.findUniqueOrThrow({ where: { id }, include: feedInclude(userId) })), 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}/replies", summary: "List a post's replies, oldest first", request: { params: ZIdParamsSchema, query: ZRepliesQuerySchema }, responses: { 200: jsonContent(zPage(ZReplySchema), "A page of replies"), ...errorResponses(404) } }),
    async (c) => {
      const db = c.get("db");
      const { id } = c.req.valid("param");
      const { limit, cursor } = c.req.valid("query");
      await findVisiblePost(db, c.get("auth").userId, id);
      const page = await readPage({ limit, cursor }, {
        listed: (row) => db.reply.findFirst({ where: { id: row, postId: id }, select: { id: true } }),
        read: (window) => db.reply.findMany({ where: { postId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: authorSelect }, ...window }),
      });
      return c.json({ items: page.items.map(serializeReply), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "post", path: "/{id}/replies", summary: "Reply to a published post",
      request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZCreateReplySchema } } } },
      responses: { 201: jsonContent(ZReplySchema, "Replied"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const authorId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      assertPublished(await findVisiblePost(db, authorId, id));
      const reply = await db.reply.create({ data: { ...c.req.valid("json"), postId: id, authorId }, include: { author: authorSelect } });
      await syncEmbeddings({ c, db, userId: authorId, ownerKind: "REPLY", ownerIds: [reply.id], event: "create" });
      return c.json(serializeReply(reply), 201);
    },
  );
