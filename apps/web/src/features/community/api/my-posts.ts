import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { TCreatePost, ZUpdatePostSchema } from "@cto/contracts/api/community";
import type { ZPostStatusSchema } from "@cto/contracts/enums";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

export type TPostStatus = z.input<typeof ZPostStatusSchema>;

/** GET /posts?status=: your own posts, drafts included, last changed first, 20 at a time. */
export const getMyPosts = (status: TPostStatus, cursor?: string) =>
  unwrap(
    api.GET("/posts", { params: { query: { status, sort: "updated", limit: 20, ...(cursor ? { cursor } : {}) } } }),
  );

export type TMyPost = Awaited<ReturnType<typeof getMyPosts>>["items"][number];

export const myPostsQueryOptions = (status: TPostStatus) =>
  infiniteQueryOptions({
    queryKey: communityKeys.myPosts(status),
    queryFn: ({ pageParam }) => getMyPosts(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useMyPosts = (status: TPostStatus) => useInfiniteQuery(myPostsQueryOptions(status));

/** GET /posts/{id}: one of your own posts, draft or published (a search result's link opens it). */
export const getMyPost = (id: string) => unwrap(api.GET("/posts/{id}", { params: { path: { id } } }));

export const useMyPost = (id: string | undefined) =>
  useQuery({ queryKey: [...communityKeys.myPosts("one"), id], queryFn: () => getMyPost(id!), enabled: Boolean(id) });

/** POST /posts: as a draft, or published at once. */
export const createPost = (body: TCreatePost) => unwrap(api.POST("/posts", { body }));

/** POST /posts/{id}/publish: a draft goes public. */
export const publishPost = (id: string) => unwrap(api.POST("/posts/{id}/publish", { params: { path: { id } } }));

/** PATCH /posts/{id}: a new title or text, for a draft or a published post (it stays published). */
export const updatePost = ({ id, ...body }: z.input<typeof ZUpdatePostSchema> & { id: string }) =>
  unwrap(api.PATCH("/posts/{id}", { params: { path: { id } }, body }));

/** DELETE /posts/{id}: gone, with its likes and replies. */
export const deletePost = (id: string) =>
  unwrap(api.DELETE("/posts/{id}", { params: { path: { id }, query: { permanent: "true" } } }));

const useCommunityMutation = <T, R>(mutationFn: (input: T) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["community", "posts"] }),
        queryClient.invalidateQueries({ queryKey: communityKeys.feed }),
      ]),
  });
};

export const useCreatePost = () => useCommunityMutation(createPost);
export const useUpdatePost = () => useCommunityMutation(updatePost);
export const usePublishPost = () => useCommunityMutation(publishPost);
export const useDeletePost = () => useCommunityMutation(deletePost);
