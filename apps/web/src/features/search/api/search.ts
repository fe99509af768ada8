import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api-client.ts";

export type TSearchQuery = NonNullable<paths["/search"]["get"]["parameters"]["query"]>;
export type TSearchResult = paths["/search"]["get"]["responses"][200]["content"]["application/json"];
export type TMemoryKind = TSearchResult["memory"][number]["ownerKind"];

/** GET /search: your memory and the knowledge base, by meaning, best matches first. */
export const search = (query: TSearchQuery) => unwrap(api.GET("/search", { params: { query } }));

export const searchQueryOptions = (query: TSearchQuery) =>
  queryOptions({ queryKey: ["search", query], queryFn: () => search(query), enabled: query.q.trim().length > 0, staleTime: 60_000, placeholderData: keepPreviousData });

export const useSearchResults = (query: TSearchQuery) => useQuery(searchQueryOptions(query));
