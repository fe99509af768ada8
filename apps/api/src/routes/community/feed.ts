import { createRoute, z } from "@hono/zod-openapi";

import { ZFeedPostSchema, ZFeedQuerySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { feedInclude, serializeFeedPost } from "./shared.ts";

const common = { tags: ["Feed"], security: SECURITY, middleware: requireAuth };
const ZQuerySchema = ZPageQuerySchema.extend({ cursor: z.uuid().optional().describe("nextCursor of the previous page") }).extend(ZFeedQuerySchema.shape);
const ORDER = { published: [{ publishedAt: "desc" }, { id: "desc" }], created: [{ createdAt: "desc" }, { id: "desc" }] } as const;

/** The one cross-user read: every user's published posts, with author id and name only. */
export const feedRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/", summary: "The community feed: published posts of all users, newest first", request: { query: ZQuerySchema }, responses: { 200: jsonContent(zPage(ZFeedPostSchema), "A page of the feed"), ...errorResponses() } }),
    async (c) => {
      const db = c.get("db");
      const { limit, cursor, sort, authorId } = c.req.valid("query");
      const rows = await db.post.findMany({
        where: { status: "PUBLISHED", authorId },
        orderBy: [...ORDER[sort]],
        take: limit + 1,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        include: feedInclude(c.get("auth").userId),
      });
      const page = rows.slice(0, limit);
      return c.json({ items: page.map(serializeFeedPost), nextCursor: rows.length > limit ? page.at(-1)!.id : null }, 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}", summary: "One published post of the feed", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZFeedPostSchema, "Found"), ...errorResponses(404) } }),
    async (c) => {
      const post = await c.get("db").post.findFirst({ where: { id: c.req.valid("param").id, status: "PUBLISHED" }, include: feedInclude(c.get("auth").userId) });
      if (!post) throw new ApiError("not_found", "No such post.");
      return c.json(serializeFeedPost(post), 200);
    },
  );
