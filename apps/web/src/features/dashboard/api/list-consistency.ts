import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /consistency-metrics: the worker's consistency scores (0–100) per window, newest first. */
export const listConsistency = () => unwrap(api.GET("/consistency-metrics", { params: { query: { limit: 30 } } }));

export type TConsistencyMetric = Awaited<ReturnType<typeof listConsistency>>["items"][number];

export const consistencyQueryOptions = () =>
  queryOptions({ queryKey: ["consistency-metrics"], queryFn: listConsistency });

export const useConsistency = () => useQuery(consistencyQueryOptions());
