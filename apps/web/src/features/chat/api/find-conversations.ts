import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /conversations/search: titles and messages containing `q`, literally. */
export const searchConversations = (q: string) =>
  unwrap(api.GET("/conversations/search", { params: { query: { q, limit: 20 } } }));

export type TConversationMatch = Awaited<ReturnType<typeof searchConversations>>["items"][number];

export const useConversationSearch = (q: string) =>
  useQuery({
    queryKey: ["conversations", "search", q],
    queryFn: () => searchConversations(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

/** GET /conversations/starters: first messages suggested from the user's goals and profile. */
export const startersQueryOptions = () =>
  queryOptions({
    queryKey: ["conversations", "starters"],
    queryFn: () => unwrap(api.GET("/conversations/starters")),
    staleTime: 60_000,
  });

export const useStarters = () => useQuery(startersQueryOptions());

/** GET /models: what a conversation can choose, with prices. */
export const useModels = () =>
  useQuery({ queryKey: ["models"], queryFn: () => unwrap(api.GET("/models")), staleTime: 5 * 60_000 });

/** GET /conversations/{id}: one conversation, wherever it is listed (main, archive, a search result). */
export const useConversation = (id: string) =>
  useQuery({
    queryKey: ["conversations", "one", id],
    queryFn: () => unwrap(api.GET("/conversations/{id}", { params: { path: { id } } })),
  });
