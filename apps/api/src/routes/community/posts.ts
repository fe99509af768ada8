import { createRoute } from "@hono/zod-openapi";

import { ZPostSchema } from "@cto/contracts/api/community";
import { toApiRow } from "@cto/contracts/rows";
import { Post } from "@cto/contracts/tables";

import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { postService, publishPost } from "../../services/community/posts.ts";
import { resourceRoutes } from "../resource.ts";

/** Your own posts (drafts included); others' published posts are read through /feed. */
export const postRoutes = resourceRoutes({ service: postService, tag: "Posts", table: Post }).openapi(
  createRoute({
    method: "post",
    path: "/{id}/publish",
    tags: ["Posts"],
    summary: "Publish one of your drafts (publishedAt now)",
    security: SECURITY,
    middleware: requireAuth,
    request: { params: ZIdParamsSchema },
    responses: { 200: jsonContent(ZPostSchema, "Published"), ...errorResponses(403, 404, 409) },
  }),
  async (c) => {
    const post = await publishPost({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
    return c.json(toApiRow(Post, post, ["authorId"]), 200);
  },
);
