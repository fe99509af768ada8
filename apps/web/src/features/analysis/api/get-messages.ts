import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAnalysisMessage } from "./types.ts";

/**
 * GET /analysis-sessions/{id}/messages, every page: a chat to analyse is read whole, oldest first;
 * `collectionId`: only the messages in that bookmark collection. Bounded at 10 pages (1,000 messages),
 * far beyond one screenshot or pasted conversation.
 */
export const getMessages = async (id: string, collectionId?: string) => {
  const items: TAnalysisMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await unwrap(
      api.GET("/analysis-sessions/{id}/messages", {
        params: {
          path: { id },
          query: { limit: 100, ...(cursor ? { cursor } : {}), ...(collectionId ? { collectionId } : {}) },
        },
      }),
    );
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
};

export const messagesQueryOptions = (id: string) =>
  queryOptions({ queryKey: analysisKeys.messages(id), queryFn: () => getMessages(id) });

export const useMessages = (id: string) => useQuery(messagesQueryOptions(id));

/** The session's messages in one collection; idle while no collection is chosen. */
export const useCollectionMessages = (id: string, collectionId: string | null) =>
  useQuery({
    queryKey: analysisKeys.collectionMessages(id, collectionId ?? ""),
    queryFn: () => getMessages(id, collectionId ?? undefined),
    enabled: collectionId !== null,
  });
