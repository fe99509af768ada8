import { createRoute } from "@hono/zod-openapi";

import { ZCreatePostSchema, ZPostFiltersSchema, ZPostSchema, ZUpdatePostSchema } from "@cto/contracts/api/community";
import { toApiRow } from "@cto/contracts/rows";
import { Post } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { embedOnWrite } from "../../lib/embedding-hooks.ts";
import { resourceRoutes } from "../../lib/resource.ts";
import { requireAuth } from "../../middleware/auth.ts";

/** Your own posts (drafts included); others' published posts are read through /feed. */
export const postRoutes = resourceRoutes({
  name: "posts",
  tag: "Posts",
  model: (db) => db.post,
  afterWrite: [embedOnWrite("POST")],
  table: Post,
  owner: "authorId",
  create: ZCreatePostSchema,
  update: ZUpdatePostSchema,
  filters: ZPostFiltersSchema,
  where: ({ status }) => ({ status }),
  sorts: { created: [{ createdAt: "desc" }], updated: [{ updatedAt: "desc" }] },
  // The database requires publishedAt on a published post; going back to draft clears it.
  toData: (input, mode) => {
    if (mode === "create" && input.status === "PUBLISHED") return { ...input, publishedAt: new Date() };
    if (mode === "update" && input.status === "DRAFT") return { ...input, publishedAt: null };
    return input;
  },
}).openapi(
  createRoute({ method: "post", path: "/{id}/publish", tags: ["Posts"], summary: "Publish one of your drafts (publishedAt now)", security: SECURITY, middleware: requireAuth, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZPostSchema, "Published"), ...errorResponses(403, 404, 409) } }),
  async (c) => {
    const db = c.get("db");
    const { id } = c.req.valid("param");
    const authorId = c.get("auth").userId;
    const post = await db.post.findFirst({ where: { id, authorId }, select: { status: true } });
    if (!post) throw new ApiError("not_found", "No such post.");
    // Conditional on still being a draft, so publishedAt is stamped once even if two publishes race.
    const { count } = await db.post.updateMany({ where: { id, authorId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    if (!count) throw new ApiError("invalid_state", "This post is already published.");
    return c.json(toApiRow(Post, await db.post.findUniqueOrThrow({ where: { id } }), ["authorId"]), 200);
  },
);
