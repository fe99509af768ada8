import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAnalysisStatus } from "./types.ts";

export type TSessionFilters = { status?: TAnalysisStatus; trash?: boolean };

/** GET /analysis-sessions: newest activity first (001's sort), one page of 20 at a time. */
export const getSessions = ({ status, trash }: TSessionFilters, cursor?: string) =>
  unwrap(
    api.GET("/analysis-sessions", {
      params: {
        query: {
          sort: "lastActivity",
          limit: 20,
          ...(status ? { status } : {}),
          ...(trash ? { trash: "true" } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );

export const sessionsQueryOptions = (filters: TSessionFilters) =>
  infiniteQueryOptions({
    queryKey: analysisKeys.sessions(filters),
    queryFn: ({ pageParam }) => getSessions(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useSessions = (filters: TSessionFilters) => useInfiniteQuery(sessionsQueryOptions(filters));
