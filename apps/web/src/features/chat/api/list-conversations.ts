import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /conversations, most recently active first. */
export const listConversations = () => unwrap(api.GET("/conversations", { params: { query: { sort: "updated", limit: 50 } } }));

export type TConversation = Awaited<ReturnType<typeof listConversations>>["items"][number];

export const conversationsQueryOptions = () => queryOptions({ queryKey: ["conversations", "list"], queryFn: listConversations });

export const useConversations = () => useQuery(conversationsQueryOptions());
