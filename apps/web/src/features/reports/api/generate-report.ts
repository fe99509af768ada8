import { useInfiniteQuery, useMutation } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { reportsQueryOptions, type TReportType } from "./get-reports.ts";

/** POST /reports: 202 with the worker's job; 503 when the queue is not reachable (nothing spent then). */
export const generateReport = (type: TReportType) => unwrap(api.POST("/reports", { body: { type } }));

export type TReportGeneration = Awaited<ReturnType<typeof generateReport>>;

export const useGenerateReport = () => useMutation({ mutationFn: generateReport });

// The worker writes a report within seconds; after two minutes the page stops asking and says so.
export const REPORT_POLL_MS = 3_000;
export const REPORT_POLL_LIMIT_MS = 120_000;

/**
 * While `polling`, re-reads that kind's reports (the same query the list shows) until one was written
 * at or after the request: `updatedAt` and `periodEnd` are both server times, and asking again the same
 * day updates that day's row rather than adding one.
 */
export const useReportWhenReady = (generation: TReportGeneration | null, polling: boolean) => {
  const isNew = (item: { updatedAt: number }) => generation !== null && item.updatedAt >= generation.periodEnd;
  // The newest period comes first, so a new or refreshed report is on the first page.
  const reports = useInfiniteQuery({
    ...reportsQueryOptions(generation?.type ?? "seven_day"),
    enabled: generation !== null,
    refetchInterval: (query) => (polling && !query.state.data?.pages[0]?.items.some(isNew) ? REPORT_POLL_MS : false),
  });
  return reports.data?.pages[0]?.items.find(isNew) ?? null;
};
