import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /insights: what the coach has noticed about you, newest first. */
export const getInsights = () => unwrap(api.GET("/insights", { params: { query: { limit: 50, sort: "created" } } }));

export const insightsQueryOptions = () => queryOptions({ queryKey: ["insights"], queryFn: getInsights });

export const useInsights = () => useQuery(insightsQueryOptions());
