import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

const KEY = ["memory", "assumptions"] as const;

/** GET /assumptions: what the coach assumed in its replies, newest first, with the action behind each. */
export const assumptionsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: KEY,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/assumptions", { params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
export const useAssumptions = () => useInfiniteQuery(assumptionsQueryOptions());

/** POST /audit-logs/{auditLogId}/assumptions/{id}/verify: right, or wrong (with what is true instead). */
export const useVerifyAssumption = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      auditLogId,
      id,
      verified,
      correction,
    }: {
      auditLogId: string;
      id: string;
      verified: boolean;
      correction?: string;
    }) =>
      unwrap(
        api.POST("/audit-logs/{auditLogId}/assumptions/{id}/verify", {
          params: { path: { auditLogId, id } },
          body: { verified, ...(correction ? { correction } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
};
