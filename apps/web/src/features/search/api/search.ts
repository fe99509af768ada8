import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import type { TApiQuery } from "@cto/contracts/api/endpoints";
import type { TSearchResult } from "@cto/contracts/api/search";

import { api, unwrap } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";

export type { TSearchResult };
export type TSearchQuery = TApiQuery<"/search">;
export type TMemoryKind = TSearchResult["memory"][number]["ownerKind"];

/** GET /search: your memory and the knowledge base, by meaning, best matches first. */
export const search = (query: TSearchQuery) => unwrap(api.GET("/search", { params: { query } }));

// The API already bounds its wait for the AI provider (AI_QUERY_TIMEOUT_MS): its answer, even a 503, is shown at once.
const retrySearch = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400) && failureCount < 1;

export const searchQueryOptions = (query: TSearchQuery) =>
  queryOptions({
    queryKey: ["search", query],
    queryFn: () => search(query),
    enabled: query.q.trim().length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    retry: retrySearch,
  });

export const useSearchResults = (query: TSearchQuery) => useQuery(searchQueryOptions(query));
