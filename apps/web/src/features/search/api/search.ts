import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";

export type TSearchQuery = NonNullable<paths["/search"]["get"]["parameters"]["query"]>;
export type TSearchResult = paths["/search"]["get"]["responses"][200]["content"]["application/json"];
export type TMemoryKind = TSearchResult["memory"][number]["ownerKind"];

/** GET /search: your memory and the knowledge base, by meaning, best matches first. */
export const search = (query: TSearchQuery) => unwrap(api.GET("/search", { params: { query } }));

// The API already bounds its wait for the AI provider (AI_QUERY_TIMEOUT_MS): its answer, even a 503, is shown at once.
const retrySearch = (failureCount: number, error: unknown) => !(error instanceof ApiError && error.status >= 400) && failureCount < 1;

export const searchQueryOptions = (query: TSearchQuery) =>
  queryOptions({ queryKey: ["search", query], queryFn: () => search(query), enabled: query.q.trim().length > 0, staleTime: 60_000, placeholderData: keepPreviousData, retry: retrySearch });

export const useSearchResults = (query: TSearchQuery) => useQuery(searchQueryOptions(query));
