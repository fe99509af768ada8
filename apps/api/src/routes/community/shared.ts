import { toApiRow } from "@cto/contracts/rows";
import { Post, Reply } from "@cto/contracts/tables";
import type { DbExecutor, Post as TPostRow, Reply as TReplyRow } from "@cto/db/client";

import { ApiError } from "../../errors.ts";

/** The only user fields another user may see: never the email. */
export const authorSelect = { select: { id: true, name: true } } as const;
type TAuthor = { id: string; name: string | null };

/** Everything a feed entry shows besides the post: its author, counts, and whether the caller liked it. */
export const feedInclude = (userId: string) =>
  ({ author: authorSelect, _count: { select: { likes: true, replies: true } }, likes: { where: { userId }, select: { id: true } } }) as const;

type TFeedRow = TPostRow & { author: TAuthor; _count: { likes: number; replies: number }; likes: { id: string }[] };

export const serializeFeedPost = ({ author, _count, likes, ...post }: TFeedRow) => ({
  ...toApiRow(Post, post, ["authorId"]),
  author,
  likeCount: _count.likes,
  replyCount: _count.replies,
  likedByMe: likes.length > 0,
});

export const serializeReply = ({ author, ...reply }: TReplyRow & { author: TAuthor }) => ({ ...toApiRow(Reply, reply, ["authorId"]), author });

/**
 * A post the caller may see: any published post, or one of their own drafts. Other users' drafts are
 * "not found", exactly like missing posts.
 */
export const findVisiblePost = async (db: DbExecutor, userId: string, id: string) => {
  const post = await db.post.findFirst({ where: { id, OR: [{ status: "PUBLISHED" }, { authorId: userId }] }, include: feedInclude(userId) });
  if (!post) throw new ApiError("not_found", "No such post.");
  return post;
};

/** Likes and replies are for published posts; your own draft has to be published first. */
export const assertPublished = (post: { status: string }) => {
  if (post.status !== "PUBLISHED") throw new ApiError("invalid_state", "Publish this post first.");
};
