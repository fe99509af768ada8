import { toApiRow } from "@cto/contracts/rows";
import { Post, Reply } from "@cto/contracts/tables";
import type { Post as TPostRow, Reply as TReplyRow } from "@cto/db/client";

type TAuthor = { id: string; name: string | null };

/** A post as services' `feedInclude` reads it. */
type TFeedRow = TPostRow & { author: TAuthor; _count: { likes: number; replies: number }; likes: { id: string }[] };

export const serializeFeedPost = ({ author, _count, likes, ...post }: TFeedRow) => ({
  ...toApiRow(Post, post, ["authorId"]),
  author,
  likeCount: _count.likes,
  replyCount: _count.replies,
  likedByMe: likes.length > 0,
});

export const serializeReply = ({ author, ...reply }: TReplyRow & { author: TAuthor }) => ({
  ...toApiRow(Reply, reply, ["authorId"]),
  author,
});
