import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

/** GET /feed: everyone's published posts, newest first, 10 at a time. */
export const getFeed = (cursor?: string) =>
  unwrap(api.GET("/feed", { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }));

export const feedQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: communityKeys.feed,
    queryFn: ({ pageParam }) => getFeed(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useFeed = () => useInfiniteQuery(feedQueryOptions());
