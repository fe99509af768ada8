import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /insights: what the coach has noticed about you, newest first, 20 at a time (the API's cursor). */
export const getInsights = (cursor?: string) =>
  unwrap(api.GET("/insights", { params: { query: { limit: 20, sort: "created", ...(cursor ? { cursor } : {}) } } }));

export const insightsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ["insights"],
    queryFn: ({ pageParam }) => getInsights(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useInsights = () => useInfiniteQuery(insightsQueryOptions());
