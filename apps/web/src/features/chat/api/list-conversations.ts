import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /conversations, most recently active first, 30 at a time (the API's cursor). */
export const listConversations = (cursor?: string) =>
  unwrap(
    api.GET("/conversations", { params: { query: { sort: "updated", limit: 30, ...(cursor ? { cursor } : {}) } } }),
  );

export type TConversation = Awaited<ReturnType<typeof listConversations>>["items"][number];

export const conversationsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ["conversations", "list"],
    queryFn: ({ pageParam }) => listConversations(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useConversations = () => useInfiniteQuery(conversationsQueryOptions());
