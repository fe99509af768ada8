import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api-client.ts";

export type TReportType = "two_day" | "seven_day" | "twenty_one_day";
export type TReport = paths["/reports/{id}"]["get"]["responses"][200]["content"]["application/json"];

/** GET /reports?type=: that kind's reports, newest period first (the worker writes them). */
export const getReports = (type: TReportType) => unwrap(api.GET("/reports", { params: { query: { type, limit: 20 } } }));

export const reportsQueryOptions = (type: TReportType) => queryOptions({ queryKey: ["reports", type], queryFn: () => getReports(type) });

export const useReports = (type: TReportType) => useQuery(reportsQueryOptions(type));
