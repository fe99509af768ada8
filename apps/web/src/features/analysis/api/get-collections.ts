import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

/** GET /analysis-collections: your bookmark collections across sessions, with their sizes. */
export const getCollections = async () => (await unwrap(api.GET("/analysis-collections"))).items;

export const collectionsQueryOptions = () =>
  queryOptions({ queryKey: analysisKeys.collections, queryFn: getCollections });

export const useCollections = () => useQuery(collectionsQueryOptions());
