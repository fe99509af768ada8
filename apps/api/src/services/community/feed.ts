import type { z } from "zod";

import { refreshAchievementScores } from "@cto/core/achievements";
import type { ZFeedQuerySchema } from "@cto/contracts/api/community";
import type { Db, DbExecutor } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";
import { readPage } from "../../lib/pagination.ts";

/** The only user fields another user may see: never the email. */
export const authorSelect = { select: { id: true, name: true, achievementScore: true } } as const;

/** Everything a feed entry shows besides the post: its author, counts, and whether the caller liked it. */
export const feedInclude = (userId: string) =>
  ({
    author: authorSelect,
    _count: { select: { likes: true, replies: true } },
    likes: { where: { userId }, select: { id: true } },
  }) as const;

/**
 * A post the caller may see: any published post, or one of their own drafts. Other users' drafts are
 * "not found", exactly like missing posts.
 */
export const findVisiblePost = async (db: DbExecutor, userId: string, id: string) => {
  const post = await db.post.findFirst({
    where: { id, OR: [{ status: "PUBLISHED" }, { authorId: userId }] },
    include: feedInclude(userId),
  });
  if (!post) throw notFound("post");
  return post;
};

/** Likes and replies are for published posts; your own draft has to be published first. */
export const assertPublished = (post: { status: string }) => {
  if (post.status !== "PUBLISHED") throw new ApiError("invalid_state", "Publish this post first.");
};

const ORDER = {
  published: [{ publishedAt: "desc" }, { id: "desc" }],
  created: [{ createdAt: "desc" }, { id: "desc" }],
} as const;

/** The one cross-user read: a page of every user's published posts, with author id and name only. */
export const listFeed = ({
  db,
  userId,
  query: { limit, cursor, sort, authorId },
}: {
  db: Db;
  userId: string;
  query: { limit: number; cursor?: string | undefined } & z.output<typeof ZFeedQuerySchema>;
}) =>
  // The feed is everyone's published posts: a cursor may be any of them, never a draft.
  readPage(
    { limit, cursor },
    {
      listed: (id) => db.post.findFirst({ where: { id, status: "PUBLISHED" }, select: { id: true } }),
      read: (window) =>
        db.post.findMany({
          where: { status: "PUBLISHED", authorId },
          orderBy: [...ORDER[sort]],
          include: feedInclude(userId),
          ...window,
        }),
    },
  );

export const getFeedPost = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const post = await db.post.findFirst({ where: { id, status: "PUBLISHED" }, include: feedInclude(userId) });
  if (!post) throw notFound("post");
  return post;
};

const feedPost = (db: Db, userId: string, id: string) =>
  db.post.findUniqueOrThrow({ where: { id }, include: feedInclude(userId) });

/** Likes a published post; a second like is not an error (one like per user and post). */
export const likePost = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const post = await findVisiblePost(db, userId, id);
  assertPublished(post);
  await db.like.createMany({ data: [{ userId, postId: id }], skipDuplicates: true });
  // A like is a point for the post's author.
  await refreshAchievementScores(db, [post.authorId]);
  return feedPost(db, userId, id);
};

/** Takes the user's like back (idempotent). */
export const unlikePost = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const post = await findVisiblePost(db, userId, id);
  await db.like.deleteMany({ where: { userId, postId: id } });
  await refreshAchievementScores(db, [post.authorId]);
  return feedPost(db, userId, id);
};
