import { ZCreatePostSchema, ZPostFiltersSchema, ZUpdatePostSchema } from "@cto/contracts/api/community";
import type { Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { embedOnWrite } from "../embeddings.ts";
import { resourceService } from "../resource.ts";
import { findOwned } from "../rows.ts";

/** Your own posts (drafts included); others' published posts are read through the feed. */
export const postService = resourceService({
  name: "posts",
  model: (db) => db.post,
  afterWrite: [embedOnWrite("POST")],
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
});

/** Publishes one of the user's drafts (publishedAt now); 409 when it already is published. */
export const publishPost = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  await findOwned(db.post, { id, userId, owner: "authorId", noun: "post" });
  // Conditional on still being a draft, so publishedAt is stamped once even if two publishes race.
  const { count } = await db.post.updateMany({ where: { id, authorId: userId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  if (!count) throw new ApiError("invalid_state", "This post is already published.");
  return db.post.findUniqueOrThrow({ where: { id } });
};
