import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { communityKeys } from "./keys.ts";

/** GET /stories: your AI stories, newest first, 20 at a time (the API's cursor). */
export const getStories = (cursor?: string) =>
  unwrap(api.GET("/stories", { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));
export const storiesQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: communityKeys.stories,
    queryFn: ({ pageParam }) => getStories(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
export const useStories = () => useInfiniteQuery(storiesQueryOptions());

/** GET /me/generation-quota: today's AI generations, used and left, and when they reset. */
export const getQuota = () => unwrap(api.GET("/me/generation-quota"));
export const quotaQueryOptions = () => queryOptions({ queryKey: communityKeys.quota, queryFn: getQuota, staleTime: 0 });
export const useQuota = () => useQuery(quotaQueryOptions());

/** POST /stories/generate: one story per period, within the daily limit (429 when spent, 409 when it exists). */
export const generateStory = (period: string) => unwrap(api.POST("/stories/generate", { body: { period } }));

export const useGenerateStory = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateStory,
    // The quota is re-read after a failure too: a 429 means the allowance changed under us.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.stories }),
        queryClient.invalidateQueries({ queryKey: communityKeys.quota }),
      ]),
  });
};
