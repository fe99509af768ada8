import type { TApiItem, TApiResponse } from "@cto/contracts/api/endpoints";

export type TFeedPost = TApiResponse<"/feed/{id}">;
export type TPost = TApiResponse<"/posts/{id}">;
export type TReply = TApiItem<"/posts/{id}/replies">;
export type TStory = TApiResponse<"/stories/{id}">;

export const communityKeys = {
  feed: ["community", "feed"] as const,
  myPosts: (status: string) => ["community", "posts", status] as const,
  replies: (postId: string) => ["community", "replies", postId] as const,
  stories: ["community", "stories"] as const,
  quota: ["community", "quota"] as const,
};
