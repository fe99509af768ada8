import { z } from "zod";

import { PostStatus, ZPostStatusSchema } from "../enums.ts";
import { Post, Reply, Story } from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { zText } from "../values.ts";

/** Your own posts, drafts included. */
export const ZPostSchema = apiRowSchema(Post, { omit: ["authorId"] });
export type TPost = z.infer<typeof ZPostSchema>;

const ZTitleSchema = zText().trim().min(1).max(200);
const ZContentSchema = zText().trim().min(1).max(20_000);

/** Creating a post as published stamps publishedAt now (the database requires it when published). */
export const ZCreatePostSchema = z.object({
  title: ZTitleSchema,
  content: ZContentSchema,
  status: ZPostStatusSchema.optional(),
});
export type TCreatePost = z.input<typeof ZCreatePostSchema>;
/**
 * Publishing an existing draft is POST /posts/{id}/publish (it refuses a second publish, so publishedAt
 * never moves); a change may only take a post back to draft, which clears publishedAt.
 */
export const ZUpdatePostSchema = z.object({
  title: ZTitleSchema.optional(),
  content: ZContentSchema.optional(),
  status: z
    .literal("draft")
    .transform(() => PostStatus.DRAFT)
    .optional()
    .describe("draft unpublishes the post"),
});
export const ZPostFiltersSchema = z.object({ status: ZPostStatusSchema.optional() });

/** Who wrote something, as other users see it: id and name, never the email. */
export const ZAuthorSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  achievementScore: z
    .number()
    .int()
    .describe(
      "The author's achievement score: 10 a completed goal, 5 a published post, 3 a story, 1 a like from someone else",
    ),
});

/** A published post as every signed-in user sees it in the feed. */
export const ZFeedPostSchema = ZPostSchema.extend({
  author: ZAuthorSchema,
  likeCount: z.number().int(),
  replyCount: z.number().int(),
  likedByMe: z.boolean(),
});
export type TFeedPost = z.infer<typeof ZFeedPostSchema>;
export const ZFeedQuerySchema = z.object({
  sort: z
    .enum(["published", "created"])
    .default("published")
    .describe("Newest first, by publishedAt (default) or createdAt"),
  authorId: z.uuid().optional().describe("Only this author's published posts"),
});

export const ZReplySchema = apiRowSchema(Reply, { omit: ["authorId"] }).extend({ author: ZAuthorSchema });
export type TReply = z.infer<typeof ZReplySchema>;
export const ZCreateReplySchema = z.object({ content: ZContentSchema });

export const ZStorySchema = apiRowSchema(Story, { omit: ["userId"] });
export type TStory = z.infer<typeof ZStorySchema>;
export const ZStoryQuerySchema = z.object({
  period: zText().min(1).max(50).optional().describe('Exact period, e.g. "2025-W14"'),
});

export const ZGenerateStorySchema = z.object({
  period: zText()
    .max(8)
    .regex(/^\d{4}-(0[1-9]|1[0-2])$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "A month (2026-11) or an ISO week (2026-W47)"),
});
