import type { paths } from "../../../lib/api-client.ts";

export type TFeedPost = paths["/feed/{id}"]["get"]["responses"][200]["content"]["application/json"];
export type TPost = paths["/posts/{id}"]["get"]["responses"][200]["content"]["application/json"];
export type TReply = paths["/posts/{id}/replies"]["get"]["responses"][200]["content"]["application/json"]["items"][number];
export type TStory = paths["/stories/{id}"]["get"]["responses"][200]["content"]["application/json"];

export const communityKeys = {
  feed: ["community", "feed"] as const,
  myPosts: (status: string) => ["community", "posts", status] as const,
  replies: (postId: string) => ["community", "replies", postId] as const,
  stories: ["community", "stories"] as const,
  quota: ["community", "quota"] as const,
};
