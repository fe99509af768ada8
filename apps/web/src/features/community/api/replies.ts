import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

/** GET /posts/{id}/replies: oldest first, 50 at a time (the API's cursor); older threads show more on request. */
export const getReplies = (postId: string, cursor?: string) =>
  unwrap(
    api.GET("/posts/{id}/replies", {
      params: { path: { id: postId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  );

export const repliesQueryOptions = (postId: string) =>
  infiniteQueryOptions({
    queryKey: communityKeys.replies(postId),
    queryFn: ({ pageParam }) => getReplies(postId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useReplies = (postId: string) => useInfiniteQuery(repliesQueryOptions(postId));

/** POST /posts/{id}/replies. */
export const createReply = ({ postId, content }: { postId: string; content: string }) =>
  unwrap(api.POST("/posts/{id}/replies", { params: { path: { id: postId } }, body: { content } }));

export const useCreateReply = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReply,
    onSuccess: (_reply, { postId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.replies(postId) }),
        queryClient.invalidateQueries({ queryKey: communityKeys.feed }),
      ]),
  });
};
