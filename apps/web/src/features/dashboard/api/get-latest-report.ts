import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /reports?limit=1: the newest report (reports list by period end, newest first), or null. */
export const getLatestReport = async () =>
  (await unwrap(api.GET("/reports", { params: { query: { limit: 1, sort: "periodEnd" } } }))).items[0] ?? null;

export type TReport = NonNullable<Awaited<ReturnType<typeof getLatestReport>>>;

export const latestReportQueryOptions = () =>
  queryOptions({ queryKey: ["reports", "latest"], queryFn: getLatestReport });

export const useLatestReport = () => useQuery(latestReportQueryOptions());
