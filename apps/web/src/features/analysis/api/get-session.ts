import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

/** GET /analysis-sessions/{id}. While the server works on it (uploading, analysing), it is polled. */
export const getSession = (id: string) => unwrap(api.GET("/analysis-sessions/{id}", { params: { path: { id } } }));

const BUSY = new Set(["uploading", "analysis_in_progress"]);

export const sessionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: analysisKeys.session(id),
    queryFn: () => getSession(id),
    refetchInterval: (query) => (query.state.data && BUSY.has(query.state.data.status) ? 3000 : false),
  });

export const useSession = (id: string) => useQuery(sessionQueryOptions(id));
