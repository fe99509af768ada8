import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** Which conversations a list shows: the main list, the archive, or the trash. */
export type TConversationShelf = "main" | "archive" | "trash";

const SHELF_QUERY = {
  main: { isActive: "true" },
  archive: { isActive: "false" },
  trash: { trash: "true" },
} as const;

/** GET /conversations, pinned first, then most recently active, 30 at a time (the API's cursor). */
export const listConversations = (cursor?: string, shelf: TConversationShelf = "main") =>
  unwrap(
    api.GET("/conversations", {
      params: { query: { sort: "updated", limit: 30, ...SHELF_QUERY[shelf], ...(cursor ? { cursor } : {}) } },
    }),
  );

export type TConversation = Awaited<ReturnType<typeof listConversations>>["items"][number];

export const conversationsQueryOptions = (shelf: TConversationShelf = "main") =>
  infiniteQueryOptions({
    queryKey: ["conversations", "list", shelf],
    queryFn: ({ pageParam }) => listConversations(pageParam, shelf),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useConversations = (shelf: TConversationShelf = "main") =>
  useInfiniteQuery(conversationsQueryOptions(shelf));
