import { ZCreatePostSchema, ZPostFiltersSchema, ZUpdatePostSchema } from "@cto/contracts/api/community";
import type { Db } from "@cto/db/client";

import { refreshAchievementScores } from "@cto/core/achievements";

import { scoreOnWrite } from "../achievements.ts";
import { embedOnWrite } from "../embeddings.ts";
import { resourceService } from "../resource.ts";
import { transitionOwned } from "../rows.ts";

/** Your own posts (drafts included); others' published posts are read through the feed. */
export const postService = resourceService({
  name: "posts",
  model: (db) => db.post,
  afterWrite: [embedOnWrite("POST"), scoreOnWrite((post) => post.status === "PUBLISHED")],
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
// Conditional on still being a draft (transitionOwned), so publishedAt is stamped once even if two publishes race.
export const publishPost = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const post = await transitionOwned(
    db.post,
    { id, userId, owner: "authorId", noun: "post" },
    {
      from: ["DRAFT"],
      data: { status: "PUBLISHED", publishedAt: new Date() },
      refusal: () => "This post is already published.",
    },
  );
  await refreshAchievementScores(db, [userId]);
  return post;
};
