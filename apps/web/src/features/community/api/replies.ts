import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

/** GET /posts/{id}/replies: the first 100 replies, oldest first (a growth diary's thread stays short). */
export const getReplies = (postId: string) => unwrap(api.GET("/posts/{id}/replies", { params: { path: { id: postId }, query: { limit: 100 } } }));

export const repliesQueryOptions = (postId: string) => queryOptions({ queryKey: communityKeys.replies(postId), queryFn: () => getReplies(postId) });

export const useReplies = (postId: string) => useQuery(repliesQueryOptions(postId));

/** POST /posts/{id}/replies. */
export const createReply = ({ postId, content }: { postId: string; content: string }) => unwrap(api.POST("/posts/{id}/replies", { params: { path: { id: postId } }, body: { content } }));

export const useCreateReply = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReply,
    onSuccess: (_reply, { postId }) => Promise.all([queryClient.invalidateQueries({ queryKey: communityKeys.replies(postId) }), queryClient.invalidateQueries({ queryKey: communityKeys.feed })]),
  });
};
