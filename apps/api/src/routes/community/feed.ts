import { createRoute, z } from "@hono/zod-openapi";

import { ZFeedPostSchema, ZFeedQuerySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { readPage } from "../../lib/pagination.ts";
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
      // The feed is everyone's published posts: a cursor may be any of them, never a draft.
      const page = await readPage({ limit, cursor }, {
        listed: (id) => db.post.findFirst({ where: { id, status: "PUBLISHED" }, select: { id: true } }),
        read: (window) => db.post.findMany({ where: { status: "PUBLISHED", authorId }, orderBy: [...ORDER[sort]], include: feedInclude(c.get("auth").userId), ...window }),
      });
      return c.json({ items: page.items.map(serializeFeedPost), nextCursor: page.nextCursor }, 200);
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
