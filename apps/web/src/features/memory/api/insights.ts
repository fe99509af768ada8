import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

const KEY = ["memory", "insights"] as const;

/** GET /insights: everything the coach holds as an insight, newest first, 20 at a time. */
export const memoryInsightsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: KEY,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/insights", {
          params: { query: { limit: 20, sort: "created", ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
export const useMemoryInsights = () => useInfiniteQuery(memoryInsightsQueryOptions());

/** The three things the user does to an insight: confirm it, correct it (an edit), forget it (its embeddings go too). */
export const useInsightReview = () => {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: KEY });
  const confirm = useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/insights/{id}/confirm", { params: { path: { id } } })),
    onSuccess,
  });
  const correct = useMutation({
    mutationFn: ({ id, content }: { id: string; content: string }) =>
      unwrap(api.PATCH("/insights/{id}", { params: { path: { id } }, body: { content } })),
    onSuccess,
  });
  const forget = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/insights/{id}", { params: { path: { id }, query: { permanent: "false" } } })),
    onSuccess,
  });
  return { confirm, correct, forget };
};
