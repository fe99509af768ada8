import { infiniteQueryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";

import type { TApiResponse } from "@cto/contracts/api/endpoints";
import type { ZReportTypeSchema } from "@cto/contracts/enums";

import { api, unwrap } from "../../../lib/api-client.ts";

export type TReportType = z.input<typeof ZReportTypeSchema>;
export type TReport = TApiResponse<"/reports/{id}">;

/** GET /reports?type=: that kind's reports, newest period first (the worker writes them), 20 at a time. */
export const getReports = (type: TReportType, cursor?: string) =>
  unwrap(api.GET("/reports", { params: { query: { type, limit: 20, ...(cursor ? { cursor } : {}) } } }));

export const reportsQueryOptions = (type: TReportType) =>
  infiniteQueryOptions({
    queryKey: ["reports", type],
    queryFn: ({ pageParam }) => getReports(type, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useReports = (type: TReportType) => useInfiniteQuery(reportsQueryOptions(type));

/** GET /reports/{id}: one report (a search result or a link opens it, whatever its kind). */
export const getReport = (id: string) => unwrap(api.GET("/reports/{id}", { params: { path: { id } } }));

export const useReport = (id: string | undefined) =>
  useQuery({ queryKey: ["reports", "one", id], queryFn: () => getReport(id!), enabled: Boolean(id) });
