import { queryOptions, useQuery } from "@tanstack/react-query";

import type { TDocument } from "@cto/contracts/api/documents";

import { api, unwrap } from "../../../lib/api-client.ts";
import { documentKeys } from "./keys.ts";

export type { TDocument };

const BUSY = new Set<TDocument["status"]>(["pending", "processing"]);
export const isBusy = (document: TDocument) => BUSY.has(document.status);

/** GET /documents. While the worker reads one of them, the list is polled for its progress. */
export const listDocuments = async () => (await unwrap(api.GET("/documents"))).items;

export const documentsQueryOptions = () =>
  queryOptions({
    queryKey: documentKeys.list,
    queryFn: listDocuments,
    refetchInterval: (query) => (query.state.data?.some(isBusy) ? 1_500 : false),
  });

export const useDocuments = () => useQuery(documentsQueryOptions());
