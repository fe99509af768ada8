import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";

import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

/** PUT or DELETE /posts/{id}/like: both idempotent, both answer the post with its new count. */
export const likePost = ({ id, like }: { id: string; like: boolean }) => {
  const params = { path: { id } };
  return unwrap(like ? api.PUT("/posts/{id}/like", { params }) : api.DELETE("/posts/{id}/like", { params }));
};

type TFeed = InfiniteData<TApiResponse<"/feed">>;

export const useLikePost = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: likePost,
    onSuccess: (post) =>
      queryClient.setQueryData<TFeed>(
        communityKeys.feed,
        (feed) =>
          feed && {
            ...feed,
            pages: feed.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => (item.id === post.id ? post : item)),
            })),
          },
      ),
  });
};
