import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

export type TPostStatus = "draft" | "published";

/** GET /posts?status=: your own posts, drafts included, last changed first. */
export const getMyPosts = (status: TPostStatus) => unwrap(api.GET("/posts", { params: { query: { status, sort: "updated", limit: 50 } } }));

export const myPostsQueryOptions = (status: TPostStatus) => queryOptions({ queryKey: communityKeys.myPosts(status), queryFn: () => getMyPosts(status) });

export const useMyPosts = (status: TPostStatus) => useQuery(myPostsQueryOptions(status));

/** POST /posts: as a draft, or published at once. */
export const createPost = (body: { title: string; content: string; status: TPostStatus }) => unwrap(api.POST("/posts", { body }));

/** POST /posts/{id}/publish: a draft goes public. */
export const publishPost = (id: string) => unwrap(api.POST("/posts/{id}/publish", { params: { path: { id } } }));

/** DELETE /posts/{id}: gone, with its likes and replies. */
export const deletePost = (id: string) => unwrap(api.DELETE("/posts/{id}", { params: { path: { id }, query: { permanent: "true" } } }));

const useCommunityMutation = <T, R>(mutationFn: (input: T) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ["community", "posts"] }), queryClient.invalidateQueries({ queryKey: communityKeys.feed })]) });
};

export const useCreatePost = () => useCommunityMutation(createPost);
export const usePublishPost = () => useCommunityMutation(publishPost);
export const useDeletePost = () => useCommunityMutation(deletePost);
