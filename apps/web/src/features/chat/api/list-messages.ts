import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

const PAGE = 100;
const MAX_PAGES = 10;

/**
 * GET /conversations/{id}/messages, every page (oldest first), up to 1,000 messages: a thread is
 * read as a whole, from the top.
 */
export const listMessages = async (id: string) => {
  const items = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await unwrap(
      api.GET("/conversations/{id}/messages", {
        params: { path: { id }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
};

export type TMessage = Awaited<ReturnType<typeof listMessages>>[number];

export const messagesQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["conversations", id, "messages"], queryFn: () => listMessages(id) });

export const useMessages = (id: string) => useQuery(messagesQueryOptions(id));
