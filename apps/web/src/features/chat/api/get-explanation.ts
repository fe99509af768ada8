import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /conversations/{id}/messages/{messageId}/explanation: the audit entry, assumptions and tool calls behind a reply. */
export const explanationQueryOptions = (conversationId: string, messageId: string) =>
  queryOptions({
    queryKey: ["conversations", conversationId, "explanation", messageId],
    queryFn: () =>
      unwrap(
        api.GET("/conversations/{id}/messages/{messageId}/explanation", {
          params: { path: { id: conversationId, messageId } },
        }),
      ),
    staleTime: 60_000,
  });
export const useExplanation = (conversationId: string, messageId: string, enabled: boolean) =>
  useQuery({ ...explanationQueryOptions(conversationId, messageId), enabled });
